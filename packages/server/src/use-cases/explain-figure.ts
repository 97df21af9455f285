/**
 * A figure's derivation tree. The calculation graph's explainer is used when wired (engines);
 * an input figure is explained by its own data point (a one-node tree with source and
 * evidence), which is the whole truth for an input.
 */
import { type Bundle, type Indicator, parseFigureId } from '@assay/core';
import type { Engines, LineageLike } from '../engines.js';
import { failure, type Result, success } from '../http/api-error.js';
import { presentValue } from '../http/present.js';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

export type LineageJson = {
  id: string;
  kind: LineageLike['kind'];
  label: { 'zh-Hant': string; en: string };
  op: string | null;
  value: ReturnType<typeof presentValue>;
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

function label(l: LineageLike['label']) {
  return typeof l === 'string' ? { 'zh-Hant': l, en: l } : { 'zh-Hant': l['zh-Hant'], en: l.en };
}

function present(n: LineageLike, s: Snapshot, precisionOf: (id: string) => number): LineageJson {
  const dp = n.fact ? s.bundle.dataPoints.find((d) => d.id === n.fact?.id) : undefined;
  return {
    id: n.id,
    kind: n.kind,
    label: label(n.label),
    op: n.op ?? null,
    value: presentValue(n.value, precisionOf(n.id)),
    figureId: parseFigureId(n.id) ? n.id : null,
    fact: n.fact
      ? {
          id: n.fact.id,
          version: s.versionOf(n.fact.id) ?? null,
          source: n.fact.source ?? dp?.source ?? null,
          evidence: n.fact.evidence ?? dp?.evidence ?? null,
          comment: dp?.comment ?? null,
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
    children: n.children.map((c) => present(c, s, precisionOf)),
  };
}

function inputLineage(
  bundle: Bundle,
  figureId: string,
  catalogue: ReadonlyMap<string, Indicator>,
): LineageLike | undefined {
  const key = parseFigureId(figureId);
  if (!key) return undefined;
  const dp = bundle.dataPoints.find(
    (d) =>
      d.indicatorId === key.indicatorId &&
      d.entityId === key.entityId &&
      d.periodId === key.periodId &&
      JSON.stringify(Object.entries(d.disaggregation).sort()) ===
        JSON.stringify(Object.entries(key.disaggregation).sort()),
  );
  if (!dp) return undefined;
  const ind = catalogue.get(dp.indicatorId);
  return {
    id: figureId,
    kind: 'fact',
    label: ind?.name ?? dp.indicatorId,
    value: dp.quantity,
    children: [],
    fact: { id: dp.id, source: dp.source, ...(dp.evidence === undefined ? {} : { evidence: dp.evidence }) },
    note: 'input as entered',
  };
}

export function explainFigure(s: Snapshot, engines: Engines, figureId: string): Result<LineageJson> {
  const ev = evaluated(s);
  if (!parseFigureId(figureId))
    return failure('invalid-request', `"${figureId}" is not a figure id`, { field: 'id' });
  const figure = ev.byId.get(figureId);
  if (!figure) return failure('not-found', `no figure "${figureId}"`, { field: 'id' });
  const tree =
    engines.explain?.(s.bundle, figureId) ??
    (figure.method === 'input' ? inputLineage(s.bundle, figureId, ev.catalogue) : undefined);
  if (!tree) return failure('not-available', 'the derivation of calculated figures is not available yet');
  const precisionOf = (id: string) => ev.byId.get(id)?.precision ?? figure.precision;
  return success(present(tree, s, precisionOf));
}
