/**
 * Evidence files on data points and activity lines (issue #17): upload (JSON with the file as
 * base64), list, and download as an attachment; /data-points/{id}/evidence and
 * /activity-lines/{id}/evidence take the same bodies and keep the same rules. Rules
 * (http/route-rules.ts): uploading needs `write-data-point` on the fact's entity, listing
 * `read-evidence` there; a download is found through its links:
 * served when the caller may read evidence of an entity one of the file's links belongs to,
 * 403 when the caller sees such an entity but may not read its evidence, otherwise 404 (the
 * file does not exist for them).
 * Downloads are inert in a browser: the sniffed Content-Type with nosniff, an attachment with a
 * safe name (http/content-disposition.ts) and a CSP that allows nothing and sandboxes.
 */
import {
  downloadEvidence,
  type EvidenceLink,
  type EvidenceTarget,
  evidenceLinks,
  listEvidence,
  SHA256_HEX,
  uploadEvidence,
} from '@assay/app';
import type { Store } from '@assay/app/access';
import { type Context, Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { attachment } from '../http/content-disposition.js';
import { denial, entityDecision } from '../http/enforce-rules.js';
import { jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { EvidenceUploadRequest } from '../http/schemas.js';
import { authorOf, type Deps } from './deps.js';

export type EvidenceDeps = Deps & {
  /** Where files are kept; undefined for a bundle served in memory (nothing can be uploaded). */
  readonly store: Store | undefined;
  readonly now: () => Date;
};

/** A download does nothing in a browser but save the file. */
export const DOWNLOAD_POLICY = "default-src 'none'; sandbox";

const presentLink = (l: EvidenceLink) => ({
  sha256: l.sha256,
  fileName: l.fileName,
  size: l.size,
  mediaType: l.mediaType,
  uploadedBy: l.uploadedBy,
  at: l.at,
});

/** Where each fact kind's evidence routes live, and the key its list answer names the fact by. */
const FACT_ROUTES = [
  { kind: 'data-point', path: '/data-points/:id/evidence', key: 'dataPoint' },
  { kind: 'activity-line', path: '/activity-lines/:id/evidence', key: 'activityLine' },
] as const;

export function evidenceRoutes(d: EvidenceDeps): Hono {
  const r = new Hono();
  const upload = async (c: Context, target: EvidenceTarget) => {
    const body = await jsonBody(c);
    const input = body.ok ? parseWith(EvidenceUploadRequest, body.value) : body;
    if (!input.ok)
      return sendError(c, { ...input.error, message: `${input.error.message}; nothing was stored` });
    const out = await uploadEvidence({
      ws: d.workspace,
      store: d.store,
      target,
      upload: input.value,
      uploadedBy: authorOf(c, d),
      at: d.now().toISOString(),
    });
    if (!out.ok) return sendError(c, out.error);
    // 201 for a new link; 200 when these bytes were already linked under this name (nothing added).
    return c.json(out.value, out.value.linked ? 201 : 200);
  };
  for (const { kind, path, key } of FACT_ROUTES) {
    r.post(path, (c) => upload(c, { kind, id: c.req.param('id') }));
    r.get(path, async (c) => {
      const id = c.req.param('id');
      const out = await listEvidence(d.workspace, d.store, { kind, id });
      return send(c, out, (links) => ({ [key]: id, evidence: links.map(presentLink) }));
    });
  }
  r.get('/evidence/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    if (!SHA256_HEX.test(sha256))
      return sendError(
        c,
        failure('invalid-request', "sha256: 64 lower-case hexadecimal digits (the file's SHA-256)", {
          field: 'sha256',
        }).error,
      );
    const links = await evidenceLinks(d.store, sha256);
    const decisions = links.map((l) => entityDecision(c, 'read-evidence', l.entityId));
    const readable = links.filter((_, k) => decisions[k] === 'allow');
    if (readable.length === 0) {
      const decision = decisions.includes('deny-forbidden') ? 'deny-forbidden' : 'deny-invisible';
      return sendError(c, denial(decision, 'read-evidence', `evidence file ${sha256}`));
    }
    const out = await downloadEvidence(d.store, sha256, readable, c.req.query('name'));
    if (!out.ok) return sendError(c, out.error);
    const { bytes, mediaType, fileName } = out.value;
    return new Response(bytes, {
      headers: {
        'content-type': mediaType === 'text/csv' ? 'text/csv; charset=utf-8' : mediaType,
        'content-disposition': attachment(fileName),
        'x-content-type-options': 'nosniff',
        'content-security-policy': DOWNLOAD_POLICY,
        'cache-control': 'private, no-store',
      },
    });
  });
  return r;
}
