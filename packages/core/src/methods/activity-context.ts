/** What an activity handler needs: the graph, factor nodes, contributions and the method choices. */
import type { CalcGraph } from '../calc/graph.js';
import type { LabelKey } from '../calc/node.js';
import type { ActivityLine } from '../model/fact.js';
import type { Methods, SectorPackId } from '../model/methods.js';
import type { Entity } from '../model/organisation.js';
import { parsePeriod } from '../model/period.js';
import type { Supplier } from '../model/register-rows.js';
import type { Contributions } from './contributions.js';
import type { FactorNodes } from './factor-nodes.js';

export type ActivityContext = {
  readonly graph: CalcGraph;
  readonly factors: FactorNodes;
  readonly contributions: Contributions;
  readonly methods: Methods;
  readonly entity: Entity;
  /** The entity's sector method pack (methods/sector-packs.ts); absent: non-ferrous. */
  readonly pack?: SectorPackId;
  /** The supplier register by id and by credit code, for a Scope 3 line's `supplier` (scope3-line.ts). */
  readonly suppliers?: ReadonlyMap<string, Supplier>;
};

/** The fact node of an activity line, added once. */
export function lineNode(ctx: ActivityContext, line: ActivityLine): string {
  const id = `act:${line.id}`;
  if (!ctx.graph.has(id)) {
    // columnar fact: label "<activity> <subject> (<use>), <entity> <period>", fact id line.id
    ctx.graph.addFact({
      id,
      value: line.amount.value,
      unit: line.amount.unit,
      labelHead: `${line.activity} ${line.subject}${line.use ? ` (${line.use})` : ''},`,
      factId: line.id,
      entityId: line.entityId,
      periodId: line.periodId,
      source: line.source,
      evidence: line.evidence,
      comment: line.comment,
    });
  }
  return id;
}

/** The last period read and its year (a pure memo: lines come in runs of one period). */
let lastPeriod: { readonly id: string; readonly year: string } | undefined;

export function yearOfLine(line: ActivityLine): string {
  if (lastPeriod?.id !== line.periodId)
    lastPeriod = { id: line.periodId, year: String(parsePeriod(line.periodId)?.year ?? line.periodId) };
  return lastPeriod.year;
}

/** Record that `node` contributes to `indicatorId` for the line's entity and year. */
export function contribute(
  ctx: ActivityContext,
  line: ActivityLine,
  indicatorId: string,
  node: string,
  disaggregation: Record<string, string> = {},
): void {
  ctx.contributions.add(line.entityId, { indicatorId, disaggregation, year: yearOfLine(line) }, node);
}

/** `label` is the English label; `labelKey` names the same thing for the report languages (calc/node.ts). */
export function derive(
  ctx: ActivityContext,
  id: string,
  label: string,
  formula: import('../calc/formula.js').Formula,
  note?: string,
  labelKey?: LabelKey,
): string {
  ctx.graph.add({
    kind: 'derived',
    id,
    label,
    formula,
    ...(note === undefined ? {} : { note }),
    ...(labelKey === undefined ? {} : { labelKey }),
  });
  return id;
}

/** A label key with its arguments (calc/node.ts LabelKey). */
export const labelKey = (key: string, args: Record<string, string> = {}): LabelKey => ({ key, args });
