/**
 * The caller's own TOTP second factor (issue #16; app/access/totp.ts), under /api/session/totp:
 *   POST /           begin an enrolment → {secret, uri} (shown this once; pending until confirmed)
 *   POST /confirm    {code} → 204: the pending secret becomes the second factor
 *   DELETE /         {code} → 204: turn it off (a wrong code counts as a failed sign-in)
 *   POST /recovery-codes {code} → {codes}: a new list of one-time recovery codes, shown this once
 *                    (replaces the old list; a wrong code counts as a failed sign-in)
 *   GET /recovery-codes → {unused}: how many are left
 * Wherever a code is asked for, an unused recovery code is accepted too (and used up).
 * Only a signed-in session may do this: not the local user of an open server (no account), and
 * not an API token (a leaked token must not be able to set or remove its user's second factor).
 */
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  makeRecoveryCodes,
  recoveryCodesLeft,
  type Store,
  turnOffTotp,
} from '@assay/app/access';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { type AccountsOptions, callerOf, clientAddress } from '../http/caller.js';
import { jsonBody, parseWith, sendError } from '../http/respond.js';
import { TotpCode } from '../http/schemas.js';

export function totpRoutes(o: AccountsOptions): Hono {
  const now = o.now ?? (() => new Date());
  const r = new Hono();
  /** The session's user, or the answer refusing the request. */
  const userOf = (c: Context): { store: Store; userId: string } | Response => {
    const caller = callerOf(c);
    if (!o.store)
      return sendError(
        c,
        failure('not-found', 'this server has no account store (a bundle served in memory)').error,
      );
    if (!caller || caller.userId === null)
      return sendError(
        c,
        failure('invalid-request', 'a second factor belongs to an account: sign in with one first', {
          field: 'user',
        }).error,
      );
    if (caller.via !== 'session')
      return sendError(c, {
        code: 'forbidden',
        message: 'a second factor is managed from a signed-in session, not with an API token',
      });
    return { store: o.store, userId: caller.userId };
  };
  const code = async (c: Context) => {
    const body = await jsonBody(c);
    return body.ok ? parseWith(TotpCode, body.value) : body;
  };
  const wrongCode = (c: Context, message: string) =>
    sendError(c, failure('invalid-request', `code: ${message}`, { field: 'code' }).error);

  r.post('/', async (c) => {
    const u = userOf(c);
    if (u instanceof Response) return u;
    const out = await beginTotpEnrolment(u.store, u.userId);
    if (out.ok) return c.json({ secret: out.secret, uri: out.uri });
    return sendError(
      c,
      failure(out.problem === 'already-enrolled' ? 'conflict' : 'not-found', out.message).error,
    );
  });
  r.post('/confirm', async (c) => {
    const u = userOf(c);
    if (u instanceof Response) return u;
    const input = await code(c);
    if (!input.ok) return sendError(c, input.error);
    const out = await confirmTotpEnrolment(u.store, u.userId, input.value.code, now());
    return out.ok ? c.body(null, 204) : wrongCode(c, out.message);
  });
  r.delete('/', async (c) => {
    const u = userOf(c);
    if (u instanceof Response) return u;
    const input = await code(c);
    if (!input.ok) return sendError(c, input.error);
    const out = await turnOffTotp(u.store, u.userId, input.value.code, clientAddress(c), now());
    if (out.ok) return c.body(null, 204);
    switch (out.problem) {
      case 'throttled':
        c.header('Retry-After', String(out.retryAfterSeconds));
        return sendError(c, { code: 'throttled', message: out.message });
      case 'required':
        return sendError(c, { code: 'forbidden', message: out.message });
      case 'wrong-code':
        return wrongCode(c, out.message);
      default:
        return sendError(c, failure('not-found', out.message).error);
    }
  });
  r.post('/recovery-codes', async (c) => {
    const u = userOf(c);
    if (u instanceof Response) return u;
    const input = await code(c);
    if (!input.ok) return sendError(c, input.error);
    const out = await makeRecoveryCodes(u.store, u.userId, input.value.code, clientAddress(c), now());
    if (out.ok) return c.json({ codes: out.codes });
    switch (out.problem) {
      case 'throttled':
        c.header('Retry-After', String(out.retryAfterSeconds));
        return sendError(c, { code: 'throttled', message: out.message });
      case 'wrong-code':
        return wrongCode(c, out.message);
      default:
        return sendError(c, failure('not-found', out.message).error);
    }
  });
  r.get('/recovery-codes', async (c) => {
    const u = userOf(c);
    if (u instanceof Response) return u;
    return c.json({ unused: await recoveryCodesLeft(u.store, u.userId) });
  });
  return r;
}
