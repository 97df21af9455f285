/**
 * Server store: PostgreSQL through a connection URL (node-postgres pool). node-postgres returns
 * numeric and bigint as strings; queries cast aggregates explicitly so both drivers agree.
 */
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { pgListen } from './pg-listener.js';
import type { Listener, Sql, Store } from './store.js';

type Queryable = {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  query(config: pg.QueryArrayConfig): Promise<{ rows: unknown[][] }>;
};

/** COPY needs one connection for its whole exchange: a transaction's client, or one from the pool. */
async function copyOn(client: pg.PoolClient, copySql: string, data: string | Uint8Array): Promise<void> {
  const sink = client.query(copyFromStdin(copySql));
  await pipeline(
    (function* () {
      yield data;
    })(),
    sink,
  );
}

function sqlOf(c: Queryable, copy: (copySql: string, data: string | Uint8Array) => Promise<void>): Sql {
  return {
    async query<R>(text: string, params?: readonly unknown[]) {
      const r = await c.query(text, params as unknown[] | undefined);
      return r.rows as R[];
    },
    async queryArrays(text: string, params?: readonly unknown[]) {
      const r = await c.query({ text, values: (params ?? []) as unknown[], rowMode: 'array' });
      return r.rows;
    },
    async exec(text: string) {
      await c.query(text);
    },
    copyFrom: copy,
  };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection that dies (server restart, terminated) leaves the pool, which opens
  // another when asked; without a handler its 'error' would end the process.
  pool.on('error', (e) => process.emitWarning(`assay: a PostgreSQL connection was lost: ${e.message}`));
  // Fail now, with the location, rather than at the first query.
  const probe = await pool.connect().catch(async (e: Error) => {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${e.message}`);
  });
  probe.release();
  const listeners = new Set<Listener>();
  const base = sqlOf(pool, async (copySql, data) => {
    const client = await pool.connect();
    try {
      await copyOn(client, copySql, data);
    } finally {
      client.release();
    }
  });
  return {
    kind: 'postgres',
    location: redactUrl(url),
    query: base.query,
    queryArrays: base.queryArrays,
    exec: base.exec,
    copyFrom: base.copyFrom,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(sqlOf(client, (copySql, data) => copyOn(client, copySql, data)));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const l = await pgListen(url, channel, onNotify);
      const tracked: Listener = {
        async close() {
          listeners.delete(tracked);
          await l.close();
        },
      };
      listeners.add(tracked);
      return tracked;
    },
    async close() {
      await Promise.all([...listeners].map((l) => l.close()));
      await pool.end();
    },
  };
}
