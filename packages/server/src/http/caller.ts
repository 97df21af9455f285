/**
 * Who a request acts for (issue #16), decided once per request before any route:
 * - no account store (a bundle in memory), or a store with no account yet: the local user,
 *   administrator on the whole group (the server is open; it listens on loopback only);
 * - otherwise an API token (`Authorization: Bearer assay_…`) or the session cookie
 *   (`assay_session`); neither, or one that is unknown, expired, revoked or a disabled user's:
 *   nobody (routes other than the public ones answer 401).
 * The caller is kept on the request context (`callerOf`); the entity tree it is checked
 * against comes from the workspace snapshot the request sees.
 */

import type { Workspace } from '@assay/app';
import {
  accountsExist,
  bearerToken,
  type Caller,
  entityTree,
  localCaller,
  type OidcSettings,
  resolveApiToken,
  resolveSession,
  type Store,
  userCaller,
} from '@assay/app/access';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'assay_session';

export type AccountsOptions = {
  /** The store holding accounts (the workspace's store); none: always open. */
  readonly store?: Store;
  /** The clock for session expiry (tests pass their own). */
  readonly now?: () => Date;
  /** Single sign-on through an OpenID Connect provider (routes/oidc.ts); none: not offered. */
  readonly oidc?: OidcSettings;
};

type Vars = { caller?: Caller | undefined; callerWhy?: string };

export const callerOf = (c: Context): Caller | undefined => (c.var as Vars).caller;
/** Why there is no caller: "no session or token", "session expired", … (for the 401 message). */
export const noCallerReason = (c: Context): string => (c.var as Vars).callerWhy ?? 'not signed in';

/** The client's address: the TCP peer (Node server), or "in-process" for requests made in tests. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'in-process';
}

/** The entity tree of the snapshot's organisation, built once per organisation object. */
const trees = new WeakMap<object, ReturnType<typeof entityTree>>();
export function treeOf(ws: Workspace) {
  const org = ws.snapshot().bundle.organisation;
  let t = trees.get(org);
  if (!t) {
    t = entityTree(org.entities);
    trees.set(org, t);
  }
  return t;
}

export function identify(ws: Workspace, o: AccountsOptions): MiddlewareHandler {
  const now = o.now ?? (() => new Date());
  // Accounts are never deleted (only disabled): once one exists the server stays closed.
  let closed = false;
  return async (c, next) => {
    const set = (caller: Caller | undefined, why?: string) => {
      c.set('caller' as never, caller as never);
      if (why) c.set('callerWhy' as never, why as never);
    };
    const store = o.store;
    if (!closed && store) closed = await accountsExist(store);
    if (!store || !closed) {
      set(localCaller(treeOf(ws)));
      return next();
    }
    const bearer = bearerToken(c.req.header('authorization'));
    if (bearer !== undefined) {
      const t = await resolveApiToken(store, bearer);
      set(t.ok ? userCaller(t.principal, treeOf(ws)) : undefined, `API token ${t.ok ? '' : t.reason}`);
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie === undefined) {
      set(undefined, 'no session cookie or API token: sign in (POST /api/session)');
      return next();
    }
    const s = await resolveSession(store, cookie, now());
    set(
      s.ok ? userCaller(s.principal, treeOf(ws), s.mustEnrolTotp) : undefined,
      `session ${s.ok ? '' : s.reason}: sign in again`,
    );
    return next();
  };
}

/** Whether the server has accounts (is closed): decides `mode` in GET /api/session. */
export async function isClosed(o: AccountsOptions): Promise<boolean> {
  return o.store ? accountsExist(o.store) : false;
}
