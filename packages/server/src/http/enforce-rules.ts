/**
 * The one place where API routes are authorised (issue #16): before any route, the request's
 * rule (route-rules.ts) is looked up and decided for its caller (caller.ts) with app's
 * authorise(). The answers:
 *   401 unauthenticated  no caller (not signed in, or the session or token no longer works)
 *   403 forbidden        the role does not allow the action where the caller can see the resource
 *   404 not-found        the resource is somewhere the caller cannot see, or the route has no rule
 *   403 totp-enrolment-required  a session that must enrol a second factor first (the security
 *                        settings require one of administrators) asks for anything but the
 *                        public routes and the enrolment ones (BEFORE_TOTP_ENROLMENT)
 * Every denial, and every allowed write (any method but GET and HEAD, save a route marked
 * `savesNothing`: a preview), goes into the access log with the caller, the client address and
 * the action (011-access-log.sql).
 * For `entities` rules the allowed entities are kept on the context (`allowedOf`): routes
 * filter lists by them and check the entities a write names (`entityDecision`).
 */
import { findDataPoint, type Workspace } from '@assay/app';
import {
  type Action,
  authorise,
  type Caller,
  type Decision,
  entitiesAllowed,
  recordAccess,
  type Store,
} from '@assay/app/access';
import type { Context, MiddlewareHandler } from 'hono';
import { type ApiError, failure } from './api-error.js';
import { callerOf, clientAddress, noCallerReason } from './caller.js';
import { sendError } from './respond.js';
import { BEFORE_TOTP_ENROLMENT, ruleFor } from './route-rules.js';

type Vars = { allowed?: ReadonlySet<string> };

/** The entities where the route's action is allowed (set for `entities` rules only). */
export const allowedOf = (c: Context): ReadonlySet<string> => (c.var as Vars).allowed ?? new Set();

export type EnforceOptions = { readonly store?: Store; readonly now?: () => Date };

/** The error for a denial. */
export function denial(decision: Exclude<Decision, 'allow'>, action: Action, what: string): ApiError {
  return decision === 'deny-forbidden'
    ? { code: 'forbidden', message: `${what}: your role does not allow "${action}" here` }
    : failure('not-found', `${what}: not found`).error;
}

/** Whether the caller may take `action` on `entityId` (for writes naming an entity in the body). */
export function entityDecision(c: Context, action: Action, entityId: string): Decision {
  const caller = callerOf(c);
  if (!caller) return 'deny-invisible';
  return authorise(caller.access, action, { kind: 'entity', entityId });
}

function decide(
  caller: Caller,
  rule: NonNullable<ReturnType<typeof ruleFor>>['entry']['rule'],
  params: Record<string, string>,
  ws: Workspace,
  c: Context,
): Decision {
  switch (rule.kind) {
    case 'public':
    case 'signed-in':
      return 'allow';
    case 'organisation':
      return authorise(caller.access, rule.action, { kind: 'organisation' });
    case 'own-account':
      return authorise(caller.access, rule.action, { kind: 'account', ownerId: caller.userId ?? 'local' });
    case 'entities': {
      const allowed = entitiesAllowed(caller.access, rule.action);
      c.set('allowed' as never, new Set(allowed) as never);
      // Nowhere allowed: the role lacks the action altogether (nothing is revealed by saying so).
      return allowed.length > 0 ? 'allow' : 'deny-forbidden';
    }
    case 'entity':
      // An unknown entity is invisible (404), as one the caller cannot see.
      return authorise(caller.access, rule.action, { kind: 'entity', entityId: params.entity ?? '' });
    case 'data-point':
    case 'activity-line': {
      const id = params.id ?? '';
      const s = ws.snapshot();
      // A data point by the workspace's index (not a scan of millions: docs/performance.md, "Edit through the API").
      const fact =
        rule.kind === 'data-point' ? findDataPoint(s, id) : s.bundle.activityLines.find((f) => f.id === id);
      if (fact) return authorise(caller.access, rule.action, { kind: 'entity', entityId: fact.entityId });
      // Unknown id: the route answers 404, unless the role lacks the action everywhere.
      return entitiesAllowed(caller.access, rule.action).length > 0 ? 'allow' : 'deny-forbidden';
    }
  }
}

export function enforceRules(ws: Workspace, o: EnforceOptions): MiddlewareHandler {
  const now = o.now ?? (() => new Date());
  return async (c, next) => {
    const apiPath = c.req.path.replace(/^\/api/, '') || '/';
    const found = ruleFor(c.req.method, apiPath);
    if (!found) return sendError(c, failure('not-found', `no API route ${c.req.method} ${c.req.path}`).error);
    const { entry, params } = found;
    const caller = callerOf(c);
    const action = 'action' in entry.rule ? entry.rule.action : null;
    const log = (decision: 'allowed' | 'forbidden' | 'invisible' | 'unauthenticated') =>
      o.store
        ? recordAccess(o.store, {
            at: now().toISOString(),
            userId: caller?.userId ?? null,
            actor: caller?.label ?? 'anonymous',
            address: clientAddress(c),
            method: c.req.method,
            path: c.req.path,
            action,
            decision,
          })
        : Promise.resolve();
    if (entry.rule.kind === 'public') return next();
    if (!caller) {
      await log('unauthenticated');
      return sendError(c, { code: 'unauthenticated', message: noCallerReason(c) });
    }
    if (caller.mustEnrolTotp && !BEFORE_TOTP_ENROLMENT.includes(`${entry.method} ${entry.path}`)) {
      await log('forbidden');
      return sendError(c, {
        code: 'totp-enrolment-required',
        message:
          'the security settings require a second factor of administrators: enrol one first (POST /api/session/totp, then POST /api/session/totp/confirm)',
      });
    }
    const decision = decide(caller, entry.rule, params, ws, c);
    if (decision !== 'allow') {
      await log(decision === 'deny-forbidden' ? 'forbidden' : 'invisible');
      return sendError(c, denial(decision, action as Action, `${c.req.method} ${c.req.path}`));
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !entry.savesNothing) await log('allowed');
    return next();
  };
}
