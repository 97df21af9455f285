/**
 * The activity-line routes' part of the permission matrix (permission-matrix.test.ts; issue
 * #17): their policy, written down independently of route-rules.ts (lines are data of their
 * entity, as data points are), and one request per route that succeeds whenever the caller's
 * role allows it. An edit or retraction acts on a line of its own, entered first through the
 * workspace for the target entity, so no case depends on another's outcome.
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import { type ActivityLine, q } from '@assay/core';
import type { RouteRule } from '../src/http/route-rules.js';

const line = (action: Action): RouteRule => ({ kind: 'activity-line', action });
const within = (action: Action): RouteRule => ({ kind: 'entities', action });

export const ACTIVITY_LINE_POLICY: Record<string, RouteRule> = {
  'GET /activity-lines': within('read-data-points'),
  'POST /activity-lines': within('write-data-point'),
  'PUT /activity-lines/:id': line('write-data-point'),
  'POST /activity-lines/:id/retract': line('retract-data-point'),
};

/** `entities` routes of this part whose request names one entity (see TARGETED). */
export const ACTIVITY_LINE_TARGETED = ['POST /activity-lines'];

type Request = { path: string; init?: RequestInit };

export function activityLineRequests(
  ws: () => Workspace,
  targets: { own: string; other: string },
): Record<string, (t: 'own' | 'other') => Promise<Request>> {
  let n = 0;
  const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
  /** A new January 2025 diesel line of the target entity, at version 1. */
  const fresh = async (t: 'own' | 'other'): Promise<string> => {
    const l: ActivityLine = {
      id: `matrix-line-${++n}`,
      entityId: targets[t],
      periodId: '2025-01',
      activity: 'fuel',
      subject: 'diesel',
      use: 'combustion',
      amount: q('1 t'),
      attributes: {},
      source: 'matrix setup',
    };
    const out = await ws().writeActivityLines(
      [{ line: l, expectedVersion: undefined }],
      'matrix setup',
      'matrix',
    );
    if (!out.ok) throw new Error(`matrix setup line: ${JSON.stringify(out)}`);
    return l.id;
  };
  return {
    'GET /activity-lines': async () => ({ path: '/activity-lines?period=2025-01' }),
    'POST /activity-lines': async (t) => ({
      path: '/activity-lines',
      init: json({
        lines: [
          {
            entity: targets[t],
            period: '2025-02',
            activity: 'fuel',
            subject: 'diesel',
            amount: String(++n),
            unit: 't',
            source: 'matrix test',
          },
        ],
        reason: 'permission matrix',
      }),
    }),
    'PUT /activity-lines/:id': async (t) => ({
      path: `/activity-lines/${await fresh(t)}`,
      init: json({ amount: '2', reason: 'permission matrix', version: 1 }),
    }),
    'POST /activity-lines/:id/retract': async (t) => ({
      path: `/activity-lines/${await fresh(t)}/retract`,
      init: json({ reason: 'permission matrix', version: 1 }),
    }),
  };
}
