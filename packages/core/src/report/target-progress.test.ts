import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../calc/figure.js';
import { Decimal } from '../decimal.js';
import type { Target } from '../model/registers.js';
import { quantity } from '../units/quantity.js';
import { pathValue, targetFigureIndex, targetProgress } from './target-progress.js';

const figure = (
  indicatorId: string,
  entityId: string,
  year: string,
  value: string,
  unit: string,
): Figure => ({
  id: `${indicatorId}@${entityId}/${year}`,
  indicatorId,
  entityId,
  periodId: year,
  disaggregation: {},
  value: quantity(value, unit),
  precision: 2,
});

/** Scope 1 of the group: 100 tCO2e in 2020, at most 60 by 2030 (a straight path: −4 a year). */
const cut: Target = {
  id: 'scope1-cut',
  name: { en: 'Cut Scope 1', 'zh-Hant': '減少範圍一排放' },
  indicatorId: 'ghg.scope1',
  entityId: 'group',
  comparator: 'max',
  value: '60',
  unit: 'tCO2e',
  baseYear: '2020',
  baseValue: '100',
  targetYear: '2030',
};
const at = (value: string, year = '2025', unit = 'tCO2e') =>
  targetProgress(cut, targetFigureIndex([figure('ghg.scope1', 'group', year, value, unit)]), year, 'group');

describe('target progress and status (docs/registers.md, the status rule)', () => {
  it('on track at the path value, at risk just above it (path 2025 = 80 by hand)', () => {
    expect(pathValue(cut, '2025')?.toString()).toBe('80');
    expect(at('80')).toMatchObject({ status: 'on-track' });
    expect(at('80.0001').status).toBe('at-risk');
    // (100 − 80) / (100 − 60) = 50 %
    expect(at('80').percent?.toString()).toBe('50');
  });

  it('achieved when met, even early; missed in the target year when not met', () => {
    expect(at('59', '2025').status).toBe('achieved');
    expect(at('60', '2030').status).toBe('achieved');
    expect(at('60.01', '2030').status).toBe('missed');
    expect(at('61', '2031').status).toBe('missed');
  });

  it('converts the actual into the target unit (kg → t) exactly', () => {
    const p = at('75000', '2025', 'kgCO2e');
    expect(p.actual?.toString()).toBe('75');
    expect(p.status).toBe('on-track');
  });

  it('no data without a figure for the year, or with a figure of another dimension', () => {
    expect(targetProgress(cut, targetFigureIndex([]), '2025', 'group').status).toBe('no-data');
    expect(at('70', '2025', 'MWh').status).toBe('no-data');
  });

  it('not measured without an indicator (a stated or qualitative target)', () => {
    const { indicatorId: _drop, ...stated } = cut;
    expect(targetProgress(stated, targetFigureIndex([]), '2025', 'group').status).toBe('not-measured');
  });

  it('uses the group when no entity is named, and ignores disaggregated figures', () => {
    const { entityId: _drop, ...groupWide } = cut;
    const f = figure('ghg.scope1', 'group', '2025', '70', 'tCO2e');
    const split = { ...f, id: 'x', disaggregation: { gas: 'co2' }, value: quantity('1', 'tCO2e') };
    expect(targetProgress(groupWide, targetFigureIndex([split, f]), '2025', 'group').actual?.toString()).toBe(
      '70',
    );
  });

  it('follows milestones piecewise: 2020 100 → 2022 70 → 2030 60', () => {
    const m: Target = { ...cut, milestones: [{ year: '2022', value: '70' }] };
    expect(pathValue(m, '2021')?.toString()).toBe('85');
    expect(pathValue(m, '2022')?.toString()).toBe('70');
    expect(pathValue(m, '2026')?.toString()).toBe('65');
    expect(pathValue(m, '2019')).toBeUndefined();
  });

  it('without a base value or an earlier milestone there is no path: at risk until met', () => {
    const { baseValue: _b, baseYear: _y, ...noBase } = cut;
    const p = targetProgress(
      noBase,
      targetFigureIndex([figure('ghg.scope1', 'group', '2025', '61', 'tCO2e')]),
      '2025',
      'group',
    );
    expect(p.status).toBe('at-risk');
    expect(p.percent).toBeUndefined();
  });

  it('a min target (renewable share up from 10 % to 30 %) is on track above its path', () => {
    const up: Target = {
      ...cut,
      comparator: 'min',
      value: '30',
      baseValue: '10',
      unit: '%',
      indicatorId: 'x',
    };
    const figs = targetFigureIndex([figure('x', 'group', '2025', '21', '%')]);
    expect(pathValue(up, '2025')?.toString()).toBe('20');
    expect(targetProgress(up, figs, '2025', 'group')).toMatchObject({ status: 'on-track' });
    expect(targetProgress(up, figs, '2025', 'group').percent?.toString()).toBe('55');
  });

  it('an equal target is on track when no farther from the value than the path', () => {
    const eq: Target = {
      ...cut,
      comparator: 'equal',
      value: '50',
      baseValue: '0',
      unit: 't',
      indicatorId: 'y',
    };
    // path 2025 = 25, 25 away from 50; 74 is 24 away → on track; 20 is 30 away → at risk
    const s = (v: string) =>
      targetProgress(eq, targetFigureIndex([figure('y', 'group', '2025', v, 't')]), '2025', 'group');
    expect(s('74').status).toBe('on-track');
    expect(s('20').status).toBe('at-risk');
    expect(s('50').status).toBe('achieved');
  });
});

