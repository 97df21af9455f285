/** Route plumbing: validate input with zod at the boundary, present results and errors as JSON. */
import { randomBytes } from 'node:crypto';
import { printable } from '@assay/app';
import type { Context } from 'hono';
import type { z } from 'zod';
import { type ApiError, failure, type Result, STATUS_OF } from './api-error.js';

export function sendError(c: Context, e: ApiError): Response {
  return c.json({ error: e }, STATUS_OF[e.code]);
}

/**
 * A fault (a thrown error, never an expected failure): the caller gets a generic message and an
 * id; the detail (message, stack) goes to the server log under that id only.
 */
export function sendInternal(c: Context, err: unknown): Response {
  const id = randomBytes(4).toString('hex');
  // One log line per fault: control characters from the request (path, error text) are escaped,
  // so input cannot forge log lines or drive the terminal of whoever reads the log.
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(printable(`[assay ${id}] ${c.req.method} ${c.req.path}: ${detail}`));
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
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return failure('invalid-request', 'the body is not valid JSON', { field: 'body' });
  }
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
