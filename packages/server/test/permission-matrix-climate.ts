/**
 * The climate register routes' part of the permission matrix (permission-matrix.test.ts; issue
 * #18): climate risks, the company's scales, the site hazard screening and the B5.2–B5.4
 * practices share the site registers' actions (read with the report, written by the
 * administrator). One request per route that succeeds whenever the caller's role allows it; the
 * hazard-score level a screening score needs and the rows a change or retraction names are made
 * first through the workspace.
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import {
  climateRisksSheet,
  climateScalesSheet,
  hazardScreeningSheet,
  rowSheetWorkbook,
  supplierPracticesSheet,
} from '@assay/io';
import type { RouteRule } from '../src/http/route-rules.js';

const org = (action: Action): RouteRule => ({ kind: 'organisation', action });
const PATHS = ['climate-risks', 'climate-scales', 'hazard-screening', 'supplier-practices'] as const;
type P = (typeof PATHS)[number];
const REGISTER = {
  'climate-risks': 'climateRisks',
  'climate-scales': 'climateScales',
  'hazard-screening': 'hazardScreening',
  'supplier-practices': 'supplierPractices',
} as const;
const FIELD = {
  'climate-risks': 'risk',
  'climate-scales': 'level',
  'hazard-screening': 'score',
  'supplier-practices': 'practice',
};

export const CLIMATE_POLICY: Record<string, RouteRule> = Object.fromEntries(
  PATHS.flatMap((p) => [
    [`GET /${p}`, org('read-site-registers')],
    [`POST /${p}`, org('write-site-register')],
    [`PUT /${p}/:id`, org('write-site-register')],
    [`POST /${p}/:id/retract`, org('write-site-register')],
    [`GET /${p}/:id/history`, org('read-site-registers')],
    [`GET /export/${p}.xlsx`, org('read-site-registers')],
    [`POST /import/${p}`, org('write-site-register')],
  ]),
);

const text = (n: number) => ({ en: `Matrix ${n}`, 'zh-Hant': `矩陣${n}` });
/** The hazard-score level every screening row scores against. */
const LEVEL = { id: 'matrix-hazard-1', axis: 'hazard-score', rank: 1, name: text(0) } as const;

/** A valid row of each register; `n` keeps ranks and screening keys apart (kept: n = 0). */
function row(p: P, id: string, n: number): { id: string; [k: string]: unknown } {
  if (p === 'climate-risks')
    return {
      id,
      kind: 'transition-policy',
      name: text(n),
      description: text(n),
      horizon: 'short',
      financialEffect: text(n),
      response: text(n),
    };
  if (p === 'climate-scales')
    return { id, axis: n === 0 ? 'likelihood' : 'impact', rank: n + 1, name: text(n) };
  if (p === 'hazard-screening')
    return { id, entityId: 'group', hazard: 'flood', score: 1, scenario: `m${n}` };
  return { id, provision: 'B5.3', text: text(n) };
}

type Request = { path: string; init?: RequestInit };
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });

export function climateRequests(
  ws: () => Workspace,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let n = 0;
  const made = new Map<string, Promise<unknown>>();
  const put = (p: P | 'level', r: { id: string }) =>
    ws().writeRegisterRow(
      p === 'level' ? 'climateScales' : REGISTER[p],
      { kind: 'put', row: r, expectedVersion: undefined } as never,
      'matrix',
      'setup',
    );
  const once = async (key: string, f: () => Promise<unknown>) => {
    if (!made.has(key)) made.set(key, f());
    await made.get(key);
  };
  const level = () => once('level', () => put('level', LEVEL));
  const kept = async (p: P) => {
    await level();
    await once(p, () => put(p, row(p, 'matrix-kept', 0)));
    return (await ws().registerRowVersions(REGISTER[p])).get('matrix-kept') ?? 1;
  };
  const sheet = (p: P) => {
    const rules = { entityIds: new Set(['group']), scales: [LEVEL] };
    return p === 'climate-risks'
      ? climateRisksSheet(rules)
      : p === 'climate-scales'
        ? climateScalesSheet()
        : p === 'hazard-screening'
          ? hazardScreeningSheet(rules)
          : supplierPracticesSheet();
  };
  return Object.fromEntries(
    PATHS.flatMap((p) => [
      [`GET /${p}`, async () => ({ path: `/${p}` })],
      [
        `POST /${p}`,
        async () => {
          await level();
          return { path: `/${p}`, init: json({ [FIELD[p]]: row(p, `matrix-${++n}`, n) }) };
        },
      ],
      [
        `PUT /${p}/:id`,
        async () => {
          const version = await kept(p);
          const base = row(p, 'matrix-kept', 0);
          const changed =
            p === 'climate-scales' ? { ...base, description: text(++n) } : { ...base, source: `v${++n}` };
          return { path: `/${p}/matrix-kept`, init: json({ [FIELD[p]]: changed, version }) };
        },
      ],
      [
        `POST /${p}/:id/retract`,
        async () => {
          await level();
          const id = `matrix-gone-${++n}`;
          await put(p, row(p, id, n));
          return { path: `/${p}/${id}/retract`, init: json({ version: 1 }) };
        },
      ],
      [
        `GET /${p}/:id/history`,
        async () => {
          await kept(p);
          return { path: `/${p}/matrix-kept/history` };
        },
      ],
      [`GET /export/${p}.xlsx`, async () => ({ path: `/export/${p}.xlsx` })],
      [
        `POST /import/${p}`,
        async () => {
          await level();
          const bytes = await rowSheetWorkbook(sheet(p) as never, [row(p, `matrix-imported-${++n}`, n)]);
          return { path: `/import/${p}`, init: json({ xlsxBase64: Buffer.from(bytes).toString('base64') }) };
        },
      ],
    ]),
  );
}
