/**
 * A figure's derivation tree, read from the evaluated calculation graph (core `explain`): down
 * to facts (source, evidence, the data point's version) and factors (document, status, vintage).
 */
import {
  bundleCatalogue,
  CALC_KIND_TERMS,
  explain,
  type Lineage,
  type LineageLabeller,
  methodNoteText,
  parseFigureId,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import { presentValue } from '../present.js';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated, withGraph } from './evaluation.js';
import { snapshotLabeller } from './render-report.js';

export type LineageJson = {
  id: string;
  kind: Lineage['kind'];
  label: { 'zh-Hant': string; en: string };
  /** The kind and the operation as printed (數據, 因子, 乘積, 合計…). */
  kindText: { 'zh-Hant': string; en: string };
  op: string | null;
  opText: { 'zh-Hant': string; en: string } | null;
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
  /** The note in both languages (core method-note-text.ts); `known: false` when printed as written (English). */
  noteText: { 'zh-Hant': string; en: string; known: boolean } | null;
  children: LineageJson[];
};

/**
 * Labels in both languages (core lineageLabeller: a figure's indicator, breakdown, entity and
 * year; a fact's indicator or activity; a factor's family and subject; a derived activity node's
 * label key); values of nodes that are not figures to at most 6 decimals (presentValue).
 */
function present(
  n: Lineage,
  s: Snapshot,
  labelOf: LineageLabeller,
  nameOf: (indicatorId: string) => { 'zh-Hant': string; en: string } | undefined,
): LineageJson {
  const text = labelOf(n);
  const label = { 'zh-Hant': text['zh-Hant'], en: text.en };
  const term = (code: string) => {
    const t = CALC_KIND_TERMS[code];
    return { 'zh-Hant': t?.['zh-Hant'] ?? code, en: t?.en ?? code };
  };
  return {
    id: n.id,
    kind: n.kind,
    label,
    kindText: term(n.kind),
    op: n.op ?? null,
    opText: n.op ? term(n.op) : null,
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
    noteText: n.note ? noteTextOf(n.note, nameOf) : null,
    children: n.children.map((c) => present(c, s, labelOf, nameOf)),
  };
}

function noteTextOf(
  note: string,
  nameOf: (indicatorId: string) => { 'zh-Hant': string; en: string } | undefined,
): LineageJson['noteText'] {
  const t = methodNoteText(note, nameOf);
  return { 'zh-Hant': t.text['zh-Hant'], en: t.text.en, known: t.known };
}

export function explainFigure(s: Snapshot, figureId: string): Result<LineageJson> {
  if (!parseFigureId(figureId))
    return failure('invalid-request', `"${figureId}" is not a figure id`, { field: 'id' });
  const ev = evaluated(s);
  if (!ev.byId.has(figureId)) return failure('not-found', `no figure "${figureId}"`, { field: 'id' });
  let catalogue: ReturnType<typeof bundleCatalogue> | undefined; // built once, for the notes
  // Lent, not pinned: explain is synchronous (evaluation.ts, the rule on graphs).
  return success(
    present(
      withGraph(s, ({ graph }) => explain(graph, figureId)),
      s,
      snapshotLabeller(s),
      (id) => {
        catalogue ??= bundleCatalogue(s.bundle);
        const name = catalogue.get(id)?.name;
        return name ? { 'zh-Hant': name['zh-Hant'], en: name.en } : undefined;
      },
    ),
  );
}
