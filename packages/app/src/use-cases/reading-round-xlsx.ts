/**
 * The XLSX of a monthly manual reading round (issue #22; docs/meters.md, "Files"): a template per
 * site and month (io readingRoundWorkbook: one row per meter of the site in service that month,
 * timestamp and reading to fill in) and its import: io readReadingRoundXlsx reads it all or
 * nothing (every bad cell named by sheet, row and column), then the store's importMeterReadings
 * stores the rows in one transaction, idempotent like a CSV (the same bytes again add nothing; a
 * reading stored before with another value refuses the file, naming its row). Exporting needs
 * read-meters, importing import-meter-readings.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { monthBounds } from '@assay/core';
import { fileSha256, readingRoundWorkbook, readReadingRoundXlsx } from '@assay/io';
import { importMeterReadings, type Store } from '@assay/store';
import { failure, type Result, success } from '../outcome.js';
import type { MeterReadingsImported } from './import-meter-readings.js';
import { loadMeters, type MetersInput } from './meters.js';

/** The round's template: the meters of `siteId` in service during `month` ("YYYY-MM"). */
export async function readingRoundTemplate(
  i: MetersInput & { readonly siteId: string; readonly month: string },
): Promise<Result<{ fileName: string; bytes: Uint8Array; meters: number }>> {
  const meters = await loadMeters(i);
  if (!meters.ok) return meters;
  const chosen = meters.value.filter((m) => {
    if (m.siteId !== i.siteId) return false;
    const { start, end } = monthBounds(i.month, m.utcOffsetMinutes);
    return (m.installed === null || m.installed < end) && (m.removed === null || m.removed > start);
  });
  if (chosen.length === 0)
    return failure('not-found', `no meter of site "${i.siteId}" is in service in ${i.month}`, {
      field: 'site',
    });
  const bytes = await readingRoundWorkbook(chosen.map((m) => m.id).sort(), `${i.siteId} ${i.month}`);
  return success({ fileName: `reading-round-${i.siteId}-${i.month}.xlsx`, bytes, meters: chosen.length });
}

export type ImportReadingRoundInput = MetersInput & {
  readonly fileName: string;
  readonly xlsxBase64: string;
  readonly author: string;
  readonly at: string;
};

/** Import a filled-in round, all or nothing. */
export async function importReadingRoundXlsx(
  i: ImportReadingRoundInput,
): Promise<Result<MeterReadingsImported>> {
  const meters = await loadMeters(i);
  if (!meters.ok) return meters;
  const file = basename(i.fileName) || 'reading-round.xlsx';
  const dir = await mkdtemp(join(tmpdir(), 'assay-round-'));
  try {
    const path = join(dir, 'round.xlsx');
    await writeFile(path, Buffer.from(i.xlsxBase64, 'base64'), { mode: 0o600 });
    const read = await readReadingRoundXlsx(path, file, new Set(meters.value.map((m) => m.id))).catch(
      () => null,
    );
    if (read === null)
      return failure('invalid-request', `${file}: cannot be read as XLSX; nothing was imported`, {
        field: 'xlsxBase64',
      });
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
    if (read.rows.length === 0)
      return failure('invalid-data', `${file} holds no reading; nothing was imported`, {
        field: 'xlsxBase64',
      });
    const sha256 = await fileSha256(path);
    const rows = read.rows;
    const out = await importMeterReadings(
      i.store as Store,
      async function* () {
        yield rows;
      },
      { sha256, source: file, actor: i.author, at: i.at },
    );
    if (!out.ok)
      return failure(
        'invalid-data',
        `${file}: ${out.conflicts.length} reading(s) differ from the stored ones; nothing was imported`,
        {
          issues: out.conflicts.map((c) => ({
            file,
            row: c.row,
            column: 'reading',
            reason: `meter ${c.meterId} at ${c.at}: ${c.given} here, ${c.stored} stored`,
          })),
        },
      );
    return success({
      fileId: out.fileId,
      sha256,
      rowsRead: out.rowsRead,
      rowsAdded: out.rowsAdded,
      alreadyImported: out.alreadyImported,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
