/**
 * Render the report of the workspace's current data (core buildReport → @assay/render), the
 * same way as `assay report`: content indices from the completeness assessment, and a DRAFT mark
 * on every page unless every workflow unit of the year is approved (report-status.ts), and the
 * restatement note (GRI 2-4) of the approved restatements (restatement-note.ts). PDF launches
 * headless Chromium for the request (about 1–2 s). The renderers are loaded on first use: they
 * cost seconds of start-up that a front door asking for figures only would otherwise pay.
 */
import { explain } from '@assay/core';
import type { Workspace } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';
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

export async function renderReport(
  ws: Pick<Workspace, 'snapshot' | 'cycle'> & Partial<Pick<Workspace, 'restatements'>>,
  format: ReportFormat,
  lang: 'zh-Hant' | 'en',
): Promise<Rendered> {
  const { renderDocx, renderHtml, renderJson, renderPdf, renderXlsx } = await import('@assay/render');
  const s = ws.snapshot();
  const { graph } = evaluated(s).evaluation;
  const model = reportModel(
    s,
    await reportStatus(s, ws.cycle),
    await restatementNoteInput(s, ws.restatements),
  );
  const contentType = TYPES[format];
  switch (format) {
    case 'html':
      return { body: renderHtml(model, lang), contentType };
    case 'pdf':
      return { body: (await renderPdf(model, lang)).pdf, contentType };
    case 'docx':
      return { body: await renderDocx(model, lang), contentType };
    case 'xlsx':
      return {
        body: await renderXlsx(model, lang, (id) => (graph.has(id) ? explain(graph, id) : undefined)),
        contentType,
      };
    case 'json':
      return { body: renderJson(model), contentType };
  }
}
