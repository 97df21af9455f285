/**
 * A target's progress and status, from the evaluated figures (issue #18; docs/registers.md,
 * "Targets: the status rule"). Pure and exact: decimals throughout, nothing rounded here.
 *
 * actual   the figure of the target's indicator for its entity (the group when none is named)
 *          and the reporting year, without disaggregation, converted into the target's unit
 * path     the value the target's line expects for the reporting year: straight lines from
 *          (base year, base value) through each milestone to (target year, target value); a
 *          milestone's own year gives the milestone's value; after the target year, the target
 *          value; none before the first point (no base value and no earlier milestone)
 * percent  (actual − base) / (target − base) × 100: the share of the way from base to target
 *          (none without a base value, or when base and target are equal)
 * status   not-measured  no indicator or no value: a qualitative or stated target
 *          no-data       no usable figure for the reporting year (missing, or an error)
 *          achieved      the actual meets the target (max: ≤ value; min: ≥ value; equal: =)
 *          missed        not met, and the reporting year is the target year or later
 *          on-track      not met, before the target year, and the actual is at or better than
 *                        the path (max: ≤ path; min: ≥ path; equal: no farther from the value)
 *          at-risk       not met, before the target year, and worse than the path, or no path
 *                        (no base value and no milestone at or before the reporting year)
 */
import type { Figure } from '../calc/figure.js';
import { Decimal } from '../decimal.js';
import type { Target } from '../model/registers.js';
import { convert, isQuantity } from '../units/quantity.js';
import { parseUnit } from '../units/unit.js';

export const TARGET_STATUSES = [
  'achieved',
  'on-track',
  'at-risk',
  'missed',
  'no-data',
  'not-measured',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export type TargetProgress = {
  readonly status: TargetStatus;
  /** The actual in the target's unit, exact; absent without a figure. */
  readonly actual?: Decimal;
  /** The figure the actual comes from (lineage). */
  readonly figureId?: string;
  /** The path's value for the reporting year, exact. */
  readonly path?: Decimal;
  /** Per cent of the way from base to target, exact (may be below 0 or above 100). */
  readonly percent?: Decimal;
};

/** Figures without disaggregation by their id ("indicator@entity/year"), for many targets at once. */
export function targetFigureIndex(figures: readonly Figure[]): ReadonlyMap<string, Figure> {
  const m = new Map<string, Figure>();
  for (const f of figures)
    if (Object.keys(f.disaggregation).length === 0) m.set(`${f.indicatorId}@${f.entityId}/${f.periodId}`, f);
  return m;
}

export function targetProgress(
  t: Target,
  figures: ReadonlyMap<string, Figure>,
  year: string,
  groupId: string,
): TargetProgress {
  if (
    t.indicatorId === undefined ||
    t.value === undefined ||
    t.unit === undefined ||
    t.comparator === undefined
  )
    return { status: 'not-measured' };
  const unit = parseUnit(t.unit);
  const figure = figures.get(`${t.indicatorId}@${t.entityId ?? groupId}/${year}`);
  if (!unit.ok || !figure || !isQuantity(figure.value)) return { status: 'no-data' };
  const inUnit = convert(figure.value, unit.unit);
  if (!isQuantity(inUnit)) return { status: 'no-data', figureId: figure.id };
  const actual = inUnit.value;
  const target = new Decimal(t.value);
  const base = t.baseValue === undefined ? undefined : new Decimal(t.baseValue);
  const percent =
    base === undefined || base.equals(target)
      ? undefined
      : actual.minus(base).dividedBy(target.minus(base)).times(100);
  const path = pathValue(t, year);
  const common = {
    actual,
    figureId: figure.id,
    ...(path === undefined ? {} : { path }),
    ...(percent === undefined ? {} : { percent }),
  };
  if (atOrBetter(t.comparator, actual, target, target)) return { status: 'achieved', ...common };
  if (t.targetYear === undefined || year >= t.targetYear) return { status: 'missed', ...common };
  if (path !== undefined && atOrBetter(t.comparator, actual, path, target))
    return { status: 'on-track', ...common };
  return { status: 'at-risk', ...common };
}

/** a at or better than b, for a target whose value is `target`. */
function atOrBetter(c: NonNullable<Target['comparator']>, a: Decimal, b: Decimal, target: Decimal): boolean {
  if (c === 'max') return a.lte(b);
  if (c === 'min') return a.gte(b);
  return a.minus(target).abs().lte(b.minus(target).abs());
}

/**
 * The path's value for `year`: linear between the known points (base, milestones, target),
 * sorted by year; undefined when no point lies at or before `year`.
 */
export function pathValue(t: Target, year: string): Decimal | undefined {
  const points: { year: number; value: Decimal }[] = [];
  if (t.baseYear !== undefined && t.baseValue !== undefined)
    points.push({ year: Number(t.baseYear), value: new Decimal(t.baseValue) });
  for (const m of t.milestones ?? []) points.push({ year: Number(m.year), value: new Decimal(m.value) });
  if (t.targetYear !== undefined && t.value !== undefined)
    points.push({ year: Number(t.targetYear), value: new Decimal(t.value) });
  points.sort((a, b) => a.year - b.year);
  const y = Number(year);
  const first = points[0];
  if (!first || first.year > y) return undefined;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as { year: number; value: Decimal };
    const next = points[i + 1];
    if (p.year === y) return p.value;
    if (next && p.year < y && y < next.year)
      return p.value.plus(
        next.value
          .minus(p.value)
          .times(y - p.year)
          .dividedBy(next.year - p.year),
      );
  }
  return (points[points.length - 1] as { value: Decimal }).value;
}
