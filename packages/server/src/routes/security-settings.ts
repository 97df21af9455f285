/**
 * Organisation-wide security settings (issue #16; `manage-settings`, decided by route-rules.ts
 * before these run): GET and PUT /api/settings/security {requireTotpForAdministrators}. The
 * change is recorded with who made it (the caller's label) and when.
 */
import { type Store, securitySettings, setSecuritySettings } from '@assay/app/access';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { callerOf } from '../http/caller.js';
import { jsonBody, parseWith, sendError } from '../http/respond.js';
import { SecuritySettingsWrite } from '../http/schemas.js';

export function securitySettingsRoutes(store: Store | undefined, now: () => Date): Hono {
  const r = new Hono();
  const noStore = (c: Context) =>
    sendError(c, failure('not-found', 'this server has no account store (a bundle served in memory)').error);
  r.get('/', async (c) => (store ? c.json(await securitySettings(store)) : noStore(c)));
  r.put('/', async (c) => {
    if (!store) return noStore(c);
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(SecuritySettingsWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const by = callerOf(c)?.label ?? 'local user';
    return c.json(await setSecuritySettings(store, input.value, by, now()));
  });
  return r;
}
