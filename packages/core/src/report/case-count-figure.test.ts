/**
 * B7.1 derived from case counts (case-count-figure.ts): hand counts, the rule for a year without
 * cases (nothing derived: the typed value stands), and a lineage that holds counts only.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../model/bundle.js';
import type { ComplianceCase } from '../model/compliance-case.js';
import { caseCountFigure } from './case-count-figure.js';
import { caseCounts } from './compliance-case-counts.js';
import { lineageLabeller, localiseLineage } from './lineage-text.js';

const bundle = {
  organisation: {
    entities: [
      { id: 'group', kind: 'group', name: { 'zh-Hant': '集團', en: 'Group' } },
      { id: 'mine', kind: 'subsidiary', parentId: 'group', name: { 'zh-Hant': '礦', en: 'Mine' } },
    ],
  },
  reporting: { current: '2025', prior: ['2024'] },
  indicators: [],
  dataPoints: [],
  activityLines: [],
} as unknown as Bundle;

const base = { entityId: 'mine', summary: 'SECRET-TEXT', openedOn: '2024-01-10' } as const;
const cases: ComplianceCase[] = [
  {
    ...base,
    id: 'qx-a',
    kind: 'legal-case',
    type: 'bribery',
    concludedOn: '2025-03-01',
    outcome: 'substantiated',
  },
  {
    ...base,
    id: 'qx-b',
    kind: 'legal-case',
    type: 'bribery',
    concludedOn: '2025-06-01',
    outcome: 'substantiated',
  },
  {
    ...base,
    id: 'qx-c',
    kind: 'legal-case',
    type: 'fraud',
    concludedOn: '2025-12-31',
    outcome: 'withdrawn',
  },
  { ...base, id: 'qx-d', kind: 'legal-case', type: 'fraud' },
  {
    ...base,
    id: 'qx-e',
    kind: 'whistleblowing',
    type: 'bribery',
    concludedOn: '2025-02-01',
    outcome: 'unsubstantiated',
  },
  {
    ...base,
    id: 'qx-f',
    kind: 'legal-case',
    type: 'extortion',
    concludedOn: '2026-01-01',
    outcome: 'substantiated',
  },
] as ComplianceCase[];

describe('caseCountFigure', () => {
  it('counts legal cases concluded in the year (hand count: qx-a, qx-b, qx-c = 3)', () => {
    const d = caseCountFigure(bundle, caseCounts(cases, '2025'));
    expect(d?.figure.id).toBe('anticorruption.cases@group/2025');
    expect(d?.figure.value.kind === 'quantity' && d.figure.value.value.toString()).toBe('3');
    expect(
      d?.lineage.children.map((c) => [c.id, c.value?.kind === 'quantity' && c.value.value.toString()]),
    ).toEqual([
      ['case-count:legal-case/bribery/substantiated/2025', '2'],
      ['case-count:legal-case/fraud/withdrawn/2025', '1'],
    ]);
  });

  it('a year whose register has only open or whistleblowing cases derives 0; a year with none derives nothing', () => {
    const only = cases.filter((c) => c.id === 'qx-d' || c.id === 'qx-e');
    const d = caseCountFigure(bundle, caseCounts(only, '2025'));
    expect(d?.figure.value.kind === 'quantity' && d.figure.value.value.toString()).toBe('0');
    expect(caseCountFigure(bundle, caseCounts(cases, '2019'))).toBeUndefined();
    expect(caseCountFigure(bundle, [])).toBeUndefined();
  });

  it('the localised lineage names counts only, in both languages', () => {
    const d = caseCountFigure(bundle, caseCounts(cases, '2025'));
    if (!d) throw new Error('expected a figure');
    const tree = localiseLineage(d.lineage, lineageLabeller(bundle));
    const text = JSON.stringify(tree);
    for (const leak of ['qx-a', 'qx-b', 'qx-c', 'SECRET-TEXT', 'mine', '2025-03-01'])
      expect(text).not.toContain(leak);
    expect(tree.children.map((c) => c.text)).toEqual([
      {
        'zh-Hant': '已審結法律案件：賄賂，屬實（2025年，2宗）',
        en: 'concluded legal cases: bribery, substantiated (2025, 2)',
      },
      {
        'zh-Hant': '已審結法律案件：欺詐，撤回（2025年，1宗）',
        en: 'concluded legal cases: fraud, withdrawn (2025, 1)',
      },
    ]);
  });
});
