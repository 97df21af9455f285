/**
 * Printed figures looked up by the figure they claim, as quantities with their rounding
 * half-width (half a unit of the last printed place), ready for sums and ratios.
 */

import { figureId } from '../../calc/figure.js';
import type { Decimal } from '../../decimal.js';
import type { Disaggregation } from '../../model/fact.js';
import type { PublishedFigure } from '../../model/published.js';
import { convert, isQuantity, type Quantity } from '../../units/quantity.js';
import type { Unit } from '../../units/unit.js';
import type { CheckContext } from '../context.js';
import { halfUlp } from './compare.js';
import { publishedQuantity } from './published-value.js';

export type Printed = { readonly p: PublishedFigure; readonly q: Quantity; readonly half: Decimal };

export function printedOf(ctx: CheckContext, p: PublishedFigure): Printed | undefined {
  const q = publishedQuantity(ctx, p);
  return q ? { p, q, half: halfUlp(p.precision) } : undefined;
}

/** The first printed figure claiming a figure id, with a usable value. */
export function printedFor(
  ctx: CheckContext,
  indicatorId: string,
  entityId: string,
  periodId: string,
  d: Disaggregation = {},
): Printed | undefined {
  for (const p of ctx.publishedByFigure.get(figureId(indicatorId, entityId, periodId, d)) ?? []) {
    const x = printedOf(ctx, p);
    if (x) return x;
  }
  return undefined;
}

/** Value and half-width in a unit, or undefined when the dimensions differ. */
export function inUnit(x: Printed, unit: Unit): { value: Decimal; half: Decimal } | undefined {
  const v = convert(x.q, unit);
  if (!isQuantity(v)) return undefined;
  return { value: v.value, half: x.half.times(x.q.unit.scale).dividedBy(unit.scale) };
}
