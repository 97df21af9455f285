/**
 * The finding routes' part of the permission matrix (permission-matrix.test.ts; routes/findings.ts,
 * docs/checks.md "Findings as work items"): their policy, written down independently of
 * route-rules.ts, the `entities` routes whose request names one finding (TARGETED there), and
 * one request per route that succeeds whenever the caller's role allows it. examples/minimal has
 * only organisation-wide findings, so a 2024 headcount of 1 is written first for each target
 * entity (smelter, mine): the year-on-year rule then raises a finding of that entity's 2025 figure.
 */
import { applyFindingAction, checkResult, evaluateFindingWork, type Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import { findingId, q } from '@assay/core';
import type { RouteRule } from '../src/http/route-rules.js';

const within = (action: Action): RouteRule => ({ kind: 'entities', action });

export const FINDING_POLICY: Record<string, RouteRule> = {
  'GET /findings/:id/history': within('read-findings'),
  'POST /findings/:id/assign': within('manage-findings'),
  'POST /findings/:id/accept': within('manage-findings'),
  'POST /findings/:id/reopen': within('manage-findings'),
  'GET /findings/:id/comments': within('read-comments'),
  'POST /findings/:id/comments': within('write-comment'),
};

/** Requests naming one entity's finding: 404 where the caller's grant does not reach it. */
export const FINDING_TARGETED = Object.keys(FINDING_POLICY);

type Request = { path: string; init?: RequestInit };
const SETUP = { userId: 'matrix-setup', actor: 'matrix setup' };

export function findingRequests(
  ws: () => Workspace,
  targets: { own: string; other: string },
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let written: Promise<void> | undefined;
  /** The 2024 headcounts, written once. */
  const setUp = () => {
    written ??= (async () => {
      const out = await ws().writeDataPoints(
        [targets.own, targets.other].map((entityId) => ({
          dataPoint: {
            id: `matrix-hc-${entityId}-2024`,
            entityId,
            periodId: '2024',
            indicatorId: 'employees.headcount',
            disaggregation: { gender: 'male' },
            quantity: q('1 person'),
            source: 'matrix set-up',
          },
          expectedVersion: undefined,
        })),
        'matrix set-up: a year-on-year finding per entity',
        'matrix',
      );
      if (!out.ok) throw new Error(`matrix set-up: ${JSON.stringify(out)}`);
    })();
    return written;
  };
  /** The id of the target entity's year-on-year finding. */
  const findingOf = async (t: 'own' | 'other'): Promise<string> => {
    await setUp();
    const f = checkResult(ws().snapshot()).findings.find(
      (x) => x.ruleId === 'year-on-year' && x.where.entityId === targets[t],
    );
    if (!f) throw new Error(`matrix set-up: no year-on-year finding of ${targets[t]}`);
    return findingId(f);
  };
  const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
  return {
    'GET /findings/:id/history': async (t) => ({ path: `/findings/${await findingOf(t)}/history` }),
    'POST /findings/:id/assign': async (t) => ({
      path: `/findings/${await findingOf(t)}/assign`,
      init: json({ assignee: null }),
    }),
    // Accepting an accepted finding again records the new reason: always allowed.
    'POST /findings/:id/accept': async (t) => ({
      path: `/findings/${await findingOf(t)}/accept`,
      init: json({ reason: 'matrix: immaterial' }),
    }),
    'POST /findings/:id/reopen': async (t) => {
      const id = await findingOf(t);
      // Only an accepted finding reopens: accept it first, as nobody in particular.
      const { live, revision } = await evaluateFindingWork(ws());
      const l = live.get(id);
      if (!l) throw new Error(`matrix set-up: ${id} is not raised`);
      const r = await applyFindingAction(
        ws().findingWork,
        l,
        { kind: 'accept', reason: 'to reopen' },
        SETUP,
        revision,
      );
      if (!r.ok) throw new Error(`matrix set-up: could not accept ${id}: ${r.reason}`);
      return { path: `/findings/${id}/reopen`, init: json({}) };
    },
    'GET /findings/:id/comments': async (t) => ({ path: `/findings/${await findingOf(t)}/comments` }),
    'POST /findings/:id/comments': async (t) => ({
      path: `/findings/${await findingOf(t)}/comments`,
      init: json({ text: 'matrix comment on a finding' }),
    }),
  };
}
