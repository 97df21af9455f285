/**
 * Load a bundle folder's `meters/` subfolder into the store (issue #22; docs/meters.md, "The demo
 * group's meters"): the register (`meters.csv`, `meter-replacements.csv`), every readings CSV
 * (`*readings*.csv`, an energy platform's export) and reading round (`*.xlsx`), in name order,
 * then the utility bills (`utility-bills.csv`), each through the use case the API uses
 * (saveMeterRegister, importMeterReadingsCsv, importReadingRoundXlsx, saveUtilityBills), so the
 * files get the same checks as an upload. Idempotent: a register or bills already saved are left
 * as they are (the first save only), and readings files already imported add nothing (same
 * SHA-256). No `meters/meters.csv`: nothing to do. The first failure stops, naming its file.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsvTable } from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import { importMeterReadingsCsv } from './import-meter-readings.js';
import { readUtilityBills, saveUtilityBills } from './meter-reconciliation.js';
import { type MetersInput, readMeterRegister, saveMeterRegister } from './meters.js';
import { importReadingRoundXlsx } from './reading-round-xlsx.js';

export const METER_FOLDER = 'meters';

export type MeterFolderLoaded = {
  /** False when the folder has no meters/meters.csv. */
  readonly present: boolean;
  readonly meters: number;
  readonly readingsAdded: number;
  readonly bills: number;
};

type Rows = Record<string, string>[];

async function csvRows(path: string, file: string): Promise<Rows> {
  if (!existsSync(path)) return [];
  const t = parseCsvTable(file, await readFile(path, 'utf8'));
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, k) => [h, r.cells[k] ?? ''])));
}

/** Tell which file a failure came from. */
function within<T>(file: string, r: Result<T>): Result<T> {
  if (r.ok) return r;
  const { field, issues } = r.error;
  return failure(r.error.code, `${METER_FOLDER}/${file}: ${r.error.message}`, {
    ...(field === undefined ? {} : { field }),
    ...(issues === undefined ? {} : { issues }),
  });
}

export async function loadMeterFolder(
  i: MetersInput & { readonly dir: string; readonly author: string; readonly at: string },
): Promise<Result<MeterFolderLoaded>> {
  const dir = join(i.dir, METER_FOLDER);
  const none = { present: false, meters: 0, readingsAdded: 0, bills: 0 };
  if (!existsSync(join(dir, 'meters.csv'))) return success(none);
  const base = { ws: i.ws, store: i.store, author: i.author, at: i.at };
  const register = await readMeterRegister(base);
  if (!register.ok) return register;
  let meters = register.value.meters.length;
  if (register.value.version === 0) {
    const saved = within(
      'meters.csv',
      await saveMeterRegister({
        ...base,
        meters: await csvRows(join(dir, 'meters.csv'), `${METER_FOLDER}/meters.csv`),
        replacements: await csvRows(
          join(dir, 'meter-replacements.csv'),
          `${METER_FOLDER}/meter-replacements.csv`,
        ),
        version: 0,
        reason: `filled from ${i.dir}`,
      }),
    );
    if (!saved.ok) return saved;
    meters = saved.value.meters;
  }
  let readingsAdded = 0;
  for (const name of (await readdir(dir)).sort()) {
    const bytes = () => readFile(join(dir, name));
    let out: Result<{ rowsAdded: number }> | undefined;
    if (/readings.*\.csv$/.test(name))
      out = await importMeterReadingsCsv({ ...base, fileName: name, bytes: await bytes() });
    else if (name.endsWith('.xlsx'))
      out = await importReadingRoundXlsx({
        ...base,
        fileName: name,
        xlsxBase64: (await bytes()).toString('base64'),
      });
    if (out === undefined) continue;
    const checked = within(name, out);
    if (!checked.ok) return checked;
    readingsAdded += checked.value.rowsAdded;
  }
  const stored = await readUtilityBills(base);
  if (!stored.ok) return stored;
  let bills = stored.value.bills.length;
  const billRows = await csvRows(join(dir, 'utility-bills.csv'), `${METER_FOLDER}/utility-bills.csv`);
  if (stored.value.version === 0 && billRows.length > 0) {
    const saved = within(
      'utility-bills.csv',
      await saveUtilityBills({ ...base, bills: billRows, version: 0, reason: `filled from ${i.dir}` }),
    );
    if (!saved.ok) return saved;
    bills = saved.value.bills;
  }
  return success({ present: true, meters, readingsAdded, bills });
}
