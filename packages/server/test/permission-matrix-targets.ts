/**
 * The targets routes' part of the permission matrix (permission-matrix.test.ts; issue #18):
 * their policy, written down independently of route-rules.ts, and one request per route that
 * succeeds whenever the caller's role allows it. The register is organisation-wide: read by
 * every role that reads the report, written by the administrator (the ESG lead). A change names
 * the current version of a target made first through the workspace; a retraction a target of
 * its own.
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import { targetsWorkbook } from '@assay/io';
import type { RouteRule } from '../src/http/route-rules.js';

const org = (action: Action): RouteRule => ({ kind: 'organisation', action });

export const TARGET_POLICY: Record<string, RouteRule> = {
  'GET /targets': org('read-targets'),
  'POST /targets': org('write-target'),
  'PUT /targets/:id': org('write-target'),
  'POST /targets/:id/retract': org('write-target'),
  'GET /targets/:id/history': org('read-targets'),
  'GET /export/targets.xlsx': org('read-targets'),
  'POST /import/targets': org('write-target'),
};

type Request = { path: string; init?: RequestInit };
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
const name = (n: number) => ({ en: `Matrix target ${n}`, 'zh-Hant': `矩陣目標${n}` });

export function targetRequests(
  ws: () => Workspace,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let n = 0;
  let made: Promise<unknown> | undefined;
  /** The target the changes and the history name, made once. */
  const kept = async () => {
    made ??= ws().writeTarget(
      { kind: 'put', target: { id: 'matrix-kept', name: name(0) }, expectedVersion: undefined },
      'matrix',
      'matrix setup',
    );
    await made;
    return (await ws().targetVersions()).get('matrix-kept') ?? 1;
  };
  return {
    'GET /targets': async () => ({ path: '/targets' }),
    'POST /targets': async () => ({
      path: '/targets',
      init: json({ target: { id: `matrix-${++n}`, name: name(n) } }),
    }),
    'PUT /targets/:id': async () => ({
      path: '/targets/matrix-kept',
      init: json({ target: { id: 'matrix-kept', name: name(++n) }, version: await kept() }),
    }),
    'POST /targets/:id/retract': async () => {
      const id = `matrix-gone-${++n}`;
      await ws().writeTarget(
        { kind: 'put', target: { id, name: name(n) }, expectedVersion: undefined },
        'matrix',
        'matrix setup',
      );
      return { path: `/targets/${id}/retract`, init: json({ version: 1, reason: 'permission matrix' }) };
    },
    'GET /targets/:id/history': async () => {
      await kept();
      return { path: '/targets/matrix-kept/history' };
    },
    'GET /export/targets.xlsx': async () => ({ path: '/export/targets.xlsx' }),
    'POST /import/targets': async () => {
      const bytes = await targetsWorkbook([{ id: `matrix-imported-${++n}`, name: name(n) }]);
      return {
        path: '/import/targets',
        init: json({ file: 'matrix.xlsx', xlsxBase64: Buffer.from(bytes).toString('base64') }),
      };
    },
  };
}
