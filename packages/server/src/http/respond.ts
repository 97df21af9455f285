/** Route plumbing: validate input with zod at the boundary, present results and errors as JSON. */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { z } from 'zod';
import { type ApiError, failure, type Result, STATUS_OF } from './api-error.js';
import { requestLogOf } from './log.js';
import { routePattern } from './request-log.js';

export function sendError(c: Context, e: ApiError): Response {
  return c.json({ error: e }, STATUS_OF[e.code]);
}

/**
 * A fault (a thrown error, never an expected failure): the caller gets a generic message and an
 * id; the detail (message, stack) goes to the server log under that id only.
 */
export function sendInternal(c: Context, err: unknown): Response {
  const id = randomBytes(4).toString('hex');
  // One log line per fault (log.ts): JSON-encoded, so input in the error text cannot forge
  // lines or drive the terminal of whoever reads the log; the route pattern, not the path.
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  const { logger, requestId } = requestLogOf(c);
  logger.error('fault', { faultId: id, requestId, route: routePattern(c.req.method, c.req.path), detail });
  return sendError(c, {
    code: 'internal',
    message: `internal error ${id}: the server log has the detail under this id`,
    id,
  });
}

export function send<T>(
  c: Context,
  r: Result<T>,
  present: (v: T) => unknown,
  status: 200 | 201 = 200,
): Response {
  return r.ok ? c.json(present(r.value) as object, status) : sendError(c, r.error);
}

/** Parse with a zod schema; the first issue names the field at fault. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  return failure('invalid-request', issue ? `${field || 'body'}: ${issue.message}` : 'invalid input', {
    ...(field === '' ? {} : { field }),
  });
}

export async function jsonBody(c: Context): Promise<Result<unknown>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    return failure('invalid-request', 'the body is not valid JSON', { field: 'body' });
  }
  const nul = nulPath(value);
  if (nul !== undefined)
    return failure('invalid-request', `${nul || 'body'}: a NUL character (\\u0000) is not allowed`, {
      field: nul || 'body',
    });
  return { ok: true, value };
}

/**
 * The path ("email", "rows.3.value") of the first string or key in a parsed JSON body that holds
 * U+0000, else undefined. No text of Assay's may contain it and PostgreSQL text cannot store it
 * (found by the API fuzz: POST /api/session with {"email":"\u0000"} answered 500).
 */
export function nulPath(body: unknown): string | undefined {
  // Iterative (an explicit stack), so a hostile body nested thousands deep cannot overflow the call stack.
  const stack: [unknown, string][] = [[body, '']];
  const join = (at: string, k: string) => (at === '' ? k : `${at}.${k}`).slice(0, 200);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, at] = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return at;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(at, String(i))]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [k] of entries) if (k.includes('\u0000')) return join(at, k.replaceAll('\u0000', '\\u0000'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i] as [string, unknown];
        stack.push([v, join(at, k)]);
      }
    }
  }
  return undefined;
}

/** The version a write edits: If-Match header ("3" or W/"3") wins over the body's `version`. */
export function expectedVersion(c: Context, bodyVersion: number | undefined): Result<number> {
  const header = c.req.header('if-match');
  if (header !== undefined) {
    const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
    if (!m?.[1])
      return failure('invalid-request', 'If-Match must be a version number, e.g. "3"', { field: 'If-Match' });
    return { ok: true, value: Number(m[1]) };
  }
  if (bodyVersion !== undefined) return { ok: true, value: bodyVersion };
  return failure('version-required', 'name the version you edit (If-Match header or "version" field)', {
    field: 'version',
  });
}
