/**
 * A printed figure set against the figure it claims to be: every reading of its unit that fits
 * the figure's dimension, the computed value in that unit, and the outcome at the printed
 * precision. The first reading that matches wins; otherwise the first that fits. Memoised per
 * context (recomputation, rounding and reconciliation all use it).
 */

import type { Figure } from '../../calc/figure.js';
import { Decimal } from '../../decimal.js';
import type { PublishedFigure } from '../../model/published.js';
import { convert, isQuantity, type Quantity } from '../../units/quantity.js';
import { unitDimension } from '../../units/unit.js';
import { type CheckContext, claimedFigureId, expectedUnit } from '../context.js';
import { compareAtPrecision, type Outcome } from './compare.js';
import { type Reading, readingsOf } from './readings.js';

export type Trial = { readonly reading: Reading; readonly computed: Decimal; readonly outcome: Outcome };

export type PublishedComparison = {
  readonly figure?: Figure;
  readonly readings: readonly Reading[];
  /** Readings that fit the figure's dimension, with the computed value in each. */
  readonly trials: readonly Trial[];
  /** The matching trial, or the first that fits. */
  readonly best?: Trial;
};

const memo = new WeakMap<CheckContext, Map<string, PublishedComparison>>();

export function comparePublished(ctx: CheckContext, p: PublishedFigure): PublishedComparison {
  let m = memo.get(ctx);
  if (!m) {
    m = new Map();
    memo.set(ctx, m);
  }
  const hit = m.get(p.id);
  if (hit) return hit;
  const result = computeComparison(ctx, p);
  m.set(p.id, result);
  return result;
}

function computeComparison(ctx: CheckContext, p: PublishedFigure): PublishedComparison {
  const ref = claimedFigureId(p);
  const figure = ref ? ctx.figureById.get(ref) : undefined;
  const readings = readingsOf(p, expectedUnit(ctx, p));
  if (!figure || !isQuantity(figure.value) || p.value === null)
    return { ...(figure ? { figure } : {}), readings, trials: [] };
  const trials: Trial[] = [];
  for (const reading of readings) {
    if (unitDimension(reading.unit) !== unitDimension(figure.value.unit)) continue;
    const c = convert(figure.value, reading.unit);
    if (!isQuantity(c)) continue;
    trials.push({ reading, computed: c.value, outcome: compareAtPrecision(p.value, p.precision, c.value) });
  }
  const best = trials.find((t) => t.outcome !== 'different') ?? closest(p.value, trials);
  return { figure, readings, trials, ...(best ? { best } : {}) };
}

/**
 * The printed value as a quantity in the reading that best fits the expected unit: a matching
 * reading, else the first reading of the expected dimension, else the printed unit.
 */
export function publishedQuantity(ctx: CheckContext, p: PublishedFigure): Quantity | undefined {
  if (p.value === null) return undefined;
  const cmp = comparePublished(ctx, p);
  if (cmp.best) return { kind: 'quantity', value: p.value, unit: cmp.best.reading.unit };
  const exp = expectedUnit(ctx, p);
  const fit = exp ? cmp.readings.find((r) => unitDimension(r.unit) === unitDimension(exp)) : undefined;
  const r = fit ?? cmp.readings[0];
  return r ? { kind: 'quantity', value: p.value, unit: r.unit } : undefined;
}

/** The trial whose computed value is nearest the printed one by ratio (for reporting a miss). */
function closest(printed: Decimal, trials: readonly Trial[]): Trial | undefined {
  let best: Trial | undefined;
  let bestDistance: Decimal | undefined;
  for (const t of trials) {
    if (t.computed.isZero() || printed.isZero()) return best ?? t;
    const r = printed.dividedBy(t.computed).abs();
    const d = r.greaterThan(1) ? r : new Decimal(1).dividedBy(r);
    if (!bestDistance || d.lessThan(bestDistance)) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}
