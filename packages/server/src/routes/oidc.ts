/**
 * Single sign-on through an OpenID Connect provider (issue #16; docs/security.md, "Single
 * sign-on"): the browser's two stops on this server. The protocol itself is app's
 * (access/oidc.ts, openid-client); finding the account and making the session too
 * (access/oidc-sign-in.ts).
 *
 *   GET /api/session/oidc/start     302 to the provider's authorization endpoint. The flow's
 *                                   state, nonce and PKCE verifier go into the `assay_oidc`
 *                                   cookie: HttpOnly, SameSite=Lax (sent on the provider's
 *                                   top-level redirect back), Path=/api/session/oidc, Max-Age
 *                                   600 s, Secure over HTTPS. Nothing is stored on the server, so
 *                                   an unauthenticated start costs no storage and any of several
 *                                   servers can take the callback.
 *   GET /api/session/oidc/callback  the cookie is read and cleared whatever happens (one use);
 *                                   openid-client checks state, code, PKCE, ID token and nonce;
 *                                   the email names an existing, enabled account, which gets a
 *                                   new session and the same `assay_session` cookie as POST
 *                                   /api/session (the old cookie's session ends), then 302 to `/`.
 *                                   Refused (no such account, a disabled one, no or unverified
 *                                   email): 302 to /#/sign-in?sso=refused. Failed (no or stale
 *                                   cookie, state mismatch, the provider said no or cannot be
 *                                   reached, a bad code or token): 302 to /#/sign-in?sso=failed.
 *                                   The reason goes to the server log, one line, no secrets.
 * Without single sign-on configured (AccountsOptions.oidc) both answer 404 not-found; so they do
 * on a server without an account store.
 */

import {
  createOidcClient,
  OIDC_PENDING_SECONDS,
  type OidcPending,
  signInWithVerifiedEmail,
  signOut,
} from '@assay/app/access';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type AccountsOptions, clientAddress, SESSION_COOKIE } from '../http/caller.js';
import { defaultLogger } from '../http/log.js';
import { sendError } from '../http/respond.js';

export const OIDC_COOKIE = 'assay_oidc';
const COOKIE_PATH = '/api/session/oidc';

/** Where the browser goes when single sign-on did not sign it in (the web app's sign-in page). */
export const SSO_REFUSED = '/#/sign-in?sso=refused';
export const SSO_FAILED = '/#/sign-in?sso=failed';

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';

/** The pending flow as the cookie holds it: state.nonce.verifier.startedAt (base64url, ms). */
const PENDING_PATTERN =
  /^([A-Za-z0-9_-]{43,128})\.([A-Za-z0-9_-]{43,128})\.([A-Za-z0-9_-]{43,128})\.(\d{1,15})$/;
const encodePending = (p: OidcPending) => `${p.state}.${p.nonce}.${p.codeVerifier}.${p.startedAt}`;
function decodePending(text: string | undefined): OidcPending | undefined {
  const m = text === undefined ? null : PENDING_PATTERN.exec(text);
  if (!m) return undefined;
  const [, state, nonce, codeVerifier, startedAt] = m as unknown as [string, string, string, string, string];
  return { state, nonce, codeVerifier, startedAt: Number(startedAt) };
}

// The log masks e-mail addresses (http/log.ts): the reason stays, the person does not.
const log = (message: string) => defaultLogger().warn('single sign-on', { detail: message });

function away(c: Context, location: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.redirect(location, 302);
}

export function oidcRoutes(o: AccountsOptions): Hono {
  const now = o.now ?? (() => new Date());
  const oidc = o.oidc ? createOidcClient(o.oidc) : undefined;
  const r = new Hono();
  /** The client and the store, or the 404 saying why there is no single sign-on here. */
  const ready = (c: Context) => {
    if (!oidc)
      return sendError(c, { code: 'not-found', message: 'single sign-on is not configured on this server' });
    if (!o.store)
      return sendError(c, {
        code: 'not-found',
        message: 'this server has no accounts (a bundle served in memory): nothing to sign in to',
      });
    return { oidc, store: o.store };
  };

  r.get('/start', async (c) => {
    const ok = ready(c);
    if (ok instanceof Response) return ok;
    const begun = await ok.oidc.begin(now());
    if (!begun.ok) {
      log(`cannot start: ${begun.detail}`);
      return away(c, SSO_FAILED);
    }
    setCookie(c, OIDC_COOKIE, encodePending(begun.pending), {
      httpOnly: true,
      sameSite: 'Lax',
      path: COOKIE_PATH,
      secure: secure(c),
      maxAge: OIDC_PENDING_SECONDS,
    });
    return away(c, begun.url.href);
  });

  r.get('/callback', async (c) => {
    const ok = ready(c);
    if (ok instanceof Response) return ok;
    const pending = decodePending(getCookie(c, OIDC_COOKIE));
    deleteCookie(c, OIDC_COOKIE, { path: COOKIE_PATH, secure: secure(c) });
    if (!pending) {
      log('callback without a sign-in under way in this browser (no or malformed assay_oidc cookie)');
      return away(c, SSO_FAILED);
    }
    const finished = await ok.oidc.finish(pending, new URL(c.req.url).search, now());
    if (!finished.ok) {
      log(`${finished.reason}: ${finished.detail}`);
      const refused = finished.reason === 'no-email' || finished.reason === 'unverified-email';
      return away(c, refused ? SSO_REFUSED : SSO_FAILED);
    }
    const out = await signInWithVerifiedEmail(ok.store, finished.email, clientAddress(c), now());
    if (out.kind !== 'ok') {
      log(
        `refused ${finished.email} (${out.reason === 'no-account' ? 'no account has this email' : 'disabled'})`,
      );
      return away(c, SSO_REFUSED);
    }
    // The session the old cookie named ends (as at POST /api/session): no session fixation.
    const old = getCookie(c, SESSION_COOKIE);
    if (old !== undefined) await signOut(ok.store, old);
    setCookie(c, SESSION_COOKIE, out.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: secure(c),
      expires: new Date(out.expiresAt),
    });
    return away(c, '/');
  });
  return r;
}
