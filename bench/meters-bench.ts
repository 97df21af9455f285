/**
 * Meter readings benchmark (issue #22; docs/performance.md "Meter readings"): a year of
 * 15-minute interval readings from 381 meters (13,350,240 rows: 381 × 365 × 96) generated to a temporary long
 * CSV (meter,timestamp,value; time-major, as an energy platform exports), then, in a child
 * process per store (its peak RSS its own):
 *   1. import: SHA-256 of the file, then the column reader (io readings-columns.ts) → binary COPY
 *      of each batch straight into meter_reading (PK (at, meter_id), migration 030) while the next
 *      is read, one transaction (store meter-readings.ts);
 *   2. roll-up to monthly activity lines (app meters/roll-up-stored.ts: database sums per meter
 *      and month, core lines with lineage);
 *   3. the same file again (recognised by its digest: nothing added);
 *   4. the anchor: a plain `COPY … (format csv)` of the same file into a table of the same
 *      layout (PK (at, meter_id)), and into one without indexes, over the same connection.
 * Target (PostgreSQL): import + roll-up ≤ 60 s, peak RSS ≤ 500 MiB, import ≥ 50 % of the anchor's rate.
 * PGlite runs a smaller size by default (METERS_BENCH_PGLITE_DAYS, default 14 days).
 * Size: METERS_BENCH_METERS (381), METERS_BENCH_DAYS (365); a quick run: METERS_BENCH_DAYS=7.
 * Run: `BENCH_ONLY=meters npm run bench` or `npx tsx bench/meters-bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { rollUpStoredReadings } from '@assay/app';
import { validateMeterRegister } from '@assay/core';
import { fileSha256, readMeterReadingColumns } from '@assay/io';
import { importMeterReadings, migrate, openStore, type Store } from '@assay/store';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BenchResult } from './calc-bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_URL = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AT = '2026-12-07T00:00:00.000Z';
/** 2025-01-01T00:00:00+08:00 in seconds since the epoch. */
const START = 1735660800;

const meterId = (i: number) => `m${String(i).padStart(3, '0')}`;

