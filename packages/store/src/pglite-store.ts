/**
 * Embedded store: PGlite (PostgreSQL compiled to WASM) in `<dir>/pgdata`. Out of the box PGlite
 * does not fsync (a killed process loses nothing committed, a power cut may); here it runs with
 * fsync on through DurableNodeFS (durable-nodefs.ts), so a commit is on disk when it returns.
 * Two processes on one folder would corrupt it, so the folder is held with an exclusive lock
 * (`<dir>/store.lock`, proper-lockfile; a lock older than 10 s without refresh is stale, e.g.
 * after a crash).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { durablePgliteOptions } from './durable-nodefs.js';
import type { Sql, Store } from './store.js';

export class StoreLockedError extends Error {
  constructor(readonly dir: string) {
    super(
      `the data folder ${dir} is in use by another assay process (lock ${join(dir, 'store.lock')}); ` +
        'wait for it to finish. A lock left by a killed process expires after 10 seconds.',
    );
  }
}

function sqlOf(db: PGlite | Transaction): Sql {
  return {
    async query<R>(text: string, params?: readonly unknown[]) {
      const r = await db.query<R>(text, params as unknown[] | undefined);
      return r.rows;
    },
    async queryArrays(text: string, params?: readonly unknown[]) {
      const r = await db.query<unknown[]>(text, params as unknown[] | undefined, { rowMode: 'array' });
      return r.rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
    async copyFrom(copySql: string, data: string | Uint8Array) {
      // PGlite reads COPY input from a Blob mounted as /dev/blob.
      await db.query(copySql.replace(/from stdin/i, "from '/dev/blob'"), [], { blob: new Blob([data]) });
    },
  };
}

export async function openPgliteStore(dir: string): Promise<Store> {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(root, {
      lockfilePath: join(root, 'store.lock'),
      stale: 10_000,
      update: 2_000,
      realpath: false,
      // A compromised lock (e.g. the clock jumped) is reported, not thrown from a timer.
      onCompromised: (e) => process.emitWarning(`assay store lock compromised: ${e.message}`),
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOCKED') throw new StoreLockedError(root);
    throw e;
  }
  let db: PGlite;
  try {
    db = await PGlite.create(durablePgliteOptions(join(root, 'pgdata')));
  } catch (e) {
    await release();
    throw e;
  }
  const base = sqlOf(db);
  return {
    kind: 'pglite',
    location: root,
    query: base.query,
    queryArrays: base.queryArrays,
    exec: base.exec,
    copyFrom: base.copyFrom,
    transaction: (fn) => db.transaction((tx) => fn(sqlOf(tx))),
    async close() {
      await db.close();
      await release();
    },
  };
}

/**
 * A PGlite store in memory (no data folder, no lock, gone when closed): for what only a store
 * keeps while a bundle is served in memory (`assay serve --memory`: the demo's meter readings).
 */
export async function openMemoryPgliteStore(): Promise<Store> {
  const db = await PGlite.create();
  const base = sqlOf(db);
  return {
    kind: 'pglite',
    location: 'memory',
    query: base.query,
    queryArrays: base.queryArrays,
    exec: base.exec,
    copyFrom: base.copyFrom,
    transaction: (fn) => db.transaction((tx) => fn(sqlOf(tx))),
    close: () => db.close(),
  };
}
