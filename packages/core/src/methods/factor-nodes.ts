/**
 * Factor look-ups as graph nodes: one node per factor record ("factor:<record id>"), shared by
 * every line that uses it, carrying the record (value, unit, vintage, calibre, document,
 * status) and the selection note (e.g. a regional fallback). A failed look-up is a node whose
 * value is the factor-not-found error, so every dependent figure says which factor is missing.
 */
import type { CalcGraph } from '../calc/graph.js';
import type { FactorRecord } from '../factors/factor.js';
import { factorToQuantity } from '../factors/factor-quantity.js';
import { type FactorQuery, type FactorSelection, selectFactor } from '../factors/select-factor.js';

/** A query's selection, and its node once one was asked for. */
type Selection = { readonly hit: FactorSelection; id?: string };

export class FactorNodes {
  /** By the query's JSON text: equal queries built apart share one selection and one node. */
  private readonly byText = new Map<string, Selection>();
  /** By the query object: builders that return one object per query (factor-queries.ts) skip the JSON text. */
  private readonly byObject = new WeakMap<FactorQuery, Selection>();
  constructor(
    private readonly graph: CalcGraph,
    private readonly library: readonly FactorRecord[],
  ) {}

  /** The selection for a query, made once per distinct query (a group's lines ask the same few). */
  private selection(query: FactorQuery): Selection {
    let sel = this.byObject.get(query);
    if (sel !== undefined) return sel;
    const key = JSON.stringify(query);
    sel = this.byText.get(key);
    if (sel === undefined) {
      sel = { hit: selectFactor(this.library, query) };
      this.byText.set(key, sel);
    }
    this.byObject.set(query, sel);
    return sel;
  }

  /** The factor the query selects and its node, or undefined (and no node) when none matches. */
  find(query: FactorQuery): { readonly id: string; readonly factor: FactorRecord } | undefined {
    const { hit } = this.selection(query);
    return hit.ok ? { id: this.node(query), factor: hit.factor } : undefined;
  }

  /** Node id for the factor the query selects (adding the node on first use). */
  node(query: FactorQuery): string {
    const sel = this.selection(query);
    if (sel.id !== undefined) return sel.id;
    const hit = sel.hit;
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
      id = `factor-missing:${query.label ?? JSON.stringify(query)}`;
      if (!this.graph.has(id))
        this.graph.add({
          kind: 'invalid',
          id,
          label: `missing factor: ${query.label ?? query.kind}`,
          value: hit.error,
        });
    }
    sel.id = id;
    return id;
  }
}
