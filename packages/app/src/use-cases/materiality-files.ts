/**
 * The materiality assessment's files (issue #18; docs/registers.md "Materiality"):
 * - the XLSX questionnaire for outside stakeholders (io xlsx/materiality-sheet.ts): exported
 *   with the survey's topics as columns (and its responses, when asked), imported all or
 *   nothing, each bad cell named by sheet, row and column;
 * - the bundle's materiality.yaml (core bundle/materiality-document.ts): every assessment with
 *   its responses and approval, written from and read into the workspace's records;
 * - the report's material topics: the reporting year's survey's matrix (core
 *   materialTopicsFromMatrix), replacing the registers' typed-in scores.
 */
import {
  type BundleIssue,
  emptyRegisters,
  type MaterialityAssessment,
  type MaterialityBasis,
  materialityBlocks,
  materialityMatrix,
  materialTopicsFromMatrix,
  type Registers,
} from '@assay/core';
import {
  materialityYaml,
  parseMaterialityYaml,
  questionnaireSheet,
  readMaterialityFile,
  rowSheetWorkbook,
} from '@assay/io';
import type { Store } from '@assay/store';
import { failure, type Result, success } from '../outcome.js';
import type { MaterialityRecords } from '../workspace/materiality-records.js';
import { MemoryMateriality } from '../workspace/memory-materiality.js';
import { StoreMateriality } from '../workspace/store-materiality.js';
import type { Workspace } from '../workspace/workspace.js';
import { reportingYearSurvey } from './approved-materiality.js';
import { importResponses, surveyView } from './materiality.js';
import { readUploadedRows } from './site-registers-xlsx.js';

type Ws = Pick<Workspace, 'materiality'>;

/** The questionnaire of a survey; with `withResponses`, filled with the current responses. */
export async function exportQuestionnaire(i: {
  ws: Ws;
  surveyId: string;
  withResponses?: boolean;
}): Promise<Result<Uint8Array>> {
  const state = await i.ws.materiality.state(i.surveyId);
  if (!state) return failure('not-found', `no survey "${i.surveyId}"`);
  const rows = i.withResponses ? state.responses.map((r) => r.value) : [];
  return success(await rowSheetWorkbook(questionnaireSheet(state.survey.value), rows));
}

export async function importQuestionnaire(i: {
  ws: Ws;
  surveyId: string;
  file: string;
  xlsxBase64: string;
  reason?: string;
  author: string;
}): Promise<Result<{ imported: number }>> {
  const state = await i.ws.materiality.state(i.surveyId);
  if (!state) return failure('not-found', `no survey "${i.surveyId}"`);
  const rows = await readUploadedRows(questionnaireSheet(state.survey.value), i.file, i.xlsxBase64);
  if (!rows.ok) return rows;
  return importResponses({
    ws: i.ws,
    surveyId: i.surveyId,
    responses: rows.value,
    reason: i.reason ?? `questionnaire ${i.file} imported`,
    author: i.author,
  });
}

/** Every current assessment, as materiality.yaml holds them. */
export async function materialityAssessments(ws: Ws): Promise<MaterialityAssessment[]> {
  const out: MaterialityAssessment[] = [];
  for (const s of await ws.materiality.surveys()) {
    const state = await ws.materiality.state(s.value.id);
    if (!state) continue;
    out.push({
      survey: state.survey.value,
      responses: state.responses.map((r) => r.value),
      ...(state.approval ? { approval: state.approval.value } : {}),
    });
  }
  return out;
}

export async function exportMaterialityYaml(i: { ws: Ws }): Promise<string> {
  return materialityYaml(await materialityAssessments(i.ws));
}

/**
 * Read materiality.yaml into the records, all or nothing as far as the file goes (every issue
 * named before anything is written): each survey is created or replaced (a survey that exists
 * is replaced at its current version), its responses imported, its approval set.
 */
export async function importMaterialityAssessments(i: {
  ws: Ws;
  assessments: readonly MaterialityAssessment[];
  reason: string;
  author: string;
}): Promise<Result<{ surveys: number; responses: number }>> {
  let responses = 0;
  for (const a of i.assessments) {
    const current = await i.ws.materiality.state(a.survey.id);
    const put = await i.ws.materiality.write(
      { kind: 'put-survey', survey: a.survey, expectedVersion: current?.survey.version },
      i.reason,
      i.author,
    );
    if (!put.ok) return failure('conflict', `survey "${a.survey.id}" could not be written (${put.reason})`);
    await i.ws.materiality.write(
      { kind: 'import-responses', surveyId: a.survey.id, responses: a.responses },
      i.reason,
      i.author,
    );
    responses += a.responses.length;
    if (a.approval)
      await i.ws.materiality.write(
        { kind: 'approve', approval: a.approval, expectedVersion: current?.approval?.version },
        i.reason,
        a.approval.approvedBy,
      );
  }
  return success({ surveys: i.assessments.length, responses });
}

