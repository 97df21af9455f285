/**
 * The caller's own API tokens (issue #16; `manage-own-tokens`): list (never the secret), create
 * (the token is in this one answer only), revoke. Another user's token is answered as absent
 * (404) unless the caller may `manage-tokens` (administrators).
 */
import {
  authorise,
  isRole,
  issueApiToken,
  listTokens,
  type Role,
  revokeApiToken,
  type Store,
  tokenOwner,
} from '@assay/app/access';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { callerOf } from '../http/caller.js';
import { jsonBody, parseWith, sendError } from '../http/respond.js';
import { TokenCreate } from '../http/schemas.js';

export function tokenRoutes(store: Store | undefined, now: () => Date): Hono {
  const r = new Hono();
  /** Tokens belong to accounts: the local user of an open server has none. */
  const userOf = (c: Context) => (store ? callerOf(c)?.userId : null) ?? null;
  const noAccount = (c: Context) =>
    sendError(
      c,
      failure('invalid-request', 'API tokens belong to accounts: sign in with an account first', {
        field: 'user',
      }).error,
    );
  r.get('/', async (c) => {
    const userId = userOf(c);
    return c.json({ tokens: userId === null ? [] : await listTokens(store as Store, userId) });
  });
  r.post('/', async (c) => {
    const userId = userOf(c);
    if (userId === null) return noAccount(c);
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(TokenCreate, body.value);
    if (!input.ok) return sendError(c, input.error);
    const unknown = input.value.roles?.find((r) => !isRole(r));
    if (unknown !== undefined)
      return sendError(
        c,
        failure('invalid-request', `roles: "${unknown}" is not a role`, { field: 'roles' }).error,
      );
    const roles = input.value.roles as Role[] | undefined;
    const out = await issueApiToken(
      store as Store,
      { userId, label: input.value.label, ...(roles ? { roles } : {}) },
      now(),
    );
    if (!out.ok)
      return sendError(
        c,
        failure('invalid-request', out.message, {
          field: out.problem === 'invalid-label' ? 'label' : 'roles',
        }).error,
      );
    return c.json({ id: out.id, token: out.token }, 201);
  });
  r.delete('/:id', async (c) => {
    const caller = callerOf(c);
    const id = c.req.param('id');
    const owner = store ? await tokenOwner(store, id) : undefined;
    const mine = owner !== undefined && owner === caller?.userId;
    const mayAll =
      caller !== undefined &&
      owner !== undefined &&
      authorise(caller.access, 'manage-tokens', { kind: 'organisation' }) === 'allow';
    if (!store || owner === undefined || !(mine || mayAll))
      return sendError(c, failure('not-found', `no API token ${id}`, { field: 'id' }).error);
    await revokeApiToken(store, id, now());
    return c.body(null, 204);
  });
  return r;
}
