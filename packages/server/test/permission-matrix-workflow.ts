/**
 * The collection-cycle routes' part of the permission matrix (permission-matrix.test.ts): their
 * policy, written down independently of route-rules.ts, and one request per route that succeeds
 * whenever the caller's role allows it. Each request acts on a unit (or period) of its own,
 * brought first to the state the event needs by setup users acting through the use cases
 * (so segregation of duties never stands in the way of the caller under test).
 */
import { actOnUnit, type Workspace } from '@assay/app';
import { type Action, type Caller, entityTree, type Grant, userCaller } from '@assay/app/access';
import type { Bundle, WorkflowEventKind } from '@assay/core';
import type { RouteRule } from '../src/http/route-rules.js';

const ent = (action: Action): RouteRule => ({ kind: 'entity', action });
const unit = '/workflow/:entity/:period/:topic';

export const WORKFLOW_POLICY: Record<string, RouteRule> = {
  'GET /workflow': { kind: 'entities', action: 'read-data-points' },
  [`GET ${unit}`]: ent('read-data-points'),
  [`POST ${unit}/submit`]: ent('submit-data'),
  [`POST ${unit}/return`]: ent('return-data'),
  [`POST ${unit}/review`]: ent('review-data'),
  [`POST ${unit}/approve`]: ent('approve-data'),
  [`POST ${unit}/reopen`]: ent('manage-cycle'),
  [`POST ${unit}/exception`]: ent('manage-cycle'),
  'POST /periods/:period/lock': { kind: 'organisation', action: 'lock-period' },
  'DELETE /periods/:period/lock': { kind: 'organisation', action: 'lock-period' },
};

type Request = { path: string; init?: RequestInit };

export function workflowRequests(
  ws: () => Workspace,
  bundle: Bundle,
  targets: { own: string; other: string },
  dummyUserId: () => string,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  const tree = entityTree(bundle.organisation.entities);
  const setup = (userId: string, grants: Grant[]): Caller =>
    userCaller(
      {
        userId,
        grants,
        email: `${userId}@example.com`,
        name: userId,
        via: { kind: 'session', sessionHash: '0'.repeat(64) },
      },
      tree,
    );
  const prep = setup('matrix-prep', [{ role: 'preparer', entityId: 'group' }]);
  const rev = setup('matrix-rev', [{ role: 'reviewer', entityId: 'group' }]);
  const appr = setup('matrix-appr', [{ role: 'approver', entityId: 'group' }]);
  let fresh = 0;
  /** A unit nobody has acted on, in a year of its own, brought through `events` by the setup users. */
  const unitAfter = async (entityId: string, events: WorkflowEventKind[]) => {
    const key = { entityId, periodId: String(5000 + ++fresh), topic: 'energy' };
    const by: Record<string, Caller> = { submit: prep, review: rev, approve: appr };
    for (const [version, event] of events.entries()) {
      const out = await actOnUnit({ ws: ws(), caller: by[event] as Caller, key, event, version });
      if (!out.ok) throw new Error(`matrix setup ${event}: ${out.error.message}`);
    }
    return { path: `/workflow/${key.entityId}/${key.periodId}/${key.topic}`, version: events.length };
  };
  const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
  const post =
    (steps: WorkflowEventKind[], event: string, extra: object = {}) =>
    async (t: 'own' | 'other') => {
      const u = await unitAfter(targets[t], steps);
      return { path: `${u.path}/${event}`, init: json({ version: u.version, ...extra }) };
    };
  return {
    'GET /workflow': async () => ({ path: '/workflow?period=2025' }),
    [`GET ${unit}`]: async (t) => ({ path: `/workflow/${targets[t]}/2025/economic` }),
    [`POST ${unit}/submit`]: post([], 'submit'),
    // An approver returns a reviewed unit; everyone else is tried on a submitted one.
    [`POST ${unit}/return`]: async (t, who) =>
      post(who.startsWith('approver@') ? ['submit', 'review'] : ['submit'], 'return', { comment: 'matrix' })(
        t,
      ),
    [`POST ${unit}/review`]: post(['submit'], 'review'),
    [`POST ${unit}/approve`]: post(['submit', 'review'], 'approve'),
    [`POST ${unit}/reopen`]: post(['submit', 'review', 'approve'], 'reopen', { comment: 'matrix' }),
    [`POST ${unit}/exception`]: async (t) =>
      post([], 'exception', { userId: dummyUserId(), comment: 'matrix' })(t),
    'POST /periods/:period/lock': async () => ({
      path: `/periods/${5000 + ++fresh}/lock`,
      init: json({ reason: 'matrix' }),
    }),
    'DELETE /periods/:period/lock': async () => {
      const period = String(5000 + ++fresh);
      await ws().cycle.lock(period, { userId: null, actor: 'matrix setup' }, 'to unlock');
      return { path: `/periods/${period}/lock`, init: json({ reason: 'matrix' }) };
    },
  };
}
