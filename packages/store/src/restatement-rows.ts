/**
 * Reading restatement requests (019-restatement.sql): each with its items, the revisions its
 * approval wrote (linked to the ones they restate) and its transitions; and the one check that
 * lets a write into a locked period through (import-run.ts): the change set belongs to a
 * restatement the database holds as approved, and every revision in it is one of its items.
 * Writing is in restatements.ts.
 */
import type { RestatementChange, WorkflowState } from '@assay/core/forms';
import { isoOf } from './accounts/timestamps.js';
import type { Sql } from './store.js';

export type RestatementFactKind = 'data-point' | 'activity-line';

/** One fact a request moves (see restatement_item). */
export type StoredRestatementItem = {
  readonly kind: RestatementFactKind;
  readonly factId: string;
  /** The store's key: entity|period|indicator|disaggregation for a data point, the line id for a line. */
  readonly factKey: string;
  readonly entityId: string;
  readonly periodId: string;
  /** The revision restated, with its value; null for a fact the restatement adds. */
  readonly old: { readonly rev: number; readonly value: string; readonly unit: string } | null;
  readonly newValue: string;
  readonly newUnit: string;
  /** The fact as it will be: the columns of data-points.csv or activity-lines.csv, as text. */
  readonly fact: Readonly<Record<string, string>>;
};

/** A revision an approved restatement wrote, and the one it restates (null: a new fact). */
export type RestatementLink = {
  readonly kind: RestatementFactKind;
  readonly factKey: string;
  readonly oldRev: number | null;
  readonly newRev: number;
  readonly changeSet: number;
};

export type StoredRestatement = {
  readonly id: number;
  readonly change: RestatementChange;
  readonly reason: string;
  readonly state: WorkflowState;
  /** 1 when requested; +1 per transition. */
  readonly version: number;
  readonly requestedBy: string;
  readonly requester: string;
  readonly requestedAt: string;
  readonly submittedBy: string | null;
  readonly reviewedBy: string | null;
  readonly exceptions: readonly string[];
  readonly updatedAt: string;
  /** The approval's change set; null until approved. */
  readonly changeSet: number | null;
  /** What the app recorded of the effect (the base-year test); opaque here. */
  readonly effect: unknown;
  readonly items: readonly StoredRestatementItem[];
  readonly revisions: readonly RestatementLink[];
};

export type RestatementTransitionEvent = 'request' | 'submit' | 'return' | 'review' | 'approve';

export type StoredRestatementTransition = {
  readonly restatementId: number;
  readonly version: number;
  readonly from: WorkflowState;
  readonly to: WorkflowState;
  readonly event: RestatementTransitionEvent;
  readonly userId: string;
  readonly actor: string;
  readonly comment: string | null;
  readonly at: string;
};

type Row = {
  id: string;
  change_type: RestatementChange;
  reason: string;
  state: WorkflowState;
  version: number;
  requested_by: string;
  requester: string;
  requested_at: string;
  submitted_by: string | null;
  reviewed_by: string | null;
  exceptions: string[];
  updated_at: string;
  change_set: string | null;
  effect: unknown;
};

export const RESTATEMENT_COLUMNS = `id::text as id, change_type, reason, state, version, requested_by, requester,
  ${isoOf('requested_at')} as requested_at, submitted_by, reviewed_by, exceptions,
  ${isoOf('updated_at')} as updated_at, change_set::text as change_set, effect`;

export type RestatementHead = Omit<StoredRestatement, 'items' | 'revisions'>;

export function headOf(r: Row): RestatementHead {
  return {
    id: Number(r.id),
    change: r.change_type,
    reason: r.reason,
    state: r.state,
    version: Number(r.version),
    requestedBy: r.requested_by,
    requester: r.requester,
    requestedAt: r.requested_at,
    submittedBy: r.submitted_by,
    reviewedBy: r.reviewed_by,
    exceptions: r.exceptions ?? [],
    updatedAt: r.updated_at,
    changeSet: r.change_set === null ? null : Number(r.change_set),
    effect: r.effect ?? null,
  };
}

