/** A short lineage for a finding: the leaf facts and factors of a figure, a few lines at most. */
import type { CalcGraph } from '../../calc/graph.js';
import { explain, leavesOf } from '../../calc/lineage.js';
import { isQuantity } from '../../units/quantity.js';
import { show } from './compare.js';

export function lineageBrief(graph: CalcGraph, figureId: string, max = 8): string[] {
  if (!graph.has(figureId)) return [];
  const leaves = leavesOf(explain(graph, figureId, 32));
  const lines = leaves.slice(0, max).map((l) => {
    const v = isQuantity(l.value) ? `${show(l.value.value)} ${l.value.unit.symbol}` : 'error';
    if (l.kind === 'factor')
      return `factor ${l.factor?.id ?? l.id} = ${v}${l.factor ? ` (${l.factor.status})` : ''}`;
    if (l.kind === 'fact') return `fact ${l.fact?.factId ?? l.id} = ${v} (${l.fact?.source ?? ''})`;
    return `${l.kind} ${l.label} = ${v}`;
  });
  if (leaves.length > max) lines.push(`… and ${leaves.length - max} more`);
  return lines;
}
