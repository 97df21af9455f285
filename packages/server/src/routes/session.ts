/**
 * Sign-in, sign-out and "who am I" (issue #16; docs/api.md, "Accounts, sessions and
 * permissions"). The session token travels only in the `assay_session` cookie: HttpOnly,
 * SameSite=Lax, Path=/, Secure when the request came over HTTPS. Every sign-in makes a new
 * session (and ends the one the old cookie named, if any): no session fixation. An account with
 * a second factor signs in with `totp` too (app/access/totp.ts; its own routes: totp.ts here).
 */
import { allowedEntities, hasTotp, signIn, signOut } from '@assay/app/access';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type AccountsOptions, callerOf, clientAddress, isClosed, SESSION_COOKIE } from '../http/caller.js';
import { jsonBody, parseWith, sendError } from '../http/respond.js';
import { SignIn } from '../http/schemas.js';

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';

export function sessionRoutes(o: AccountsOptions): Hono {
  const now = o.now ?? (() => new Date());
  const r = new Hono();
  r.get('/', async (c) => {
    const caller = callerOf(c);
    const mode = (await isClosed(o)) ? 'accounts' : 'open';
    // Single sign-on offered (routes/oidc.ts): the sign-in page links to /api/session/oidc/start.
    const sso = o.oidc && o.store ? { label: o.oidc.label } : null;
    if (!caller)
      return c.json({
        mode,
        sso,
        user: null,
        via: null,
        grants: [],
        allowed: {},
        totpEnrolled: false,
        mustEnrolTotp: false,
      });
    return c.json({
      mode,
      sso,
      user: caller.userId === null ? null : { id: caller.userId, email: caller.email, name: caller.name },
      via: caller.via,
      grants: caller.access.principal.grants,
      // Nothing is allowed until the second factor is enrolled (enforce-rules.ts).
      allowed: caller.mustEnrolTotp ? {} : allowedEntities(caller),
      totpEnrolled: o.store && caller.userId !== null ? await hasTotp(o.store, caller.userId) : false,
      mustEnrolTotp: caller.mustEnrolTotp === true,
    });
  });
  r.post('/', async (c) => {
    if (!o.store)
      return sendError(c, {
        code: 'not-found',
        message: 'this server has no accounts (a bundle served in memory): nothing to sign in to',
      });
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(SignIn, body.value);
    if (!input.ok) return sendError(c, input.error);
    const { email, password, totp } = input.value;
    const out = await signIn(o.store, email, password, clientAddress(c), now(), {
      ...(totp === undefined ? {} : { totp }),
    });
    switch (out.kind) {
      case 'ok': {
        // The session the old cookie named ends (a failed attempt leaves it as it was).
        const old = getCookie(c, SESSION_COOKIE);
        if (old !== undefined) await signOut(o.store, old);
        setCookie(c, SESSION_COOKIE, out.token, {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
          secure: secure(c),
          expires: new Date(out.expiresAt),
        });
        return c.body(null, 204);
      }
      case 'bad-credentials':
        return sendError(c, {
          code: 'bad-credentials',
          message: 'email or password is wrong',
          field: 'password',
        });
      case 'disabled':
        return sendError(c, {
          code: 'account-disabled',
          message: 'this account is disabled: ask an administrator',
        });
      case 'totp-required':
        return sendError(c, {
          code: 'totp-required',
          message:
            out.reason === 'missing'
              ? 'this account has a second factor: send the current code of your authenticator app as totp'
              : 'totp: the code is wrong or already used; wait for the next code',
          field: 'totp',
        });
      case 'throttled':
        c.header('Retry-After', String(out.retryAfterSeconds));
        return sendError(c, {
          code: 'throttled',
          message: `too many failed sign-ins: try again in ${out.retryAfterSeconds} s`,
        });
    }
  });
  r.delete('/', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined && o.store) await signOut(o.store, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    return c.body(null, 204);
  });
  return r;
}