/** The request's row, locked for the transaction when `forUpdate`. */
export async function restatementHead(
  sql: Sql,
  id: number,
  forUpdate = false,
): Promise<RestatementHead | undefined> {
  const [row] = await sql.query<Row>(
    `select ${RESTATEMENT_COLUMNS} from restatement where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return row && headOf(row);
}

type ItemRow = {
  restatement_id: string;
  kind: RestatementFactKind;
  fact_id: string;
  fact_key: string;
  entity_id: string;
  period_id: string;
  old_rev: number | null;
  old_value: string | null;
  old_unit: string | null;
  new_value: string;
  new_unit: string;
  fact: Record<string, string>;
};

type LinkRow = {
  restatement_id: string;
  kind: RestatementFactKind;
  fact_key: string;
  old_rev: number | null;
  new_rev: number;
  change_set: string;
};

/** Requests, oldest first (or the one with `id`), with their items and linked revisions. */
export async function restatementRecords(sql: Sql, id?: number): Promise<StoredRestatement[]> {
  const heads = await sql.query<Row>(
    `select ${RESTATEMENT_COLUMNS} from restatement where ($1::bigint is null or id = $1) order by restatement.id`,
    [id ?? null],
  );
  if (heads.length === 0) return [];
  const items = await sql.query<ItemRow>(
    `select restatement_id::text as restatement_id, kind, fact_id, fact_key, entity_id, period_id, old_rev,
       old_value::text as old_value, old_unit, new_value::text as new_value, new_unit, fact
     from restatement_item where ($1::bigint is null or restatement_id = $1) order by restatement_id, position`,
    [id ?? null],
  );
  const links = await sql.query<LinkRow>(
    `select restatement_id::text as restatement_id, kind, fact_key, old_rev, new_rev, change_set::text as change_set
     from restatement_revision where ($1::bigint is null or restatement_id = $1) order by restatement_id, kind, fact_key`,
    [id ?? null],
  );
  const itemsOf = new Map<string, StoredRestatementItem[]>();
  for (const i of items) {
    const list = itemsOf.get(i.restatement_id) ?? [];
    list.push({
      kind: i.kind,
      factId: i.fact_id,
      factKey: i.fact_key,
      entityId: i.entity_id,
      periodId: i.period_id,
      old:
        i.old_rev === null
          ? null
          : { rev: Number(i.old_rev), value: i.old_value ?? '', unit: i.old_unit ?? '' },
      newValue: i.new_value,
      newUnit: i.new_unit,
      fact: i.fact,
    });
    itemsOf.set(i.restatement_id, list);
  }
  const linksOf = new Map<string, RestatementLink[]>();
  for (const l of links) {
    const list = linksOf.get(l.restatement_id) ?? [];
    list.push({
      kind: l.kind,
      factKey: l.fact_key,
      oldRev: l.old_rev === null ? null : Number(l.old_rev),
      newRev: Number(l.new_rev),
      changeSet: Number(l.change_set),
    });
    linksOf.set(l.restatement_id, list);
  }
  return heads.map((h) => ({
    ...headOf(h),
    items: itemsOf.get(h.id) ?? [],
    revisions: linksOf.get(h.id) ?? [],
  }));
}

/** One request's transitions, oldest first. */
export async function restatementTransitions(sql: Sql, id: number): Promise<StoredRestatementTransition[]> {
  const rows = await sql.query<{
    version: number;
    from_state: WorkflowState;
    to_state: WorkflowState;
    event: RestatementTransitionEvent;
    user_id: string;
    actor: string;
    comment: string | null;
    at: string;
  }>(
    `select version, from_state, to_state, event, user_id, actor, comment, ${isoOf('at')} as at
     from restatement_transition where restatement_id = $1 order by version`,
    [id],
  );
  return rows.map((r) => ({
    restatementId: id,
    version: Number(r.version),
    from: r.from_state,
    to: r.to_state,
    event: r.event,
    userId: r.user_id,
    actor: r.actor,
    comment: r.comment,
    at: r.at,
  }));
}

/**
 * Whether change set `changeSet` may write into a locked period as restatement `id`: the
 * database holds the restatement as approved (its approval is this transaction's), and every
 * revision in the change set is of one of its items. Anything else in a locked period is refused.
 */
export async function restatementCovers(tx: Sql, id: number, changeSet: number): Promise<boolean> {
  const [r] = await tx.query<{ approved: boolean; stray: boolean }>(
    `select coalesce((select state = 'approved' from restatement where id = $1), false) as approved,
       exists (select 1 from data_point_revision r where r.change_set = $2 and not exists (
         select 1 from restatement_item i where i.restatement_id = $1 and i.kind = 'data-point' and i.fact_key = r.fact_key))
       or exists (select 1 from activity_line_revision r where r.change_set = $2 and not exists (
         select 1 from restatement_item i where i.restatement_id = $1 and i.kind = 'activity-line' and i.fact_key = r.fact_key))
       as stray`,
    [id, changeSet],
  );
  return r?.approved === true && r.stray === false;
}
