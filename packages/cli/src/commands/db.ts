/**
 * `assay db migrate`, and the store every storage command opens: PostgreSQL when DATABASE_URL
 * is set, otherwise PGlite in ASSAY_DATA_DIR (default `.assay-data/` in the working directory).
 * Pending migrations are applied on open, so a fresh folder works at once.
 */
import { userInfo } from 'node:os';
import { migrate, openStore, SchemaTooNewError, type Store, StoreLockedError } from '@assay/store';
import { type Command, EXIT, type ExitCode, type Output, UsageError } from '../command.js';

export function storeConfig() {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.ASSAY_DATA_DIR || '.assay-data',
  };
}

export const now = (): string => new Date().toISOString();

/** The author of a change: --author, else the login name. */
export function authorOf(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function withStore(
  io: Output,
  fn: (store: Store, applied: string[]) => Promise<ExitCode>,
): Promise<ExitCode> {
  let store: Store;
  try {
    store = await openStore(storeConfig());
  } catch (e) {
    if (e instanceof StoreLockedError || /cannot connect to PostgreSQL/.test((e as Error).message)) {
      io.err(`assay: ${(e as Error).message}`);
      return EXIT.findings;
    }
    throw e;
  }
  try {
    let applied: string[];
    try {
      applied = await migrate(store, now());
    } catch (e) {
      // The database is newer than this code: refused, nothing changed (exit 1).
      if (!(e instanceof SchemaTooNewError)) throw e;
      io.err(`assay: ${e.message}`);
      return EXIT.findings;
    }
    return await fn(store, applied);
  } finally {
    await store.close();
  }
}

export const dbCommand: Command = {
  name: 'db',
  usage: 'assay db migrate',
  summary: 'apply pending schema migrations to the store (DATABASE_URL, or the .assay-data folder)',
  options: {},
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (sub !== 'migrate' || rest.length > 0) throw new UsageError('the only db subcommand is "migrate"');
    return withStore(io, async (store, applied) => {
      io.out(
        applied.length === 0
          ? `${store.location} (${store.kind}): schema up to date`
          : `${store.location} (${store.kind}): applied ${applied.join(', ')}`,
      );
      return EXIT.clean;
    });
  },
};
