/**
 * An uploaded import file → validated data-point rows and every row issue. CSV is the
 * bundle's data-points.csv layout (checked by core's bundle rules); XLSX is Assay's entry
 * template (io readFactsXlsx: ZIP and size guards, then the same core rules), read from a
 * temporary file that is removed afterwards (under the upload's name, which the request schema
 * has checked is a plain file name).
 * A reader that throws on a hostile file is a fault of the reader, not of the server: the
 * caller gets a 400 naming the file, the server log the detail. Reader issues are worded for
 * the API: no command-line flags.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bundle, type DataPoint, serializeBundle } from '@assay/core';
import {
  CsvSyntaxError,
  type ImportIssue,
  META_SHEET,
  parseCsvTable,
  printable,
  readFactsXlsx,
} from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import { UploadName } from '../upload-name.js';
import { parseDataPointRows } from './parse-data-point-rows.js';

export type ImportSource = { file: string; csv: string } | { file: string; xlsxBase64: string };
export type ReadRows = {
  rows: { line: number; sheet?: string; dataPoint: DataPoint; hasId: boolean }[];
  issues: ImportIssue[];
};

/** A reader threw: say which file could not be read; the detail goes to the server log. */
function unreadable(file: string, kind: 'CSV' | 'XLSX', field: string, e: unknown): Result<never> {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  console.error(printable(`[assay] reading the upload ${JSON.stringify(file)} (${kind}) failed: ${detail}`));
  return failure('invalid-request', `${file}: cannot be read as ${kind}; nothing was imported`, { field });
}

/**
 * io's XLSX reader also serves the CLI, where a workbook that is not the template can be read
 * with --entity and --period; the API takes no such options, so it says what it needs instead.
 */
function forApi(issue: ImportIssue): ImportIssue {
  if (!/--entity|--period/.test(issue.reason)) return issue;
  return {
    ...issue,
    reason:
      `not an Assay entry template (its sheet "${META_SHEET}" names the entity and period): download one ` +
      'from GET /api/template/data-points.xlsx?entity=<entity>&period=<period>, fill it in and upload it',
  };
}

function readCsv(bundle: Bundle, file: string, csv: string): Result<ReadRows> {
  try {
    const table = parseCsvTable(file, csv);
    if (table.rows.length === 0) return failure('invalid-data', `${file} has no data rows`, { field: 'csv' });
    const idAt = table.header.indexOf('id');
    const withId = new Set(
      table.rows.filter((r) => idAt >= 0 && (r.cells[idAt] ?? '') !== '').map((r) => r.line),
    );
    const parsed = parseDataPointRows(bundle, table, file);
    return success({
      rows: parsed.rows.map((r) => ({ ...r, hasId: withId.has(r.line) })),
      issues: [...parsed.issues],
    });
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      return failure('invalid-data', e.message, {
        field: 'csv',
        issues: [{ file, row: e.line, reason: e.message }],
      });
    return unreadable(file, 'CSV', 'csv', e);
  }
}

async function readXlsx(bundle: Bundle, file: string, base64: string): Promise<Result<ReadRows>> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-upload-'));
  try {
    // the schema allows only plain file names; anything else (a caller without it) gets a fixed one
    const path = join(dir, UploadName.safeParse(file).success ? file : 'upload.xlsx');
    await writeFile(path, Buffer.from(base64, 'base64'));
    const raw = serializeBundle(bundle);
    const ctx = { settings: raw.settings, ...(raw.indicators ? { indicators: raw.indicators } : {}) };
    const out: ReadRows = { rows: [], issues: [] };
    try {
      for await (const slice of readFactsXlsx(path, ctx)) {
        out.issues.push(...slice.issues.map(forApi));
        slice.dataPoints.forEach((dataPoint, i) => {
          out.rows.push({ line: slice.dataPointLines[i] ?? 0, dataPoint, hasId: false });
        });
      }
    } catch (e) {
      return unreadable(file, 'XLSX', 'xlsxBase64', e);
    }
    if (out.rows.length === 0 && out.issues.length === 0)
      return failure('invalid-data', `${file} has no filled-in values`, { field: 'xlsxBase64' });
    return success(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function readImportFile(
  bundle: Bundle,
  source: ImportSource,
): Promise<Result<ReadRows>> | Result<ReadRows> {
  return 'csv' in source
    ? readCsv(bundle, source.file, source.csv)
    : readXlsx(bundle, source.file, source.xlsxBase64);
}
