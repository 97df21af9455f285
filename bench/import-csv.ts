/**
 * Import benchmark (issue #8): N activity lines (default 1,000,000) generated to a temporary CSV,
 * then imported end to end (streaming CSV reader → core validation per batch of 5,000 → COPY into
 * a staging table → one insert…select of new revisions → audit entry → commit, all in one
 * transaction) into PostgreSQL and into PGlite. Each store runs in its own child process so its
 * peak RSS is its own; children get the V8 flag the `assay` command runs with. Then the same file
 * through the command itself, `assay import <csv>` into a fresh PostgreSQL database, timed as a
 * whole process (start-up, tsx compilation and store opening included).
 * Target: ≥ 100,000 rows/s and < 500 MiB RSS into PostgreSQL.
 * Run: `npm run bench` (BENCH_ONLY=import) or `npx tsx bench/import-csv.ts [rows]`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle, readFactsCsv } from '@assay/io';
import { importBundle, importContext, importFacts, migrate, openStore, type Store } from '@assay/store';
import pg from 'pg';
import type { BenchResult } from './calc-bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_URL = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AT = '2026-01-01T00:00:00.000Z';

/** Deterministic rows over the examples/minimal organisation (smelter, mine; 2025 months). */
export async function writeActivityCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('entity,period,activity,subject,use,amount,unit,source\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const entity = i % 2 === 0 ? 'smelter' : 'mine';
    const month = String((i % 12) + 1).padStart(2, '0');
    const amount = `${(i * 7919) % 100000}.${String(i % 1000).padStart(3, '0')}`;
    chunk +=
      i % 3 === 0
        ? `${entity},2025-${month},electricity-purchased,grid,,${amount},MWh,meter ${i % 97}\n`
        : `${entity},2025-${month},fuel,diesel,combustion,${amount},t,fuel card ${i % 89}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

type ChildResult = { rows: number; seconds: number; peakRssMiB: number; added: number };

/** In the child: open the store, load the organisation, time the CSV import. */
async function child(mode: 'postgres' | 'pglite', csv: string, target: string): Promise<ChildResult> {
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const store: Store = await openStore(
    mode === 'postgres' ? { databaseUrl: target, dataDir: '' } : { dataDir: target },
  );
  try {
    await migrate(store, AT);
    const minimal = await loadBundle(join(ROOT, 'examples/minimal'));
    if (!minimal.ok) throw new Error('examples/minimal is invalid');
    await importBundle(store, minimal.bundle, { author: 'bench', reason: 'organisation', at: AT });
    const ctx = await importContext(store);
    if (!ctx) throw new Error('no organisation');
    const t0 = performance.now();
    const r = await importFacts(store, () => readFactsCsv(csv, ctx), {
      subject: csv,
      author: 'bench',
      reason: 'bench',
      at: AT,
    });
    const seconds = (performance.now() - t0) / 1000;
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.issues.slice(0, 3))}`);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      rows: r.counts.activityLines.added,
      seconds,
      peakRssMiB: Math.round(peak / 2 ** 20),
      added: r.counts.activityLines.added,
    };
  } finally {
    clearInterval(sample);
    await store.close();
  }
}

/** As in packages/cli/bin/assay.js (see the reason there). */
const NODE_FLAGS = ['--max-semi-space-size=64'];

function runChild(mode: string, csv: string, target: string): ChildResult {
  const p = spawnSync(
    process.execPath,
    [...NODE_FLAGS, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, csv, target],
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

/** `assay import` as a user runs it: the organisation first, then the CSV, timed as a whole process. */
function runCli(csv: string, databaseUrl: string): { seconds: number; peakRssMiB?: number } {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  const bin = join(ROOT, 'packages/cli/bin/assay.js');
  const org = spawnSync(process.execPath, [...NODE_FLAGS, bin, 'import', join(ROOT, 'examples/minimal')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (org.status !== 0) throw new Error(`assay import examples/minimal failed: ${org.stderr}`);
  // GNU time reports the peak RSS of the process it runs; without it, the wall time alone.
  const timed = existsSync('/usr/bin/time');
  const cmd = timed ? '/usr/bin/time' : process.execPath;
  const args = [...NODE_FLAGS, bin, 'import', csv];
  const t0 = performance.now();
  const p = spawnSync(cmd, timed ? ['-f', 'peak-rss-kib %M', process.execPath, ...args] : args, {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  if (p.status !== 0) throw new Error(`assay import ${csv} failed: ${p.stderr || p.stdout}`);
  const kib = /peak-rss-kib (\d+)/.exec(p.stderr)?.[1];
  return { seconds, ...(kib ? { peakRssMiB: Math.round(Number(kib) / 1024) } : {}) };
}

export async function benchImport(rows = 1_000_000): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-import-'));
  const csv = join(dir, 'activity.csv');
  const results: BenchResult[] = [];
  const dbName = `assay_test_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    const g0 = performance.now();
    await writeActivityCsv(csv, rows);
    results.push({
      name: 'import: generate CSV',
      value: Math.round(performance.now() - g0) / 1000,
      unit: 's',
      note: `${rows} rows`,
    });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    const cliDb = `${dbName}_cli`;
    await admin.query(`create database ${cliDb}`);
    const cliUrl = new URL(ADMIN_URL);
    cliUrl.pathname = `/${cliDb}`;
    for (const [mode, target] of [
      ['postgres', url.toString()],
      ['pglite', join(dir, 'pglite')],
    ] as const) {
      const r = runChild(mode, csv, target);
      const rate = Math.round(r.rows / r.seconds);
      results.push({
        name: `import CSV → ${mode}`,
        value: rate,
        unit: 'rows/s',
        ...(mode === 'postgres' ? { target: '≥ 100000 rows/s' } : {}),
        note: `${r.rows} rows in ${r.seconds.toFixed(1)} s`,
      });
      results.push({
        name: `import CSV → ${mode}: peak RSS`,
        value: r.peakRssMiB,
        unit: 'MiB',
        ...(mode === 'postgres' ? { target: '< 500 MiB' } : {}),
      });
    }
    const cli = runCli(csv, cliUrl.toString());
    results.push({
      name: 'assay import CSV → postgres, whole process',
      value: Math.round(rows / cli.seconds),
      unit: 'rows/s',
      note: `${rows} rows in ${cli.seconds.toFixed(1)} s, start-up included`,
    });
    if (cli.peakRssMiB !== undefined)
      results.push({ name: 'assay import CSV → postgres: peak RSS', value: cli.peakRssMiB, unit: 'MiB' });
  } finally {
    await admin.query(`drop database if exists ${dbName}_cli with (force)`).catch(() => undefined);
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const [, , flag, mode, csv, target] = process.argv;
if (flag === '--child' && (mode === 'postgres' || mode === 'pglite') && csv && target) {
  console.log(JSON.stringify(await child(mode, csv, target)));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchImport(flag ? Number(flag) : undefined)) {
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}${r.note ? `  — ${r.note}` : ''}`,
    );
  }
}
