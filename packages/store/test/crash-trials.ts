/**
 * Crash trials (issue #23): a child process (crash-child.ts) writes through the store — CSV
 * imports, data-point saves or workflow transitions — and is SIGKILLed at a random moment; the
 * store is then opened again and checked:
 *
 * - every write the child reported as acknowledged is there, with the value it wrote;
 * - nothing half-written is visible: each import the child began has all of its lines or none,
 *   every change set is named by an audit entry, every workflow unit's version equals its
 *   number of transitions, and there are as many workflow audit entries as transitions;
 * - the audit chain, the revision numbering and the content digests verify.
 *
 * Used by `npm run crash-trials` (scripts/crash-trials.ts), `BENCH_ONLY=crash npm run bench`
 * and, with a few trials, by crash-trials.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '@assay/io';
import { verifyAudit } from '../src/audit.js';
import { importBundle } from '../src/import-bundle.js';
import { migrate } from '../src/migrate.js';
import { openPgliteStore } from '../src/pglite-store.js';
import { openPostgresStore } from '../src/postgres-store.js';
import type { Store } from '../src/store.js';
import { verifyDigests } from '../src/verify-digests.js';
import { verifyRevisions } from '../src/verify-revisions.js';
import { createTestDatabase } from './test-database.js';

export type CrashStoreKind = 'pglite' | 'postgres';
export type CrashOp = 'import' | 'save' | 'approve';
export const CRASH_OPS: readonly CrashOp[] = ['import', 'save', 'approve'];

export type TrialResult = {
  readonly trial: number;
  readonly op: CrashOp;
  /** Milliseconds between the child's `ready` and the SIGKILL. */
  readonly killAfterMs: number;
  /** Writes the child reported as acknowledged before it was killed. */
  readonly acknowledged: number;
  /** Imports begun but not acknowledged (the kill fell inside one or just after its commit). */
  readonly unacknowledgedImports: number;
  /** Of those, imports whose lines are all there (committed, the acknowledgement not printed). */
  readonly committedUnacknowledged: number;
  /** Acknowledged writes not found after the restart (must be empty). */
  readonly lost: readonly string[];
  /** Anything else wrong after the restart (must be empty). */
  readonly problems: readonly string[];
};

export type CrashSummary = {
  readonly store: CrashStoreKind;
  readonly trials: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly failedTrials: number;
  readonly seconds: number;
  readonly results: readonly TrialResult[];
};

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const AT = '2026-05-01T00:00:00.000Z';

