/**
 * Attach an evidence file to a data point or an activity line (issue #17): the name and the
 * bytes are checked (evidence/file-name.ts, evidence/sniff.ts: type by magic bytes only, 10 MiB
 * at most), then the file is kept once per SHA-256 and linked to the fact with the uploader and
 * the time, in one transaction (store/evidence-links.ts). A refused upload stores nothing.
 */
import { attachEvidence, type EvidenceTarget, type Store } from '@assay/store';
import { sniffEvidence } from '../evidence/sniff.js';
import { EvidenceUpload } from '../evidence/upload.js';
import { failure, type Result, success } from '../outcome.js';
import type { Snapshot, Workspace } from '../workspace/workspace.js';

export type { EvidenceTarget };

/** The current fact a target names, or undefined; `what` names it in messages. */
export function evidenceFact(
  s: Snapshot,
  target: EvidenceTarget,
): { readonly what: string; readonly entityId: string | undefined } {
  const facts = target.kind === 'data-point' ? s.bundle.dataPoints : s.bundle.activityLines;
  const fact = (facts as readonly { id: string; entityId: string }[]).find((f) => f.id === target.id);
  const what = `${target.kind === 'data-point' ? 'data point' : 'activity line'} "${target.id}"`;
  return { what, entityId: fact?.entityId };
}

export type UploadEvidenceInput = {
  readonly ws: Workspace;
  /** Undefined for a bundle served in memory: nowhere to keep files. */
  readonly store: Store | undefined;
  /** The data point or activity line the file is evidence for. */
  readonly target: EvidenceTarget;
  readonly upload: EvidenceUpload;
  readonly uploadedBy: string;
  /** ISO-8601, from the adapter's clock. */
  readonly at: string;
};

export type UploadedEvidence = {
  readonly sha256: string;
  readonly fileName: string;
  /** Bytes. */
  readonly size: number;
  readonly mediaType: string;
  /** False when these bytes were already linked to the fact under this name (nothing added). */
  readonly linked: boolean;
};

export async function uploadEvidence(i: UploadEvidenceInput): Promise<Result<UploadedEvidence>> {
  const fact = evidenceFact(i.ws.snapshot(), i.target);
  if (fact.entityId === undefined) return failure('not-found', `no ${fact.what}`, { field: 'id' });
  const parsed = EvidenceUpload.safeParse(i.upload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'body');
    return failure('invalid-request', `${field}: ${issue?.message ?? 'invalid'}; nothing was stored`, {
      field,
    });
  }
  const bytes = new Uint8Array(Buffer.from(parsed.data.contentBase64, 'base64'));
  const sniffed = sniffEvidence(bytes);
  if (!sniffed.ok)
    return failure('invalid-request', `contentBase64: ${sniffed.message}; nothing was stored`, {
      field: 'contentBase64',
    });
  if (!i.store)
    return failure(
      'not-found',
      'this server keeps no evidence files (a bundle served in memory has no store)',
    );
  const out = await attachEvidence(i.store, {
    bytes,
    mediaType: sniffed.type.mediaType,
    fileName: parsed.data.fileName,
    target: i.target,
    entityId: fact.entityId,
    uploadedBy: i.uploadedBy,
    at: i.at,
  });
  return success({
    sha256: out.sha256,
    fileName: parsed.data.fileName,
    size: bytes.length,
    mediaType: sniffed.type.mediaType,
    linked: out.linkIsNew,
  });
}
