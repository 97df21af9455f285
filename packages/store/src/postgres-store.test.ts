import { storeContract } from '../test/store-contract.js';
import { createTestDatabase } from '../test/test-database.js';
import { openPostgresStore } from './postgres-store.js';

storeContract('PostgreSQL', async () => {
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
