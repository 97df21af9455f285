/**
 * The supplier, hazard and project registers as XLSX (issue #18; io
 * xlsx/operating-registers-sheet.ts): export one register as a workbook; import one, all or
 * nothing: every row is checked by core's rules and any issue (file, sheet, row, column)
 * refuses the lot ('invalid-data' with the issues); a valid file replaces the rows of its ids and
 * adds the others in one audited write. The upload is read from a temporary file that is
 * removed afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operatingWorkbook, printable, readOperatingXlsx } from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { type OperatingRegister, rowsOf } from './operating-registers.js';

export async function exportOperatingXlsx(i: {
  ws: Workspace;
  register: OperatingRegister;
}): Promise<Uint8Array> {
  return operatingWorkbook(i.register, rowsOf(i.ws, i.register));
}

export async function importOperatingXlsx(i: {
  ws: Workspace;
  register: OperatingRegister;
  file: string;
  xlsxBase64: string;
  reason?: string;
  author: string;
}): Promise<Result<{ imported: number; workspaceVersion: number }>> {
  const rules = { entityIds: new Set(i.ws.snapshot().bundle.organisation.entities.map((e) => e.id)) };
  const dir = await mkdtemp(join(tmpdir(), `assay-${i.register}-`));
  let read: Awaited<ReturnType<typeof readOperatingXlsx>>;
  try {
    const path = join(dir, 'upload.xlsx');
    await writeFile(path, Buffer.from(i.xlsxBase64, 'base64'));
    read = await readOperatingXlsx(i.register, path, i.file, rules);
  } catch (e) {
    // A reader that throws on a hostile file: the caller learns which file, the log the detail.
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.error(
      printable(`[assay] reading the ${i.register} upload ${JSON.stringify(i.file)} failed: ${detail}`),
    );
    return failure('invalid-request', `${i.file}: cannot be read as XLSX; nothing was imported`, {
      field: 'xlsxBase64',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (!read.ok) {
    const first = read.issues[0];
    return failure(
      'invalid-data',
      `${read.issues.length} problem(s) in ${i.file}; nothing was imported${first ? `: ${first.reason}` : ''}`,
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
  if (read.rows.length === 0)
    return failure('invalid-data', `${i.file} holds no row`, { field: 'xlsxBase64' });
  const out = await i.ws.writeRegisterRow(
    i.register,
    { kind: 'import', rows: read.rows as never },
    i.reason ?? `${i.register} imported from ${i.file}`,
    i.author,
  );
  if (!out.ok) return failure('internal', 'the import was refused unexpectedly');
  return success({ imported: read.rows.length, workspaceVersion: out.workspaceVersion });
}
