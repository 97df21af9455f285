/**
 * Lineage: the derivation tree of a node down to facts (with source and evidence) and factors
 * (value, unit, vintage, calibre, document, status). `explain` reads the evaluated graph; it
 * never recomputes.
 */
import type { FactorRecord } from '../model/factor-record.js';
import type { LocalisedText } from '../model/text.js';
import type { QuantityResult } from '../units/quantity.js';
import type { Formula, FormulaOp } from './formula.js';
import type { CalcGraph } from './graph.js';
import type { FactInfo, FigureMeta, LabelKey } from './node.js';

export type Lineage = {
  readonly id: string;
  readonly kind: 'fact' | 'factor' | 'constant' | 'derived' | 'invalid' | 'missing';
  readonly label: string;
  readonly labelKey?: LabelKey;
  /** The label in each report language, set by report/lineage-text.ts localiseLineage. */
  readonly text?: LocalisedText;
  readonly op?: FormulaOp;
  /** For weighted sums: the weight of each child, in order. */
  readonly weights?: readonly string[];
  readonly value: QuantityResult | undefined;
  readonly children: readonly Lineage[];
  readonly fact?: FactInfo;
  readonly factor?: FactorRecord;
  readonly figure?: FigureMeta;
  readonly note?: string;
};

export function explain(graph: CalcGraph, id: string, depth = 64): Lineage {
  const spec = graph.spec(id);
  if (!spec) return { id, kind: 'missing', label: `missing: ${id}`, value: undefined, children: [] };
  const base = {
    id,
    label: spec.label,
    ...(spec.labelKey ? { labelKey: spec.labelKey } : {}),
    value: graph.value(id),
    ...(spec.figure ? { figure: spec.figure } : {}),
    ...(spec.note ? { note: spec.note } : {}),
  };
  switch (spec.kind) {
    case 'fact':
      return { ...base, kind: 'fact', children: [], fact: spec.fact };
    case 'factor':
      return { ...base, kind: 'factor', children: [], ...(spec.factor ? { factor: spec.factor } : {}) };
    case 'constant':
      return { ...base, kind: 'constant', children: [] };
    case 'invalid':
      return { ...base, kind: 'invalid', children: [] };
    case 'derived': {
      const f: Formula = spec.formula;
      const children = depth <= 0 ? [] : f.inputs.map((c) => explain(graph, c, depth - 1));
      return {
        ...base,
        kind: 'derived',
        op: f.op,
        children,
        ...(f.op === 'weighted-sum' ? { weights: f.weights } : {}),
      };
    }
  }
}

/** Every fact and factor a node rests on (leaves of its lineage), deduplicated. */
export function leavesOf(tree: Lineage): Lineage[] {
  const seen = new Map<string, Lineage>();
  const walk = (t: Lineage) => {
    if (t.children.length === 0) seen.set(t.id, t);
    for (const c of t.children) walk(c);
  };
  walk(tree);
  return [...seen.values()];
}
