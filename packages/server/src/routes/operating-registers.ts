/**
 * The supplier, hazard and energy-saving project registers (issue #18; docs/registers.md), one
 * set of routes per register (/suppliers, /hazards, /projects): list with filters and the
 * derived figures, add, change (the version replaced: body `version` or If-Match; a stale one is
 * 412), retract, a row's history, and the register as XLSX (export; import all or nothing).
 * Reading needs read-operating-registers (everyone who reads the report), writing
 * write-operating-register (the administrator, the ESG lead): route-rules.ts.
 */
import {
  exportOperatingXlsx,
  importOperatingXlsx,
  listOperatingRegister,
  OPERATING_REGISTERS,
  type OperatingRegister,
  type OperatingRow,
  operatingRowHistory,
  retractOperatingRow,
  writeOperatingRow,
} from '@assay/app';
import { Hono } from 'hono';
import {
  ROW_INPUTS,
  RowImport,
  RowQuery,
  RowRetract,
  rowCreate,
  rowUpdate,
} from '../http/operating-register-schemas.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

/** zod's output (optional keys possibly present as undefined) as core's row. */
const asRow = <K extends OperatingRegister>(t: unknown): OperatingRow<K> =>
  JSON.parse(JSON.stringify(t)) as OperatingRow<K>;

function registerRoutes<K extends OperatingRegister>(r: Hono, d: Deps, register: K): void {
  const create = rowCreate(ROW_INPUTS[register]);
  const update = rowUpdate(ROW_INPUTS[register]);
  r.get(`/${register}`, async (c) => {
    const q = parseWith(RowQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const { entity, status, region, grade } = q.value;
    const out = await listOperatingRegister({
      ws: d.workspace,
      register,
      filter: {
        ...(entity === undefined ? {} : { entityId: entity }),
        ...(status === undefined ? {} : { status }),
        ...(region === undefined ? {} : { region }),
        ...(grade === undefined ? {} : { grade }),
      },
    });
    return send(c, out, (v) => v);
  });
  r.post(`/${register}`, async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(create, body.value);
    if (!input.ok) return sendError(c, input.error);
    const v = input.value as { row: unknown; reason?: string };
    const out = await writeOperatingRow({
      ws: d.workspace,
      register,
      row: asRow<K>(v.row),
      ...(v.reason === undefined ? {} : { reason: v.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (x) => x, 201);
  });
  r.put(`/${register}/:id`, async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(update, body.value);
    if (!input.ok) return sendError(c, input.error);
    const v = input.value as { row: { id: string }; version?: number; reason?: string };
    if (v.row.id !== (c.req.param('id') ?? ''))
      return sendError(c, {
        code: 'invalid-request',
        message: `row.id: "${v.row.id}" is not the row of the path; an id cannot change`,
        field: 'row.id',
      });
    const version = expectedVersion(c, v.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await writeOperatingRow({
      ws: d.workspace,
      register,
      row: asRow<K>(v.row),
      version: version.value,
      ...(v.reason === undefined ? {} : { reason: v.reason }),
      author: authorOf(c, d),
    });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (x) => x);
  });
  r.post(`/${register}/:id/retract`, async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(RowRetract, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await retractOperatingRow({
      ws: d.workspace,
      register,
      id: c.req.param('id') ?? '',
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (x) => ({ retracted: true, ...x }));
  });
  r.get(`/${register}/:id/history`, async (c) => {
    const out = await operatingRowHistory({ ws: d.workspace, register, id: c.req.param('id') ?? '' });
    return send(c, out, (revisions) => ({ id: c.req.param('id') ?? '', revisions }));
  });
  r.get(`/export/${register}.xlsx`, async () => {
    const body = await exportOperatingXlsx({ ws: d.workspace, register });
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${register}.xlsx"`,
      },
    });
  });
  r.post(`/import/${register}`, async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(RowImport, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await importOperatingXlsx({
      ws: d.workspace,
      register,
      file: input.value.file,
      xlsxBase64: input.value.xlsxBase64,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (x) => x);
  });
}

export function operatingRegisterRoutes(d: Deps): Hono {
  const r = new Hono();
  for (const register of OPERATING_REGISTERS) registerRoutes(r, d, register);
  return r;
}