/** mulberry32: a small seeded generator, so a run's kill moments can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Target = {
  where: string;
  open(): Promise<Store>;
  release(s: Store): Promise<void>;
  drop(): Promise<void>;
};

async function prepare(kind: CrashStoreKind): Promise<Target> {
  const loaded = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
  if (!loaded.ok) throw new Error('examples/minimal is invalid');
  const who = { author: 'crash-trials', reason: 'set-up', at: AT };
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'assay-crash-'));
    const s = await openPgliteStore(dir);
    await migrate(s, AT);
    await importBundle(s, loaded.bundle, who);
    await s.close();
    return {
      where: dir,
      // The child was killed (its exit was seen), so its lock is removed rather than waited out
      // (a lock without refresh counts as stale only after 10 s).
      open: () => {
        rmSync(join(dir, 'store.lock'), { recursive: true, force: true });
        return openPgliteStore(dir);
      },
      release: (s) => s.close(),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const db = await createTestDatabase();
  const s = await openPostgresStore(db.url);
  await migrate(s, AT);
  await importBundle(s, loaded.bundle, who);
  return {
    where: db.url,
    open: async () => s,
    release: async () => {},
    drop: async () => {
      await s.close();
      await db.drop();
    },
  };
}

type Ack = { kind: string; args: string[] };

function runChild(
  where: string,
  op: CrashOp,
  tag: string,
  rows: number,
  tmp: string,
  killAfter: (readyAt: number) => number,
): Promise<{ acks: Ack[]; begun: string[]; killAfterMs: number; ready: boolean; error?: string }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, where, op, tag, String(rows)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CRASH_TMP: tmp },
      },
    );
    const acks: Ack[] = [];
    const begun: string[] = [];
    let buf = '';
    let err = '';
    let killed = false;
    let readyAt = 0;
    let killAfterMs = 0;
    const startTimer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout?.on('data', (c: Buffer) => {
      buf += c.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const [first, second, ...rest] = line.split(' ');
        if (first === 'ready') {
          readyAt = Date.now();
          killAfterMs = killAfter(readyAt);
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, killAfterMs);
        } else if (first === 'begin' && rest[0]) begun.push(rest[0]);
        else if (first === 'ack' && second) acks.push({ kind: second, args: rest });
      }
    });
    child.on('exit', () => {
      clearTimeout(startTimer);
      resolve({
        acks,
        begun,
        killAfterMs,
        ready: readyAt > 0,
        ...(killed ? {} : { error: `the child ended before the kill: ${err.slice(-2000)}` }),
      });
    });
  });
}

async function check(
  s: Store,
  acks: readonly Ack[],
  begun: readonly string[],
  rows: number,
): Promise<{
  lost: string[];
  problems: string[];
  committedUnacknowledged: number;
  unacknowledgedImports: number;
}> {
  const lost: string[] = [];
  const problems: string[] = [];
  const ackedImports = new Set<string>();
  for (const a of acks) {
    if (a.kind === 'save') {
      const [key, rev, value] = a.args;
      // Compared as numbers: the store keeps 1001.20 as 1001.2.
      const r = await s.query<{ value: string; same: boolean }>(
        'select value::text as value, value = $3::numeric as same from data_point_revision where fact_key = $1 and rev = $2',
        [key, Number(rev), value],
      );
      if (r[0]?.same !== true)
        lost.push(`save ${key} rev ${rev} = ${value}: found ${r[0]?.value ?? 'nothing'}`);
    } else if (a.kind === 'approve') {
      const [key, version, state] = a.args;
      const [entity, period, topic] = (key ?? '').split('|');
      const r = await s.query<{ to_state: string }>(
        'select to_state from workflow_transition where entity_id = $1 and period_id = $2 and topic = $3 and version = $4',
        [entity, period, topic, Number(version)],
      );
      if (r[0]?.to_state !== state) lost.push(`transition ${key} v${version} → ${state}: not found`);
    } else if (a.kind === 'import') {
      const [file, added] = a.args;
      ackedImports.add(file ?? '');
      if (Number(added) !== rows) problems.push(`import ${file} acknowledged ${added} lines, not ${rows}`);
    }
  }
  let committedUnacknowledged = 0;
  let unacknowledgedImports = 0;
  for (const file of begun) {
    const [r] = await s.query<{ n: number }>(
      'select count(*)::int as n from activity_line_revision where fact_key like $1',
      [`al-${file}-%`],
    );
    const n = Number(r?.n);
    if (ackedImports.has(file)) {
      if (n !== rows) lost.push(`import ${file}: ${n} of ${rows} lines`);
    } else {
      unacknowledgedImports++;
      if (n === rows) committedUnacknowledged++;
      else if (n !== 0) problems.push(`import ${file} half-written: ${n} of ${rows} lines`);
    }
  }
  const audit = await verifyAudit(s);
  if (!audit.ok) problems.push(`audit chain: ${audit.reason}`);
  const revs = await verifyRevisions(s);
  if (revs.length > 0) problems.push(`revisions: ${JSON.stringify(revs.slice(0, 3))}`);
  const digests = await verifyDigests(s);
  if (digests.problems.length > 0) problems.push(`digests: ${JSON.stringify(digests.problems.slice(0, 3))}`);
  const orphans = await s.query<{ id: string }>(
    `select c.id::text as id from change_set c
      where not exists (select 1 from audit_log a where a.after->>'changeSet' = c.id::text)`,
  );
  if (orphans.length > 0)
    problems.push(`change sets without an audit entry: ${orphans.map((o) => o.id).join(', ')}`);
  const units = await s.query<{ key: string; version: number; n: number }>(
    `select u.entity_id || '|' || u.period_id || '|' || u.topic as key, u.version::int as version,
            (select count(*)::int from workflow_transition t where t.entity_id = u.entity_id
               and t.period_id = u.period_id and t.topic = u.topic) as n
       from workflow_unit u`,
  );
  for (const u of units)
    if (Number(u.version) !== Number(u.n))
      problems.push(`unit ${u.key}: version ${u.version}, ${u.n} transitions`);
  const [wf] = await s.query<{ t: number; a: number }>(
    `select (select count(*)::int from workflow_transition) as t,
            (select count(*)::int from audit_log where action like 'workflow-%') as a`,
  );
  if (Number(wf?.t) !== Number(wf?.a))
    problems.push(`${wf?.t} workflow transitions but ${wf?.a} workflow audit entries`);
  return { lost, problems, committedUnacknowledged, unacknowledgedImports };
}

/** Windows (ms after `ready`) the kill moment is drawn from, per kind of write. */
const WINDOW: Record<CrashOp, number> = { import: 6000, save: 4000, approve: 3000 };

