/**
 * LISTEN on a PostgreSQL connection of its own (not from the pool: a pooled connection is
 * handed to other queries and would drop the LISTEN). When the connection is lost (server
 * restart, pg_terminate_backend, network), it is made again every second until it works, and
 * the listener is told `undefined`: notifications sent meanwhile were missed, so whoever
 * listens must look at the store itself (store-workspace.ts in app reads the change sets it
 * has not seen).
 */
import pg from 'pg';
import type { Listener } from './store.js';

/** The listening connection's application_name (pg_stat_activity shows it). */
export const LISTENER_APPLICATION = 'assay-listen';

/** Wait before connecting again after the listening connection was lost (ms). */
const RECONNECT_MS = 1000;

export async function pgListen(
  url: string,
  channel: string,
  onNotify: (payload: string | undefined) => void,
): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name "${channel}"`);
  let closed = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: LISTENER_APPLICATION });
    // A lost connection emits 'error' and then 'end'; 'end' reconnects.
    c.on('error', () => undefined);
    c.on('notification', (m) => {
      if (!closed && m.channel === channel) onNotify(m.payload ?? '');
    });
    c.on('end', () => {
      if (client !== c || closed) return;
      client = undefined;
      schedule();
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
    if (closed) await c.end().catch(() => undefined);
    else client = c;
  };

  const schedule = () => {
    retry = setTimeout(() => {
      retry = undefined;
      if (closed) return;
      connect().then(
        () => {
          if (!closed) onNotify(undefined);
        },
        () => schedule(),
      );
    }, RECONNECT_MS);
    retry.unref();
  };

  await connect();
  return {
    async close() {
      if (closed) return;
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
