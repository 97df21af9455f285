/**
 * Narrative sections (issue #19; docs/report.md, "Editing narrative"): the sections with their
 * versions, unbound numbers and the figures a placeholder may name; a preview of a text as the
 * report prints it (nothing saved); one section's text saved naming its version (body `version`
 * or If-Match; a stale one is 412). Reading and the preview need read-report, saving
 * write-narrative (the administrator on the group): route-rules.ts.
 */
import { listNarrative, previewNarrative, writeNarrativeSection } from '@assay/app';
import { Hono } from 'hono';
import { NarrativePreviewBody, NarrativeUpdate } from '../http/narrative-schemas.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

export function narrativeRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/narrative', async (c) => send(c, await listNarrative({ ws: d.workspace }), (v) => v));
  r.post('/narrative/preview', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(NarrativePreviewBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    return send(c, await previewNarrative({ ws: d.workspace, body: input.value.body }), (v) => v);
  });
  r.put('/narrative/:id', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(NarrativeUpdate, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await writeNarrativeSection({
      ws: d.workspace,
      id: c.req.param('id'),
      body: input.value.body,
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  return r;
}
