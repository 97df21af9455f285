/**
 * What each entity itself contributes to additive indicators, before consolidation: node ids
 * grouped by entity, then by indicator × disaggregation × year. Consolidation adds children.
 */
import { type Disaggregation, disaggregationKey } from '../model/fact.js';

export type ContributionKey = {
  readonly indicatorId: string;
  readonly disaggregation: Disaggregation;
  readonly year: string;
};
export type ContributionSet = ContributionKey & { readonly nodes: string[] };

export class Contributions {
  private readonly byEntity = new Map<string, Map<string, ContributionSet>>();

  add(entityId: string, key: ContributionKey, node: string): void {
    let m = this.byEntity.get(entityId);
    if (!m) {
      m = new Map();
      this.byEntity.set(entityId, m);
    }
    const k = keyText(key);
    const set = m.get(k);
    if (set) set.nodes.push(node);
    else m.set(k, { ...key, nodes: [node] });
  }

  of(entityId: string): ReadonlyMap<string, ContributionSet> {
    return this.byEntity.get(entityId) ?? new Map();
  }
}

export function keyText(k: ContributionKey): string {
  return `${k.indicatorId}|${disaggregationKey(k.disaggregation)}|${k.year}`;
}
