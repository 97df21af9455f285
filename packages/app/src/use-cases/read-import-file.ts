/**
 * An uploaded import file → validated data-point rows (and, from the XLSX template's
 * activity-lines sheet, activity lines) and every row issue. CSV is the
 * bundle's data-points.csv layout, read by io's CSV reader as `assay import` reads it; XLSX is
 * Assay's entry template (io readFactsXlsx: ZIP and size guards, then the same core rules), read from a
 * temporary file that is removed afterwards (under the upload's name, which the request schema
 * has checked is a plain file name).
 * A reader that throws on a hostile file is a fault of the reader, not of the server: the
 * caller gets a 400 naming the file, the server log the detail. Reader issues are worded for
 * the API: no command-line flags.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActivityLine, type Bundle, type DataPoint, serializeBundle } from '@assay/core';
import {
  ACTIVITY_SHEET,
  CSV_LIMITS,
  dataPointId,
  type ImportIssue,
  META_SHEET,
  printable,
  readFactsCsv,
  readFactsXlsx,
} from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import { UploadName } from '../upload-name.js';

export type ImportSource = { file: string; csv: string } | { file: string; xlsxBase64: string };
export type ReadRows = {
  rows: { line: number; sheet?: string; dataPoint: DataPoint; hasId: boolean }[];
  /** Activity lines of the XLSX template's activity-lines sheet (none from CSV). */
  lines: { line: number; sheet: string; activityLine: ActivityLine }[];
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

/**
 * CSV goes through io's reader, the one `assay import` uses (readFactsCsv: size and field caps,
 * the formula guard undone, core's row validation, and io's id rule for rows without an id,
 * fact-slice.ts dataPointId), so that one file gives the same rows, issues and ids through
 * either front door. The upload is written to a temporary file under a fixed name; issues are
 * reported under the upload's name.
 */
async function readCsv(bundle: Bundle, file: string, csv: string): Promise<Result<ReadRows>> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-upload-'));
  try {
    const path = join(dir, 'upload.csv');
    await writeFile(path, csv, 'utf8');
    const out: ReadRows = { rows: [], lines: [], issues: [] };
    try {
      // The valid rows of a batch with bad rows too: the preview shows them beside the errors.
      for await (const slice of readFactsCsv(path, importContextOf(bundle), CSV_LIMITS, {
        keepValidRows: true,
      })) {
        out.issues.push(...slice.issues.map((i) => ({ ...i, file })));
        if (slice.activityLineLines.length > 0) return activityLinesRefused(file);
        slice.dataPoints.forEach((dataPoint, i) => {
          out.rows.push({ line: slice.dataPointLines[i] ?? 0, dataPoint, hasId: hasOwnId(dataPoint) });
        });
      }
    } catch (e) {
      return unreadable(file, 'CSV', 'csv', e);
    }
    if (out.rows.length === 0 && out.issues.length === 0)
      return failure('invalid-data', `${file} has no data rows`, { field: 'csv' });
    // A problem with the whole file (empty, too large) fails the request, as before io read it.
    const whole = out.issues.find((i) => i.row === undefined);
    if (out.rows.length === 0 && whole)
      return failure('invalid-data', `${file}: ${whole.reason}`, { field: 'csv', issues: out.issues });
    return success(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The API imports data points; activity lines (a CSV with an "activity" column) come in through `assay import`. */
function activityLinesRefused(file: string): Result<never> {
  const reason =
    'this is an activity-lines table (it has an "activity" column); the API imports data points ' +
    '(a header with an "indicator" column): import activity lines with `assay import`';
  return failure('invalid-data', `${file}: ${reason}; nothing was imported`, {
    field: 'csv',
    issues: [{ file, row: 1, reason }],
  });
}

/** What rows are checked against: the workspace's settings and catalogue additions (io ImportContext). */
function importContextOf(bundle: Bundle) {
  const raw = serializeBundle(bundle);
  return { settings: raw.settings, ...(raw.indicators ? { indicators: raw.indicators } : {}) };
}

/**
 * A row that named its own id. io gives a row without one the id derived from its key
 * (dataPointId); such a row is matched to a stored fact by key and keeps that fact's id
 * (import-data-points.ts). A row whose given id is that same derived id means the same.
 */
export function hasOwnId(d: DataPoint): boolean {
  return d.id !== dataPointId(d);
}

async function readXlsx(bundle: Bundle, file: string, base64: string): Promise<Result<ReadRows>> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-upload-'));
  try {
    // the schema allows only plain file names; anything else (a caller without it) gets a fixed one
    const path = join(dir, UploadName.safeParse(file).success ? file : 'upload.xlsx');
    await writeFile(path, Buffer.from(base64, 'base64'));
    const out: ReadRows = { rows: [], lines: [], issues: [] };
    try {
      for await (const slice of readFactsXlsx(path, importContextOf(bundle))) {
        out.issues.push(...slice.issues.map(forApi));
        slice.dataPoints.forEach((dataPoint, i) => {
          out.rows.push({ line: slice.dataPointLines[i] ?? 0, dataPoint, hasId: hasOwnId(dataPoint) });
        });
        slice.activityLines.forEach((activityLine, i) => {
          out.lines.push({ line: slice.activityLineLines[i] ?? 0, sheet: ACTIVITY_SHEET, activityLine });
        });
      }
    } catch (e) {
      return unreadable(file, 'XLSX', 'xlsxBase64', e);
    }
    if (out.rows.length === 0 && out.lines.length === 0 && out.issues.length === 0)
      return failure('invalid-data', `${file} has no filled-in values`, { field: 'xlsxBase64' });
    return success(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function readImportFile(bundle: Bundle, source: ImportSource): Promise<Result<ReadRows>> {
  return 'csv' in source
    ? readCsv(bundle, source.file, source.csv)
    : readXlsx(bundle, source.file, source.xlsxBase64);
}
