/**
 * The approval workflow's units and transitions in the store (015-workflow.sql). The rules are
 * core's (workflow/transition.ts), handed in as `decide`; this file makes the decision safe:
 * one transaction, the unit's row locked (select … for update, made first as a draft at
 * version 0 when nobody has acted on the unit), the version the caller acted on checked, the
 * period lock checked, then the new state, one transition record and one audit entry. Of two
 * callers acting on the same version at once, one waits for the other's row lock and then
 * finds the version moved: exactly one transition is recorded. Anything refused leaves nothing.
 */
import {
  type PeriodLock,
  type UnitState,
  WORKFLOW_STATES,
  type WorkflowEventKind,
  type WorkflowState,
} from '@assay/core/forms';
import { isoOf } from './accounts/timestamps.js';
import { appendAudit } from './audit.js';
import { lockedPeriod } from './period-lock-rows.js';
import type { Sql, Store } from './store.js';

export type UnitKey = { readonly entityId: string; readonly periodId: string; readonly topic: string };

/** A unit as stored: its key, state and version (0: nobody has acted on it). */
export type StoredUnit = UnitKey &
  UnitState & {
    readonly version: number;
    /** ISO-8601 of the last transition; null when none. */
    readonly updatedAt: string | null;
  };

export type StoredTransition = UnitKey & {
  /** The unit's version after the transition. */
  readonly version: number;
  readonly from: WorkflowState;
  readonly to: WorkflowState;
  readonly event: WorkflowEventKind;
  readonly userId: string;
  readonly actor: string;
  readonly comment: string | null;
  readonly exceptionFor: string | null;
  readonly at: string;
};

/** What `decide` answers: core's TransitionResult fits (its refusal is passed through). */
export type Decision<R> =
  | { readonly ok: true; readonly state: UnitState; readonly from: WorkflowState; readonly to: WorkflowState }
  | ({ readonly ok: false } & R);

export type TransitionRequest<R> = {
  readonly key: UnitKey;
  /** The unit's version the caller acted on. */
  readonly expectedVersion: number;
  readonly event: WorkflowEventKind;
  readonly comment: string | null;
  readonly exceptionFor: string | null;
  readonly userId: string;
  readonly actor: string;
  readonly at: string;
  readonly decide: (unit: UnitState) => Decision<R>;
};

export type TransitionOutcome<R> =
  | { readonly ok: true; readonly unit: StoredUnit; readonly transition: StoredTransition }
  | { readonly ok: false; readonly reason: 'stale'; readonly current: number }
  | { readonly ok: false; readonly reason: 'locked'; readonly lock: PeriodLock; readonly message: string }
  | { readonly ok: false; readonly reason: 'refused'; readonly refusal: { readonly ok: false } & R };

/** Thrown to roll back (the draft row made for the lock) with the outcome to return. */
class Rollback<R> extends Error {
  constructor(readonly outcome: TransitionOutcome<R>) {
    super('workflow transition rolled back');
  }
}

type UnitRow = {
  entity_id: string;
  period_id: string;
  topic: string;
  state: WorkflowState;
  version: number;
  submitted_by: string | null;
  reviewed_by: string | null;
  exceptions: string[];
  updated_at: string | null;
};

const UNIT_COLUMNS = `entity_id, period_id, topic, state, version, submitted_by, reviewed_by, exceptions,
  ${isoOf('updated_at')} as updated_at`;

function unitOf(r: UnitRow): StoredUnit {
  if (!(WORKFLOW_STATES as readonly string[]).includes(r.state)) throw new Error(`unknown state ${r.state}`);
  return {
    entityId: r.entity_id,
    periodId: r.period_id,
    topic: r.topic,
    state: r.state,
    version: Number(r.version),
    submittedBy: r.submitted_by,
    reviewedBy: r.reviewed_by,
    exceptions: r.exceptions ?? [],
    updatedAt: r.updated_at,
  };
}

const KEY = 'entity_id = $1 and period_id = $2 and topic = $3';
const keyParams = (k: UnitKey) => [k.entityId, k.periodId, k.topic];

