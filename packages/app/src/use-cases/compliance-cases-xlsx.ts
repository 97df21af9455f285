/**
 * Compliance cases as XLSX (issue #18; io xlsx/register-sheets.ts casesSheet): for the
 * compliance role only (route-rules.ts: read-cases, write-case). The workbook is made from the
 * case records, never from the bundle; an import is all or nothing and is one write of the
 * case records (each case replaced or added, versions moving by one where it changed).
 */
import { casesSheet, rowSheetWorkbook } from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { readUploadedRows } from './site-registers-xlsx.js';

const rulesOf = (ws: Workspace) => ({
  entityIds: new Set(ws.snapshot().bundle.organisation.entities.map((e) => e.id)),
});

export async function exportCasesXlsx(i: { ws: Workspace }): Promise<Uint8Array> {
  const cases = (await i.ws.cases.current()).map((v) => v.case);
  return rowSheetWorkbook(casesSheet(rulesOf(i.ws)), cases);
}

export async function importCasesXlsx(i: {
  ws: Workspace;
  file: string;
  xlsxBase64: string;
  reason?: string;
  author: string;
}): Promise<Result<{ imported: number }>> {
  const rows = await readUploadedRows(casesSheet(rulesOf(i.ws)), i.file, i.xlsxBase64);
  if (!rows.ok) return rows;
  const out = await i.ws.cases.write(
    { kind: 'import', cases: rows.value },
    i.reason ?? `cases imported from ${i.file}`,
    i.author,
  );
  if (!out.ok) return failure('internal', 'the import was refused unexpectedly');
  return success({ imported: rows.value.length });
}
