/**
 * The workspaces the cycle tests run on (use-cases/cycles.test.ts, comments.test.ts): in memory,
 * on a PGlite store and on PostgreSQL (a database of its own), each over examples/minimal
 * (group → smelter, mine) with a fixed clock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from '@assay/core';
import { migrate, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { MemoryWorkspace } from '../src/workspace/memory-workspace.js';
import { StoreWorkspace } from '../src/workspace/store-workspace.js';
import type { Workspace } from '../src/workspace/workspace.js';

export type Backend = { ws: Workspace; store?: Store; close: () => Promise<void> };

export function cycleBackends(bundle: Bundle, at: () => string): [string, () => Promise<Backend>][] {
  return [
    ['memory', async () => ({ ws: new MemoryWorkspace(bundle, at), close: async () => {} })],
    [
      'PGlite',
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'assay-cycles-'));
        const store = await openPgliteStore(dir);
        await migrate(store, at());
        const o = await StoreWorkspace.open(store, bundle, at);
        if (!o.ok) throw new Error(o.reason);
        return {
          ws: o.workspace,
          store,
          close: async () => {
            await o.workspace.close();
            await rm(dir, { recursive: true, force: true });
          },
        };
      },
    ],
    [
      'PostgreSQL',
      async () => {
        const db = await createTestDatabase();
        const store = await openPostgresStore(db.url);
        await migrate(store, at());
        const o = await StoreWorkspace.open(store, bundle, at);
        if (!o.ok) throw new Error(o.reason);
        return {
          ws: o.workspace,
          store,
          close: async () => {
            await o.workspace.close();
            await db.drop();
          },
        };
      },
    ],
  ];
}
