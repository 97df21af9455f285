/**
 * Notifications over HTTP (docs/workflow.md, "Notifications and reminders"): the caller's own
 * (list, mark read, the language of their e-mail; rule own-account) and the e-mail outbox
 * (administrators of the group; rule organisation). Pipelines: zod input → one use case
 * (app/src/use-cases/notifications.ts, notification-outbox.ts) → JSON.
 */
import {
  listMyNotifications,
  listOutbox,
  markAllMyNotificationsRead,
  markMyNotificationRead,
  myNotificationPreferences,
  type Notifications,
  retryOutboxMessage,
  setMyNotificationLanguage,
  type Workspace,
} from '@assay/app';
import type { Caller, Store } from '@assay/app/access';
import { type Context, Hono } from 'hono';
import { callerOf } from '../http/caller.js';
import { NotificationPreferencesBody, NotificationQuery, OutboxQuery } from '../http/notification-schemas.js';
import { jsonBody, parseWith, send, sendError } from '../http/respond.js';

export type NotificationDeps = {
  readonly workspace: Workspace;
  /** The accounts' store; none (a bundle in memory): nobody has notifications. */
  readonly store: Store | undefined;
  readonly notifications: Notifications | undefined;
  readonly now: () => Date;
};

/** The caller; enforce-rules.ts has answered 401 before any of these routes without one. */
function who(c: Context): Caller | Response {
  return callerOf(c) ?? sendError(c, { code: 'unauthenticated', message: 'not signed in' });
}

export function notificationRoutes(d: NotificationDeps): Hono {
  const r = new Hono();
  const entities = () => d.workspace.snapshot().bundle.organisation.entities;
  r.get('/', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const query = parseWith(NotificationQuery, c.req.query());
    if (!query.ok) return sendError(c, query.error);
    const out = await listMyNotifications({
      store: d.store,
      caller,
      entities: entities(),
      limit: query.value.limit,
    });
    return send(c, out, (v) => v);
  });
  r.post('/read-all', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await markAllMyNotificationsRead({ store: d.store, caller, now: d.now() }), (v) => v);
  });
  r.post('/:id/read', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const out = await markMyNotificationRead({
      store: d.store,
      caller,
      entities: entities(),
      id: c.req.param('id'),
      now: d.now(),
    });
    return send(c, out, (notification) => ({ notification }));
  });
  r.get('/preferences', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await myNotificationPreferences({ store: d.store, caller }), (v) => v);
  });
  r.put('/preferences', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(NotificationPreferencesBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await setMyNotificationLanguage({ store: d.store, caller, language: input.value.language });
    return send(c, out, (v) => v);
  });
  r.get('/outbox', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const query = parseWith(OutboxQuery, c.req.query());
    if (!query.ok) return sendError(c, query.error);
    const out = await listOutbox({
      store: d.store,
      caller,
      mailEnabled: d.notifications?.mailEnabled ?? false,
      state: query.value.state,
      limit: query.value.limit,
    });
    return send(c, out, (v) => v);
  });
  r.post('/outbox/:id/retry', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const out = await retryOutboxMessage({ store: d.store, caller, id: c.req.param('id'), now: d.now() });
    if (out.ok) d.notifications?.deliverer?.kick();
    return send(c, out, (v) => v);
  });
  return r;
}
