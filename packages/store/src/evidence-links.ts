/**
 * Evidence files linked to facts (014-evidence.sql, 016-evidence-activity-lines.sql; issue #17):
 * a data point or an activity line. attachEvidence keeps the bytes once per SHA-256
 * (evidence.ts) and links them to the fact under a file name, in one transaction: both or
 * neither. Each new file is an `add-evidence` entry of the hash-chained audit log and each new
 * link a `link-evidence` entry (who, when, which fact, which file); the same bytes under the
 * same name on the same fact add nothing.
 */
import { isoOf } from './accounts/timestamps.js';
import { appendAudit } from './audit.js';
import { putEvidenceIn } from './evidence.js';
import type { Sql, Store } from './store.js';

/** What a file is linked to; the ids of the two kinds are separate namespaces. */
export type EvidenceTargetKind = 'data-point' | 'activity-line';
export type EvidenceTarget = { readonly kind: EvidenceTargetKind; readonly id: string };

/** "data point d1", "activity line al-7": the audit entry's subject. */
export const targetLabel = (t: EvidenceTarget): string =>
  `${t.kind === 'data-point' ? 'data point' : 'activity line'} ${t.id}`;

export type EvidenceAttachment = {
  readonly bytes: Uint8Array;
  /** The sniffed media type (app/src/evidence/sniff.ts), never a declared one. */
  readonly mediaType: string;
  readonly fileName: string;
  readonly target: EvidenceTarget;
  /** The fact's entity now: who may download the file is decided by it. */
  readonly entityId: string;
  /** As revisions name their author: "Ann Lee <ann@example.com>", "local user". */
  readonly uploadedBy: string;
  /** ISO-8601, from the adapter's clock. */
  readonly at: string;
};

export type EvidenceLink = {
  readonly sha256: string;
  readonly fileName: string;
  /** Bytes. */
  readonly size: number;
  readonly mediaType: string;
  readonly target: EvidenceTarget;
  readonly entityId: string;
  readonly uploadedBy: string;
  /** ISO-8601 UTC with milliseconds. */
  readonly at: string;
};

export async function attachEvidence(
  store: Store,
  a: EvidenceAttachment,
): Promise<{ sha256: string; fileIsNew: boolean; linkIsNew: boolean }> {
  return store.transaction(async (tx) => {
    const file = await putEvidenceIn(tx, {
      bytes: a.bytes,
      name: a.fileName,
      mediaType: a.mediaType,
      uploader: a.uploadedBy,
      at: a.at,
    });
    const linked = await tx.query(
      `insert into evidence_link (sha256, fact_kind, fact_id, entity_id, file_name, uploaded_by, at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (fact_kind, fact_id, sha256, file_name) do nothing returning id`,
      [file.sha256, a.target.kind, a.target.id, a.entityId, a.fileName, a.uploadedBy, a.at],
    );
    if (linked.length > 0)
      await appendAudit(tx, {
        at: a.at,
        actor: a.uploadedBy,
        action: 'link-evidence',
        subject: targetLabel(a.target),
        before: null,
        after: { sha256: file.sha256, fileName: a.fileName, entity: a.entityId },
        reason: `evidence file ${a.fileName} attached`,
      });
    return { sha256: file.sha256, fileIsNew: file.isNew, linkIsNew: linked.length > 0 };
  });
}

const SELECT_LINKS = `select l.sha256, l.file_name as "fileName", f.size::text as size, f.media_type as "mediaType",
    l.fact_kind as kind, l.fact_id as id, l.entity_id as "entityId", l.uploaded_by as "uploadedBy",
    ${isoOf('l.at')} as at
  from evidence_link l join evidence_file f on f.sha256 = l.sha256`;

type LinkRow = Omit<EvidenceLink, 'size' | 'target'> & { size: string; kind: EvidenceTargetKind; id: string };
const link = ({ kind, id, size, ...r }: LinkRow): EvidenceLink => ({
  ...r,
  size: Number(size),
  target: { kind, id },
});

/** The files linked to a fact of an entity, oldest link first. */
export async function evidenceOf(
  sql: Sql,
  target: EvidenceTarget,
  entityId: string,
): Promise<EvidenceLink[]> {
  const rows = await sql.query<LinkRow>(
    `${SELECT_LINKS} where l.fact_kind = $1 and l.fact_id = $2 and l.entity_id = $3 order by l.id`,
    [target.kind, target.id, entityId],
  );
  return rows.map(link);
}

/** Every link of one file (by SHA-256), oldest first. */
export async function linksOfEvidence(sql: Sql, sha256: string): Promise<EvidenceLink[]> {
  const rows = await sql.query<LinkRow>(`${SELECT_LINKS} where l.sha256 = $1 order by l.id`, [sha256]);
  return rows.map(link);
}
