/**
 * The targets register as XLSX (issue #18; io xlsx/targets-sheet.ts): export the current targets
 * as a workbook; import one, all or nothing: every row is checked by core's validateTarget and
 * any issue (file, sheet, row, column) refuses the lot ('invalid-data' with the issues); a valid
 * file replaces the targets of its ids and adds the others in one audited write. The upload is
 * read from a temporary file that is removed afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printable, readTargetsXlsx, targetsWorkbook } from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

export async function exportTargetsXlsx(i: { ws: Workspace }): Promise<Uint8Array> {
  return targetsWorkbook(i.ws.snapshot().bundle.registers.targets);
}

export async function importTargetsXlsx(i: {
  ws: Workspace;
  file: string;
  xlsxBase64: string;
  reason?: string;
  author: string;
}): Promise<Result<{ imported: number; workspaceVersion: number }>> {
  const s = i.ws.snapshot();
  const rules = {
    entityIds: new Set(s.bundle.organisation.entities.map((e) => e.id)),
    catalogue: evaluated(s).catalogue,
  };
  const dir = await mkdtemp(join(tmpdir(), 'assay-targets-'));
  let read: Awaited<ReturnType<typeof readTargetsXlsx>>;
  try {
    const path = join(dir, 'upload.xlsx');
    await writeFile(path, Buffer.from(i.xlsxBase64, 'base64'));
    read = await readTargetsXlsx(path, i.file, rules);
  } catch (e) {
    // A reader that throws on a hostile file: the caller learns which file, the log the detail.
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.error(
      printable(`[assay] reading the targets upload ${JSON.stringify(i.file)} failed: ${detail}`),
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
  if (read.targets.length === 0)
    return failure('invalid-data', `${i.file} holds no target`, { field: 'xlsxBase64' });
  const out = await i.ws.writeTarget(
    { kind: 'import', targets: read.targets },
    i.reason ?? `targets imported from ${i.file}`,
    i.author,
  );
  if (!out.ok) return failure('internal', 'the import was refused unexpectedly');
  return success({ imported: read.targets.length, workspaceVersion: out.workspaceVersion });
}
