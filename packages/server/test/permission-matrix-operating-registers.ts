/**
 * The supplier, hazard and project routes' part of the permission matrix
 * (permission-matrix.test.ts; issue #18): their policy, written down independently of
 * route-rules.ts, and one request per route that succeeds whenever the caller's role allows it.
 * The registers are organisation-wide: read by every role that reads the report, written by the
 * administrator (the ESG lead), like targets.
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import type { Hazard, SavingProject, Supplier } from '@assay/core';
import { operatingWorkbook } from '@assay/io';
import type { RouteRule } from '../src/http/route-rules.js';

const org = (action: Action): RouteRule => ({ kind: 'organisation', action });
const REGISTERS = ['suppliers', 'hazards', 'projects'] as const;
type Reg = (typeof REGISTERS)[number];

export const OPERATING_REGISTER_POLICY: Record<string, RouteRule> = Object.fromEntries(
  REGISTERS.flatMap((p) => [
    [`GET /${p}`, org('read-operating-registers')],
    [`POST /${p}`, org('write-operating-register')],
    [`PUT /${p}/:id`, org('write-operating-register')],
    [`POST /${p}/:id/retract`, org('write-operating-register')],
    [`GET /${p}/:id/history`, org('read-operating-registers')],
    [`GET /export/${p}.xlsx`, org('read-operating-registers')],
    [`POST /import/${p}`, org('write-operating-register')],
  ]),
);

/** A valid row of each register with this id; the entity is the group of the matrix bundle. */
export function matrixRow(reg: Reg, id: string, n: number): Supplier | Hazard | SavingProject {
  const text = { en: `Matrix ${n}`, 'zh-Hant': `矩陣${n}` };
  if (reg === 'suppliers')
    return {
      id,
      name: text,
      creditCode: '91350100M000100Y43',
      entityId: 'group',
      region: 'xinjiang',
      category: 'services',
      status: 'approved',
    };
  if (reg === 'hazards')
    return {
      id,
      foundOn: '2025-03-01',
      entityId: 'group',
      grade: 'general',
      description: text,
      owner: 'Matrix',
      dueOn: '2025-04-01',
    };
  return { id, name: text, entityId: 'group', measure: text, status: 'planned' };
}

type Request = { path: string; init?: RequestInit };
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });

export function operatingRegisterRequests(
  ws: () => Workspace,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let n = 0;
  const made = new Map<Reg, Promise<unknown>>();
  /** The row the changes and the history name, made once per register. */
  const kept = async (reg: Reg) => {
    if (!made.has(reg))
      made.set(
        reg,
        ws().writeRegisterRow(
          reg,
          { kind: 'put', row: matrixRow(reg, 'matrix-kept', 0) as never, expectedVersion: undefined },
          'matrix',
          'matrix setup',
        ),
      );
    await made.get(reg);
    return (await ws().registerRowVersions(reg)).get('matrix-kept') ?? 1;
  };
  return Object.fromEntries(
    REGISTERS.flatMap((p) => [
      [`GET /${p}`, async () => ({ path: `/${p}` })],
      [`POST /${p}`, async () => ({ path: `/${p}`, init: json({ row: matrixRow(p, `matrix-${++n}`, n) }) })],
      [
        `PUT /${p}/:id`,
        async () => ({
          path: `/${p}/matrix-kept`,
          init: json({ row: matrixRow(p, 'matrix-kept', ++n), version: await kept(p) }),
        }),
      ],
      [
        `POST /${p}/:id/retract`,
        async () => {
          const id = `matrix-gone-${++n}`;
          await ws().writeRegisterRow(
            p,
            { kind: 'put', row: matrixRow(p, id, n) as never, expectedVersion: undefined },
            'matrix',
            'matrix setup',
          );
          return { path: `/${p}/${id}/retract`, init: json({ version: 1, reason: 'permission matrix' }) };
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
          const bytes = await operatingWorkbook(p, [matrixRow(p, `matrix-imported-${++n}`, n)]);
          return {
            path: `/import/${p}`,
            init: json({ file: 'matrix.xlsx', xlsxBase64: Buffer.from(bytes).toString('base64') }),
          };
        },
      ],
    ]),
  );
}