/**
 * A bundle folder's materiality.yaml as records in memory (read only): what a reading command
 * over the folder sees, the same assessments a server started from the folder fills its store
 * with (open-workspace.ts). A folder without the file has no assessment.
 */
export async function folderMateriality(
  dir: string,
): Promise<{ ok: true; records: MaterialityRecords } | { ok: false; issues: readonly BundleIssue[] }> {
  const read = await readMaterialityFile(dir);
  if (!read.ok) return read;
  const records = new MemoryMateriality(() => new Date().toISOString());
  const out = await importMaterialityAssessments({
    ws: { materiality: records },
    assessments: read.assessments,
    reason: `read from ${dir}`,
    author: 'assay',
  });
  if (!out.ok) return { ok: false, issues: [{ file: `${dir}/materiality.yaml`, reason: out.error.message }] };
  return { ok: true, records };
}

/**
 * `assay import <folder>`: the folder's materiality.yaml into the store, each assessment whose
 * survey the store does not hold yet (one it holds keeps its edits, as a served store keeps
 * them), so a store filled by import answers completeness as the folder does.
 */
export async function importFolderMateriality(i: {
  store: Store;
  dir: string;
  author: string;
  reason: string;
}): Promise<
  | { ok: true; surveys: number; responses: number; kept: number }
  | { ok: false; issues: readonly BundleIssue[] }
> {
  const read = await readMaterialityFile(i.dir);
  if (!read.ok) return read;
  const records = new StoreMateriality(i.store, () => new Date().toISOString());
  const held = new Set((await records.surveys()).map((s) => s.value.id));
  const fresh = read.assessments.filter((a) => !held.has(a.survey.id));
  const out = await importMaterialityAssessments({
    ws: { materiality: records },
    assessments: fresh,
    reason: i.reason,
    author: i.author,
  });
  if (!out.ok)
    return { ok: false, issues: [{ file: `${i.dir}/materiality.yaml`, reason: out.error.message }] };
  return { ok: true, ...out.value, kept: read.assessments.length - fresh.length };
}

export async function importMaterialityYaml(i: {
  ws: Ws;
  file: string;
  text: string;
  reason?: string;
  author: string;
}): Promise<Result<{ surveys: number; responses: number }>> {
  const read = parseMaterialityYaml(i.text, i.file);
  if (!read.ok)
    return failure('invalid-data', `${read.issues.length} problem(s) in ${i.file}; nothing was imported`, {
      issues: read.issues,
    });
  return importMaterialityAssessments({
    ws: i.ws,
    assessments: read.assessments,
    reason: i.reason ?? `materiality imported from ${i.file}`,
    author: i.author,
  });
}

/**
 * The registers as the report prints them: with the reporting year's survey (the last by id
 * whose year is the reporting year) holding responses, its computed matrix replaces the typed-in
 * material topics and `materialityBasis` says where the scores come from; otherwise unchanged.
 */
export async function reportRegisters(
  ws: Pick<Workspace, 'snapshot'> & Partial<Ws>,
): Promise<Registers | undefined> {
  const bundle = ws.snapshot().bundle;
  // the same survey completeness reads the approval of (approved-materiality.ts)
  const state = await reportingYearSurvey(ws);
  if (!state || state.responses.length === 0) return undefined;
  const survey = state.survey.value;
  const approval = state.approval?.value;
  const matrix = materialityMatrix(
    survey,
    state.responses.map((r) => r.value),
    approval,
  );
  const basis: MaterialityBasis = {
    surveyId: survey.id,
    title: survey.title,
    doubleMateriality: survey.doubleMateriality,
    threshold: survey.threshold,
    responses: matrix.responses,
    groups: survey.groups.map((g) => ({
      name: g.name,
      weight: g.weight,
      responses: matrix.byGroup.find((b) => b.groupId === g.id)?.responses ?? 0,
    })),
    ...(approval ? { approval } : {}),
    ...(survey.isDemonstration ? { isDemonstration: true } : {}),
  };
  return {
    ...bundle.registers,
    materialTopics: materialTopicsFromMatrix(matrix).map((t) =>
      survey.isDemonstration ? { ...t, isDemonstration: true } : t,
    ),
    materialityBasis: basis,
  };
}

/** The matrix of a survey drawn as the report draws it (render charts/svg-matrix.ts), in `lang`. */
export async function matrixSvgOf(i: {
  ws: Ws;
  id: string;
  lang: 'en' | 'zh-Hant';
}): Promise<Result<string>> {
  const view = await surveyView({ ws: i.ws, id: i.id });
  if (!view.ok) return view;
  const { matrixSvg } = await import('@assay/render');
  const materialTopics = materialTopicsFromMatrix(view.value.matrix);
  const chart = materialityBlocks({ ...emptyRegisters, materialTopics }).find((b) => b.kind === 'chart');
  if (chart?.kind !== 'chart' || chart.chart !== 'matrix')
    return success('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 40"/>');
  return success(matrixSvg(chart, i.lang));
}