export async function runCrashTrials(opts: {
  readonly store: CrashStoreKind;
  readonly trials: number;
  /** The kinds of write, taken in turn (default all three). */
  readonly ops?: readonly CrashOp[];
  readonly seed?: number;
  /** Lines per import (default 2,000). */
  readonly rows?: number;
  readonly log?: (r: TrialResult) => void;
}): Promise<CrashSummary> {
  const started = Date.now();
  const rows = opts.rows ?? 2000;
  const rnd = random(opts.seed ?? 23);
  const target = await prepare(opts.store);
  const tmp = mkdtempSync(join(tmpdir(), 'assay-crash-csv-'));
  const results: TrialResult[] = [];
  try {
    for (let trial = 1; trial <= opts.trials; trial++) {
      const ops = opts.ops ?? CRASH_OPS;
      const op = ops[(trial - 1) % ops.length] as CrashOp;
      const fraction = rnd();
      let run = await runChild(target.where, op, `t${trial}`, rows, tmp, () =>
        Math.round(fraction * WINDOW[op]),
      );
      // A child that failed before its first write (e.g. a source file being edited while the
      // trials run) is not a kill trial: started again, up to 5 times, after a pause.
      for (let retry = 1; retry <= 5 && !run.ready && run.error; retry++) {
        await new Promise((r) => setTimeout(r, 5000));
        run = await runChild(target.where, op, `t${trial}r${retry}`, rows, tmp, () =>
          Math.round(fraction * WINDOW[op]),
        );
      }
      const s = await target.open();
      let r: TrialResult;
      try {
        const c = await check(s, run.acks, run.begun, rows);
        r = {
          trial,
          op,
          killAfterMs: run.killAfterMs,
          acknowledged: run.acks.length,
          unacknowledgedImports: c.unacknowledgedImports,
          committedUnacknowledged: c.committedUnacknowledged,
          lost: c.lost,
          problems: run.error ? [run.error, ...c.problems] : c.problems,
        };
      } finally {
        await target.release(s);
      }
      results.push(r);
      opts.log?.(r);
    }
  } finally {
    await target.drop();
    rmSync(tmp, { recursive: true, force: true });
  }
  return {
    store: opts.store,
    trials: results.length,
    acknowledged: results.reduce((n, r) => n + r.acknowledged, 0),
    lost: results.reduce((n, r) => n + r.lost.length, 0),
    failedTrials: results.filter((r) => r.lost.length > 0 || r.problems.length > 0).length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    results,
  };
}
