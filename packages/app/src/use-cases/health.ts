/**
 * Is this server fit to serve (GET /api/health; docs/operations.md, "Health")? The database
 * answers a query within the time limit, its migrations are exactly the ones this code knows
 * (none pending, none from a newer version), and how many bytes are free where the data lives:
 * the data folder of the embedded store (evidence files are stored in it too); for PostgreSQL the
 * disk is the database server's, so the database's size is given instead.
 */
import { statfs } from 'node:fs/promises';
import { migrationFiles, type Store } from '@assay/store';

export type HealthReport = {
  /** Database reachable and migrations current (a bundle in memory has neither to check). */
  readonly ok: boolean;
  readonly database: {
    readonly kind: Store['kind'] | 'memory';
    readonly reachable: boolean;
    readonly latencyMs: number | null;
    readonly problem: string | null;
  };
  readonly migrations: {
    readonly current: boolean;
    readonly applied: number;
    readonly known: number;
    readonly pending: readonly string[];
    /** Applied to the database but unknown to this code: the database is newer than the code. */
    readonly unknown: readonly string[];
  } | null;
  readonly disk: { readonly path: string; readonly freeBytes: number } | null;
  readonly databaseBytes: number | null;
};

const TIMEOUT_MS = 3000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export async function checkHealth(
  store: Store | undefined,
  o: { timeoutMs?: number } = {},
): Promise<HealthReport> {
  if (!store)
    return {
      ok: true,
      database: { kind: 'memory', reachable: true, latencyMs: null, problem: null },
      migrations: null,
      disk: null,
      databaseBytes: null,
    };
  const disk = store.kind === 'pglite' ? await freeBytes(store.location) : null;
  const started = performance.now();
  try {
    const [applied, size] = await within(
      (async () => {
        const rows = await store.query<{ name: string }>('select name from schema_migrations order by name');
        const bytes =
          store.kind === 'postgres'
            ? await store.query<{ n: string }>('select pg_database_size(current_database())::text as n')
            : [];
        return [rows.map((r) => r.name), bytes[0] ? Number(bytes[0].n) : null] as const;
      })(),
      o.timeoutMs ?? TIMEOUT_MS,
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const known = migrationFiles();
    const pending = known.filter((m) => !applied.includes(m));
    const unknown = applied.filter((m) => !known.includes(m));
    const current = pending.length === 0 && unknown.length === 0;
    return {
      ok: current,
      database: { kind: store.kind, reachable: true, latencyMs, problem: null },
      migrations: { current, applied: applied.length, known: known.length, pending, unknown },
      disk,
      databaseBytes: size,
    };
  } catch (e) {
    return {
      ok: false,
      database: { kind: store.kind, reachable: false, latencyMs: null, problem: (e as Error).message },
      migrations: null,
      disk,
      databaseBytes: null,
    };
  }
}

async function freeBytes(path: string): Promise<HealthReport['disk']> {
  try {
    const s = await statfs(path);
    return { path, freeBytes: s.bavail * s.bsize };
  } catch {
    return null;
  }
}
