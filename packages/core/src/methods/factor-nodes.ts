/**
 * Factor look-ups as graph nodes: one node per factor record ("factor:<record id>"), shared by
 * every line that uses it, carrying the record (value, unit, vintage, calibre, document,
 * status) and the selection note (e.g. a regional fallback). A failed look-up is a node whose
 * value is the factor-not-found error, so every dependent figure says which factor is missing.
 */
import type { CalcGraph } from '../calc/graph.js';
import type { FactorRecord } from '../factors/factor.js';
import { factorToQuantity } from '../factors/factor-quantity.js';
import { type FactorQuery, selectFactor } from '../factors/select-factor.js';

export class FactorNodes {
  private readonly byQuery = new Map<string, string>();
  constructor(
    private readonly graph: CalcGraph,
    private readonly library: readonly FactorRecord[],
  ) {}

  /** The factor the query selects and its node, or undefined (and no node) when none matches. */
  find(query: FactorQuery): { readonly id: string; readonly factor: FactorRecord } | undefined {
    const hit = selectFactor(this.library, query);
    return hit.ok ? { id: this.node(query), factor: hit.factor } : undefined;
  }

  /** Node id for the factor the query selects (adding the node on first use). */
  node(query: FactorQuery): string {
    const key = JSON.stringify(query);
    const cached = this.byQuery.get(key);
    if (cached !== undefined) return cached;
    const hit = selectFactor(this.library, query);
    let id: string;
    if (hit.ok) {
      id = `factor:${hit.factor.id}`;
      if (!this.graph.has(id)) {
        this.graph.add({
          kind: 'factor',
          id,
          label: `${hit.factor.kind} ${hit.factor.id}`,
          value: factorToQuantity(hit.factor),
          factor: hit.factor,
          ...(hit.note === undefined ? {} : { note: hit.note }),
        });
      }
    } else {
      id = `factor-missing:${query.label ?? key}`;
      if (!this.graph.has(id))
        this.graph.add({
          kind: 'invalid',
          id,
          label: `missing factor: ${query.label ?? query.kind}`,
          value: hit.error,
        });
    }
    this.byQuery.set(key, id);
    return id;
  }
}
