/**
 * Request body limits (issue #14, item 8), enforced before a route reads the body
 * (hono/body-limit): a declared Content-Length over the limit is refused before one byte is
 * read; a chunked body is read up to the limit and no further. The refusal closes the
 * connection (Connection: close), so the rest of the body is not read either.
 *
 * Limits, in bytes of the body as sent:
 * - import (POST /api/import/*): 64 MiB. The import schema takes at most 20,000,000 characters
 *   of CSV (up to 60 MB as UTF-8 when every character is CJK) or 28,000,000 of base64 XLSX
 *   (20 MB of file); 64 MiB holds either with its JSON wrapping.
 * - evidence upload (POST /api/data-points/{id}/evidence, /api/activity-lines/{id}/evidence): 14 MiB. A file of at most 10 MiB is
 *   at most 13,981,016 characters of base64; 14 MiB (14,680,064 bytes) holds that with the JSON
 *   wrapping and a file name of 200 characters even when every one is a \uXXXX escape. A body
 *   under 14 MiB whose file is over 10 MiB is refused by the route (app/src/evidence/sniff.ts).
 * - every other route: 1 MiB. Their largest field is 2,000 characters (evidence, comment,
 *   explanation texts); 1 MiB holds the largest valid body many times over.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { failure } from './api-error.js';
import { sendError } from './respond.js';

export const BODY_LIMITS = {
  json: 1024 * 1024,
  import: 64 * 1024 * 1024,
  evidence: 14 * 1024 * 1024,
} as const;

/** The evidence upload routes (routes/evidence.ts). */
const EVIDENCE_UPLOAD = /^\/api\/(?:data-points|activity-lines)\/[^/]+\/evidence$/;

const tooLarge = (max: number) => (c: Context) => {
  c.header('connection', 'close');
  return sendError(
    c,
    failure('too-large', `body: over this route's limit of ${max} bytes; nothing was read further`, {
      field: 'body',
    }).error,
  );
};

export function bodyLimits(): MiddlewareHandler {
  const json = bodyLimit({ maxSize: BODY_LIMITS.json, onError: tooLarge(BODY_LIMITS.json) });
  const imports = bodyLimit({ maxSize: BODY_LIMITS.import, onError: tooLarge(BODY_LIMITS.import) });
  const evidence = bodyLimit({ maxSize: BODY_LIMITS.evidence, onError: tooLarge(BODY_LIMITS.evidence) });
  return (c, next) => {
    if (c.req.path.startsWith('/api/import/')) return imports(c, next);
    // a readings CSV (routes/meters.ts): an import like the others
    if (c.req.method === 'POST' && c.req.path === '/api/meters/readings') return imports(c, next);
    // the XLSX of a manual reading round (routes/meter-bills-lines.ts), base64: an import too
    if (c.req.method === 'POST' && c.req.path === '/api/meters/reading-round') return imports(c, next);
    if (c.req.method === 'POST' && EVIDENCE_UPLOAD.test(c.req.path)) return evidence(c, next);
    return json(c, next);
  };
}
