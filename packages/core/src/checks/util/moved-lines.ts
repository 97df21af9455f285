/**
 * The input lines behind a figure's change (issue #24): the activity lines of the figure's lineage
 * this year and of the same figure last year, matched by entity, activity, subject and use (amounts
 * of one group added in the unit of its first line), reported when they moved beyond the
 * threshold or exist in one year only. Used by the year-on-year rule to name where a change
 * originates, below the lowest figure.
 */

import { figureId as idOf, parseFigureId } from '../../calc/figure.js';
import { explain, leavesOf } from '../../calc/lineage.js';
import type { Decimal } from '../../decimal.js';
import type { ActivityLine } from '../../model/fact.js';
import { priorYear } from '../../model/period.js';
import { convert, isQuantity, type Quantity } from '../../units/quantity.js';
import { unitLabelZh } from '../../units/unit.js';
import type { CheckContext } from '../context.js';
import { show } from './compare.js';

export type MovedLine = { readonly en: string; readonly zh: string };

/** At most this many lines are named; the rest are counted. */
const MAX = 5;

function linesOf(
  ctx: CheckContext,
  figure: string,
  byId: ReadonlyMap<string, ActivityLine>,
): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!ctx.graph.has(figure)) return out;
  for (const leaf of leavesOf(explain(ctx.graph, figure, 48))) {
    const line = leaf.kind === 'fact' && leaf.fact ? byId.get(leaf.fact.factId) : undefined;
    if (!line) continue;
    const k = `${line.entityId}|${line.activity}|${line.subject}|${line.use ?? ''}`;
    const had = out.get(k);
    const add = had ? convert(line.amount, had.unit) : line.amount;
    if (!isQuantity(add)) continue;
    out.set(k, had ? { ...had, value: had.value.plus(add.value) } : line.amount);
  }
  return out;
}

export function movedInputLines(ctx: CheckContext, figure: string, threshold: Decimal): MovedLine[] {
  const key = parseFigureId(figure);
  const prior = key ? priorYear(key.periodId) : undefined;
  if (!key || !prior || ctx.bundle.activityLines.length === 0) return [];
  const byId = new Map(ctx.bundle.activityLines.map((l) => [l.id, l]));
  const now = linesOf(ctx, figure, byId);
  const before = linesOf(ctx, idOf(key.indicatorId, key.entityId, prior, key.disaggregation), byId);
  const out: MovedLine[] = [];
  for (const k of [...new Set([...now.keys(), ...before.keys()])].sort()) {
    const [entity, activity, subject, use] = k.split('|') as [string, string, string, string];
    const what = `${activity} ${subject}${use ? ` (${use})` : ''} at ${entity}`;
    const whatZh = `${entity} ${activity} ${subject}${use ? `（${use}）` : ''}`;
    const a = before.get(k);
    const b = now.get(k);
    if (!a && b) {
      out.push({
        en: `${what}: new, ${show(b.value)} ${b.unit.symbol}`,
        zh: `${whatZh}：新增 ${show(b.value)} ${unitLabelZh(b.unit)}`,
      });
      continue;
    }
    if (a && !b) {
      out.push({
        en: `${what}: gone (was ${show(a.value)} ${a.unit.symbol})`,
        zh: `${whatZh}：已無（原為 ${show(a.value)} ${unitLabelZh(a.unit)}）`,
      });
      continue;
    }
    const c = a && b ? convert(b, a.unit) : undefined;
    if (!a || !c || !isQuantity(c) || a.value.isZero()) continue;
    const change = c.value.minus(a.value).dividedBy(a.value.abs());
    if (change.abs().lessThanOrEqualTo(threshold)) continue;
    const pct = `${change.isPositive() ? '+' : ''}${show(change.times(100), 1)}%`;
    out.push({
      en: `${what}: ${show(a.value)} → ${show(c.value)} ${a.unit.symbol} (${pct})`,
      zh: `${whatZh}：${show(a.value)} → ${show(c.value)} ${unitLabelZh(a.unit)}（${pct}）`,
    });
  }
  if (out.length <= MAX) return out;
  const rest = out.length - MAX;
  return [...out.slice(0, MAX), { en: `and ${rest} more`, zh: `另有 ${rest} 行` }];
}