/** The register: every meter an interval meter of 15 minutes, sites of 10 meters, one carrier each. */
function registerOf(meters: number) {
  const carriers = ['electricity', 'natural-gas', 'steam', 'water'] as const;
  const units = { electricity: 'kWh', 'natural-gas': 'm3', steam: 't', water: 'm3' } as const;
  const r = validateMeterRegister({
    meters: Array.from({ length: meters }, (_, i) => {
      const carrier = carriers[i % 4] ?? 'electricity';
      return {
        id: meterId(i),
        site: `site-${Math.floor(i / 10)}`,
        carrier,
        unit: units[carrier],
        multiplier: i % 3 === 0 ? '40' : '1',
        mode: 'interval',
        interval_minutes: '15',
        utc_offset: '+08:00',
      };
    }),
    replacements: [],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.meters;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** Deterministic readings: for each 15 minutes, every meter (values 0.000–99.999). */
export async function writeReadingsCsv(path: string, meters: number, days: number): Promise<number> {
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('meter,timestamp,value\n');
  const ids = Array.from({ length: meters }, (_, i) => meterId(i));
  let rows = 0;
  let chunk = '';
  for (let k = 1; k <= days * 96; k++) {
    const local = START + k * 900 + 8 * 3600;
    const d = new Date(local * 1000);
    const ts = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:00+08:00`;
    for (let i = 0; i < meters; i++) {
      const v = (k * 7919 + i * 104729) % 100000;
      chunk += `${ids[i]},${ts},${Math.floor(v / 1000)}.${String(v % 1000).padStart(3, '0')}\n`;
      rows++;
    }
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return rows;
}

type ChildResult = {
  rows: number;
  importSeconds: number;
  rollUpSeconds: number;
  lines: number;
  /** Meters rolled up by core from their readings (incomplete months: a size shorter than whole months). */
  readBack: number;
  reimportSeconds: number;
  reimportAdded: number;
  peakRssMiB: number;
  anchorSeconds?: number;
  anchorPlainSeconds?: number;
};

async function child(
  mode: 'postgres' | 'pglite',
  csv: string,
  target: string,
  meters: number,
): Promise<ChildResult> {
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const store: Store = await openStore(
    mode === 'postgres' ? { databaseUrl: target, dataDir: '' } : { dataDir: target },
  );
  const register = registerOf(meters);
  const ids = new Set(register.map((m) => m.id));
  const importOnce = async () => {
    const sha256 = await fileSha256(csv);
    return importMeterReadings(store, () => readMeterReadingColumns(csv, { meterIds: ids }), {
      sha256,
      source: 'readings.csv',
      actor: 'bench',
      at: AT,
    });
  };
  try {
    await migrate(store, AT);
    const t0 = performance.now();
    const r = await importOnce();
    const importSeconds = (performance.now() - t0) / 1000;
    if (!r.ok || r.alreadyImported) throw new Error(`import failed: ${JSON.stringify(r).slice(0, 300)}`);
    const t1 = performance.now();
    const up = await rollUpStoredReadings(store, register);
    const rollUpSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    const again = await importOnce();
    const reimportSeconds = (performance.now() - t2) / 1000;
    if (!again.ok) throw new Error('re-import refused');
    peak = Math.max(peak, process.memoryUsage().rss);
    const result: ChildResult = {
      rows: r.rowsAdded,
      importSeconds,
      rollUpSeconds,
      lines: up.lines.length,
      readBack: up.metersReadBack.length,
      reimportSeconds,
      reimportAdded: again.rowsAdded,
      peakRssMiB: Math.round(peak / 2 ** 20),
    };
    if (mode === 'postgres') {
      const c = new pg.Client({ connectionString: target });
      await c.connect();
      try {
        const copy = async (table: string) => {
          const t = performance.now();
          await pipeline(
            createReadStream(csv, { highWaterMark: 1 << 20 }),
            c.query(
              copyFrom(`copy ${table} (meter_id, at, value) from stdin with (format csv, header true)`),
            ),
          );
          return (performance.now() - t) / 1000;
        };
        await c.query(
          `create table anchor_reading (meter_id text not null, at timestamptz not null, value numeric not null, primary key (at, meter_id))`,
        );
        result.anchorSeconds = await copy('anchor_reading');
        await c.query('create table anchor_plain (meter_id text, at timestamptz, value numeric)');
        result.anchorPlainSeconds = await copy('anchor_plain');
      } finally {
        await c.end();
      }
    }
    return result;
  } finally {
    clearInterval(sample);
    await store.close();
  }
}

const NODE_FLAGS = ['--max-semi-space-size=64'];

function runChild(mode: string, csv: string, target: string, meters: number): ChildResult {
  const p = spawnSync(
    process.execPath,
    [
      ...NODE_FLAGS,
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      mode,
      csv,
      target,
      String(meters),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  const line = p.stdout.trim().split('\n').pop() ?? '';
  if (p.status !== 0 || !line.startsWith('{'))
    throw new Error(`${mode} child failed: ${p.stderr || p.stdout}`);
  return JSON.parse(line) as ChildResult;
}

export async function benchMeters(): Promise<BenchResult[]> {
  const meters = Number(process.env.METERS_BENCH_METERS ?? 381);
  const days = Number(process.env.METERS_BENCH_DAYS ?? 365);
  const pgliteDays = Number(process.env.METERS_BENCH_PGLITE_DAYS ?? 14);
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-meters-'));
  const results: BenchResult[] = [];
  const dbName = `assay_test_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    const csv = join(dir, 'readings.csv');
    const g0 = performance.now();
    const rows = await writeReadingsCsv(csv, meters, days);
    results.push({
      name: 'meters: generate CSV',
      value: Math.round(performance.now() - g0) / 1000,
      unit: 's',
      note: `${rows} rows, ${meters} meters × ${days} days × 96`,
    });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    const r = runChild('postgres', csv, url.toString(), meters);
    const total = r.importSeconds + r.rollUpSeconds;
    results.push(
      {
        name: 'meters → postgres: import + roll-up',
        value: Number(total.toFixed(1)),
        unit: 's',
        target: '≤ 60 s',
        note: `import ${r.importSeconds.toFixed(1)} s (${Math.round(r.rows / r.importSeconds)} rows/s), roll-up ${r.rollUpSeconds.toFixed(1)} s to ${r.lines} lines (${r.readBack} meters read back)`,
      },
      { name: 'meters → postgres: peak RSS', value: r.peakRssMiB, unit: 'MiB', target: '≤ 500 MiB' },
      {
        name: 'meters → postgres: same file again',
        value: Number(r.reimportSeconds.toFixed(2)),
        unit: 's',
        note: `${r.reimportAdded} rows added`,
      },
    );
    if (r.anchorSeconds !== undefined && r.anchorPlainSeconds !== undefined)
      results.push(
        {
          name: 'meters → postgres: plain COPY (same layout: PK (at, meter_id))',
          value: Math.round(r.rows / r.anchorSeconds),
          unit: 'rows/s',
          note: `${r.anchorSeconds.toFixed(1)} s`,
        },
        {
          name: 'meters → postgres: import rate / plain COPY rate',
          value: Math.round((100 * r.anchorSeconds) / r.importSeconds),
          unit: '%',
          target: '≥ 50 %',
        },
        {
          name: 'meters → postgres: plain COPY (no index)',
          value: Math.round(r.rows / r.anchorPlainSeconds),
          unit: 'rows/s',
          note: `${r.anchorPlainSeconds.toFixed(1)} s; import at ${Math.round((100 * r.anchorPlainSeconds) / r.importSeconds)} % of it`,
        },
      );
    if (pgliteDays > 0) {
      const small = join(dir, 'readings-pglite.csv');
      const n = await writeReadingsCsv(small, meters, pgliteDays);
      const p = runChild('pglite', small, join(dir, 'pglite'), meters);
      results.push(
        {
          name: 'meters → pglite: import + roll-up',
          value: Number((p.importSeconds + p.rollUpSeconds).toFixed(1)),
          unit: 's',
          note: `${n} rows (${pgliteDays} days): import ${p.importSeconds.toFixed(1)} s (${Math.round(n / p.importSeconds)} rows/s), roll-up ${p.rollUpSeconds.toFixed(1)} s (${p.readBack} meters read back)`,
        },
        { name: 'meters → pglite: peak RSS', value: p.peakRssMiB, unit: 'MiB' },
        {
          name: 'meters → pglite: same file again',
          value: Number(p.reimportSeconds.toFixed(2)),
          unit: 's',
          note: `${p.reimportAdded} rows added`,
        },
      );
    }
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const [, , flag, mode, csv, target, meters] = process.argv;
if (flag === '--child' && (mode === 'postgres' || mode === 'pglite') && csv && target && meters) {
  console.log(JSON.stringify(await child(mode, csv, target, Number(meters))));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchMeters())
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}${r.note ? `  — ${r.note}` : ''}`,
    );
}
