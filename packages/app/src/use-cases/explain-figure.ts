/**
 * A figure's derivation tree, read from the evaluated calculation graph (core `explain`): down
 * to facts (source, evidence, the data point's version) and factors (document, status, vintage).
 */
import { explain, type Lineage, parseFigureId } from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import { presentValue } from '../present.js';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated, withGraph } from './evaluation.js';

export type LineageJson = {
  id: string;
  kind: Lineage['kind'];
  label: { 'zh-Hant': string; en: string };
  op: string | null;
  value: ReturnType<typeof presentValue> | null;
  figureId: string | null;
  fact: {
    id: string;
    version: number | null;
    source: string | null;
    evidence: string | null;
    comment: string | null;
  } | null;
  factor: {
    id: string;
    document: string;
    status: string;
    vintage: number;
    method: string;
    value: string;
    unit: string;
  } | null;
  note: string | null;
  children: LineageJson[];
};

/** Indicator names in both languages where the node is a figure; the graph's own label otherwise. */
function present(n: Lineage, s: Snapshot): LineageJson {
  const { catalogue } = evaluated(s);
  const name = n.figure ? catalogue.get(n.figure.indicatorId)?.name : undefined;
  const label = name ? { 'zh-Hant': name['zh-Hant'], en: name.en } : { 'zh-Hant': n.label, en: n.label };
  return {
    id: n.id,
    kind: n.kind,
    label,
    op: n.op ?? null,
    value: n.value === undefined ? null : presentValue(n.value, n.figure?.precision),
    figureId: n.figure ? n.id : null,
    fact: n.fact
      ? {
          id: n.fact.factId,
          version: s.versionOf(n.fact.factId) ?? null,
          source: n.fact.source,
          evidence: n.fact.evidence ?? null,
          comment: n.fact.comment ?? null,
        }
      : null,
    factor: n.factor
      ? {
          id: n.factor.id,
          document: n.factor.document,
          status: n.factor.status,
          vintage: n.factor.vintage,
          method: n.factor.method,
          value: n.factor.value,
          unit: n.factor.unit,
        }
      : null,
    note: n.note ?? null,
    children: n.children.map((c) => present(c, s)),
  };
}

export function explainFigure(s: Snapshot, figureId: string): Result<LineageJson> {
  if (!parseFigureId(figureId))
    return failure('invalid-request', `"${figureId}" is not a figure id`, { field: 'id' });
  const ev = evaluated(s);
  if (!ev.byId.has(figureId)) return failure('not-found', `no figure "${figureId}"`, { field: 'id' });
  // Lent, not pinned: explain is synchronous (evaluation.ts, the rule on graphs).
  return success(
    present(
      withGraph(s, ({ graph }) => explain(graph, figureId)),
      s,
    ),
  );
}
