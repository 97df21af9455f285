/**
 * The real system the model-based tests drive: a store (PGlite in a folder or a PostgreSQL
 * database) holding examples/minimal, and optionally a workspace over it (the server's
 * StoreWorkspace, passed in by packages/server so that the store's tests do not depend on it).
 *
 * Every run starts from the same state, so that fast-check can replay and shrink a failing
 * sequence: a template is filled once per process (PGlite: a folder, copied per run, about
 * 0.1 s, instead of about 4 s to create one; PostgreSQL: a database, cloned per run with
 * CREATE DATABASE … TEMPLATE).
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityLine, Bundle, DataPoint } from '@assay/core';
import pg from 'pg';
import { auditEntries } from '../src/audit.js';
import { importBundle } from '../src/import-bundle.js';
import { migrate } from '../src/migrate.js';
import { openPgliteStore } from '../src/pglite-store.js';
import { openPostgresStore } from '../src/postgres-store.js';
import type { Store, StoreKind } from '../src/store.js';
import { minimalBundle } from './fixtures-bundle.js';
import { ADMIN_URL } from './test-database.js';

/** The time of the template's bundle import; each step's time follows it (model-commands.ts). */
export const T0 = Date.parse('2026-01-01T00:00:00.000Z');
export const SEED_META = { author: 'seed', reason: 'examples/minimal', at: new Date(T0).toISOString() };

