/**
 * Render the report of the workspace's current data (core buildReport → @assay/render), the
 * same way as `assay report`: content indices from the completeness assessment, and a DRAFT mark
 * on every page unless every workflow unit of the year is approved (report-status.ts), and the
 * restatement note (GRI 2-4) of the approved restatements (restatement-note.ts). PDF launches
 * headless Chromium for the request (about 1–2 s). The renderers are loaded on first use: they
 * cost seconds of start-up that a front door asking for figures only would otherwise pay.
 */
import {
  type ActivityLine,
  type CaseCount,
  caseCountFigure,
  explain,
  type Lineage,
  type LineageLabeller,
  lineageLabeller,
  localiseLineage,
  type ReportModel,
} from '@assay/core';
import type { Snapshot, Workspace } from '../workspace/workspace.js';
import { approvedMateriality } from './approved-materiality.js';
import { reportCaseCounts } from './compliance-cases.js';
import { evaluated, findDataPoint } from './evaluation.js';
import { acceptedFindingIds } from './finding-work.js';
import { reportRegisters } from './materiality-files.js';
import { reportModel } from './report-model.js';
import { reportStatus } from './report-status.js';
import { restatementNoteInput } from './restatement-note.js';

export type ReportFormat = 'html' | 'pdf' | 'docx' | 'xlsx' | 'json';
export type Rendered = { body: Uint8Array | string; contentType: string };

const TYPES: { readonly [K in ReportFormat]: string } = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/**
 * Labels of derivation trees in both languages for this snapshot: data points found through the
 * workspace's index (findDataPoint), activity lines indexed on first use.
 */
export function snapshotLabeller(s: Snapshot): LineageLabeller {
  let lines: Map<string, ActivityLine> | undefined;
  return lineageLabeller(s.bundle, (id) => {
    const d = findDataPoint(s, id);
    if (d) return d;
    lines ??= new Map(s.bundle.activityLines.map((l) => [l.id, l]));
    return lines.get(id);
  });
}

/**
 * The derivation tree of each report figure with its labels in the report languages (the
 * XLSX Calculations sheet): core `explain` over the snapshot's evaluated graph, then
 * localiseLineage. Used by the API's XLSX and by `assay report`.
 */
export function reportLineage(
  s: Snapshot,
  caseCounts?: readonly CaseCount[],
): (figureId: string) => Lineage | undefined {
  const { graph } = evaluated(s).evaluation;
  const labelOf = snapshotLabeller(s);
  // B7.1 derived from the case counts: its lineage names counts only (core case-count-figure.ts)
  const cases = caseCounts ? caseCountFigure(s.bundle, caseCounts) : undefined;
  return (id) => {
    if (cases && id === cases.figure.id) return localiseLineage(cases.lineage, labelOf);
    return graph.has(id) ? localiseLineage(explain(graph, id), labelOf) : undefined;
  };
}

/** What a report reads beside the snapshot; a folder has none of the records. */
export type ReportSources = Pick<Workspace, 'snapshot'> &
  Partial<Pick<Workspace, 'cycle' | 'restatements' | 'cases' | 'materiality' | 'findingWork'>>;

/**
 * The report model of a workspace or a loaded source, as the API's report route and `assay
 * report` both print it (one function, so the two front doors cannot drift): status from the
 * workflow records, the restatement note, B7.1 from the case counts, the material topics from the
 * year's survey, and the publication gate's error count without the accepted findings.
 */
export async function workspaceReport(
  ws: ReportSources,
): Promise<{ model: ReportModel; lineage: (figureId: string) => Lineage | undefined }> {
  const s = ws.snapshot();
  // counts of the workspace's cases, whoever asks (counts are public; rows never reach the report)
  const counts = await reportCaseCounts(ws);
  // the approved topic list: not-material omissions explained in the content index
  const materiality = await approvedMateriality(ws);
  const model = reportModel(
    s,
    await reportStatus(s, ws.cycle),
    await restatementNoteInput(s, ws.restatements),
    counts,
    // the material topics computed from the reporting year's survey, if any (materiality-files.ts)
    await reportRegisters(ws),
    ws.findingWork ? await acceptedFindingIds(ws.findingWork, s, materiality) : new Set<string>(),
    materiality,
  );
  return { model, lineage: reportLineage(s, counts) };
}

export async function renderReport(
  ws: ReportSources,
  format: ReportFormat,
  lang: 'zh-Hant' | 'en',
): Promise<Rendered> {
  const { chartImages, renderDocx, renderHtml, renderJson, renderPdf, renderXlsx } = await import(
    '@assay/render'
  );
  const { model, lineage } = await workspaceReport(ws);
  const contentType = TYPES[format];
  switch (format) {
    case 'html':
      return { body: renderHtml(model, lang), contentType };
    case 'pdf':
      return { body: (await renderPdf(model, lang)).pdf, contentType };
    case 'docx':
      // charts as images: drawn by Chromium, as the PDF is (render/docx/chart-images.ts)
      return { body: await renderDocx(model, lang, { charts: await chartImages(model, lang) }), contentType };
    case 'xlsx':
      return {
        body: await renderXlsx(model, lang, lineage),
        contentType,
      };
    case 'json':
      return { body: renderJson(model), contentType };
  }
}
