/**
 * PUT /api/session/password {currentPassword, newPassword} → 204: the signed-in user changes
 * their own password (app/access/change-password.ts). Only from a signed-in session: not the
 * local user of an open server (no account) and not an API token (a leaked token must not be
 * able to take the account over). The session that asked stays; every other one ends.
 */
import { changeOwnPassword } from '@assay/app/access';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { failure } from '../http/api-error.js';
import { type AccountsOptions, callerOf, clientAddress, SESSION_COOKIE } from '../http/caller.js';
import { jsonBody, parseWith, sendError } from '../http/respond.js';
import { PasswordChange } from '../http/schemas.js';

export function passwordRoutes(o: AccountsOptions): Hono {
  const now = o.now ?? (() => new Date());
  const r = new Hono();
  r.put('/', async (c) => {
    const caller = callerOf(c);
    if (!o.store)
      return sendError(
        c,
        failure('not-found', 'this server has no accounts (a bundle served in memory)').error,
      );
    if (!caller || caller.userId === null)
      return sendError(
        c,
        failure('invalid-request', 'a password belongs to an account: sign in with one first', {
          field: 'user',
        }).error,
      );
    if (caller.via !== 'session')
      return sendError(c, {
        code: 'forbidden',
        message: 'a password is changed from a signed-in session, not with an API token',
      });
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(PasswordChange, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await changeOwnPassword(
      o.store,
      {
        userId: caller.userId,
        currentPassword: input.value.currentPassword,
        newPassword: input.value.newPassword,
        sessionToken: getCookie(c, SESSION_COOKIE),
        address: clientAddress(c),
      },
      now(),
    );
    switch (out.kind) {
      case 'ok':
        return c.body(null, 204);
      case 'weak':
        return sendError(
          c,
          failure('invalid-request', `newPassword: ${out.message}`, { field: 'newPassword' }).error,
        );
      case 'bad-credentials':
        return sendError(c, {
          code: 'bad-credentials',
          message: 'currentPassword: the current password is wrong',
          field: 'currentPassword',
        });
      case 'throttled':
        c.header('Retry-After', String(out.retryAfterSeconds));
        return sendError(c, {
          code: 'throttled',
          message: `too many failed attempts: try again in ${out.retryAfterSeconds} s`,
        });
      case 'no-password':
        return sendError(
          c,
          failure('conflict', 'this account signs in with single sign-on: it has no password here to change')
            .error,
        );
    }
  });
  return r;
}
