/**
 * Findings' work state in the store (022-finding-work.sql; docs/checks.md "Findings as work
 * items"): append-only events per finding id, each holding the state after it; the current
 * state is the row of the highest version. What an event may be (the state machine) is the
 * application's (app use-cases/finding-work-state.ts): `changeFindingWork` hands it the current
 * rows and the last run's revision inside one transaction under an advisory lock, and appends
 * what it decides, so two servers on one database never append the same version twice.
 */
import { isoOf } from './accounts/timestamps.js';
import { appendAudit } from './audit.js';
import type { Sql, Store } from './store.js';

/** The advisory lock of finding work writes (the other locks: import-run.ts, assignments.ts). */
export const FINDING_WORK_LOCK = 73_617_364;

export type FindingWorkState = 'open' | 'accepted' | 'resolved';
export type FindingWorkEvent =
  | 'seen'
  | 'assign'
  | 'accept'
  | 'reopen'
  | 'inputs-changed'
  | 'reappeared'
  | 'resolve';

export type StoredFindingEvent = {
  readonly findingId: string;
  /** 1 for the first record; each later one adds one. */
  readonly version: number;
  readonly event: FindingWorkEvent;
  readonly state: FindingWorkState;
  /** The finding's entity (the group's for an organisation-wide one): who may read it is decided on it. */
  readonly entityId: string;
  /** User id ("local" for the local user) and name; null: nobody. */
  readonly assignee: string | null;
  readonly assigneeLabel: string | null;
  /** Accepted: why, the inputs digest it was accepted with (core findingInputsDigest), by whom, when. */
  readonly reason: string | null;
  readonly inputsDigest: string | null;
  readonly acceptedBy: string | null;
  readonly acceptedActor: string | null;
  /** ISO-8601. */
  readonly acceptedAt: string | null;
  /** The revision of the run the record was written at. */
  readonly revision: number;
  /** Resolved: the last run that still found it; the change that fixed it is after this, up to `revision`. */
  readonly sinceRevision: number | null;
  readonly userId: string;
  readonly actor: string;
  /** ISO-8601. */
  readonly at: string;
  /** The finding as last seen (JSON). */
  readonly finding: unknown;
};

const COLUMNS = `finding_id as "findingId", version, event, state, entity_id as "entityId", assignee,
  assignee_label as "assigneeLabel", reason, inputs_digest as "inputsDigest", accepted_by as "acceptedBy",
  accepted_actor as "acceptedActor", ${isoOf('accepted_at')} as "acceptedAt", revision::text as revision,
  since_revision::text as "sinceRevision", user_id as "userId", actor, ${isoOf('at')} as at, finding`;

type Row = Omit<StoredFindingEvent, 'revision' | 'sinceRevision' | 'finding'> & {
  revision: string;
  sinceRevision: string | null;
  finding: unknown;
};

const fromRow = (r: Row): StoredFindingEvent => ({
  ...r,
  version: Number(r.version),
  revision: Number(r.revision),
  sinceRevision: r.sinceRevision === null ? null : Number(r.sinceRevision),
  // node-postgres parses jsonb; PGlite too. Text (an older driver) is parsed here.
  finding: typeof r.finding === 'string' ? JSON.parse(r.finding) : r.finding,
});

/** Every finding's current row (its highest version), by finding id. */
export async function currentFindingWork(sql: Sql): Promise<StoredFindingEvent[]> {
  const rows = await sql.query<Row>(
    `select distinct on (finding_id) ${COLUMNS} from finding_event order by finding_id, version desc`,
  );
  return rows.map(fromRow);
}

/** One finding's events, oldest first. */
export async function findingWorkHistory(sql: Sql, findingId: string): Promise<StoredFindingEvent[]> {
  const rows = await sql.query<Row>(
    `select ${COLUMNS} from finding_event where finding_id = $1 order by version`,
    [findingId],
  );
  return rows.map(fromRow);
}

/** The revision of the last run recorded, or null before the first. */
export async function lastFindingRun(sql: Sql): Promise<number | null> {
  const [row] = await sql.query<{ revision: string | null }>(
    'select max(revision)::text as revision from finding_run',
  );
  return row?.revision == null ? null : Number(row.revision);
}

/** What `changeFindingWork`'s decision appends: events (each the next version of its finding), a run, audit entries. */
export type FindingWorkChange<T> = {
  readonly events: readonly Omit<StoredFindingEvent, 'at' | 'acceptedAt'>[];
  /** The run these events come from (reconciliation), recorded in finding_run. */
  readonly run?: { readonly revision: number; readonly findings: number };
  /** A person's action (assign, accept, reopen) goes into the audit chain too. */
  readonly audit?: {
    readonly actor: string;
    readonly action: string;
    readonly subject: string;
    readonly after: unknown;
    readonly reason: string;
  };
  readonly value: T;
};

/**
 * Decide and append in one transaction under the finding work lock: `decide` gets every
 * finding's current row and the last run's revision. Each event's version must be one above its
 * finding's current one (the unique constraint backs this). `at` stamps every row; an accept
 * event's `acceptedAt` is its `at`, later events carry the accepted time over from the row before.
 */
export function changeFindingWork<T>(
  store: Store,
  at: string,
  decide: (current: ReadonlyMap<string, StoredFindingEvent>, lastRun: number | null) => FindingWorkChange<T>,
): Promise<T> {
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [FINDING_WORK_LOCK]);
    const current = new Map((await currentFindingWork(tx)).map((r) => [r.findingId, r]));
    const change = decide(current, await lastFindingRun(tx));
    for (const e of change.events) {
      const before = current.get(e.findingId);
      if (e.version !== (before?.version ?? 0) + 1)
        throw new Error(`finding ${e.findingId}: version ${e.version} after ${before?.version ?? 0}`);
      const acceptedAt = e.state !== 'accepted' ? null : e.event === 'accept' ? at : before?.acceptedAt;
      await tx.query(
        `insert into finding_event (finding_id, version, event, state, entity_id, assignee, assignee_label, reason,
           inputs_digest, accepted_by, accepted_actor, accepted_at, revision, since_revision, user_id, actor, at, finding)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb)`,
        [
          e.findingId,
          e.version,
          e.event,
          e.state,
          e.entityId,
          e.assignee,
          e.assigneeLabel,
          e.reason,
          e.inputsDigest,
          e.acceptedBy,
          e.acceptedActor,
          acceptedAt ?? null,
          e.revision,
          e.sinceRevision,
          e.userId,
          e.actor,
          at,
          JSON.stringify(e.finding),
        ],
      );
      current.set(e.findingId, { ...e, at, acceptedAt: acceptedAt ?? null });
    }
    if (change.run)
      await tx.query(
        'insert into finding_run (revision, at, findings) values ($1, $2, $3) on conflict (revision) do nothing',
        [change.run.revision, at, change.run.findings],
      );
    if (change.audit) await appendAudit(tx, { at, before: null, ...change.audit });
    return change.value;
  });
}