// Properties over random targets: decimals as integers over 10^k, years 2000..2049.
const dec = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, k]) => new Decimal(n).dividedBy(new Decimal(10).pow(k)).toString());
const arbTarget = fc
  .record({
    comparator: fc.constantFrom('max' as const, 'min' as const, 'equal' as const),
    base: dec,
    value: dec,
    baseYear: fc.integer({ min: 2000, max: 2030 }),
    span: fc.integer({ min: 1, max: 19 }),
  })
  .map(
    (r): Target => ({
      id: 't',
      name: { en: 'T', 'zh-Hant': 'T' },
      indicatorId: 'i',
      entityId: 'group',
      comparator: r.comparator,
      value: r.value,
      unit: 't',
      baseYear: String(r.baseYear),
      baseValue: r.base,
      targetYear: String(r.baseYear + r.span),
    }),
  );

describe('target status: properties', () => {
  const run = (t: Target, actual: string, year: number) =>
    targetProgress(
      t,
      targetFigureIndex([figure('i', 'group', String(year), actual, 't')]),
      String(year),
      'group',
    );

  it('the path starts at the base value and ends at the target value, exactly', () => {
    fc.assert(
      fc.property(arbTarget, (t) => {
        expect(pathValue(t, t.baseYear as string)?.toString()).toBe(
          new Decimal(t.baseValue as string).toString(),
        );
        expect(pathValue(t, t.targetYear as string)?.toString()).toBe(
          new Decimal(t.value as string).toString(),
        );
      }),
    );
  });

  it('the actual equal to the target value is achieved; at the base value, percent is 0 and at target 100', () => {
    fc.assert(
      fc.property(arbTarget, fc.integer({ min: 0, max: 25 }), (t, dy) => {
        const year = Number(t.baseYear) + dy;
        expect(run(t, t.value as string, year).status).toBe('achieved');
        const b = run(t, t.baseValue as string, year);
        if (!new Decimal(t.baseValue as string).equals(t.value as string)) {
          expect(b.percent?.isZero()).toBe(true);
          expect(run(t, t.value as string, year).percent?.toString()).toBe('100');
        }
      }),
    );
  });

  it('status is achieved iff met; missed only from the target year; on track iff at or better than the path', () => {
    fc.assert(
      fc.property(arbTarget, dec, fc.integer({ min: 0, max: 25 }), (t, actual, dy) => {
        const year = Number(t.baseYear) + dy;
        const p = run(t, actual, year);
        const a = new Decimal(actual);
        const v = new Decimal(t.value as string);
        const met = t.comparator === 'max' ? a.lte(v) : t.comparator === 'min' ? a.gte(v) : a.equals(v);
        const path = pathValue(t, String(year)) as Decimal;
        const better =
          t.comparator === 'max'
            ? a.lte(path)
            : t.comparator === 'min'
              ? a.gte(path)
              : a.minus(v).abs().lte(path.minus(v).abs());
        const expected = met
          ? 'achieved'
          : year >= Number(t.targetYear)
            ? 'missed'
            : better
              ? 'on-track'
              : 'at-risk';
        expect(p.status).toBe(expected);
      }),
    );
  });

  it('a better actual never gives a worse status (monotone; missed ranks with at risk)', () => {
    const rank = { achieved: 0, 'on-track': 1, 'at-risk': 2, missed: 2, 'no-data': 3, 'not-measured': 3 };
    fc.assert(
      fc.property(arbTarget, dec, dec, fc.integer({ min: 0, max: 25 }), (t, x, y, dy) => {
        fc.pre(t.comparator !== 'equal');
        const year = Number(t.baseYear) + dy;
        const [lo, hi] = new Decimal(x).lte(y) ? [x, y] : [y, x];
        const [better, worse] = t.comparator === 'max' ? [lo, hi] : [hi, lo];
        expect(rank[run(t, better, year).status]).toBeLessThanOrEqual(rank[run(t, worse, year).status]);
      }),
    );
  });
});
