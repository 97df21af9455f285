/**
 * The restatement note (GRI 2-4) in the report model: a section closing "About this report"
 * with the policy, each restatement's reason, type, values as reported and restated, its effect
 * on Scope 1 + 2 and the base-year test; the same numbers in both languages; none without a base
 * year or a restatement. Figures are hand-computed.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { significance } from '../methods/base-year.js';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import { bundle, dp, fuel, sub } from '../testing/bundle-builder.js';
import { buildReport } from './build-report.js';
import type { Block, Section } from './model.js';
import type { RestatementNoteInput } from './restatement-note.js';

const d = (s: string) => new Decimal(s);
const diesel = fuel('smelter', 'diesel', '100 t');
const base = bundle({
  entities: [sub('smelter', { name: { 'zh-Hant': '示例冶煉廠', en: 'Demo Smelter' } })],
  lines: [diesel],
  data: [dp('group', 'revenue', '1000 CNY million')],
});
const withPolicy = {
  ...base,
  organisation: {
    ...base.organisation,
    baseYear: {
      year: '2025',
      thresholdPercent: d('5'),
      triggers: ['structural-change', 'error-correction'] as const,
    },
  },
};
const { figures } = evaluateBundle(withPolicy);
const status = { state: 'final', units: 1 } as const;

// 100 t → 90 t of diesel, and Scope 1 + 2 of 2025 from 316.2 to 284.58 tCO2e: inputs chosen for
// round per cents (the note prints what the app hands in; the app's tests use calculated ones).
const input: RestatementNoteInput = {
  baseYearScope12: d('284.58'),
  restatements: [
    {
      id: 7,
      change: 'error-correction',
      reason: 'The October diesel invoice was entered twice.',
      approvedAt: '2026-04-02T10:00:00.000Z',
      approvedBy: 'alex <alex@example.com>',
      items: [
        {
          kind: 'activity-line',
          factId: diesel.id,
          entityId: 'smelter',
          periodId: '2025',
          activity: 'fuel',
          subject: 'diesel',
          unit: 't',
          before: d('100'),
          after: d('90'),
        },
      ],
      totals: [{ periodId: '2025', before: d('316.2'), after: d('284.58') }],
      baseYear: {
        year: '2025',
        before: d('316.2'),
        after: d('284.58'),
        thresholdPercent: d('5'),
        significance: significance({ before: d('316.2'), after: d('284.58'), thresholdPercent: d('5') }),
      },
    },
  ],
};

const note = (s: readonly Section[]) =>
  s.find((x) => x.id === 'about')?.sections.find((x) => x.id === 'restatements');
const texts = (blocks: readonly Block[], lang: 'en' | 'zh-Hant') =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph' || b.kind === 'subheading'
      ? [b.text[lang]]
      : b.kind === 'table'
        ? b.rows.map((r) =>
            r
              .map((c) => (c.kind === 'text' ? c.text[lang] : c.kind === 'number' ? c.value.text : ''))
              .join(' | '),
          )
        : [],
  );

describe('the restatement note', () => {
  it('closes "About this report" with the policy, the reason, old and new values and the base-year test', () => {
    const m = buildReport({ bundle: withPolicy, figures, status, restatements: input });
    const s = note(m.sections);
    expect(s?.number).toBe('1.1');
    expect(s?.title).toEqual({
      'zh-Hant': '資料重述（GRI 2-4）',
      en: 'Restatements of information (GRI 2-4)',
    });
    const en = texts(s?.blocks ?? [], 'en');
    expect(en).toContain('Restatement 7: correction of an error (approved 2026-04-02)');
    expect(en).toContain('The October diesel invoice was entered twice.');
    expect(en).toContain('Demo Smelter | Fuel: Diesel | 2025 | t | 100 | 90');
    expect(en).toContain('2025 | 316.20 | 284.58');
    expect(en.join('\n')).toContain(
      'Base year: 2025. Recalculation policy: the base year is recalculated when a structural change or the correction of an error moves its Scope 1 and 2 emissions by 5 % or more',
    );
    // |−31.62| / 316.2 = 10 % exactly.
    expect(en.join('\n')).toContain(
      'Base year 2025: Scope 1 and 2 emissions as previously reported 316.20 tCO2e, recalculated 284.58 tCO2e (change -31.62, 10.0 %',
    );
    expect(en.join('\n')).toContain('significant: the base year is recalculated as the policy asks');
    const zh = texts(s?.blocks ?? [], 'zh-Hant');
    expect(zh).toContain('重述第7號：更正錯誤（2026-04-02批准）');
    expect(zh).toContain('示例冶煉廠 | 燃料：柴油 | 2025 | t | 100 | 90');
    expect(zh.join('\n')).toContain(
      '基準年2025年範圍1及範圍2排放由316.20噸二氧化碳當量重新計算為284.58噸二氧化碳當量',
    );
    expect(m.restatementNote).toMatchObject({
      sectionId: 'restatements',
      baseYear: { year: '2025', thresholdPercent: '5', scope12: '284.58' },
      restatements: [
        {
          id: 7,
          change: 'error-correction',
          items: [
            { factId: diesel.id, before: '100', after: '90', unit: 't', label: { en: 'Fuel: Diesel' } },
          ],
          totals: [{ periodId: '2025', before: '316.2', after: '284.58' }],
          baseYear: { before: '316.2', after: '284.58', delta: '-31.62', percent: '10', significant: true },
        },
      ],
    });
  });

  it('with a base year and no restatement it says none is restated; with neither there is no note', () => {
    const m = buildReport({
      bundle: withPolicy,
      figures,
      status,
      restatements: { baseYearScope12: null, restatements: [] },
    });
    expect(texts(note(m.sections)?.blocks ?? [], 'en')[0]).toBe(
      'No information reported for earlier periods is restated in this report.',
    );
    const plain = buildReport({
      bundle: base,
      figures,
      status,
      restatements: { baseYearScope12: null, restatements: [] },
    });
    expect(note(plain.sections)).toBeUndefined();
    expect(plain.restatementNote).toBeNull();
    expect(buildReport({ bundle: base, figures, status }).restatementNote).toBeNull();
  });
});
