/**
 * Error injection for the mutation suite (mutation-suite.test.ts): one common error made in one
 * printed number of a bundle's published layer, the rest untouched. Deterministic given the
 * random source. Kinds (docs/checks.md, "Mutation suite"):
 * - unit slips: the number ×10³, ×10⁴ (萬) or ×10⁶, or divided by it, at the same places;
 * - percent as fraction: a percentage printed as its fraction with the % kept (89.32% → 0.8932%);
 * - digit typo: one digit of the printed text replaced by another;
 * - wrong denominator: a ratio figure recomputed over another figure's denominator (the total
 *   instead of the category, another entity's or last year's);
 * - total not summing: a total with one of its parts added twice or left out;
 * - rounding beyond printed precision: rounded to one place fewer but printed at its places
 *   ("1234.57" → "1234.60", "1234" → "1230").
 * Only the last three need a figure; the first three apply to untied numbers too.
 */
import { type Figure, figureId } from '../../calc/figure.js';
import { Decimal, formatFixed } from '../../decimal.js';
import { priorYear } from '../../model/period.js';
import type { PublishedFigure } from '../../model/published.js';
import { convert, isQuantity } from '../../units/quantity.js';
import { RATIO_RELATIONS, SUM_RELATIONS, TOTAL_RELATIONS } from '../util/relations.js';

export const MUTATION_KINDS = [
  'unit-slip-1e3',
  'unit-slip-1e4',
  'unit-slip-1e6',
  'percent-as-fraction',
  'digit-typo',
  'wrong-denominator',
  'total-not-summing',
  'rounding-beyond-precision',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];
export const UNTIED_KINDS: readonly MutationKind[] = [
  'unit-slip-1e3',
  'unit-slip-1e4',
  'unit-slip-1e6',
  'percent-as-fraction',
  'digit-typo',
];

export type Mutation = {
  readonly kind: MutationKind;
  readonly id: string;
  readonly from: string;
  readonly to: string;
};

const isPercent = (p: PublishedFigure) => p.printed.trim().endsWith('%') || p.unitLabel.trim() === '%';

function withValue(p: PublishedFigure, value: Decimal, places: number): PublishedFigure {
  const text = formatFixed(value, places);
  return {
    ...p,
    printed: p.printed.trim().endsWith('%') ? `${text}%` : text,
    value: value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP),
    precision: places,
  };
}

const pick = <T>(xs: readonly T[], random: () => number): T | undefined =>
  xs.length === 0 ? undefined : xs[Math.floor(random() * xs.length)];

/** Which printed numbers a kind can be injected into. */
export function candidates(
  kind: MutationKind,
  published: readonly PublishedFigure[],
  figures: ReadonlyMap<string, Figure>,
  tied: boolean,
): PublishedFigure[] {
  return published.filter((p) => {
    if (p.value === null || p.value.isZero()) return false;
    if (tied !== (p.figureRef !== undefined && figures.has(p.figureRef))) return false;
    const f = p.figureRef ? figures.get(p.figureRef) : undefined;
    switch (kind) {
      case 'percent-as-fraction':
        return isPercent(p);
      case 'wrong-denominator':
        return f !== undefined && RATIO_RELATIONS.some((r) => r.indicator === f.indicatorId);
      case 'total-not-summing':
        return (
          f !== undefined &&
          (SUM_RELATIONS.some((r) => r.indicator === f.indicatorId) ||
            TOTAL_RELATIONS.some((r) => r.indicator === f.indicatorId))
        );
      default:
        return true;
    }
  });
}

