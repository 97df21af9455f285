/**
 * Consolidation from sites to entities to the group, bottom-up. For each additive (sum)
 * indicator, an entity's figure = its own contributions + Σ weight × each child's figure:
 *   operational control: weight 1 for children under operational control, else excluded;
 *   financial control:    weight 1 for children under operational or financial control;
 *   equity share:         weight = the share the parent holds (counts of people stay whole).
 * Own disaggregated values without an own total get a total: the sum over the first axis
 * (in catalogue order) that has single-axis values.
 */
import { type Formula, NO_INPUTS } from '../calc/formula.js';
import type { Indicator } from '../model/indicator.js';
import type { ConsolidationApproach, Entity, Organisation } from '../model/organisation.js';
import { type ContributionSet, type Contributions, keyText } from './contributions.js';
import type { FigureIndex } from './figure-index.js';

export function childWeight(
  approach: ConsolidationApproach,
  child: Entity,
  indicator: Indicator,
): string | undefined {
  if (approach === 'operational-control') return child.control === 'operational' ? '1' : undefined;
  if (approach === 'financial-control') return child.control === 'none' ? undefined : '1';
  if (indicator.dimension === 'count') return child.control === 'none' ? undefined : '1';
  return child.ownership.toString();
}

export const APPROACH_NOTE: { readonly [K in ConsolidationApproach]: string } = {
  'operational-control': 'operational control: 100% of entities under operational control',
  'financial-control': 'financial control: 100% of entities under financial control',
  'equity-share': 'equity share: each entity by the share held',
};

/** Entities ordered children before parents. */
export function childrenByParent(org: Organisation): Map<string, Entity[]> {
  const m = new Map<string, Entity[]>();
  for (const e of org.entities) {
    if (e.parentId === undefined) continue;
    const list = m.get(e.parentId);
    if (list) list.push(e);
    else m.set(e.parentId, [e]);
  }
  return m;
}

export function postOrder(org: Organisation): Entity[] {
  const out: Entity[] = [];
  const children = childrenByParent(org);
  const visit = (e: Entity) => {
    for (const c of children.get(e.id) ?? []) visit(c);
    out.push(e);
  };
  for (const root of org.entities.filter((e) => e.parentId === undefined)) visit(root);
  return out;
}

const ONES: (readonly string[])[] = [];
/** A shared, frozen list of n weights '1' (consolidation weights of an entity's own values). */
function ones(n: number): readonly string[] {
  let w = ONES[n];
  if (w === undefined) {
    w = Object.freeze(Array.from({ length: n }, () => '1'));
    if (n < 4096) ONES[n] = w;
  }
  return w;
}

type TotalSet = ContributionSet & { readonly totalOver: string };

/** No axis value (as Object.keys(d).length === 0, without the array). */
function isEmpty(d: Readonly<Record<string, string>>): boolean {
  for (const _ in d) return false;
  return true;
}

/**
 * Own totals of the entity's disaggregated sets: for each indicator and year whose own values are
 * all disaggregated (no own total), the sum over the first additive axis with single-axis values.
 * Only indicator × year groups holding a disaggregated set are looked at (most hold none).
 */
export function ownTotals(
  own: readonly ContributionSet[],
  catalogue: ReadonlyMap<string, Indicator>,
): TotalSet[] {
  /**
   * indicator × year → the group's disaggregated sets in own order; groups with a disaggregated
   * set only, in the order their first one is met (Map insertion order).
   */
  const groups = new Map<string, ContributionSet[]>();
  const split = new Set<string>(); // indicators of those groups
  for (const set of own) {
    if (isEmpty(set.disaggregation)) continue;
    split.add(set.indicatorId);
    const key = `${set.indicatorId}\u0000${set.year}`;
    const sets = groups.get(key);
    if (sets) sets.push(set);
    else groups.set(key, [set]);
  }
  if (groups.size === 0) return [];
  // a group with an own total needs none (the sets holding it are never in `groups`)
  for (const set of own)
    if (split.has(set.indicatorId) && isEmpty(set.disaggregation))
      groups.delete(`${set.indicatorId}\u0000${set.year}`);
  const out: TotalSet[] = [];
  for (const sets of groups.values()) {
    const first = sets[0] as ContributionSet;
    const ind = catalogue.get(first.indicatorId);
    // never a total over categories that are different things (NOx + SOx + PM: Indicator.nonAdditiveAxes)
    const axes = (ind?.axes ?? []).filter((a) => !ind?.nonAdditiveAxes?.includes(a));
    const axis = axes.find((a) =>
      sets.some((s) => Object.keys(s.disaggregation).length === 1 && a in s.disaggregation),
    );
    if (axis === undefined) continue;
    const nodes = sets
      .filter((s) => Object.keys(s.disaggregation).length === 1 && axis in s.disaggregation)
      .flatMap((s) => s.nodes);
    out.push({
      indicatorId: first.indicatorId,
      year: first.year,
      disaggregation: {},
      nodes,
      totalOver: axis,
    });
  }
  return out;
}

