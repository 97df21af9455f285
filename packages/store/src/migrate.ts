/**
 * Plain .sql migrations in ./migrations, applied in file-name order, each in its own
 * transaction and recorded in schema_migrations. An advisory lock keeps two processes from
 * migrating one PostgreSQL database at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant naming Assay's migration lock. */
const LOCK_KEY = 73_617_361;

export function migrationFiles(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/** Apply pending migrations; returns the names applied now (empty when up to date). */
export async function migrate(store: Store, at: string): Promise<string[]> {
  await store.exec(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null)',
  );
  const applied: string[] = [];
  for (const name of migrationFiles()) {
    const done = await store.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('select 1 from schema_migrations where name = $1', [name]);
      if (seen.length > 0) return false;
      await tx.exec(readFileSync(join(DIR, name), 'utf8'));
      await tx.query('insert into schema_migrations (name, applied_at) values ($1, $2)', [name, at]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
