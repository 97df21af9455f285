/**
 * Test support for io's import tests: a migrated PostgreSQL test database holding
 * examples/minimal, and a snapshot of everything an import could change.
 */
import { fileURLToPath } from 'node:url';
import type { RawDocument } from '@assay/core';
import { loadBundle } from '@assay/io';
import { auditEntries } from '../src/audit.js';
import { importBundle } from '../src/import-bundle.js';
import { importContext } from '../src/import-facts.js';
import { migrate } from '../src/migrate.js';
import { openPostgresStore } from '../src/postgres-store.js';
import type { Store } from '../src/store.js';
import { createTestDatabase } from './test-database.js';

export const AT = '2026-02-01T08:00:00.000Z';
export const WHO = { author: 'importer@example.com', reason: 'monthly upload', at: AT };

export type TestStore = {
  store: Store;
  url: string;
  ctx: { settings: RawDocument; indicators: RawDocument };
  snapshot(): Promise<number[]>;
  close(): Promise<void>;
};

export async function minimalStore(): Promise<TestStore> {
  const db = await createTestDatabase();
  const store = await openPostgresStore(db.url);
  await migrate(store, AT);
  const v = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
  if (!v.ok) throw new Error('examples/minimal is invalid');
  await importBundle(store, v.bundle, WHO);
  const ctx = await importContext(store);
  if (!ctx) throw new Error('no context');
  return {
    store,
    url: db.url,
    ctx,
    async snapshot() {
      const [r] = await store.query<{ dp: string; al: string; cs: string }>(
        `select (select count(*) from data_point_revision)::text as dp, (select count(*) from activity_line_revision)::text as al,
                (select count(*) from change_set)::text as cs`,
      );
      return [Number(r?.dp), Number(r?.al), Number(r?.cs), await auditEntries(store)];
    },
    async close() {
      await store.close();
      await db.drop();
    },
  };
}