export function applyWorkflowTransition<R>(
  store: Store,
  req: TransitionRequest<R>,
): Promise<TransitionOutcome<R>> {
  return store
    .transaction(async (tx): Promise<TransitionOutcome<R>> => {
      await tx.query(
        `insert into workflow_unit (entity_id, period_id, topic, state, version)
         values ($1, $2, $3, 'draft', 0) on conflict do nothing`,
        keyParams(req.key),
      );
      const [row] = await tx.query<UnitRow>(
        `select ${UNIT_COLUMNS} from workflow_unit where ${KEY} for update`,
        keyParams(req.key),
      );
      if (!row) throw new Error('the workflow unit row vanished under its lock');
      const unit = unitOf(row);
      if (unit.version !== req.expectedVersion)
        throw new Rollback<R>({ ok: false, reason: 'stale', current: unit.version });
      const locked = await lockedPeriod(tx, [req.key.periodId]);
      if (locked)
        throw new Rollback<R>({ ok: false, reason: 'locked', lock: locked.lock, message: locked.message });
      const d = req.decide(unit);
      if (!d.ok) throw new Rollback<R>({ ok: false, reason: 'refused', refusal: d });
      const version = unit.version + 1;
      await tx.query(
        `update workflow_unit set state = $4, version = $5, submitted_by = $6, reviewed_by = $7,
           exceptions = $8::text[], updated_at = $9 where ${KEY}`,
        [
          ...keyParams(req.key),
          d.to,
          version,
          d.state.submittedBy,
          d.state.reviewedBy,
          [...d.state.exceptions],
          req.at,
        ],
      );
      await tx.query(
        `insert into workflow_transition (entity_id, period_id, topic, version, from_state, to_state,
           event, user_id, actor, comment, exception_for, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          ...keyParams(req.key),
          version,
          d.from,
          d.to,
          req.event,
          req.userId,
          req.actor,
          req.comment,
          req.exceptionFor,
          req.at,
        ],
      );
      const subject = `${req.key.entityId}|${req.key.periodId}|${req.key.topic}`;
      await appendAudit(tx, {
        at: req.at,
        actor: req.actor,
        action: `workflow-${req.event}`,
        subject,
        before: { state: d.from, version: unit.version },
        after: {
          state: d.to,
          version,
          userId: req.userId,
          ...(req.exceptionFor === null ? {} : { exceptionFor: req.exceptionFor }),
        },
        reason: req.comment ?? '',
      });
      const [after] = await tx.query<UnitRow>(
        `select ${UNIT_COLUMNS} from workflow_unit where ${KEY}`,
        keyParams(req.key),
      );
      if (!after) throw new Error('the workflow unit row vanished after its update');
      return {
        ok: true,
        unit: unitOf(after),
        transition: {
          ...req.key,
          version,
          from: d.from,
          to: d.to,
          event: req.event,
          userId: req.userId,
          actor: req.actor,
          comment: req.comment,
          exceptionFor: req.exceptionFor,
          at: unitOf(after).updatedAt ?? req.at,
        },
      };
    })
    .catch((e: unknown) => {
      if (e instanceof Rollback) return e.outcome as TransitionOutcome<R>;
      throw e;
    });
}

/** The units someone has acted on, optionally of one period; by entity, period, topic. */
export async function workflowUnits(sql: Sql, periodId?: string): Promise<StoredUnit[]> {
  const rows = await sql.query<UnitRow>(
    `select ${UNIT_COLUMNS} from workflow_unit where version > 0 and ($1::text is null or period_id = $1)
     order by entity_id, period_id, topic`,
    [periodId ?? null],
  );
  return rows.map(unitOf);
}

type TransitionRow = {
  entity_id: string;
  period_id: string;
  topic: string;
  version: number;
  from_state: WorkflowState;
  to_state: WorkflowState;
  event: WorkflowEventKind;
  user_id: string;
  actor: string;
  comment: string | null;
  exception_for: string | null;
  at: string;
};
const TRANSITION_COLUMNS = `entity_id, period_id, topic, version, from_state, to_state, event, user_id, actor, comment,
  exception_for, ${isoOf('at')} as at`;
const transitionOf = (r: TransitionRow): StoredTransition => ({
  entityId: r.entity_id,
  periodId: r.period_id,
  topic: r.topic,
  version: Number(r.version),
  from: r.from_state,
  to: r.to_state,
  event: r.event,
  userId: r.user_id,
  actor: r.actor,
  comment: r.comment,
  exceptionFor: r.exception_for,
  at: r.at,
});

/** One unit's transitions, oldest first. */
export async function workflowTransitions(sql: Sql, key: UnitKey): Promise<StoredTransition[]> {
  const rows = await sql.query<TransitionRow>(
    `select ${TRANSITION_COLUMNS} from workflow_transition where ${KEY} order by version`,
    keyParams(key),
  );
  return rows.map(transitionOf);
}

/**
 * Every transition of the units of one period, by entity, topic, then version: one read for a
 * list of units (describeUnits), where one read per unit made GET /api/workflow of 400 units take
 * over a minute under the load test (docs/performance.md, "Load").
 */
export async function workflowPeriodTransitions(sql: Sql, periodId: string): Promise<StoredTransition[]> {
  const rows = await sql.query<TransitionRow>(
    `select ${TRANSITION_COLUMNS} from workflow_transition where period_id = $1
     order by entity_id, topic, version`,
    [periodId],
  );
  return rows.map(transitionOf);
}
