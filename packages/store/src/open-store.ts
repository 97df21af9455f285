/**
 * Choose the implementation: PostgreSQL when a database URL is given, otherwise PGlite in the
 * data folder. Callers (cli, server) read the configuration; this module reads no environment.
 */
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

export type StoreConfig = { readonly databaseUrl?: string | undefined; readonly dataDir: string };

export function openStore(config: StoreConfig): Promise<Store> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openPgliteStore(config.dataDir);
}
