/** Test helpers for other packages' tests (`@assay/store/testing`): databases and small stores. */

export { AT, minimalStore, type TestStore, WHO } from './minimal-store.js';
export { ADMIN_URL, createTestDatabase, type TestDatabase } from './test-database.js';
