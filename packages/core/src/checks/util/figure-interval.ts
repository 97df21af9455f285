/**
 * The interval a computed figure could take from plausible inputs, propagated through its
 * formulas (sums, weighted sums, products, ratios, differences, conversions) with interval
 * arithmetic in base units. Plausible inputs:
 * - facts are exact: they are the data the report was computed from (Assay's recomputation
 *   treats them so too);
 * - factors stand for their published precision and, beyond it, for the factor rounded to
 *   three significant digits (2.1622 → 2.16), the way a preparer's spreadsheet often holds it;
 * - constants are exact.
 * Used to tell a printed value that cuts off the computed one (truncation) from one that
 * rounding of the inputs explains. Memoised per context.
 */
import { Decimal } from '../../decimal.js';
import { isQuantity, type Quantity } from '../../units/quantity.js';
import type { CheckContext } from '../context.js';
import {
  add,
  div,
  enteredInterval,
  hull,
  type Interval,
  mul,
  point,
  printedInterval,
  scale,
  sub,
} from './interval.js';

const memo = new WeakMap<CheckContext, Map<string, Interval | null>>();

const base = (q: Quantity, i: Interval): Interval => scale(i, q.unit.scale);

/** A factor rounded to three significant digits, and its own published precision. */
function factorInterval(v: Decimal): Interval {
  if (v.isZero()) return point(v);
  const digits = v.abs().log(10).floor().toNumber(); // 2.16 → 0
  const places = 2 - digits;
  const rounded = v.toDecimalPlaces(Math.max(places, 0), Decimal.ROUND_HALF_UP);
  const threeDigits = places >= 0 ? printedInterval(rounded, places) : enteredInterval(v);
  return hull(enteredInterval(v), hull(threeDigits, point(v)));
}

/** The plausible interval of a node, in base units of its dimension; undefined when unknown. */
export function plausibleInterval(ctx: CheckContext, id: string): Interval | undefined {
  let m = memo.get(ctx);
  if (!m) {
    m = new Map();
    memo.set(ctx, m);
  }
  const walk = (nodeId: string, depth: number): Interval | undefined => {
    const hit = m.get(nodeId);
    if (hit !== undefined) return hit ?? undefined;
    if (depth > 200) return undefined;
    const r = compute(nodeId, depth);
    m.set(nodeId, r ?? null);
    return r;
  };
  const compute = (nodeId: string, depth: number): Interval | undefined => {
    const spec = ctx.graph.spec(nodeId);
    if (!spec) return undefined;
    switch (spec.kind) {
      case 'fact':
      case 'constant':
        return base(spec.value, point(spec.value.value));
      case 'factor':
        return isQuantity(spec.value) ? base(spec.value, factorInterval(spec.value.value)) : undefined;
      case 'invalid':
        return undefined;
      case 'derived': {
        const f = spec.formula;
        const ins: Interval[] = [];
        for (const i of f.inputs) {
          const x = walk(i, depth + 1);
          if (!x) return undefined;
          ins.push(x);
        }
        switch (f.op) {
          case 'sum':
            return ins.reduce(add, point(new Decimal(0)));
          case 'weighted-sum':
            return ins.reduce(
              (acc, x, k) => add(acc, scale(x, new Decimal(f.weights[k] ?? '1'))),
              point(new Decimal(0)),
            );
          case 'product':
            return ins.reduce(mul, point(new Decimal(1)));
          case 'ratio':
            return div(ins[0] as Interval, ins[1] as Interval);
          case 'difference':
            return sub(ins[0] as Interval, ins[1] as Interval);
          case 'convert':
            return ins[0];
        }
        return undefined;
      }
    }
  };
  return walk(id, 0);
}