/** Inject one error of `kind` into `p`; undefined when it cannot be made to change the number. */
export function mutate(
  kind: MutationKind,
  p: PublishedFigure,
  figures: ReadonlyMap<string, Figure>,
  random: () => number,
): PublishedFigure | undefined {
  const v = p.value as Decimal;
  const places = p.precision;
  switch (kind) {
    case 'unit-slip-1e3':
    case 'unit-slip-1e4':
    case 'unit-slip-1e6': {
      const k = new Decimal(10).pow(kind === 'unit-slip-1e3' ? 3 : kind === 'unit-slip-1e4' ? 4 : 6);
      const up = random() < 0.5;
      // a slip downwards keeps the printed places only when the number has digits to lose
      const slipped = up ? v.times(k) : v.dividedBy(k);
      const q = up ? places : places + (kind === 'unit-slip-1e3' ? 3 : kind === 'unit-slip-1e4' ? 4 : 6);
      return withValue(p, slipped, Math.min(q, 8));
    }
    case 'percent-as-fraction':
      return withValue(p, v.dividedBy(100), places + 2);
    case 'digit-typo': {
      const chars = [...p.printed];
      const at = chars.map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
      const i = pick(at, random);
      if (i === undefined) return undefined;
      const old = Number(chars[i]);
      const first = i === at[0] && at.length > 1;
      const choices = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => d !== old && !(first && d === 0));
      chars[i] = String(pick(choices, random));
      const text = chars.join('');
      const value = new Decimal(text.replace(/%$/, '').replace(/,/g, ''));
      return { ...p, printed: text, value };
    }
    case 'wrong-denominator': {
      const f = p.figureRef ? figures.get(p.figureRef) : undefined;
      const rule = f ? RATIO_RELATIONS.find((r) => r.indicator === f.indicatorId) : undefined;
      if (!f || !rule || !isQuantity(f.value)) return undefined;
      const dKey = rule.pairing === 'same' ? f.disaggregation : {};
      const nKey = rule.pairing === 'total' ? {} : f.disaggregation;
      const num = figures.get(figureId(rule.numerator, f.entityId, f.periodId, nKey));
      const den = figures.get(figureId(rule.denominator, f.entityId, f.periodId, dKey));
      if (!num || !den || !isQuantity(num.value) || !isQuantity(den.value)) return undefined;
      const prior = priorYear(f.periodId);
      const others = [...figures.values()].filter(
        (g) =>
          g.indicatorId === rule.denominator &&
          g.id !== den.id &&
          isQuantity(g.value) &&
          !g.value.value.isZero() &&
          !g.value.value.equals((den.value as { value: Decimal }).value) &&
          (g.entityId !== f.entityId || g.periodId === prior || g.periodId === f.periodId),
      );
      const wrong = pick(others, random);
      if (!wrong || !isQuantity(wrong.value)) return undefined;
      // the printed ratio scaled by true ÷ wrong denominator, in the printed unit
      const w = convert(wrong.value, den.value.unit);
      if (!isQuantity(w)) return undefined;
      return withValue(p, v.times(den.value.value).dividedBy(w.value), places);
    }
    case 'total-not-summing': {
      const f = p.figureRef ? figures.get(p.figureRef) : undefined;
      if (!f || !isQuantity(f.value)) return undefined;
      const sumRule = SUM_RELATIONS.find((r) => r.indicator === f.indicatorId);
      const partIds = sumRule
        ? sumRule.of.map((i) => figureId(i, f.entityId, f.periodId))
        : [...figures.values()]
            .filter(
              (g) =>
                TOTAL_RELATIONS.some((t) => t.indicator === f.indicatorId && t.of === g.indicatorId) &&
                g.entityId === f.entityId &&
                g.periodId === f.periodId &&
                Object.keys(g.disaggregation).length === 1,
            )
            .map((g) => g.id);
      const part = figures.get(pick(partIds, random) ?? '');
      if (!part || !isQuantity(part.value)) return undefined;
      const inUnit = convert(part.value, f.value.unit);
      if (!isQuantity(inUnit) || inUnit.value.isZero()) return undefined;
      const delta = inPrintedUnit(p, inUnit.value);
      return withValue(p, random() < 0.5 ? v.plus(delta) : v.minus(delta).abs(), places);
    }
    case 'rounding-beyond-precision': {
      const f = p.figureRef ? figures.get(p.figureRef) : undefined;
      if (!f || !isQuantity(f.value)) return undefined;
      const exact = inPrintedUnit(p, f.value.value);
      const coarse = new Decimal(10).pow(1 - places);
      const r = exact.dividedBy(coarse).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(coarse);
      return r.equals(v) ? undefined : withValue(p, r, places);
    }
  }
}

export function describeMutation(
  kind: MutationKind,
  before: PublishedFigure,
  after: PublishedFigure,
): Mutation {
  return { kind, id: before.id, from: before.printed, to: after.printed };
}

/** Replace one printed figure in a list. */
export function replaced(published: readonly PublishedFigure[], p: PublishedFigure): PublishedFigure[] {
  return published.map((q) => (q.id === p.id ? p : q));
}

/** A value of the figure's unit in the printed unit (the generated bundle prints some in 千-units). */
function inPrintedUnit(p: PublishedFigure, v: Decimal): Decimal {
  return p.unitLabel.startsWith('千') ? v.dividedBy(1000) : v;
}
