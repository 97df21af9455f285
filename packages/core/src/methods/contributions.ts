/**
 * What each entity itself contributes to additive indicators, before consolidation: nodes
 * grouped by entity, then by indicator × disaggregation × year, in the order each group was
 * first met. A node is its index in the graph (a data point's fact node, so that millions of id
 * strings are neither kept nor looked up again) or its id. Consolidation adds children.
 * A one-entry cache of the last set: a bundle's data points usually come in runs of one set, so
 * the key string (keyText) is built once per run, not per fact.
 */
import { type Disaggregation, disaggregationKey } from '../model/fact.js';

export type ContributionKey = {
  readonly indicatorId: string;
  readonly disaggregation: Disaggregation;
  readonly year: string;
};
/** `nodes`: graph node indices or node ids, in the order contributed. */
export type ContributionSet = ContributionKey & { readonly nodes: (string | number)[] };

type EntitySets = {
  /** keyText → set */
  readonly byKey: Map<string, ContributionSet>;
  /** The same sets in the order first met. */
  readonly list: ContributionSet[];
};

export class Contributions {
  private readonly byEntity = new Map<string, EntitySets>();
  /** The set the last add went to (a bundle's data points come in runs of one set). */
  private last: ContributionSet | undefined;
  private lastEntity = '';

  add(entityId: string, key: ContributionKey, node: string | number): void {
    this.addTo(entityId, key.indicatorId, key.disaggregation, key.year, node);
  }

  /** add() with the key's fields as arguments (no key object per data point). */
  addTo(
    entityId: string,
    indicatorId: string,
    disaggregation: Disaggregation,
    year: string,
    node: string | number,
  ): void {
    const l = this.last;
    if (
      l !== undefined &&
      this.lastEntity === entityId &&
      l.indicatorId === indicatorId &&
      l.year === year &&
      l.disaggregation === disaggregation
    ) {
      l.nodes.push(node);
      return;
    }
    let e = this.byEntity.get(entityId);
    if (!e) {
      e = { byKey: new Map(), list: [] };
      this.byEntity.set(entityId, e);
    }
    const k = `${indicatorId}|${disaggregationKey(disaggregation)}|${year}`; // keyText
    let set = e.byKey.get(k);
    if (set) set.nodes.push(node);
    else {
      set = { indicatorId, disaggregation, year, nodes: [node] };
      e.byKey.set(k, set);
      e.list.push(set);
    }
    this.last = set;
    this.lastEntity = entityId;
  }

  /** The entity's sets in the order first met. */
  of(entityId: string): readonly ContributionSet[] {
    return this.byEntity.get(entityId)?.list ?? [];
  }
}

export function keyText(k: ContributionKey): string {
  return `${k.indicatorId}|${disaggregationKey(k.disaggregation)}|${k.year}`;
}
