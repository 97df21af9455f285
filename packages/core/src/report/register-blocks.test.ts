/**
 * The report's targets table (issue #18): base, target, actual and status from the figures, the
 * same digits in both languages (only the words and unit labels differ), the actual at its
 * figure's precision (half-up), a dash where there is nothing to print.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../calc/figure.js';
import { emptyRegisters, type Target } from '../model/registers.js';
import { quantity } from '../units/quantity.js';
import type { Cell } from './model.js';
import { targetBlocks } from './register-blocks.js';
import { targetFigureIndex } from './target-progress.js';

const scope1: Figure = {
  id: 'ghg.scope1@group/2025',
  indicatorId: 'ghg.scope1',
  entityId: 'group',
  periodId: '2025',
  disaggregation: {},
  value: quantity('12345.675', 'tCO2e'),
  precision: 2,
};
const cut: Target = {
  id: 'cut',
  name: { en: 'Cut Scope 1', 'zh-Hant': '減少範圍一排放' },
  indicatorId: 'ghg.scope1',
  comparator: 'max',
  baseYear: '2020',
  baseValue: '20000',
  value: '10000.5',
  unit: 'tCO2e',
  targetYear: '2030',
};
const qualitative: Target = { id: 'q', name: { en: 'Lower intensity', 'zh-Hant': '降低強度' } };

describe('targetBlocks', () => {
  const [table] = targetBlocks(
    { ...emptyRegisters, targets: [cut, qualitative] },
    targetFigureIndex([scope1]),
    '2025',
    'group',
  );
  const texts = (lang: 'en' | 'zh-Hant') =>
    table?.kind === 'table'
      ? table.rows.map((r) => r.map((c: Cell) => (c.kind === 'text' ? c.text[lang] : '')))
      : [];

  it('prints base, target, actual (figure precision, half-up) and status', () => {
    expect(table?.kind === 'table' && table.head.map((h) => h.en)).toEqual([
      'Target',
      'Base',
      'Target value',
      'Actual 2025',
      'Status',
    ]);
    // path 2025: 20,000 − 9,999.5 × 5/10 = 15,000.25; 12,345.68 is below: on track
    expect(texts('en')).toEqual([
      ['Cut Scope 1', '2020: 20,000 tCO2e', '2030: 10,000.5 tCO2e', '12,345.68 tCO2e', 'On track'],
      ['Lower intensity', '—', '—', '—', 'Not measured'],
    ]);
  });

  it('prints the same digits in Chinese', () => {
    const digits = (rows: string[][]) =>
      rows.map((r) => r.slice(1, 4).map((c) => c.match(/(?<![A-Za-z\d])\d[\d,.]*/g)?.join(' ') ?? ''));
    expect(digits(texts('zh-Hant'))).toEqual(digits(texts('en')));
    expect(texts('zh-Hant')[0]?.[4]).toBe('進度正常');
  });
});
