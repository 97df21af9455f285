/**
 * A generated group of n subsidiaries whose data is internally consistent and whose printed
 * layer equals the computed figures rounded half-up: the checker must find nothing in it.
 * Deterministic (values from the entity index). Frameworks are left empty: completeness of a
 * generated bundle is not what it tests.
 *
 * Options (the defaults give the original bundle): `printing: 'mixed'` prints each figure, by a
 * seeded choice, to 0, 1 or 2 decimals or in thousands (千-prefixed unit, 0–2 decimals), each
 * correctly rounded half-up; `priorYear` also prints the 2024 figures; `narrative` adds numbers
 * printed in the text that are tied to no figure (spending, electricity saved, veterans, a share
 * in %), for 2024 and 2025, consistent with the bundle (spend below revenue and so on).
 */

import { Decimal, formatFixed } from '../decimal.js';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import type { PublishedFigure } from '../model/published.js';
import { isQuantity } from '../units/quantity.js';
import { parseUnit, type Unit, unitLabelZh } from '../units/unit.js';
import { bundle, dp, fuel, line, sub } from './bundle-builder.js';

/** Figures printed for the group (and, for the first entities, per entity). */
const PRINTED = [
  'ghg.scope1',
  'ghg.scope2.location',
  'ghg.total.location',
  'energy.direct',
  'energy.indirect',
  'energy.total',
  'employees.total',
  'employees.headcount',
  'employees.turnover-rate',
  'training.coverage',
  'training.average-hours',
  'ghg.intensity.revenue',
];

export type CleanBundleOptions = {
  readonly printing?: 'as-figure' | 'mixed';
  readonly seed?: number;
  readonly priorYear?: boolean;
  readonly narrative?: boolean;
};

/** A small seeded generator (mulberry32): core draws no random numbers of its own, and tests must replay. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Thousands of a unit, when the label takes a 千 prefix ("千噸二氧化碳當量"). */
function thousandsOf(u: Unit): { label: string; unit: Unit } | undefined {
  if (u.symbol.includes('%')) return undefined;
  const label = `千${unitLabelZh(u)}`;
  const parsed = parseUnit(label);
  return parsed.ok && parsed.unit.scale.equals(u.scale.times(1000))
    ? { label, unit: parsed.unit }
    : undefined;
}

export function generateCleanBundle(n: number, options: CleanBundleOptions = {}): Bundle {
  const random = seededRandom(options.seed ?? 1);
  const entities = Array.from({ length: n }, (_, i) => sub(`unit-${String(i + 1).padStart(4, '0')}`));
  const lines = entities.flatMap((e, i) => [
    fuel(e.id, 'diesel', `${100 + (i % 37)} t`),
    fuel(e.id, 'diesel', `${95 + (i % 37)} t`, 'combustion'),
    line(e.id, 'electricity-purchased', 'grid', `${1000 + ((i * 7) % 500)} MWh`),
    line(e.id, 'fuel', 'diesel', `${190 + ((i * 2) % 74)} t`, { use: 'combustion', period: '2024' }),
    line(e.id, 'electricity-purchased', 'grid', `${1020 + ((i * 7) % 500)} MWh`, { period: '2024' }),
  ]);
  const data = entities.flatMap((e, i) => {
    const male = 40 + (i % 20);
    const female = 20 + (i % 10);
    return [
      dp(e.id, 'revenue', `${50 + (i % 13)} CNY million`),
      dp(e.id, 'employees.headcount', `${male} person`, { gender: 'male' }),
      dp(e.id, 'employees.headcount', `${female} person`, { gender: 'female' }),
      dp(e.id, 'employees.leavers', `${2 + (i % 3)} person`, { gender: 'male' }),
      dp(e.id, 'employees.leavers', `${1 + (i % 2)} person`, { gender: 'female' }),
      dp(e.id, 'training.trained', `${male - 2} person`, { gender: 'male' }),
      dp(e.id, 'training.trained', `${female - 1} person`, { gender: 'female' }),
      dp(e.id, 'training.hours', `${(male + female) * 20 + i} h`),
    ];
  });
  const b = bundle({ entities, lines, data });
  const { figures } = evaluateBundle(b);
  const printedEntities = new Set(['group', ...entities.slice(0, 3).map((e) => e.id)]);
  const published: PublishedFigure[] = [];
  const periods = options.priorYear ? ['2025', '2024'] : ['2025'];
  for (const f of figures) {
    if (!PRINTED.includes(f.indicatorId) || !printedEntities.has(f.entityId) || !periods.includes(f.periodId))
      continue;
    if (!isQuantity(f.value)) continue;
    let value = f.value.value;
    let places = f.precision;
    let unitLabel = unitLabelZh(f.value.unit);
    if (options.printing === 'mixed') {
      const mode = Math.floor(random() * 4); // 0, 1, 2 decimals, or thousands
      places = mode === 3 ? Math.floor(random() * 3) : mode;
      const k = mode === 3 ? thousandsOf(f.value.unit) : undefined;
      if (k) {
        value = value.dividedBy(1000);
        unitLabel = k.label;
      }
    }
    published.push({
      id: `p-${published.length + 1}`,
      section: 'generated',
      labelZh: f.indicatorId,
      entityId: f.entityId,
      periodId: f.periodId,
      disaggregation: f.disaggregation,
      printed: formatFixed(value, places),
      value: value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP),
      precision: places,
      unitLabel,
      figureRef: f.id,
    });
  }
  if (options.narrative)
    published.push(...narrative(entities.length, [...printedEntities], published.length));
  return { ...b, frameworks: { frameworks: [] }, published };
}

/**
 * Numbers a report prints in its text, tied to no figure: for each printed entity and both
 * years, environmental spending (萬元, far below revenue), electricity saved (MWh, far below
 * consumption), veterans employed (人, below headcount) and a share of recycled water (%).
 */
function narrative(n: number, entityIds: readonly string[], offset: number): PublishedFigure[] {
  const out: PublishedFigure[] = [];
  entityIds.forEach((entityId, k) => {
    const size = entityId === 'group' ? n : 1;
    for (const [periodId, growth] of [
      ['2025', '1.1'],
      ['2024', '1'],
    ] as const) {
      const g = new Decimal(growth);
      const items: [string, string, Decimal, number, string][] = [
        ['環保投入', 'Environmental spending', new Decimal(30 + k * 3).times(size).times(g), 2, '萬元'],
        ['節約用電', 'Electricity saved', new Decimal(12.5 + k).times(size).times(g), 1, '兆瓦時'],
        ['退伍軍人員工', 'Veterans employed', new Decimal(2 + k).times(size), 0, '人'],
        ['循環水使用比例', 'Share of recycled water', new Decimal(40 + k * 2.5).times(g), 2, '%'],
      ];
      for (const [labelZh, labelEn, v, places, unitLabel] of items) {
        const printed = formatFixed(v, places);
        out.push({
          id: `n-${offset + out.length + 1}`,
          section: 'generated narrative',
          labelZh,
          labelEn,
          entityId,
          periodId,
          disaggregation: {},
          printed: unitLabel === '%' ? `${printed}%` : printed,
          value: v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP),
          precision: places,
          unitLabel: unitLabel === '%' ? '' : unitLabel,
        });
      }
    }
  });
  return out;
}
