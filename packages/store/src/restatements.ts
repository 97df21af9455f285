/**
 * Restatement requests in the store (issue #17; 019-restatement.sql). A request records the
 * facts it moves, each with the revision it restates; it then goes through submit, review and
 * approve (or return) like a workflow unit, by core's rule handed in as `decide`, under its row
 * lock with the version the caller acted on checked (workflow-units.ts does the same for units).
 *
 * Approval writes the new revisions in the same transaction as the transition: one import
 * (import-run.ts) whose precondition, under the import lock every writer takes, locks the
 * request, checks its version, decides, checks that each restated fact is still at the revision
 * the request names (else 'moved': file a new request), and marks the request approved; its
 * revisions may then fall in a locked period, which import-run.ts allows only for this write
 * (restatementCovers). Before commit every new revision is linked to the one it restates
 * (restatement_revision) and the transition and audit entries are added. Anything refused
 * leaves nothing.
 */
import {
  type ActivityLine,
  type BundleIssue,
  type DataPoint,
  dataPointFactKey,
  type RestatementChange,
  type UnitState,
  type WorkflowState,
} from '@assay/core/forms';
import { appendAudit } from './audit.js';
import { runImport } from './import-run.js';
import {
  type RestatementFactKind,
  type RestatementHead,
  restatementHead,
  restatementRecords,
  type StoredRestatement,
  type StoredRestatementItem,
  type StoredRestatementTransition,
} from './restatement-rows.js';
import type { Sql, Store } from './store.js';
import type { Decision } from './workflow-units.js';

export type RestatementRequest = {
  readonly change: RestatementChange;
  readonly reason: string;
  readonly items: readonly StoredRestatementItem[];
  readonly userId: string;
  readonly actor: string;
  readonly at: string;
  /** The app's calculation of the effect, recorded as it is. */
  readonly effect: unknown;
};

/** A restated fact is no longer at the revision the request names (or a fact to add now exists). */
export type Moved = {
  readonly ok: false;
  readonly reason: 'moved';
  readonly position: number;
  readonly factId: string;
  readonly current: number | null;
};

export type RequestOutcome = { readonly ok: true; readonly restatement: StoredRestatement } | Moved;

export type RestatementEvent = 'submit' | 'return' | 'review' | 'approve';

export type RestatementEventRequest<R> = {
  readonly id: number;
  readonly expectedVersion: number;
  readonly event: RestatementEvent;
  readonly comment: string | null;
  readonly userId: string;
  readonly actor: string;
  readonly at: string;
  readonly decide: (state: UnitState) => Decision<R>;
  /** Approve only: each item's fact as it will be, and the effect to record. */
  readonly write?: {
    readonly dataPoints: readonly DataPoint[];
    readonly activityLines: readonly ActivityLine[];
    readonly effect: unknown;
  };
};

export type RestatementEventOutcome<R> =
  | {
      readonly ok: true;
      readonly restatement: StoredRestatement;
      readonly transition: StoredRestatementTransition;
    }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'stale'; readonly current: number }
  | { readonly ok: false; readonly reason: 'refused'; readonly refusal: { readonly ok: false } & R }
  | Moved
  /** A rule against the stored facts refused the write (fact-conflicts.ts). */
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly BundleIssue[] };

/** Thrown inside a transaction to roll it back with the outcome to return. */
class Refused<T> extends Error {
  constructor(readonly outcome: T) {
    super('restatement refused');
  }
}

const VIEW: Readonly<Record<RestatementFactKind, string>> = {
  'data-point': 'data_point_current',
  'activity-line': 'activity_line_current',
};
const TABLE: Readonly<Record<RestatementFactKind, string>> = {
  'data-point': 'data_point_revision',
  'activity-line': 'activity_line_revision',
};

/** The first item whose fact is not at the revision the request names, with its current one. */
async function firstMoved(tx: Sql, items: readonly StoredRestatementItem[]): Promise<Moved | undefined> {
  for (const [position, i] of items.entries()) {
    const [row] = await tx.query<{ rev: number }>(`select rev from ${VIEW[i.kind]} where fact_key = $1`, [
      i.factKey,
    ]);
    const current = row ? Number(row.rev) : null;
    if (current !== (i.old?.rev ?? null))
      return { ok: false, reason: 'moved', position, factId: i.factId, current };
  }
  return undefined;
}

async function one(sql: Sql, id: number): Promise<StoredRestatement> {
  const [r] = await restatementRecords(sql, id);
  if (!r) throw new Error(`restatement ${id} vanished`);
  return r;
}

