import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsContract } from '../../test/accounts-contract.js';
import { createTestDatabase } from '../../test/test-database.js';
import { openPgliteStore } from '../pglite-store.js';
import { openPostgresStore } from '../postgres-store.js';

accountsContract('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-accounts-'));
  const store = await openPgliteStore(dir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

accountsContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  const store = await openPostgresStore(db.url);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});
