/** Year on year reported once, where the change originates (issue #24). */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../model/bundle.js';
import { bundle, dp, explanation, line, sub } from '../../testing/bundle-builder.js';
import { runRule } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { yearOnYearRule } from './year-on-year.js';

/** Hazardous slag: smelter 10 t → 40 t (+300%), mine 10 t → 10 t; the group 20 → 50 t (+150%). */
function slag(extra: Partial<Bundle> = {}): Bundle {
  const haz = (e: string, v: string, y: string) =>
    dp(e, 'waste.hazardous', `${v} t`, { category: 'slag' }, y);
  const b = bundle({
    entities: [sub('smelter'), sub('mine')],
    data: [
      haz('smelter', '10', '2024'),
      haz('smelter', '40', '2025'),
      haz('mine', '10', '2024'),
      haz('mine', '10', '2025'),
    ],
  });
  return { ...b, frameworks: { frameworks: [] }, ...extra };
}
const figuresOf = (b: Bundle) =>
  runRule(yearOnYearRule, b).map((f) => f.where.figureId ?? f.where.publishedId);

describe('year on year at the origin (issue #24)', () => {
  it('reports the smelter’s slag once, not at its totals nor at the group’s three roll-ups above it', () => {
    // before issue #24 the same data gave six warnings: the category, waste.hazardous and
    // waste.hazardous.total at the smelter, and the same three at the group (+150%)
    expect(figuresOf(slag())).toEqual(['waste.hazardous[category=slag]@smelter/2025']);
  });

  it('reports nothing above an origin whose change is explained, and a printed group total not at all', () => {
    const registers = {
      explanations: [explanation('waste.hazardous[category=slag]@smelter/2025', 'New furnace')],
    };
    const printed = [
      pub('haz-24', '20', '噸', { period: '2024', figure: 'waste.hazardous.total@group/2024' }),
      pub('haz-25', '50', '噸', { figure: 'waste.hazardous.total@group/2025' }),
    ];
    const b = slag({ published: printed });
    expect(figuresOf({ ...b, registers: { ...b.registers, ...registers } })).toEqual([]);
    // without the explanation the printed total is still not the origin: the smelter's category is,
    // and its finding names the totals above it that move with it
    const fs = runRule(yearOnYearRule, b);
    expect(fs.map((f) => f.where.figureId)).toEqual(['waste.hazardous[category=slag]@smelter/2025']);
    expect(fs[0]?.message.en).toContain('Totals above it that move with it, not reported again: haz-25');
    expect(fs[0]?.message['zh-Hant']).toContain('隨之變動的上層合計（不再重複提示）：haz-25');
  });

  it('takes an explanation of the printed total as covering the moves below it', () => {
    const printed = [
      pub('haz-24', '20', '噸', { period: '2024', figure: 'waste.hazardous.total@group/2024' }),
      pub('haz-25', '50', '噸', { figure: 'waste.hazardous.total@group/2025' }),
    ];
    const b = slag({ published: printed });
    const registers = { ...b.registers, explanations: [explanation('haz-25', 'New furnace at the smelter')] };
    expect(figuresOf({ ...b, registers })).toEqual([]);
  });

  it('still reports a total whose change has no origin below it (a part that is new this year)', () => {
    const b = bundle({
      entities: [sub('smelter'), sub('mine')],
      data: [
        dp('smelter', 'waste.hazardous', '10 t', { category: 'slag' }, '2024'),
        dp('smelter', 'waste.hazardous', '10 t', { category: 'slag' }, '2025'),
        dp('mine', 'waste.hazardous', '30 t', { category: 'slag' }, '2025'), // the mine is new in 2025
      ],
    });
    const ids = figuresOf({ ...b, frameworks: { frameworks: [] } });
    // 10 → 40 t at the group; every figure below it either did not move or has no prior year
    expect(ids).toEqual(['waste.hazardous[category=slag]@group/2025']);
  });

  it('never compares a sum over pollutants, but does compare each pollutant', () => {
    const air = (id: string, v: string, y: string, d: Record<string, string> = {}) =>
      pub(id, v, '噸', { period: y, indicator: 'air.emissions', disaggregation: d });
    const total = [air('a24', '10.0', '2024'), air('a25', '30.0', '2025')];
    const nox = [
      air('n24', '5.0', '2024', { pollutant: 'nox' }),
      air('n25', '25.0', '2025', { pollutant: 'nox' }),
    ];
    const b = { ...slag(), data: [], dataPoints: [] };
    expect(figuresOf({ ...b, published: total })).toEqual([]);
    expect(figuresOf({ ...b, published: nox })).toEqual(['air.emissions[pollutant=nox]@group/2025']);
  });

  it('names the input line that moved', () => {
    const b = bundle({
      entities: [sub('smelter')],
      lines: [
        line('smelter', 'fuel', 'diesel', '100 t', { use: 'combustion', period: '2024' }),
        line('smelter', 'fuel', 'diesel', '300 t', { use: 'combustion', period: '2025' }),
      ],
    });
    const fs = runRule(yearOnYearRule, { ...b, frameworks: { frameworks: [] } });
    const combustion = fs.find((f) => f.where.figureId === 'ghg.scope1.combustion@smelter/2025');
    expect(combustion?.message.en).toContain(
      'Input lines that moved: fuel diesel (combustion) at smelter: 100 → 300 t (+200.0%).',
    );
    // nothing at the smelter's Scope 1 or total, nor anywhere at the group
    expect(
      fs
        .map((f) => f.where.figureId)
        .filter((id) => id?.startsWith('ghg.scope1@') || id?.includes('@group/')),
    ).toEqual([]);
  });
});
