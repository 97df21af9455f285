/** Start the HTTP server (the workspace is opened by app's openWorkspace). Loopback only until accounts and roles exist. */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';

export const LOOPBACK = '127.0.0.1';
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type Started = { url: string; port: number; close: () => Promise<void> };

export function listen(
  app: { fetch: (r: Request) => Response | Promise<Response> },
  port: number,
  host = LOOPBACK,
): Promise<Started> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolve({
        url: `http://${host}:${info.port}/`,
        port: info.port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on('error', reject);
  });
}
