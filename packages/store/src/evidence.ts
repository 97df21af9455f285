/** Evidence files, content-addressed by SHA-256: storing the same bytes twice keeps one copy. */
import { appendAudit } from './audit.js';
import { sha256Hex } from './canonical-json.js';
import type { Sql, Store } from './store.js';

export type EvidenceInput = {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly mediaType: string;
  readonly uploader: string;
  readonly at: string;
};
export type EvidenceInfo = Omit<EvidenceInput, 'bytes'> & { readonly sha256: string; readonly size: number };

export async function putEvidence(
  store: Store,
  e: EvidenceInput,
): Promise<{ sha256: string; isNew: boolean }> {
  return store.transaction((tx) => putEvidenceIn(tx, e));
}

/**
 * As putEvidence, inside the caller's transaction: the file is inserted unless its SHA-256 is
 * already there; a new file is an `add-evidence` entry in the audit log.
 */
export async function putEvidenceIn(tx: Sql, e: EvidenceInput): Promise<{ sha256: string; isNew: boolean }> {
  const sha256 = sha256Hex(e.bytes);
  const rows = await tx.query(
    `insert into evidence_file (sha256, name, media_type, size, uploader, at, content)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (sha256) do nothing returning sha256`,
    [sha256, e.name, e.mediaType, e.bytes.length, e.uploader, e.at, e.bytes],
  );
  if (rows.length === 0) return { sha256, isNew: false };
  await appendAudit(tx, {
    at: e.at,
    actor: e.uploader,
    action: 'add-evidence',
    subject: sha256,
    before: null,
    after: { name: e.name, mediaType: e.mediaType, size: e.bytes.length },
    reason: `evidence file ${e.name}`,
  });
  return { sha256, isNew: true };
}

export async function getEvidence(
  sql: Sql,
  sha256: string,
): Promise<(EvidenceInfo & { bytes: Uint8Array }) | undefined> {
  const [r] = await sql.query<{
    name: string;
    media_type: string;
    size: string;
    uploader: string;
    at: string;
    content: Uint8Array;
  }>(
    'select name, media_type, size::text as size, uploader, at::text as at, content from evidence_file where sha256 = $1',
    [sha256],
  );
  if (!r) return undefined;
  return {
    sha256,
    name: r.name,
    mediaType: r.media_type,
    size: Number(r.size),
    uploader: r.uploader,
    at: r.at,
    bytes: new Uint8Array(r.content),
  };
}
