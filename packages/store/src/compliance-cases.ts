/**
 * Compliance cases in the store (024-compliance-cases.sql; docs/security.md "Compliance
 * cases"): append-only revisions per case, each holding the case after it (null: retracted).
 * A write names the version it replaces and is decided inside its transaction under an
 * advisory lock, so two servers on one database never take the same version. The audit chain
 * gets one entry per write naming the case and its version and the SHA-256 of the stored body,
 * never the case's text (the audit log is not confidential; the case is).
 */
import { createHash } from 'node:crypto';
import { isoOf } from './accounts/timestamps.js';
import { appendAudit } from './audit.js';
import type { Sql, Store } from './store.js';

/** The advisory lock of case writes (the others: import-run.ts, assignments.ts, finding-work.ts). */
export const COMPLIANCE_CASE_LOCK = 73_617_424;

export type StoredCaseRevision = {
  readonly caseId: string;
  readonly version: number;
  /** The case as written (JSON); null for a retraction. */
  readonly body: unknown;
  readonly author: string;
  readonly reason: string;
  /** ISO-8601. */
  readonly at: string;
};

const COLUMNS = `case_id as "caseId", version, body, author, reason, ${isoOf('at')} as at`;
type Row = Omit<StoredCaseRevision, 'version'> & { version: number | string };
const fromRow = (r: Row): StoredCaseRevision => ({
  ...r,
  version: Number(r.version),
  body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
});

/** Every case's latest revision (retracted ones included, body null), by case id. */
export async function latestCaseRevisions(sql: Sql): Promise<StoredCaseRevision[]> {
  const rows = await sql.query<Row>(
    `select distinct on (case_id) ${COLUMNS} from compliance_case_revision order by case_id, version desc`,
  );
  return rows.map(fromRow);
}

/** One case's revisions, oldest first. */
export async function caseRevisions(sql: Sql, caseId: string): Promise<StoredCaseRevision[]> {
  const rows = await sql.query<Row>(
    `select ${COLUMNS} from compliance_case_revision where case_id = $1 order by version`,
    [caseId],
  );
  return rows.map(fromRow);
}

export type CaseWrite = {
  readonly caseId: string;
  /** null retracts. */
  readonly body: unknown;
};

/**
 * Decide and append in one transaction under the case lock: `decide` gets every case's latest
 * revision and answers the writes (each the next version of its case) or a refusal.
 */
export function changeCases<R>(
  store: Store,
  at: string,
  author: string,
  reason: string,
  decide: (latest: ReadonlyMap<string, StoredCaseRevision>) => { writes: readonly CaseWrite[]; value: R },
): Promise<R> {
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [COMPLIANCE_CASE_LOCK]);
    const latest = new Map((await latestCaseRevisions(tx)).map((r) => [r.caseId, r]));
    const { writes, value } = decide(latest);
    for (const w of writes) {
      const version = (latest.get(w.caseId)?.version ?? 0) + 1;
      const body = w.body === null ? null : JSON.stringify(w.body);
      await tx.query(
        `insert into compliance_case_revision (case_id, version, body, author, reason, at)
         values ($1, $2, $3::jsonb, $4, $5, $6)`,
        [w.caseId, version, body, author, reason, at],
      );
      latest.set(w.caseId, { caseId: w.caseId, version, body: w.body, author, reason, at });
      await appendAudit(tx, {
        at,
        actor: author,
        action: 'compliance-case',
        subject: `case ${w.caseId}`,
        before: null,
        after: {
          version,
          retracted: w.body === null,
          sha256: body === null ? null : createHash('sha256').update(body).digest('hex'),
        },
        reason: 'compliance case written (reason kept with the case)',
      });
    }
    return value;
  });
}
