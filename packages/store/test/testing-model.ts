/**
 * The model-based test harness (`@assay/store/testing/model`): random histories of store and
 * workspace operations against a plain reference model (docs/storage.md).
 */

export { Divergence } from './model-check.js';
export { assertModel, skippedFromEnv, totals } from './model-harness.js';
export { type OpenWorkspace, type StoreHost, storeHost } from './model-system.js';
