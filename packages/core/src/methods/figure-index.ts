/**
 * Figures already in the graph, by indicator → entity, then a short list of (year,
 * disaggregation key) entries in the order added (an entity has a few years and disaggregations
 * of one indicator). Maps keyed by existing strings avoid building (and hashing) a composite key
 * on every look-up; no Map per entity × indicator × year (a group has hundreds of thousands).
 */
import { figureId } from '../calc/figure.js';
import type { Formula } from '../calc/formula.js';
import type { CalcGraph } from '../calc/graph.js';
import type { FigureMeta } from '../calc/node.js';
import { type Disaggregation, disaggregationKey } from '../model/fact.js';

/** `node`: the figure's node index in the graph. */
type Entry = { id: string; node: number; year: string; key: string; disaggregation: Disaggregation };

export class FigureIndex {
  private readonly map = new Map<string, Map<string, Entry[]>>();
  constructor(private readonly graph: CalcGraph) {}

  private entry(indicatorId: string, entityId: string, year: string, d?: Disaggregation): Entry | undefined {
    const list = this.map.get(indicatorId)?.get(entityId);
    if (list === undefined) return undefined;
    const key = d === undefined ? '' : disaggregationKey(d);
    for (const e of list) if (e.year === year && e.key === key) return e;
    return undefined;
  }

  get(indicatorId: string, entityId: string, year: string, d?: Disaggregation): string | undefined {
    return this.entry(indicatorId, entityId, year, d)?.id;
  }

  /** The node index of a figure, as get() gives its id. */
  node(indicatorId: string, entityId: string, year: string, d?: Disaggregation): number | undefined {
    return this.entry(indicatorId, entityId, year, d)?.node;
  }

  /** The figures of one indicator, entity and year (every disaggregation), in the order added. */
  all(indicatorId: string, entityId: string, year: string): { id: string; disaggregation: Disaggregation }[] {
    const list = this.map.get(indicatorId)?.get(entityId) ?? [];
    return list.filter((e) => e.year === year).map((e) => ({ id: e.id, disaggregation: e.disaggregation }));
  }

  /**
   * Add a derived figure node; returns its id (the figure id). `inputs`, when given, are the
   * formula's inputs as node indices or ids (CalcGraph.addWithInputs) instead of formula.inputs.
   */
  addDerived(
    meta: FigureMeta,
    label: string,
    formula: Formula,
    note?: string,
    inputs?: readonly (string | number)[],
  ): string {
    const id = figureId(meta.indicatorId, meta.entityId, meta.periodId, meta.disaggregation);
    const spec = {
      kind: 'derived' as const,
      id,
      label,
      formula,
      figure: meta,
      ...(note === undefined ? {} : { note }),
    };
    const node = inputs === undefined ? this.graph.add(spec) : this.graph.addWithInputs(spec, inputs);
    let byEntity = this.map.get(meta.indicatorId);
    if (!byEntity) {
      byEntity = new Map();
      this.map.set(meta.indicatorId, byEntity);
    }
    const entry = {
      id,
      node,
      year: meta.periodId,
      key: disaggregationKey(meta.disaggregation),
      disaggregation: meta.disaggregation,
    };
    const list = byEntity.get(meta.entityId);
    if (list) list.push(entry);
    else byEntity.set(meta.entityId, [entry]);
    return id;
  }
}