async function recordTransition(
  tx: Sql,
  t: StoredRestatementTransition,
  audit: { readonly before: unknown; readonly after: unknown },
): Promise<void> {
  await tx.query(
    `insert into restatement_transition (restatement_id, version, from_state, to_state, event, user_id, actor, comment, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [t.restatementId, t.version, t.from, t.to, t.event, t.userId, t.actor, t.comment, t.at],
  );
  await appendAudit(tx, {
    at: t.at,
    actor: t.actor,
    action: `restatement-${t.event}`,
    subject: `restatement ${t.restatementId}`,
    before: audit.before,
    after: audit.after,
    reason: t.comment ?? '',
  });
}

/** Record a request (draft, version 1) with its items, after checking each is still as named. */
export function requestRestatement(store: Store, r: RestatementRequest): Promise<RequestOutcome> {
  return store
    .transaction(async (tx): Promise<RequestOutcome> => {
      const moved = await firstMoved(tx, r.items);
      if (moved) throw new Refused(moved);
      const [row] = await tx.query<{ id: string }>(
        `insert into restatement (change_type, reason, state, version, requested_by, requester, requested_at, updated_at, effect)
         values ($1, $2, 'draft', 1, $3, $4, $5, $5, $6::jsonb) returning id::text as id`,
        [r.change, r.reason, r.userId, r.actor, r.at, JSON.stringify(r.effect ?? null)],
      );
      const id = Number(row?.id);
      for (const [position, i] of r.items.entries())
        await tx.query(
          `insert into restatement_item (restatement_id, position, kind, fact_id, fact_key, entity_id, period_id,
             old_rev, old_value, old_unit, new_value, new_unit, fact)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)`,
          [
            id,
            position,
            i.kind,
            i.factId,
            i.factKey,
            i.entityId,
            i.periodId,
            i.old?.rev ?? null,
            i.old?.value ?? null,
            i.old?.unit ?? null,
            i.newValue,
            i.newUnit,
            JSON.stringify(i.fact),
          ],
        );
      await recordTransition(
        tx,
        {
          restatementId: id,
          version: 1,
          from: 'draft',
          to: 'draft',
          event: 'request',
          userId: r.userId,
          actor: r.actor,
          comment: null,
          at: r.at,
        },
        {
          before: null,
          after: {
            change: r.change,
            reason: r.reason,
            items: r.items.map((i) => ({
              kind: i.kind,
              factKey: i.factKey,
              oldRev: i.old?.rev ?? null,
              old: i.old ? `${i.old.value} ${i.old.unit}` : null,
              new: `${i.newValue} ${i.newUnit}`,
            })),
          },
        },
      );
      return { ok: true, restatement: await one(tx, id) };
    })
    .catch((e: unknown) => {
      if (e instanceof Refused) return e.outcome as Moved;
      throw e;
    });
}

/** Check version and rule on the locked row; the new state and transition (not yet written). */
async function decideOn<R>(
  tx: Sql,
  req: RestatementEventRequest<R>,
): Promise<{ head: RestatementHead; next: UnitState; from: WorkflowState; to: WorkflowState }> {
  const head = await restatementHead(tx, req.id, true);
  if (!head) throw new Refused({ ok: false, reason: 'not-found' });
  if (head.version !== req.expectedVersion)
    throw new Refused({ ok: false, reason: 'stale', current: head.version });
  const d = req.decide(head);
  if (!d.ok) throw new Refused({ ok: false, reason: 'refused', refusal: d });
  return { head, next: d.state, from: d.from, to: d.to };
}

async function updateHead(
  tx: Sql,
  id: number,
  next: UnitState,
  to: WorkflowState,
  version: number,
  at: string,
) {
  await tx.query(
    `update restatement set state = $2, version = $3, submitted_by = $4, reviewed_by = $5,
       exceptions = $6::text[], updated_at = $7 where id = $1`,
    [id, to, version, next.submittedBy, next.reviewedBy, [...next.exceptions], at],
  );
}

/** Submit, return, review or approve a request (approve writes its revisions; see the file comment). */
export async function applyRestatementEvent<R>(
  store: Store,
  req: RestatementEventRequest<R>,
): Promise<RestatementEventOutcome<R>> {
  try {
    if (req.event === 'approve') return await approve(store, req);
    return await store.transaction(async (tx) => {
      const { head, next, from, to } = await decideOn(tx, req);
      const version = head.version + 1;
      await updateHead(tx, req.id, next, to, version, req.at);
      const transition = transitionOf(req, version, from, to);
      await recordTransition(tx, transition, {
        before: { state: from, version: head.version },
        after: { state: to, version, userId: req.userId },
      });
      return { ok: true as const, restatement: await one(tx, req.id), transition };
    });
  } catch (e) {
    if (e instanceof Refused) return e.outcome as RestatementEventOutcome<R>;
    throw e;
  }
}

const transitionOf = <R>(
  req: RestatementEventRequest<R>,
  version: number,
  from: WorkflowState,
  to: WorkflowState,
): StoredRestatementTransition => ({
  restatementId: req.id,
  version,
  from,
  to,
  event: req.event,
  userId: req.userId,
  actor: req.actor,
  comment: req.comment,
  at: req.at,
});

async function approve<R>(
  store: Store,
  req: RestatementEventRequest<R>,
): Promise<RestatementEventOutcome<R>> {
  const write = req.write;
  if (!write) throw new Error('approving a restatement needs the facts it writes');
  const keys = [
    ...write.dataPoints.map((d) => `data-point|${dataPointFactKey(d)}`),
    ...write.activityLines.map((l) => `activity-line|${l.id}`),
  ].sort();
  let decided: { head: RestatementHead; from: WorkflowState; to: WorkflowState } | undefined;
  let items: readonly StoredRestatementItem[] = [];
  let transition: StoredRestatementTransition | undefined;
  const subject = `restatement ${req.id}`;
  const r = await runImport(store, {
    subject,
    meta: {
      author: req.actor,
      reason: `${subject} approved${req.comment ? `: ${req.comment}` : ''}`,
      at: req.at,
    },
    batches: () => [
      {
        file: subject,
        dataPoints: write.dataPoints,
        dataPointLines: write.dataPoints.map((_, i) => i + 2),
        activityLines: write.activityLines,
        activityLineLines: write.activityLines.map((_, i) => i + 2),
        issues: [],
      },
    ],
    restatement: { id: req.id },
    precondition: async (tx) => {
      const d = await decideOn(tx, req);
      items = (await one(tx, req.id)).items;
      const expected = items.map((i) => `${i.kind}|${i.factKey}`).sort();
      // The caller built the facts from the request as it read it; another has acted since.
      if (JSON.stringify(expected) !== JSON.stringify(keys))
        throw new Refused({ ok: false, reason: 'stale', current: d.head.version });
      const moved = await firstMoved(tx, items);
      if (moved) throw new Refused(moved);
      // Approved before the facts are appended, so the period lock sees it (restatementCovers).
      await updateHead(tx, req.id, d.next, d.to, d.head.version + 1, req.at);
      decided = d;
    },
    beforeCommit: async (tx, changeSet) => {
      if (!decided) throw new Error('restatement approval: no decision before commit');
      const links = [];
      for (const i of items) {
        const [row] = await tx.query<{ rev: number }>(
          `select rev from ${TABLE[i.kind]} where fact_key = $1 and change_set = $2`,
          [i.factKey, changeSet],
        );
        if (!row) throw new Error(`restatement ${req.id}: ${i.kind} ${i.factId} got no new revision`);
        const link = {
          kind: i.kind,
          factKey: i.factKey,
          oldRev: i.old?.rev ?? null,
          newRev: Number(row.rev),
        };
        await tx.query(
          `insert into restatement_revision (restatement_id, kind, fact_key, old_rev, new_rev, change_set)
           values ($1, $2, $3, $4, $5, $6)`,
          [req.id, link.kind, link.factKey, link.oldRev, link.newRev, changeSet],
        );
        links.push(link);
      }
      await tx.query('update restatement set change_set = $2, effect = $3::jsonb where id = $1', [
        req.id,
        changeSet,
        JSON.stringify(write.effect ?? null),
      ]);
      const version = decided.head.version + 1;
      transition = transitionOf(req, version, decided.from, decided.to);
      await recordTransition(tx, transition, {
        before: { state: decided.from, version: decided.head.version },
        after: { state: decided.to, version, userId: req.userId, changeSet, revisions: links },
      });
    },
  });
  if (!r.ok) return { ok: false, reason: 'invalid', issues: r.issues };
  if (!r.changed || !transition) throw new Error(`restatement ${req.id}: the approval wrote nothing`);
  return { ok: true, restatement: await one(store, req.id), transition };
}
