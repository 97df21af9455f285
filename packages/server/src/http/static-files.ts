/**
 * Serve the web build (packages/web/dist): files by path, index.html for any other non-API
 * path (the app routes on the client). Paths are resolved inside the root only; a path that is
 * not valid percent-encoding is just another path (index.html). HTML pages get the app's
 * Content-Security-Policy with their inline scripts allowed by hash (security-headers.ts).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import { pagePolicy } from './security-headers.js';

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

/**
 * What `/` answers while there is no web build: a fixed page (no input in it, so nothing to
 * escape; no script or style, so the app's Content-Security-Policy holds as it is) saying what
 * to run. 200: the server works and this is what it has at this address (a 5xx would say the
 * server failed; the API fuzz holds every answer to "never a 5xx").
 */
export const WEB_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Assay: the web app is not built</title></head>
<body>
<h1>The web app is not built</h1>
<p>This server answers the API (<a href="/api/openapi.json">/api/openapi.json</a> describes it), but the web app has not been built yet. Build it, then reload this page:</p>
<pre>npm run build -w @assay/web</pre>
<p>(<code>npm start</code> builds it and starts the server.)</p>
</body>
</html>
`;

export function webNotBuilt(c: Context): Response {
  return c.html(WEB_NOT_BUILT_PAGE, 200, { 'cache-control': 'no-cache' });
}

export function staticFiles(root: string) {
  const base = normalize(root + sep);
  return async (c: Context) => {
    if (!existsSync(join(base, 'index.html'))) return webNotBuilt(c);
    const path = normalize(join(base, decodedPath(c.req.path)));
    const inside = path.startsWith(base) && !path.includes('\0');
    const file =
      inside && (await stat(path).catch(() => undefined))?.isFile() ? path : join(base, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const body = await readFile(file);
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': cache };
    if (extname(file) === '.html') headers['content-security-policy'] = pagePolicy(body.toString('utf8'));
    return new Response(body, { headers });
  };
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
