/** Start the HTTP server on a bundle folder. Loopback only until accounts and roles exist. */
import { fileURLToPath } from 'node:url';
import type { BundleIssue } from '@assay/core';
import { loadBundle } from '@assay/io';
import { serve } from '@hono/node-server';
import { MemoryWorkspace } from './workspace/memory-workspace.js';

export const LOOPBACK = '127.0.0.1';
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type Started = { url: string; port: number; close: () => Promise<void> };

export async function openWorkspace(dir: string) {
  const loaded = await loadBundle(dir);
  if (!loaded.ok) return { ok: false as const, issues: loaded.issues as BundleIssue[] };
  return { ok: true as const, workspace: new MemoryWorkspace(loaded.bundle) };
}

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
