/**
 * Certifications and tailings facilities (issue #18; docs/registers.md): list with filters
 * (certifications with their expiry state: `today` defaults to the server's UTC date,
 * `warnDays` to 90), add, change with the version (body or If-Match; stale 412), retract,
 * history, XLSX export and import. Reading needs read-site-registers (everyone who reads the
 * report), writing write-site-register (the administrator): route-rules.ts. The same routes
 * serve the climate register (climate-risks, climate-scales, hazard-screening) and the HKEX
 * B5.2–B5.4 practices (supplier-practices), whose lists also give the screening gaps.
 */
import {
  type ClimateFilter,
  type ClimateRegister,
  exportSiteRegisterXlsx,
  importSiteRegisterXlsx,
  listCertifications,
  listClimateRegister,
  listTailingsFacilities,
  retractSiteRow,
  type SiteRegister,
  siteRowHistory,
  writeSiteRow,
} from '@assay/app';
import type { Certification, TailingsFacility } from '@assay/core';
import { type Context, Hono } from 'hono';
import {
  ClimateQuery,
  ClimateRiskWrite,
  ClimateScaleWrite,
  HazardScreeningWrite,
  SupplierPracticeWrite,
} from '../http/climate-register-schemas.js';
import {
  CertificationQuery,
  CertificationWrite,
  RowImport,
  RowRetract,
  TailingsQuery,
  TailingsWrite,
} from '../http/register-row-schemas.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

const plain = <T>(x: object): T => JSON.parse(JSON.stringify(x)) as T;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Spec = {
  register: SiteRegister;
  path: string;
  field: 'certification' | 'facility' | 'risk' | 'level' | 'score' | 'practice';
  schema:
    | typeof CertificationWrite
    | typeof TailingsWrite
    | typeof ClimateRiskWrite
    | typeof ClimateScaleWrite
    | typeof HazardScreeningWrite
    | typeof SupplierPracticeWrite;
};
/** The climate register and its companions (use case climate-register.ts): path, body field, schema. */
const CLIMATE_SPECS: readonly (Spec & { register: ClimateRegister })[] = [
  { register: 'climateRisks', path: 'climate-risks', field: 'risk', schema: ClimateRiskWrite },
  { register: 'climateScales', path: 'climate-scales', field: 'level', schema: ClimateScaleWrite },
  { register: 'hazardScreening', path: 'hazard-screening', field: 'score', schema: HazardScreeningWrite },
  {
    register: 'supplierPractices',
    path: 'supplier-practices',
    field: 'practice',
    schema: SupplierPracticeWrite,
  },
];
const SPECS: readonly Spec[] = [
  { register: 'certifications', path: 'certifications', field: 'certification', schema: CertificationWrite },
  { register: 'tailingsFacilities', path: 'tailings-facilities', field: 'facility', schema: TailingsWrite },
  ...CLIMATE_SPECS,
];

export function siteRegisterRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/certifications', async (c) => {
    const q = parseWith(CertificationQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await listCertifications({
      ws: d.workspace,
      today: q.value.today ?? new Date().toISOString().slice(0, 10),
      ...(q.value.warnDays === undefined ? {} : { warnDays: q.value.warnDays }),
      ...(q.value.entity === undefined ? {} : { entityId: q.value.entity }),
      ...(q.value.state === undefined ? {} : { state: q.value.state }),
    });
    return send(c, out, (v) => v);
  });
  r.get('/tailings-facilities', async (c) => {
    const q = parseWith(TailingsQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await listTailingsFacilities({
      ws: d.workspace,
      ...(q.value.entity === undefined ? {} : { entityId: q.value.entity }),
      ...(q.value.status === undefined ? {} : { status: q.value.status }),
    });
    return send(c, out, (v) => v);
  });
  for (const s of CLIMATE_SPECS)
    r.get(`/${s.path}`, async (c) => {
      const q = parseWith(ClimateQuery, c.req.query());
      if (!q.ok) return sendError(c, q.error);
      const { entity, ...rest } = q.value;
      const filter = plain<ClimateFilter>({ ...rest, entityId: entity });
      const out = await listClimateRegister({ ws: d.workspace, register: s.register, filter });
      return send(c, out, (v) => v);
    });
  for (const s of SPECS) {
    const write = async (c: Context, id?: string) => {
      const body = await jsonBody(c);
      if (!body.ok) return sendError(c, body.error);
      const input = parseWith(s.schema, body.value);
      if (!input.ok) return sendError(c, input.error);
      const row = (input.value as Record<string, unknown>)[s.field] as { id: string };
      if (id !== undefined && row.id !== id)
        return sendError(c, {
          code: 'invalid-request',
          message: `${s.field}.id: "${row.id}" is not the row of the path; an id cannot change`,
          field: `${s.field}.id`,
        });
      let version: number | undefined;
      if (id !== undefined) {
        const v = expectedVersion(c, input.value.version);
        if (!v.ok) return sendError(c, v.error);
        version = v.value;
      }
      const out = await writeSiteRow({
        ws: d.workspace,
        register: s.register,
        row: plain<Certification & TailingsFacility>(row),
        ...(version === undefined ? {} : { version }),
        ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
        author: authorOf(c, d),
      });
      if (out.ok && id !== undefined) c.header('ETag', `"${out.value.version}"`);
      return send(c, out, (v) => v, id === undefined ? 201 : 200);
    };
    r.post(`/${s.path}`, (c) => write(c));
    r.put(`/${s.path}/:id`, (c) => write(c, c.req.param('id')));
    r.post(`/${s.path}/:id/retract`, async (c) => {
      const body = await jsonBody(c);
      if (!body.ok) return sendError(c, body.error);
      const input = parseWith(RowRetract, body.value);
      if (!input.ok) return sendError(c, input.error);
      const version = expectedVersion(c, input.value.version);
      if (!version.ok) return sendError(c, version.error);
      const out = await retractSiteRow({
        ws: d.workspace,
        register: s.register,
        id: c.req.param('id'),
        version: version.value,
        ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
        author: authorOf(c, d),
      });
      return send(c, out, (v) => ({ retracted: true, ...v }));
    });
    r.get(`/${s.path}/:id/history`, async (c) => {
      const out = await siteRowHistory({ ws: d.workspace, register: s.register, id: c.req.param('id') });
      return send(c, out, (revisions) => ({ id: c.req.param('id'), revisions }));
    });
    r.get(`/export/${s.path}.xlsx`, async () => {
      const body = await exportSiteRegisterXlsx({ ws: d.workspace, register: s.register });
      return new Response(body, {
        headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${s.path}.xlsx"` },
      });
    });
    r.post(`/import/${s.path}`, async (c) => {
      const body = await jsonBody(c);
      if (!body.ok) return sendError(c, body.error);
      const input = parseWith(RowImport(`${s.path}.xlsx`), body.value);
      if (!input.ok) return sendError(c, input.error);
      const out = await importSiteRegisterXlsx({
        ws: d.workspace,
        register: s.register,
        file: input.value.file,
        xlsxBase64: input.value.xlsxBase64,
        ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
        author: authorOf(c, d),
      });
      return send(c, out, (v) => v);
    });
  }
  return r;
}
