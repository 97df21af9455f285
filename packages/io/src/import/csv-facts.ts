/**
 * Stream a long-format CSV (the columns of data-points.csv or activity-lines.csv) into
 * validated slices of BATCH_ROWS rows (fewer when the rows are long: at most BATCH_CHARS
 * characters), in bounded memory. The file size is checked before parsing; the row limit and
 * the field, field-count and record-length caps while streaming (reading stops at the first row
 * over them); each field against its column's cap (field-caps.ts). Every bad row
 * is reported; the consumer commits nothing unless no slice had an issue. A batch of activity
 * lines that is certainly valid is flattened by the fast path (fast-activity-rows.ts) into
 * `activityLineRows`; any other batch is validated by core (validateSlice).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RawRow } from '@assay/core';
import { csvRecords } from './csv-records.js';
import {
  type FactSlice,
  type FactTableKind,
  type ImportContext,
  issueSlice,
  tableKind,
  validateSlice,
} from './fact-slice.js';
import { type ActivityRowPlan, activityRowsFast, prepareActivityRows } from './fast-activity-rows.js';
import { columnCap, fieldProblem } from './field-caps.js';
import { CSV_LIMITS, type CsvLimits, type ImportIssue } from './limits.js';
import { unneutralise } from './unneutralise.js';

export const BATCH_ROWS = 5000;
/** Characters of cell text in one batch: 16 Mi (32 MiB as UTF-16), whatever the row length. */
const BATCH_CHARS = 16 * 1024 ** 2;

export async function* readFactsCsv(
  path: string,
  ctx: ImportContext,
  limits: CsvLimits = CSV_LIMITS,
  /** `keepValidRows`: a batch with bad rows also yields its valid rows (fact-slice.ts), for a preview. */
  opts: { readonly keepValidRows?: boolean } = {},
): AsyncGenerator<FactSlice> {
  const file = basename(path);
  const size = (await stat(path)).size;
  if (size > limits.maxBytes) {
    yield issueSlice(file, [{ file, reason: `file is ${size} bytes; the limit is ${limits.maxBytes}` }]);
    return;
  }
  // 64 KiB chunks of UTF-8 text (the stream's decoder keeps characters whole across chunks).
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  let header: string[] | undefined;
  let kind: ReturnType<typeof tableKind>;
  let plan: ActivityRowPlan | undefined;
  let batch: RawRow[] = []; // cells as read: the formula guard is undone by the validating path
  let batchChars = 0;
  let caps: number[] = [];
  let rows = 0;
  try {
    for await (const records of csvRecords(input, limits)) {
      for (const rec of records) {
        if (!header) {
          header = rec.cells.map((h) => h.trim());
          kind = tableKind(header);
          if (!kind) {
            yield issueSlice(file, [
              {
                file,
                row: 1,
                reason:
                  'the header needs an "indicator" column (data points) or an "activity" column (activity lines)',
              },
            ]);
            return;
          }
          const headerCheck = validateSlice(ctx, kind, file, header, []);
          if (headerCheck.issues.length > 0) {
            yield headerCheck;
            return;
          }
          if (kind === 'activityLines') plan = prepareActivityRows(ctx, file, header);
          caps = header.map(columnCap);
          continue;
        }
        if (++rows > limits.maxRows) {
          yield issueSlice(file, [
            { file, row: rec.line, reason: `more than ${limits.maxRows} rows; split the file` },
          ]);
          return;
        }
        let chars = 0;
        let long: ImportIssue[] | undefined;
        for (let k = 0; k < rec.cells.length; k++) {
          const cell = rec.cells[k] as string;
          chars += cell.length;
          if (k < caps.length && (cell.length > (caps[k] as number) || cell.includes('\u0000'))) {
            const column = header[k] as string;
            long ??= [];
            long.push({ file, row: rec.line, column, reason: fieldProblem(column, cell) ?? '' });
          }
        }
        if (long) {
          yield issueSlice(file, long);
          continue;
        }
        batch.push(rec);
        batchChars += chars;
        if ((batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) && kind) {
          yield batchSlice(ctx, kind, plan, file, header, batch, opts.keepValidRows === true);
          batch = [];
          batchChars = 0;
        }
      }
    }
  } catch (e) {
    const err = e as { lines?: number; message: string; code?: string; field?: number };
    if (!err.code?.startsWith('CSV_')) throw e;
    const column = err.field === undefined ? undefined : (header?.[err.field - 1] ?? `field ${err.field}`);
    yield issueSlice(file, [
      { file, row: err.lines ?? 0, ...(column ? { column } : {}), reason: err.message },
    ]);
    return;
  } finally {
    input.destroy();
  }
  if (!header) {
    yield issueSlice(file, [{ file, reason: 'the file is empty' }]);
    return;
  }
  if (batch.length > 0 && kind)
    yield batchSlice(ctx, kind, plan, file, header, batch, opts.keepValidRows === true);
}

function batchSlice(
  ctx: ImportContext,
  kind: FactTableKind,
  plan: ActivityRowPlan | undefined,
  file: string,
  header: readonly string[],
  batch: readonly RawRow[],
  keepValidRows: boolean,
): FactSlice {
  const rows = plan && activityRowsFast(plan, batch);
  if (rows)
    return { ...issueSlice(file, []), activityLineLines: batch.map((r) => r.line), activityLineRows: rows };
  const cells = batch.map((r) => ({ line: r.line, cells: r.cells.map(unneutralise) }));
  return validateSlice(ctx, kind, file, header, cells, keepValidRows);
}
