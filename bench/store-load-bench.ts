/**
 * Store → workspace (issue #15, "loaded into a workspace and its graph built"): the edit
 * benchmark's group (E entities × 100 indicators × 12 months; default 2,000 entities, 2.4 million
 * data points) imported into a fresh PostgreSQL database (127.0.0.1), then, as `assay serve` does
 * at start-up over that database: StoreWorkspace.open (every current fact read and validated into
 * a Bundle, revisions and keys indexed) and the first evaluation with its checks (createApp).
 * Wall and CPU times of each step, RSS after. The import itself is timed too (it is not part of
 * start-up; `import` in `npm run bench` measures the import path properly).
 * Run: `BENCH_ONLY=store-load npm run bench`, or
 * `node --expose-gc --max-old-space-size=16384 --import tsx bench/store-load-bench.ts [entities]`.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { StoreWorkspace } from '@assay/app';
import { createApp } from '@assay/server';
import { importBundle, migrate, openStore } from '@assay/store';
import pg from 'pg';
import type { BenchResult } from './calc-bench.js';
import { generateEditBundle } from './edit-bench.js';

const ADMIN_URL = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AT = '2026-01-01T00:00:00.000Z';
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function timedAsync<T>(f: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  gc();
  const w0 = performance.now();
  const c0 = cpuS();
  const value = await f();
  return { value, wall: (performance.now() - w0) / 1000, cpu: cpuS() - c0 };
}

export async function benchStoreLoad(
  entities = Number(process.env.BENCH_STORE_ENTITIES ?? 2000),
): Promise<BenchResult[]> {
  const dbName = `assay_test_bench_load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  try {
    const store = await openStore({ databaseUrl: url.toString(), dataDir: '' });
    try {
      await migrate(store, AT);
      let bundle = generateEditBundle(entities, 100);
      const points = bundle.dataPoints.length;
      const seed = { ...bundle, dataPoints: [] }; // names the organisation; the store is not empty
      const imported = await timedAsync(() =>
        importBundle(store, bundle, { author: 'bench', reason: 'bench', at: AT }),
      );
      if (!imported.value.ok) throw new Error(`import failed: ${imported.value.issues.length} issues`);
      bundle = seed;
      const opened = await timedAsync(() => StoreWorkspace.open(store, seed, () => AT, { follow: false }));
      if (!opened.value.ok) throw new Error(`open failed: ${opened.value.reason}`);
      const workspace = opened.value.workspace;
      const rssOpened = rssMiB();
      const started = await timedAsync(async () => createApp({ workspace })); // first evaluation + checks
      const rssStarted = rssMiB();
      void started.value;
      const note = (t: { cpu: number }) => `CPU ${t.cpu.toFixed(2)} s`;
      return [
        {
          name: `store-load: importBundle of ${points.toLocaleString('en')} data points into PostgreSQL (not start-up)`,
          value: Number(imported.wall.toFixed(1)),
          unit: 's',
          note: note(imported),
        },
        {
          name: 'store-load: StoreWorkspace.open (read, validate, index every current fact)',
          value: Number(opened.wall.toFixed(2)),
          unit: 's',
          target: '≤ 3 s with the build below',
          note: `${note(opened)}; RSS ${rssOpened} MiB`,
        },
        {
          name: 'store-load: first evaluation and checks (createApp)',
          value: Number(started.wall.toFixed(2)),
          unit: 's',
          note: `${note(started)}; RSS ${rssStarted} MiB`,
        },
      ];
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const e = Number(process.argv[2]) || undefined;
  for (const r of await benchStoreLoad(e)) console.log(`${r.name}: ${r.value} ${r.unit} — ${r.note}`);
}
