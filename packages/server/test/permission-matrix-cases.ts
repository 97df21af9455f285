/**
 * The compliance cases, certifications and tailings facilities routes' part of the permission
 * matrix (permission-matrix.test.ts; issue #18): their policy, written down independently of
 * route-rules.ts, and one request per route that succeeds whenever the caller's role allows it.
 * Case rows: the compliance role on the group only; case counts: every role that reads the
 * report; certifications and tailings facilities: read with the report, written by the
 * administrator. Rows a change or a retraction names are made first through the workspace.
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import { casesSheet, certificationsSheet, rowSheetWorkbook, tailingsSheet } from '@assay/io';
import type { RouteRule } from '../src/http/route-rules.js';

const org = (action: Action): RouteRule => ({ kind: 'organisation', action });
const SITE_PATHS = ['certifications', 'tailings-facilities'] as const;

export const CASE_POLICY: Record<string, RouteRule> = {
  'GET /cases/counts': org('read-case-counts'),
  'GET /cases': org('read-cases'),
  'POST /cases': org('write-case'),
  'PUT /cases/:id': org('write-case'),
  'POST /cases/:id/retract': org('write-case'),
  'GET /cases/:id/history': org('read-cases'),
  'GET /export/cases.xlsx': org('read-cases'),
  'POST /import/cases': org('write-case'),
  ...Object.fromEntries(
    SITE_PATHS.flatMap((p) => [
      [`GET /${p}`, org('read-site-registers')],
      [`POST /${p}`, org('write-site-register')],
      [`PUT /${p}/:id`, org('write-site-register')],
      [`POST /${p}/:id/retract`, org('write-site-register')],
      [`GET /${p}/:id/history`, org('read-site-registers')],
      [`GET /export/${p}.xlsx`, org('read-site-registers')],
      [`POST /import/${p}`, org('write-site-register')],
    ]),
  ),
};

type Request = { path: string; init?: RequestInit };
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
const rules = { entityIds: new Set(['group']) };

const aCase = (id: string) => ({
  id,
  kind: 'whistleblowing' as const,
  type: 'fraud' as const,
  entityId: 'group',
  openedOn: '2025-01-02',
  summary: 'Matrix case',
});
const aCert = (id: string) => ({
  id,
  standard: 'iso-9001' as const,
  entityId: 'group',
  scope: { en: 'Matrix', 'zh-Hant': '矩陣' },
  issuer: 'Matrix body',
  certificateNumber: id,
  issuedOn: '2024-01-01',
  expiresOn: '2027-01-01',
});
const aTsf = (id: string) => ({
  id,
  name: { en: 'Matrix TSF', 'zh-Hant': '矩陣尾礦庫' },
  entityId: 'group',
  status: 'active' as const,
  consequence: 'gistm-low' as const,
  monitoring: { en: 'm', 'zh-Hant': '監' },
  emergencyPlan: { en: 'e', 'zh-Hant': '應' },
  closurePlan: { en: 'c', 'zh-Hant': '閉' },
});

export function caseRequests(
  ws: () => Workspace,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let n = 0;
  const made = new Map<string, Promise<unknown>>();
  const keptCase = async () => {
    if (!made.has('case'))
      made.set(
        'case',
        ws().cases.write(
          { kind: 'put', case: aCase('matrix-kept'), expectedVersion: undefined },
          'matrix',
          'setup',
        ),
      );
    await made.get('case');
    return (await ws().cases.current()).find((v) => v.case.id === 'matrix-kept')?.version ?? 1;
  };
  const site = (p: (typeof SITE_PATHS)[number]) => {
    const register = p === 'certifications' ? 'certifications' : 'tailingsFacilities';
    const field = p === 'certifications' ? 'certification' : 'facility';
    const row = (id: string) => (p === 'certifications' ? aCert(id) : aTsf(id));
    const kept = async () => {
      if (!made.has(p))
        made.set(
          p,
          ws().writeRegisterRow(
            register,
            { kind: 'put', row: row('matrix-kept'), expectedVersion: undefined } as never,
            'matrix',
            'setup',
          ),
        );
      await made.get(p);
      return (await ws().registerRowVersions(register)).get('matrix-kept') ?? 1;
    };
    return {
      [`GET /${p}`]: async () => ({ path: `/${p}` }),
      [`POST /${p}`]: async () => ({ path: `/${p}`, init: json({ [field]: row(`matrix-${++n}`) }) }),
      [`PUT /${p}/:id`]: async () => {
        const version = await kept();
        return {
          path: `/${p}/matrix-kept`,
          init: json({ [field]: { ...row('matrix-kept'), source: `v${++n}` }, version }),
        };
      },
      [`POST /${p}/:id/retract`]: async () => {
        const id = `matrix-gone-${++n}`;
        await ws().writeRegisterRow(
          register,
          { kind: 'put', row: row(id), expectedVersion: undefined } as never,
          'matrix',
          'setup',
        );
        return { path: `/${p}/${id}/retract`, init: json({ version: 1 }) };
      },
      [`GET /${p}/:id/history`]: async () => {
        await kept();
        return { path: `/${p}/matrix-kept/history` };
      },
      [`GET /export/${p}.xlsx`]: async () => ({ path: `/export/${p}.xlsx` }),
      [`POST /import/${p}`]: async () => {
        const bytes =
          p === 'certifications'
            ? await rowSheetWorkbook(certificationsSheet(rules), [aCert(`matrix-imported-${++n}`)])
            : await rowSheetWorkbook(tailingsSheet(rules), [aTsf(`matrix-imported-${++n}`)]);
        return { path: `/import/${p}`, init: json({ xlsxBase64: Buffer.from(bytes).toString('base64') }) };
      },
    };
  };
  return {
    'GET /cases/counts': async () => ({ path: '/cases/counts' }),
    'GET /cases': async () => ({ path: '/cases' }),
    'POST /cases': async () => ({ path: '/cases', init: json({ case: aCase(`matrix-${++n}`) }) }),
    'PUT /cases/:id': async () => {
      const version = await keptCase();
      return {
        path: '/cases/matrix-kept',
        init: json({ case: { ...aCase('matrix-kept'), actions: `v${++n}` }, version }),
      };
    },
    'POST /cases/:id/retract': async () => {
      const id = `matrix-gone-${++n}`;
      await ws().cases.write({ kind: 'put', case: aCase(id), expectedVersion: undefined }, 'matrix', 'setup');
      return { path: `/cases/${id}/retract`, init: json({ version: 1 }) };
    },
    'GET /cases/:id/history': async () => {
      await keptCase();
      return { path: '/cases/matrix-kept/history' };
    },
    'GET /export/cases.xlsx': async () => ({ path: '/export/cases.xlsx' }),
    'POST /import/cases': async () => {
      const bytes = await rowSheetWorkbook(casesSheet(rules), [aCase(`matrix-imported-${++n}`)]);
      return { path: '/import/cases', init: json({ xlsxBase64: Buffer.from(bytes).toString('base64') }) };
    },
    ...site('certifications'),
    ...site('tailings-facilities'),
  };
}
