/**
 * The narrative routes' part of the permission matrix (permission-matrix.test.ts; issue #19):
 * their policy, written down independently of route-rules.ts, and one request per route that
 * succeeds whenever the caller's role allows it. The narrative is report content of the whole
 * group: read and previewed by every role that reads the report, saved by the administrator.
 * A save names the current version of a section added first through the workspace.
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import type { RouteRule } from '../src/http/route-rules.js';

const org = (action: Action): RouteRule => ({ kind: 'organisation', action });

export const NARRATIVE_POLICY: Record<string, RouteRule> = {
  'GET /narrative': org('read-report'),
  'POST /narrative/preview': org('read-report'),
  'PUT /narrative/:id': org('write-narrative'),
};

type Request = { path: string; init?: RequestInit };
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
const text = (n: number) => ({ en: `Matrix text ${n}.`, 'zh-Hant': `矩陣文字${n}。` });

export function narrativeRequests(
  ws: () => Workspace,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let n = 0;
  let made: Promise<unknown> | undefined;
  /** The section the saves name, added once. */
  const kept = async () => {
    made ??= ws().writeNarrativeSection(
      { id: 'matrix-section', title: { en: 'Matrix', 'zh-Hant': '矩陣' }, body: text(0) },
      undefined,
      'matrix setup',
      'matrix',
    );
    await made;
    return (await ws().narrativeVersions()).get('matrix-section') ?? 1;
  };
  return {
    'GET /narrative': async () => ({ path: '/narrative' }),
    'POST /narrative/preview': async () => ({ path: '/narrative/preview', init: json({ body: text(++n) }) }),
    'PUT /narrative/:id': async () => ({
      path: '/narrative/matrix-section',
      init: json({ body: text(++n), version: await kept() }),
    }),
  };
}