export function consolidate(args: {
  org: Organisation;
  catalogue: ReadonlyMap<string, Indicator>;
  contributions: Contributions;
  figures: FigureIndex;
  methodNote: (indicator: Indicator, entityId?: string) => string;
}): void {
  const { org, catalogue, contributions, figures } = args;
  const approach = org.consolidation;
  // Formulas and notes are shared between figures where they are equal: a group has hundreds of
  // thousands of figures and few distinct formulas (inputs are handed over as node indices).
  const leafFormulas = new Map<readonly string[], Map<string, Formula>>();
  const formulaOf = (weights: readonly string[], unit: string): Formula => {
    let byUnit = leafFormulas.get(weights);
    if (byUnit === undefined) {
      if (!Object.isFrozen(weights)) return { op: 'weighted-sum', inputs: NO_INPUTS, weights, unit };
      byUnit = new Map();
      leafFormulas.set(weights, byUnit);
    }
    let f = byUnit.get(unit);
    if (f === undefined) {
      f = { op: 'weighted-sum', inputs: NO_INPUTS, weights, unit };
      byUnit.set(unit, f);
    }
    return f;
  };
  const notes = new Map<string, string | undefined>();
  const noteOf = (totalOver: string | undefined, withChildren: boolean): string | undefined => {
    const key = `${withChildren ? 1 : 0}${totalOver ?? ''}`;
    if (notes.has(key)) return notes.get(key);
    const parts = [
      totalOver ? `total = sum over ${totalOver}` : undefined,
      withChildren ? APPROACH_NOTE[approach] : undefined,
    ].filter(Boolean);
    const note = parts.length > 0 ? parts.join('; ') : undefined;
    notes.set(key, note);
    return note;
  };
  /** Keys each entity has figures for, so parents include keys only their children have. */
  const keysOf = new Map<string, { key: string; set: ContributionSet }[]>();
  const childrenOf = childrenByParent(org);
  for (const entity of postOrder(org)) {
    const children = childrenOf.get(entity.id) ?? [];
    const own = contributions.of(entity.id);
    const totals = ownTotals(own, catalogue);
    const keys = new Map<string, { set: ContributionSet; totalOver?: string }>();
    for (const s of own) keys.set(keyText(s), { set: s });
    for (const t of totals) keys.set(keyText(t), { set: t, totalOver: t.totalOver ?? '' });
    // keys present at children (additive indicators only)
    for (const child of children) {
      for (const k of keysOf.get(child.id) ?? [])
        if (!keys.has(k.key)) keys.set(k.key, { set: { ...k.set, nodes: [] } });
    }
    for (const { set, totalOver } of keys.values()) {
      const indicator = catalogue.get(set.indicatorId);
      if (!indicator) continue;
      const additive = indicator.aggregation === 'sum';
      // own nodes are graph indices (facts) or ids; children's figures by index. A leaf's own
      // nodes are passed as they are (the graph copies them into its columns) and its weights are
      // a shared all-ones list: no per-figure copies (hundreds of thousands of figures).
      let inputs: (string | number)[] = set.nodes;
      let weights: readonly string[] = ones(set.nodes.length);
      if (additive && children.length > 0) {
        inputs = [...set.nodes];
        weights = [...weights];
        for (const child of children) {
          const w = childWeight(approach, child, indicator);
          const f = figures.node(set.indicatorId, child.id, set.year, set.disaggregation);
          if (w !== undefined && f !== undefined) {
            inputs.push(f);
            (weights as string[]).push(w);
          }
        }
      } else if (!additive && inputs.length > 1) {
        inputs = inputs.slice(-1); // latest / none: the last own value stands
        weights = ones(1);
      }
      if (inputs.length === 0) continue;
      figures.addDerived(
        {
          indicatorId: set.indicatorId,
          entityId: entity.id,
          periodId: set.year,
          disaggregation: set.disaggregation,
          precision: indicator.precision,
          method: args.methodNote(indicator, entity.id),
        },
        `${indicator.name.en}, ${entity.name.en}, ${set.year}`,
        formulaOf(weights, indicator.unit),
        noteOf(totalOver, children.length > 0 && additive),
        inputs,
      );
    }
    keysOf.set(
      entity.id,
      [...keys.entries()].map(([key, v]) => ({ key, set: v.set })),
    );
  }
}
