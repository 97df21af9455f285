/**
 * What a figure adds up (issue #24): its direct roll-up children, so that a rule can report a
 * change or a sign where it originates and not again at every total above it. Figure ids only, from
 * the same data the calculator uses:
 *
 * - consolidation: the same indicator, categories and year at each child entity (additive
 *   indicators, `aggregation: 'sum'`);
 * - sum rules (methods/rules.ts): ghg.scope1 ← combustion, reductant, process; total ← Scope 1 + 2;
 * - total rules: water.total ← water.withdrawal (its total and each category);
 * - categories: an undisaggregated figure ← its single-axis categories, except over axes the
 *   catalogue marks non-additive (Indicator.nonAdditiveAxes: no total is formed over them).
 *
 * Ratios are not roll-ups: an intensity moves with its numerator and its denominator, and is
 * reported on its own.
 */

import { type Figure, figureId } from '../../calc/figure.js';
import { DERIVED_RULES } from '../../methods/rules.js';
import type { CheckContext } from '../context.js';

export type RollUps = { readonly childrenOf: (figureId: string) => readonly string[] };

const memo = new WeakMap<CheckContext, RollUps>();

export function rollUps(ctx: CheckContext): RollUps {
  const hit = memo.get(ctx);
  if (hit) return hit;
  const byKey = new Map<string, Figure[]>(); // indicator|entity|period → figures (every disaggregation)
  for (const f of ctx.figures) {
    const k = `${f.indicatorId}|${f.entityId}|${f.periodId}`;
    const list = byKey.get(k);
    if (list) list.push(f);
    else byKey.set(k, [f]);
  }
  const childEntities = new Map<string, string[]>();
  for (const e of ctx.bundle.organisation.entities)
    if (e.parentId !== undefined)
      childEntities.set(e.parentId, [...(childEntities.get(e.parentId) ?? []), e.id]);
  const cache = new Map<string, readonly string[]>();
  const childrenOf = (id: string): readonly string[] => {
    const known = cache.get(id);
    if (known) return known;
    const f = ctx.figureById.get(id);
    const out: string[] = [];
    if (f) {
      const has = (x: string) => ctx.figureById.has(x);
      const ind = ctx.catalogue.get(f.indicatorId);
      if (ind?.aggregation === 'sum')
        for (const child of childEntities.get(f.entityId) ?? [])
          out.push(figureId(f.indicatorId, child, f.periodId, f.disaggregation));
      for (const r of DERIVED_RULES) {
        if (r.indicator !== f.indicatorId) continue;
        if (r.kind === 'sum')
          for (const of of r.of) out.push(figureId(of, f.entityId, f.periodId, f.disaggregation));
        if (r.kind === 'total' && Object.keys(f.disaggregation).length === 0)
          for (const g of byKey.get(`${r.of}|${f.entityId}|${f.periodId}`) ?? []) out.push(g.id);
      }
      if (Object.keys(f.disaggregation).length === 0 && ind?.aggregation === 'sum')
        for (const g of byKey.get(`${f.indicatorId}|${f.entityId}|${f.periodId}`) ?? []) {
          const axes = Object.keys(g.disaggregation);
          if (axes.length === 1 && !ind.nonAdditiveAxes?.includes(axes[0] as never)) out.push(g.id);
        }
      const result = [...new Set(out)].filter((x) => x !== id && has(x));
      cache.set(id, result);
      return result;
    }
    cache.set(id, out);
    return out;
  };
  const r = { childrenOf };
  memo.set(ctx, r);
  return r;
}

/** Whether a figure id is a total over categories its indicator says must not be added. */
export function isNonAdditiveTotal(
  ctx: CheckContext,
  indicatorId: string,
  d: Readonly<Record<string, string>>,
) {
  const axes = ctx.catalogue.get(indicatorId)?.nonAdditiveAxes ?? [];
  return axes.some((a) => !(a in d));
}
