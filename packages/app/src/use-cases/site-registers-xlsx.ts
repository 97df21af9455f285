/**
 * Certifications, tailings facilities and compliance cases as XLSX (issue #18; io
 * xlsx/register-sheets.ts): export a register as a workbook; import one all or nothing (every
 * row checked by core's rules; any issue, named by file, sheet, row and column, refuses the
 * lot). The upload is read from a temporary file removed afterwards. Cases: compliance-cases-xlsx.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  certificationsSheet,
  printable,
  type RowSheetSpec,
  readRowSheet,
  rowSheetWorkbook,
  tailingsSheet,
} from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { climateImportIssues, climateSpecOf, isClimateRegister } from './climate-register-xlsx.js';
import type { SiteRegister } from './site-registers.js';

const rulesOf = (ws: Workspace) => ({
  entityIds: new Set(ws.snapshot().bundle.organisation.entities.map((e) => e.id)),
});

function specOf(ws: Workspace, register: SiteRegister): RowSheetSpec<{ id: string }> {
  if (isClimateRegister(register)) return climateSpecOf(ws, register);
  return (
    register === 'certifications' ? certificationsSheet(rulesOf(ws)) : tailingsSheet(rulesOf(ws))
  ) as never;
}

export async function exportSiteRegisterXlsx(i: {
  ws: Workspace;
  register: SiteRegister;
}): Promise<Uint8Array> {
  const rows: readonly { id: string }[] = i.ws.snapshot().bundle.registers[i.register] ?? [];
  return rowSheetWorkbook(specOf(i.ws, i.register), rows);
}

/** Read an uploaded workbook's rows with `spec`, or the failure naming every issue. */
export async function readUploadedRows<T extends { readonly id: string }>(
  spec: RowSheetSpec<T>,
  file: string,
  xlsxBase64: string,
): Promise<Result<T[]>> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-register-'));
  let read: Awaited<ReturnType<typeof readRowSheet<T>>>;
  try {
    const path = join(dir, 'upload.xlsx');
    await writeFile(path, Buffer.from(xlsxBase64, 'base64'));
    read = await readRowSheet(spec, path, file);
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.error(
      printable(`[assay] reading the ${spec.sheet} upload ${JSON.stringify(file)} failed: ${detail}`),
    );
    return failure('invalid-request', `${file}: cannot be read as XLSX; nothing was imported`, {
      field: 'xlsxBase64',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (!read.ok) {
    const first = read.issues[0];
    return failure(
      'invalid-data',
      `${read.issues.length} problem(s) in ${file}; nothing was imported${first ? `: ${first.reason}` : ''}`,
      {
        issues: read.issues.map((x) => ({
          file: x.sheet === undefined ? x.file : `${x.file} [${x.sheet}]`,
          ...(x.row === undefined ? {} : { row: x.row }),
          ...(x.column === undefined ? {} : { column: x.column }),
          reason: x.reason,
        })),
      },
    );
  }
  if (read.rows.length === 0) return failure('invalid-data', `${file} holds no row`, { field: 'xlsxBase64' });
  return success(read.rows);
}

export async function importSiteRegisterXlsx(i: {
  ws: Workspace;
  register: SiteRegister;
  file: string;
  xlsxBase64: string;
  reason?: string;
  author: string;
}): Promise<Result<{ imported: number; workspaceVersion: number }>> {
  const rows = await readUploadedRows(specOf(i.ws, i.register), i.file, i.xlsxBase64);
  if (!rows.ok) return rows;
  const merged = isClimateRegister(i.register) ? climateImportIssues(i.ws, i.register, rows.value) : [];
  if (merged.length > 0)
    return failure('invalid-data', `${merged.length} problem(s) in ${i.file}; nothing was imported`, {
      issues: merged.map((x) => ({
        file: i.file,
        column: x.issue.field,
        reason: `${x.id}: ${x.issue.reason}`,
      })),
    });
  const out = await i.ws.writeRegisterRow(
    i.register,
    { kind: 'import', rows: rows.value } as never,
    i.reason ?? `${i.register} imported from ${i.file}`,
    i.author,
  );
  if (!out.ok) return failure('internal', 'the import was refused unexpectedly');
  return success({ imported: rows.value.length, workspaceVersion: out.workspaceVersion });
}
