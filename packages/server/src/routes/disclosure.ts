/** Disclosure status per framework with explanations, report downloads (findings: findings.ts). */

import {
  approvedMateriality,
  completeness,
  presentCompleteness,
  renderReport,
  writeExplanation,
} from '@assay/app';
import { Hono } from 'hono';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { ExplanationWrite, ReportFormatParam, ReportQuery } from '../http/schemas.js';
import { REPORT_PAGE_HEADERS } from '../http/security-headers.js';
import { authorOf, type Deps } from './deps.js';

export function disclosureRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/disclosures', async (c) => {
    const s = d.workspace.snapshot();
    // the approved topic list explains the not-material aspects' omissions (docs/frameworks.md)
    const reports = completeness(s, await approvedMateriality(d.workspace));
    return c.json({
      workspaceVersion: s.version,
      frameworks: reports.map(presentCompleteness),
    });
  });
  r.get('/explanations', (c) => {
    const s = d.workspace.snapshot();
    return c.json({ workspaceVersion: s.version, explanations: s.bundle.registers.explanations });
  });
  r.put('/explanations/:subject', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ExplanationWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const subject = c.req.param('subject');
    const out = await writeExplanation({
      ws: d.workspace,
      explanation: { subject, text: input.value.text },
      version: version.value,
      author: authorOf(c, d),
    });
    return send(c, out, (v) => ({
      workspaceVersion: v.workspaceVersion,
      explanation: { subject, text: input.value.text },
    }));
  });
  r.get('/reports/:format', async (c) => {
    const format = parseWith(ReportFormatParam, c.req.param('format'));
    if (!format.ok) return sendError(c, { ...format.error, field: 'format' });
    const q = parseWith(ReportQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await renderReport(d.workspace, format.value, q.value.lang);
    const disposition =
      format.value === 'html' ? 'inline' : `attachment; filename="report-${q.value.lang}.${format.value}"`;
    return new Response(out.body, {
      headers: {
        'content-type': out.contentType,
        'content-disposition': disposition,
        // the HTML report is a page the app frames (its preview); the other formats are downloads
        ...(format.value === 'html' ? REPORT_PAGE_HEADERS : {}),
      },
    });
  });
  return r;
}
