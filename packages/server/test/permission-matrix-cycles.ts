/**
 * The cycle, assignment, task and comment routes' part of the permission matrix
 * (permission-matrix.test.ts): their policy, written down independently of route-rules.ts, the
 * `entities` routes whose request names one entity (TARGETED there), and one request per route
 * that succeeds whenever the caller's role allows it. A cycle (6999, monthly) and one assignment
 * per target entity are made first through the workspace's records, by nobody in particular.
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import type { RouteRule } from '../src/http/route-rules.js';

const within = (action: Action): RouteRule => ({ kind: 'entities', action });

export const CYCLE_POLICY: Record<string, RouteRule> = {
  'POST /cycles': { kind: 'organisation', action: 'manage-cycle' },
  'GET /cycles': within('read-cycle'),
  'POST /cycles/:period/assignments': within('manage-cycle'),
  'GET /cycles/:period/assignments': within('read-cycle'),
  'GET /cycles/:period/assignments/:id/history': within('read-cycle'),
  'GET /cycles/:period/progress': within('read-cycle'),
  'GET /tasks': within('read-cycle'),
  'GET /comments': within('read-comments'),
  'POST /comments': within('write-comment'),
};

/** Requests naming one entity's resource: 404 where the caller's grant does not reach it. */
export const CYCLE_TARGETED = [
  'POST /cycles/:period/assignments',
  'GET /cycles/:period/assignments/:id/history',
  'GET /comments',
  'POST /comments',
];

type Request = { path: string; init?: RequestInit };
const CYCLE = '6999';
const SETUP = { userId: 'matrix-setup', actor: 'matrix setup' };

export function cycleRequests(
  ws: () => Workspace,
  targets: { own: string; other: string },
  /** A preparer of the group (an account): the assignee of the requests. */
  preparerId: () => string,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let opened: Promise<unknown> | undefined;
  const cycle = () => {
    opened ??= ws().assignments.openCycle(CYCLE, 'month', SETUP, () => undefined);
    return opened;
  };
  /** An assignment of the target entity, made once. */
  const assignmentOf = async (entityId: string): Promise<string> => {
    await cycle();
    const wanted = {
      periodId: `${CYCLE}-02`,
      entityId,
      indicatorId: 'water.withdrawal',
      topic: 'water',
      assignee: preparerId(),
      assigneeLabel: 'matrix preparer',
      dueDate: `${CYCLE}-03-10`,
    };
    await ws().assignments.assign(CYCLE, [wanted], SETUP, {});
    const [a] = await ws().assignments.list({
      cycleId: CYCLE,
      entityIds: [entityId],
      periodId: wanted.periodId,
    });
    if (!a) throw new Error(`matrix setup: no assignment of ${entityId}`);
    return a.id;
  };
  let fresh = 0;
  const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
  const unit = (t: 'own' | 'other') => encodeURIComponent(`unit:${targets[t]}/2025/energy`);
  return {
    'POST /cycles': async () => ({
      path: '/cycles',
      init: json({ period: String(7000 + ++fresh), frequency: 'quarter' }),
    }),
    'GET /cycles': async () => ({ path: '/cycles' }),
    'POST /cycles/:period/assignments': async (t) => {
      await cycle();
      return {
        path: `/cycles/${CYCLE}/assignments`,
        init: json({
          indicators: ['water.withdrawal'],
          entity: targets[t],
          periods: [`${CYCLE}-01`],
          assignee: preparerId(),
          due: `${CYCLE}-02-10`,
        }),
      };
    },
    'GET /cycles/:period/assignments': async () => {
      await cycle();
      return { path: `/cycles/${CYCLE}/assignments` };
    },
    'GET /cycles/:period/assignments/:id/history': async (t) => ({
      path: `/cycles/${CYCLE}/assignments/${await assignmentOf(targets[t])}/history`,
    }),
    'GET /cycles/:period/progress': async () => {
      await cycle();
      return { path: `/cycles/${CYCLE}/progress` };
    },
    'GET /tasks': async () => ({ path: '/tasks' }),
    'GET /comments': async (t) => ({ path: `/comments?target=${unit(t)}` }),
    'POST /comments': async (t) => ({
      path: `/comments?target=${unit(t)}`,
      init: json({ text: 'matrix comment' }),
    }),
  };
}