/** The part of the server's Workspace port the tests use (packages/server/src/workspace/workspace.ts). */
export interface ModelWorkspace {
  snapshot(): {
    readonly bundle: Bundle;
    readonly version: number;
    readonly versionOf: (id: string) => number | undefined;
    readonly lineVersionOf: (id: string) => number | undefined;
  };
  history(id: string): Promise<readonly WsRevision[]>;
  writeDataPoints(
    changes: readonly { dataPoint: DataPoint; expectedVersion: number | undefined }[],
    reason: string,
    author: string,
  ): Promise<WsOutcome>;
  retractDataPoint(id: string, expectedVersion: number, reason: string, author: string): Promise<WsOutcome>;
  writeActivityLines(
    changes: readonly { line: ActivityLine; expectedVersion: number | undefined }[],
    reason: string,
    author: string,
  ): Promise<WsOutcome>;
  retractActivityLine(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<WsOutcome>;
  close(): Promise<void>;
}
export type WsRevision = {
  readonly version: number;
  readonly value: string;
  readonly unit: string;
  readonly retracted: boolean;
  readonly reason: string;
  readonly author: string;
  readonly at: string;
};
export type WsOutcome =
  | {
      readonly ok: true;
      readonly versions?: ReadonlyMap<string, number>;
      readonly version?: number;
      readonly workspaceVersion: number;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly id: string;
      readonly current?: number;
      readonly field?: string | undefined;
      readonly message?: string;
    };

/** Opens the workspace over a store (the server's StoreWorkspace.open); throws when it cannot. */
export type OpenWorkspace = (store: Store, seed: Bundle, clock: () => string) => Promise<ModelWorkspace>;

/** One run's store: opened (again, after a restart) from the same folder or database. */
export type RunStore = {
  readonly open: () => Promise<Store>;
  /** A folder for this run's CSV files. */
  readonly dir: string;
  readonly dispose: () => Promise<void>;
};

export type StoreHost = {
  readonly kind: StoreKind;
  readonly seed: Bundle;
  /** Audit entries in the template (the bundle import's). */
  readonly seedAudit: number;
  fresh(): Promise<RunStore>;
  dispose(): Promise<void>;
};

async function fillTemplate(store: Store, seed: Bundle): Promise<number> {
  await migrate(store, SEED_META.at);
  const r = await importBundle(store, seed, SEED_META);
  if (!r.ok) throw new Error(`examples/minimal did not import: ${r.issues[0]?.reason}`);
  return auditEntries(store);
}

/** PGlite: one template folder per process, copied for every run. `base`: where folders go. */
export async function pgliteHost(base = scratchBase()): Promise<StoreHost> {
  const seed = await minimalBundle();
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, 'assay-model-'));
  const template = join(root, 'template');
  const store = await openPgliteStore(template);
  const seedAudit = await fillTemplate(store, seed);
  await store.close();
  let n = 0;
  return {
    kind: 'pglite',
    seed,
    seedAudit,
    async fresh() {
      const dir = join(root, `run-${++n}`);
      cpSync(template, join(dir, 'data'), { recursive: true });
      mkdirSync(join(dir, 'files'));
      return {
        open: () => openPgliteStore(join(dir, 'data')),
        dir: join(dir, 'files'),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
    async dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Drop a run's database once its connections are gone. A closed pool has sent its goodbyes but
 * the server may not have ended the sessions yet; a forced drop would then kill them, and the
 * pool, which no longer listens, would throw the error out of the process.
 */
async function dropWhenClosed(name: string): Promise<void> {
  await admin(async (c) => {
    for (let i = 0; i < 250; i++) {
      const r = await c.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (r.rows[0]?.n === 0) break;
      await new Promise((done) => setTimeout(done, 20));
    }
    await c.query(`drop database if exists ${name} with (force)`);
  });
}

const urlOf = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

/** PostgreSQL: a template database per process (assay_test_<random>), cloned for every run. */
export async function postgresHost(base = scratchBase()): Promise<StoreHost> {
  const seed = await minimalBundle();
  const name = `assay_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const store = await openPostgresStore(urlOf(name));
  const seedAudit = await fillTemplate(store, seed);
  await store.close();
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, 'assay-model-'));
  let n = 0;
  return {
    kind: 'postgres',
    seed,
    seedAudit,
    async fresh() {
      const run = `${name}_${++n}`;
      await admin((c) => c.query(`create database ${run} template ${name}`));
      const dir = join(root, `run-${n}`);
      mkdirSync(dir);
      return {
        open: () => openPostgresStore(urlOf(run)),
        dir,
        dispose: async () => {
          rmSync(dir, { recursive: true, force: true });
          await dropWhenClosed(run);
        },
      };
    },
    async dispose() {
      rmSync(root, { recursive: true, force: true });
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export function storeHost(kind: StoreKind, base?: string): Promise<StoreHost> {
  return kind === 'pglite' ? pgliteHost(base) : postgresHost(base);
}

/** The system under test during one run. `ws` is absent when the run has no workspace. */
export type Real = {
  readonly host: StoreHost;
  readonly run: RunStore;
  store: Store;
  ws: ModelWorkspace | undefined;
  readonly openWorkspace: OpenWorkspace | undefined;
  /** The time stamped on this step's writes (the workspace's clock reads it). */
  at: string;
  /** Files written so far in this run (their names must differ). */
  files: number;
  /** Contents of the activity-line files without ids imported so far, for re-imports. */
  readonly idlessFiles: string[];
  /** Commands run in this run; `check` runs the full comparison after each one whose number is a multiple. */
  steps: number;
  readonly checkEvery: number;
};

export async function openReal(
  host: StoreHost,
  run: RunStore,
  openWorkspace: OpenWorkspace | undefined,
  checkEvery: number,
): Promise<Real> {
  const store = await run.open();
  const real: Real = {
    host,
    run,
    store,
    ws: undefined,
    openWorkspace,
    at: SEED_META.at,
    files: 0,
    idlessFiles: [],
    steps: 0,
    checkEvery,
  };
  await reopenWorkspace(real);
  return real;
}

/** The server (re)starting over the open store, as after a CLI command run while it was stopped. */
export async function reopenWorkspace(real: Real): Promise<void> {
  if (!real.openWorkspace) return;
  real.ws = await real.openWorkspace(real.store, real.host.seed, () => real.at);
}

/** Close everything and open the same folder or database again (the workspace too). */
export async function restart(real: Real): Promise<void> {
  await closeReal(real);
  real.store = await real.run.open();
  await migrate(real.store, real.at);
  await reopenWorkspace(real);
}

export async function closeReal(real: Real): Promise<void> {
  // The workspace owns the store (StoreWorkspace.close closes it).
  if (real.ws) await real.ws.close();
  else await real.store.close();
  real.ws = undefined;
}

export const newFileName = (real: Real, stem: string): string => `${stem}-${++real.files}.csv`;

/**
 * Where run folders go: /dev/shm when there is one (a RAM disk: copying and removing a PGlite
 * folder there takes about 0.04 s per run instead of about 1 s on disk), else the temp folder.
 */
export function scratchBase(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}
