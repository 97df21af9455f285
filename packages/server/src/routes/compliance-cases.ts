/**
 * Compliance cases (issue #18; docs/registers.md "Compliance cases", docs/security.md): the
 * case rows (list with filters, add, change with its version: body `version` or If-Match, a
 * stale one 412; retract; history; XLSX export and import) need the compliance role
 * (read-cases, write-case); the counts by kind, type and outcome need only read-case-counts
 * (everyone who reads the report): route-rules.ts.
 */
import {
  caseHistory,
  countCases,
  exportCasesXlsx,
  importCasesXlsx,
  listCases,
  retractCase,
  writeCase,
} from '@assay/app';
import type { ComplianceCase } from '@assay/core';
import { Hono } from 'hono';
import { CaseCountQuery, CaseQuery, CaseWrite, RowImport, RowRetract } from '../http/register-row-schemas.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

const asCase = (x: object): ComplianceCase => JSON.parse(JSON.stringify(x)) as ComplianceCase;
const CaseImport = RowImport('cases.xlsx');

export function complianceCaseRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/cases/counts', async (c) => {
    const q = parseWith(CaseCountQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await countCases({
      ws: d.workspace,
      ...(q.value.year === undefined ? {} : { year: q.value.year }),
    });
    return send(c, out, (v) => v);
  });
  r.get('/cases', async (c) => {
    const q = parseWith(CaseQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await listCases({
      ws: d.workspace,
      ...(q.value.kind === undefined ? {} : { kind: q.value.kind }),
      ...(q.value.type === undefined ? {} : { type: q.value.type }),
      ...(q.value.status === undefined ? {} : { status: q.value.status }),
    });
    return send(c, out, (v) => v);
  });
  r.post('/cases', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(CaseWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await writeCase({
      ws: d.workspace,
      case: asCase(input.value.case),
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => v, 201);
  });
  r.put('/cases/:id', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(CaseWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    if (input.value.case.id !== c.req.param('id'))
      return sendError(c, {
        code: 'invalid-request',
        message: `case.id: "${input.value.case.id}" is not the case of the path; an id cannot change`,
        field: 'case.id',
      });
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await writeCase({
      ws: d.workspace,
      case: asCase(input.value.case),
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.post('/cases/:id/retract', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(RowRetract, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await retractCase({
      ws: d.workspace,
      id: c.req.param('id'),
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => ({ retracted: true, ...v }));
  });
  r.get('/cases/:id/history', async (c) => {
    const out = await caseHistory({ ws: d.workspace, id: c.req.param('id') });
    return send(c, out, (revisions) => ({ id: c.req.param('id'), revisions }));
  });
  r.get('/export/cases.xlsx', async () => {
    const body = await exportCasesXlsx({ ws: d.workspace });
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="cases.xlsx"',
        'cache-control': 'no-store',
      },
    });
  });
  r.post('/import/cases', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(CaseImport, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await importCasesXlsx({
      ws: d.workspace,
      file: input.value.file,
      xlsxBase64: input.value.xlsxBase64,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => v);
  });
  return r;
}
