/**
 * The embedded store is durable (issue #23): PostgreSQL inside PGlite runs with fsync on and
 * flushes the WAL with fsync(), which DurableNodeFS passes to the file, at every commit before
 * the commit returns. Out of the box PGlite runs with `-F` (fsync off) and its NODEFS has no
 * fsync: this test fails there (fsync off, no flush).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pgliteFsyncs } from './durable-nodefs.js';
import { openPgliteStore } from './pglite-store.js';
import type { Store } from './store.js';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-durable-'));
  store = await openPgliteStore(dir);
}, 60_000);
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

it('runs PostgreSQL with fsync on, the WAL flushed by fsync()', async () => {
  expect(await store.query('show fsync')).toEqual([{ fsync: 'on' }]);
  expect(await store.query('show wal_sync_method')).toEqual([{ wal_sync_method: 'fsync' }]);
});

it('flushes to the file at every commit, before the commit returns', async () => {
  await store.exec('create table t (i int)');
  for (let i = 0; i < 5; i++) {
    const before = pgliteFsyncs.count;
    await store.transaction(async (tx) => {
      await tx.query('insert into t values ($1)', [i]);
    });
    expect(pgliteFsyncs.count - before, `commit ${i}`).toBeGreaterThanOrEqual(1);
  }
  // A read-only transaction writes no WAL and needs no flush.
  const before = pgliteFsyncs.count;
  await store.transaction((tx) => tx.query('select count(*) from t'));
  expect(pgliteFsyncs.count - before).toBe(0);
});
