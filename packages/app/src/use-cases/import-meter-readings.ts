/**
 * Import a readings CSV (issue #22; docs/meters.md, "Files" and "Storage"): the bytes are
 * written to a private temporary file (the store reads the file a second time when some readings
 * are stored already, so it gets a function that opens it), read by io's streaming reader
 * against the register's meter ids, and stored by the store's importMeterReadings in one
 * transaction. All or nothing: a bad row names file, line and column and stores nothing; a
 * reading already stored with another value refuses the file, naming its lines. Idempotent: the
 * same bytes again add nothing (known SHA-256), and a file overlapping earlier ones adds only the
 * new readings. Needs import-meter-readings (permissions.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileSha256, MeterReadingsRejected, readMeterReadingColumns } from '@assay/io';
import { importMeterReadings } from '@assay/store';
import { failure, type Result, success } from '../outcome.js';
import { loadMeters, type MetersInput } from './meters.js';

export type ImportMeterReadingsInput = MetersInput & {
  /** The uploaded file's name (used in issues; only its base name is kept). */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly author: string;
  readonly at: string;
};

export type MeterReadingsImported = {
  readonly fileId: number;
  readonly sha256: string;
  readonly rowsRead: number;
  readonly rowsAdded: number;
  /** True when these exact bytes were imported before (nothing read, nothing added). */
  readonly alreadyImported: boolean;
};

export async function importMeterReadingsCsv(
  i: ImportMeterReadingsInput,
): Promise<Result<MeterReadingsImported>> {
  const meters = await loadMeters(i);
  if (!meters.ok) return meters;
  if (meters.value.length === 0)
    return failure('invalid-data', 'the meter register is empty: save the meters before their readings');
  const store = i.store;
  if (!store) return failure('not-found', 'no store');
  const file = basename(i.fileName) || 'readings.csv';
  const meterIds = new Set(meters.value.map((m) => m.id));
  const dir = await mkdtemp(join(tmpdir(), 'assay-readings-'));
  try {
    const path = join(dir, 'readings.csv');
    await writeFile(path, i.bytes, { mode: 0o600 });
    const sha256 = await fileSha256(path);
    const out = await importMeterReadings(store, () => readMeterReadingColumns(path, { file, meterIds }), {
      sha256,
      source: file,
      actor: i.author,
      at: i.at,
    });
    if (!out.ok)
      return failure(
        'invalid-data',
        `${file}: ${out.conflicts.length} reading(s) differ from the stored ones; nothing was imported`,
        {
          issues: out.conflicts.map((c) => ({
            file,
            row: c.row,
            column: 'value',
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
  } catch (e) {
    if (e instanceof MeterReadingsRejected)
      return failure(
        'invalid-data',
        `${e.file}: ${e.issues.length + e.more} bad row(s); nothing was imported`,
        {
          ...(e.issues[0]?.column ? { field: e.issues[0].column } : {}),
          issues: e.issues.map((x) => ({
            file: x.file,
            ...(x.row === undefined ? {} : { row: x.row }),
            ...(x.column === undefined ? {} : { column: x.column }),
            reason: x.reason,
          })),
        },
      );
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
