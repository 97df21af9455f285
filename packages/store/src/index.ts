/** @assay/store: persistence behind one interface (PGlite embedded, PostgreSQL server). */

export * from './accounts/index.js';
export * from './audit.js';
export * from './canonical-json.js';
export * from './change-notify.js';
export * from './evidence.js';
export * from './fact-conflicts.js';
export * from './fact-rows-stream.js';
export * from './history.js';
export * from './import-bundle.js';
export * from './import-facts.js';
export * from './import-run.js';
export * from './imported-file.js';
export * from './migrate.js';
export * from './open-store.js';
export * from './organisation-rows.js';
export * from './pglite-store.js';
export * from './postgres-store.js';
export * from './read-bundle.js';
export * from './retract-facts.js';
export * from './revision-digest.js';
export * from './store.js';
export * from './verify-digests.js';
export * from './verify-revisions.js';
export * from './write-data-points.js';
