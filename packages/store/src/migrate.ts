/**
 * Plain .sql migrations in ./migrations, applied in file-name order, each in its own
 * transaction and recorded in schema_migrations. An advisory lock keeps two processes from
 * migrating one PostgreSQL database at once. A database that records a migration this code
 * does not have was written by a newer version: it is refused before anything is applied
 * (SchemaTooNewError), since older code would misread or damage the newer schema.
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

/** The database has migrations this code does not know: it was written by a newer version. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly location: string,
    /** The migrations recorded in the database and missing here, in name order. */
    readonly unknown: readonly string[],
    /** The newest migration this code has. */
    readonly newestKnown: string | undefined,
  ) {
    super(
      `the database ${location} was migrated by a newer version of assay: it has ${unknown.length === 1 ? 'migration' : 'migrations'} ` +
        `${unknown.join(', ')}, which this version does not know (its newest is ${newestKnown ?? 'none'}). ` +
        'Nothing was changed. Run the newer version of assay, or restore a backup made with this one.',
    );
  }
}

/** Throws SchemaTooNewError when the database records a migration that `known` lacks. */
export async function refuseNewerSchema(
  store: Store,
  known: readonly string[] = migrationFiles(),
): Promise<void> {
  const [table] = await store.query<{ t: string | null }>(
    "select to_regclass('schema_migrations')::text as t",
  );
  if (!table?.t) return;
  const rows = await store.query<{ name: string }>('select name from schema_migrations order by name');
  const have = new Set(known);
  const unknown = rows.map((r) => r.name).filter((n) => !have.has(n));
  if (unknown.length > 0) throw new SchemaTooNewError(store.location, unknown, known.at(-1));
}

/**
 * Apply pending migrations; returns the names applied now (empty when up to date). Refuses
 * (SchemaTooNewError, nothing applied) a database that has a migration this code does not know.
 */
export async function migrate(store: Store, at: string): Promise<string[]> {
  await refuseNewerSchema(store);
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
