/**
 * The materiality assessment in the store (025-materiality.sql; docs/registers.md
 * "Materiality"): append-only revisions of surveys, responses and approvals, each holding the
 * thing after the write (null: retracted or withdrawn) with its own version. Writes are decided
 * inside one transaction under an advisory lock, so two servers on one database never take the
 * same version; each write appends an audit entry (`materiality-<kind>`, subject
 * `materiality <survey>[/<response>]`, version and SHA-256 of the body).
 */
import { createHash } from 'node:crypto';
import { isoOf } from './accounts/timestamps.js';
import { appendAudit } from './audit.js';
import type { Sql, Store } from './store.js';

/** The advisory lock of materiality writes (the others: compliance-cases.ts, assignments.ts…). */
export const MATERIALITY_LOCK = 73_617_425;

export type MaterialityKind = 'survey' | 'response' | 'approval';

export type StoredMaterialityRevision = {
  readonly kind: MaterialityKind;
  readonly surveyId: string;
  /** The response's id; '' for a survey or an approval. */
  readonly rowId: string;
  readonly version: number;
  /** As written (JSON); null for a retraction. */
  readonly body: unknown;
  readonly author: string;
  readonly reason: string;
  /** ISO-8601. */
  readonly at: string;
};

const TABLE: Record<MaterialityKind, string> = {
  survey: 'materiality_survey_revision',
  response: 'materiality_response_revision',
  approval: 'materiality_approval_revision',
};
const rowIdColumn = (k: MaterialityKind) => (k === 'response' ? 'response_id' : "''");
const columns = (k: MaterialityKind) =>
  `survey_id as "surveyId", ${rowIdColumn(k)} as "rowId", version, body, author, reason, ${isoOf('at')} as at`;

type Row = Omit<StoredMaterialityRevision, 'version' | 'kind'> & { version: number | string };
const fromRow =
  (kind: MaterialityKind) =>
  (r: Row): StoredMaterialityRevision => ({
    ...r,
    kind,
    version: Number(r.version),
    body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
  });

/** The latest revision of every survey, response or approval (retracted ones too, body null). */
export async function latestMaterialityRevisions(
  sql: Sql,
  kind: MaterialityKind,
  surveyId?: string,
): Promise<StoredMaterialityRevision[]> {
  const key = kind === 'response' ? 'survey_id, response_id' : 'survey_id';
  const where = surveyId === undefined ? '' : 'where survey_id = $1';
  const rows = await sql.query<Row>(
    `select distinct on (${key}) ${columns(kind)} from ${TABLE[kind]} ${where} order by ${key}, version desc`,
    surveyId === undefined ? [] : [surveyId],
  );
  return rows.map(fromRow(kind));
}

/** One thing's revisions, oldest first. */
export async function materialityRevisions(
  sql: Sql,
  kind: MaterialityKind,
  surveyId: string,
  rowId = '',
): Promise<StoredMaterialityRevision[]> {
  const rows = await sql.query<Row>(
    `select ${columns(kind)} from ${TABLE[kind]} where survey_id = $1 ${kind === 'response' ? 'and response_id = $2' : ''} order by version`,
    kind === 'response' ? [surveyId, rowId] : [surveyId],
  );
  return rows.map(fromRow(kind));
}

export type MaterialityWrite = {
  readonly kind: MaterialityKind;
  readonly surveyId: string;
  readonly rowId: string;
  /** null retracts. */
  readonly body: unknown;
};

/** The latest revisions `decide` sees, keyed `<kind>|<surveyId>|<rowId>`. */
export type MaterialityLatest = ReadonlyMap<string, StoredMaterialityRevision>;
export const materialityKey = (kind: MaterialityKind, surveyId: string, rowId = '') =>
  `${kind}|${surveyId}|${rowId}`;

/**
 * Decide and append in one transaction under the lock: `decide` gets the latest revisions of
 * everything and answers the writes (each the next version of its thing) or a refusal.
 */
export function changeMateriality<R>(
  store: Store,
  at: string,
  author: string,
  reason: string,
  decide: (latest: MaterialityLatest) => { writes: readonly MaterialityWrite[]; value: R },
): Promise<R> {
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MATERIALITY_LOCK]);
    const latest = new Map<string, StoredMaterialityRevision>();
    for (const kind of ['survey', 'response', 'approval'] as const)
      for (const r of await latestMaterialityRevisions(tx, kind))
        latest.set(materialityKey(kind, r.surveyId, r.rowId), r);
    const { writes, value } = decide(latest);
    for (const w of writes) {
      const key = materialityKey(w.kind, w.surveyId, w.rowId);
      const version = (latest.get(key)?.version ?? 0) + 1;
      const body = w.body === null ? null : JSON.stringify(w.body);
      if (w.kind === 'response')
        await tx.query(
          `insert into ${TABLE.response} (survey_id, response_id, version, body, author, reason, at)
           values ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
          [w.surveyId, w.rowId, version, body, author, reason, at],
        );
      else
        await tx.query(
          `insert into ${TABLE[w.kind]} (survey_id, version, body, author, reason, at)
           values ($1, $2, $3::jsonb, $4, $5, $6)`,
          [w.surveyId, version, body, author, reason, at],
        );
      latest.set(key, { ...w, version, author, reason, at });
      await appendAudit(tx, {
        at,
        actor: author,
        action: `materiality-${w.kind}`,
        subject: `materiality ${w.surveyId}${w.rowId ? `/${w.rowId}` : ''}`,
        before: null,
        after: {
          version,
          retracted: w.body === null,
          sha256: body === null ? null : createHash('sha256').update(body).digest('hex'),
        },
        reason,
      });
    }
    return value;
  });
}
