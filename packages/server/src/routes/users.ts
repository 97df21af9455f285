/**
 * Account administration over HTTP (issue #16; `manage-users`, decided by route-rules.ts before
 * these run): list users with their grants, add one, grant and revoke roles per entity,
 * disable and enable. Bodies are strict: a field outside the schema (`__proto__`, `disabled`,
 * `passwordHash`…) is refused, never assigned.
 *
 * Decision (docs/security.md): the first account made while the server is open (no account
 * yet) is granted administrator on the group, so that adding it cannot lock everyone out.
 */
import type { Workspace } from '@assay/app';
import {
  type AccountFailure,
  accountsExist,
  addUser,
  disableAccount,
  enableAccount,
  findAccountByEmail,
  grantRole,
  listAccounts,
  revokeGrant,
  type Store,
} from '@assay/app/access';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { type ApiError, failure } from '../http/api-error.js';
import { callerOf, treeOf } from '../http/caller.js';
import { jsonBody, parseWith, sendError } from '../http/respond.js';
import { GrantCreate, UserCreate } from '../http/schemas.js';

function accountError(f: AccountFailure): ApiError {
  switch (f.problem) {
    case 'exists':
      return failure('conflict', f.message, { field: f.field }).error;
    case 'unknown-user':
      return failure('not-found', f.message, { field: f.field }).error;
    default:
      return failure('invalid-request', `${f.field}: ${f.message}`, { field: f.field }).error;
  }
}

export function userRoutes(ws: Workspace, store: Store | undefined, now: () => Date): Hono {
  const r = new Hono();
  const noAccounts = (c: Context) =>
    sendError(c, failure('not-found', 'this server has no account store (a bundle served in memory)').error);
  const one = async (c: Context, id: string) => {
    const list = await listAccounts(store as Store);
    const user = list.find((u) => u.id === id);
    return user
      ? c.json({ user })
      : sendError(c, failure('not-found', `no user ${id}`, { field: 'id' }).error);
  };
  const grantedBy = (c: Context) => callerOf(c)?.userId ?? callerOf(c)?.label ?? 'local user';

  r.get('/', async (c) => (store ? c.json({ users: await listAccounts(store) }) : noAccounts(c)));
  r.post('/', async (c) => {
    if (!store) return noAccounts(c);
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(UserCreate, body.value);
    if (!input.ok) return sendError(c, input.error);
    const first = !(await accountsExist(store));
    const { email, name, password } = input.value;
    const out = await addUser(store, { email, name, ...(password === undefined ? {} : { password }) }, now());
    if (!out.ok) return sendError(c, accountError(out));
    if (first)
      await grantRole(
        store,
        { userId: out.id, role: 'administrator', entityId: treeOf(ws).rootId, grantedBy: grantedBy(c) },
        now(),
      );
    const user = await findAccountByEmail(store, input.value.email.trim());
    return c.json({ user }, 201);
  });
  r.post('/:id/grants', async (c) => {
    if (!store) return noAccounts(c);
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(GrantCreate, body.value);
    if (!input.ok) return sendError(c, input.error);
    if (!treeOf(ws).has(input.value.entityId))
      return sendError(
        c,
        failure('invalid-request', `entityId: no entity "${input.value.entityId}" in the organisation`, {
          field: 'entityId',
        }).error,
      );
    const out = await grantRole(
      store,
      { userId: c.req.param('id'), ...input.value, grantedBy: grantedBy(c) },
      now(),
    );
    return out.ok ? one(c, c.req.param('id')) : sendError(c, accountError(out));
  });
  r.delete('/:id/grants/:role/:entity', async (c) => {
    if (!store) return noAccounts(c);
    const out = await revokeGrant(store, {
      userId: c.req.param('id'),
      role: c.req.param('role'),
      entityId: c.req.param('entity'),
    });
    return out.ok ? one(c, c.req.param('id')) : sendError(c, accountError(out));
  });
  r.post('/:id/disable', async (c) => {
    if (!store) return noAccounts(c);
    const out = await disableAccount(store, c.req.param('id'));
    return out.ok ? one(c, c.req.param('id')) : sendError(c, accountError(out));
  });
  r.post('/:id/enable', async (c) => {
    if (!store) return noAccounts(c);
    const out = await enableAccount(store, c.req.param('id'));
    return out.ok ? one(c, c.req.param('id')) : sendError(c, accountError(out));
  });
  return r;
}
