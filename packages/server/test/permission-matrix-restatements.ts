/**
 * The restatement and base-year routes' part of the permission matrix (permission-matrix.test.ts):
 * their policy, written down independently of route-rules.ts, the routes that name one entity's
 * resource (404 where the grant does not cover it), and one request per route that succeeds
 * whenever the caller's role allows it. Each event acts on a request of its own (restating the
 * target entity's activity line to a value of its own), brought first to the state the event
 * needs by setup users through the use cases, so segregation of duties never stands in the way.
 */
import { actOnRestatement, requestRestatement, type Workspace } from '@assay/app';
import { type Action, type Caller, entityTree, type Grant, userCaller } from '@assay/app/access';
import type { Bundle } from '@assay/core';
import type { RouteRule } from '../src/http/route-rules.js';

const within = (action: Action): RouteRule => ({ kind: 'entities', action });
const one = '/restatements/:id';

export const RESTATEMENT_POLICY: Record<string, RouteRule> = {
  'GET /restatements': within('read-data-points'),
  'POST /restatements': within('request-restatement'),
  [`GET ${one}`]: within('read-data-points'),
  [`POST ${one}/submit`]: within('submit-data'),
  [`POST ${one}/return`]: within('return-data'),
  [`POST ${one}/review`]: within('review-data'),
  [`POST ${one}/approve`]: within('approve-data'),
  'GET /settings/base-year': { kind: 'organisation', action: 'manage-settings' },
  'PUT /settings/base-year': { kind: 'organisation', action: 'manage-settings' },
};

/** `entities` routes whose request names one entity's restatement (the others are lists). */
export const RESTATEMENT_TARGETED: readonly string[] = [
  'POST /restatements',
  `GET ${one}`,
  `POST ${one}/submit`,
  `POST ${one}/return`,
  `POST ${one}/review`,
  `POST ${one}/approve`,
];

type Request = { path: string; init?: RequestInit };
type Event = 'submit' | 'review' | 'approve' | 'return';

export function restatementRequests(
  ws: () => Workspace,
  bundle: Bundle,
  targets: { own: string; other: string },
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
  const prep = setup('matrix-restate-prep', [{ role: 'preparer', entityId: 'group' }]);
  const rev = setup('matrix-restate-rev', [{ role: 'reviewer', entityId: 'group' }]);
  /** The target entity's activity line (examples/minimal: d1 of the smelter, e2 of the mine). */
  const lineOf = (entity: string) => {
    const l = bundle.activityLines.find((x) => x.entityId === entity);
    if (!l) throw new Error(`no activity line of ${entity}`);
    return l.id;
  };
  let n = 0;
  const value = () => String(7000 + ++n);
  /** A request on the target's line, brought through `steps` by the setup users. */
  const requestAfter = async (entity: string, steps: Event[]) => {
    const made = await requestRestatement({
      ws: ws(),
      caller: prep,
      change: 'error-correction',
      reason: 'matrix',
      items: [{ kind: 'activity-line', id: lineOf(entity), value: value() }],
    });
    if (!made.ok) throw new Error(`matrix setup request: ${made.error.message}`);
    const by: Record<Event, Caller> = { submit: prep, review: rev, approve: rev, return: rev };
    for (const [k, event] of steps.entries()) {
      const out = await actOnRestatement({
        ws: ws(),
        caller: by[event],
        id: made.value.id,
        event,
        version: k + 1,
      });
      if (!out.ok) throw new Error(`matrix setup ${event}: ${out.error.message}`);
    }
    return { id: made.value.id, version: steps.length + 1 };
  };
  const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
  const post =
    (steps: Event[], event: Event, extra: object = {}) =>
    async (t: 'own' | 'other') => {
      const r = await requestAfter(targets[t], steps);
      return { path: `/restatements/${r.id}/${event}`, init: json({ version: r.version, ...extra }) };
    };
  return {
    'GET /restatements': async () => ({ path: '/restatements' }),
    'POST /restatements': async (t) => ({
      path: '/restatements',
      init: json({
        change: 'error-correction',
        reason: 'matrix',
        items: [{ kind: 'activity-line', id: lineOf(targets[t]), value: value() }],
      }),
    }),
    [`GET ${one}`]: async (t) => ({ path: `/restatements/${(await requestAfter(targets[t], [])).id}` }),
    [`POST ${one}/submit`]: post([], 'submit'),
    // An approver returns a reviewed request; everyone else is tried on a submitted one.
    [`POST ${one}/return`]: async (t, who) =>
      post(who.startsWith('approver@') ? ['submit', 'review'] : ['submit'], 'return', { comment: 'matrix' })(
        t,
      ),
    [`POST ${one}/review`]: post(['submit'], 'review'),
    [`POST ${one}/approve`]: post(['submit', 'review'], 'approve'),
    'GET /settings/base-year': async () => ({ path: '/settings/base-year' }),
    // No base year, no date: a setting that changes nothing (the matrix's data stays as it is).
    'PUT /settings/base-year': async () => ({
      path: '/settings/base-year',
      init: json({ year: null, version: ws().snapshot().version }),
    }),
  };
}
