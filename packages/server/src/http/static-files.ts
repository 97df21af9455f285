/**
 * Serve the web build (packages/web/dist): files by path, index.html for any other non-API
 * path (the app routes on the client). Paths are resolved inside the root only.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function staticFiles(root: string) {
  const base = normalize(root + sep);
  return async (c: Context) => {
    if (!existsSync(join(base, 'index.html')))
      return c.text('The web app is not built: run `npm run build -w @assay/web`.', 503);
    const path = normalize(join(base, decodeURIComponent(c.req.path)));
    const inside = path.startsWith(base);
    const file =
      inside && (await stat(path).catch(() => undefined))?.isFile() ? path : join(base, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return new Response(await readFile(file), { headers: { 'content-type': type, 'cache-control': cache } });
  };
}
