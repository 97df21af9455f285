/**
 * Reporting cycles and assignments in the store (017-assignments.sql; docs/workflow.md "Cycles
 * and assignments"). The rules (which periods a cycle covers, which cycles overlap, who may be
 * assigned what) are the application's; this file keeps the records and makes each request one
 * transaction under the assignment lock (an advisory lock), so two servers on one database
 * cannot open overlapping cycles or interleave two bulk assignments.
 * Bulk assignment is idempotent: a wanted assignment equal to the current one (same assignee and
 * due date, or withdrawn and still withdrawn) changes nothing; a new one is inserted at version 1,
 * a different one updated to the next version; each of those adds one assignment_change row, and
 * the request, when it changed anything, one audit entry ("assign").
 */
import { isoOf } from './accounts/timestamps.js';
import { appendAudit } from './audit.js';
import type { Sql, Store } from './store.js';

/** Arbitrary constant naming the assignment lock (the migration lock is …361, imports …362). */
export const ASSIGNMENT_LOCK = 73_617_363;

export type StoredCycle = {
  readonly periodId: string;
  /** 'month' | 'quarter' | 'year' (core CYCLE_FREQUENCIES). */
  readonly frequency: string;
  readonly openedBy: string;
  readonly actor: string;
  /** ISO-8601. */
  readonly openedAt: string;
};

export type StoredAssignment = {
  readonly id: string;
  readonly cycleId: string;
  /** The entry period. */
  readonly periodId: string;
  readonly entityId: string;
  readonly indicatorId: string;
  readonly topic: string;
  /** The preparer's user id; null: withdrawn. */
  readonly assignee: string | null;
  readonly assigneeLabel: string | null;
  /** YYYY-MM-DD; null when withdrawn. */
  readonly dueDate: string | null;
  readonly version: number;
  /** Who made the last change (user id, name) and when. */
  readonly assignedBy: string;
  readonly actor: string;
  readonly at: string;
};

export type StoredAssignmentChange = {
  readonly assignmentId: string;
  readonly version: number;
  readonly assignee: string | null;
  readonly assigneeLabel: string | null;
  readonly dueDate: string | null;
  readonly assignedBy: string;
  readonly actor: string;
  readonly at: string;
};

/** One assignment as a bulk request wants it (assignee null: withdraw it). */
export type WantedAssignment = {
  readonly periodId: string;
  readonly entityId: string;
  readonly indicatorId: string;
  readonly topic: string;
  readonly assignee: string | null;
  readonly assigneeLabel: string | null;
  readonly dueDate: string | null;
};

export type AssignCounts = {
  /** New assignments. */
  readonly created: number;
  /** Reassigned or given another due date. */
  readonly changed: number;
  /** Withdrawn now. */
  readonly withdrawn: number;
  /** Already as wanted. */
  readonly unchanged: number;
};

const CYCLE_COLUMNS = `period_id as "periodId", frequency, opened_by as "openedBy", actor,
  ${isoOf('opened_at')} as "openedAt"`;

const COLUMNS = `id::text as id, cycle_id as "cycleId", period_id as "periodId", entity_id as "entityId",
  indicator_id as "indicatorId", topic, assignee, assignee_label as "assigneeLabel",
  to_char(due_date, 'YYYY-MM-DD') as "dueDate", version, assigned_by as "assignedBy", actor,
  ${isoOf('at')} as at`;

const numbered = (a: StoredAssignment): StoredAssignment => ({ ...a, version: Number(a.version) });

/** Every cycle, by period. */
export function reportingCycles(sql: Sql): Promise<StoredCycle[]> {
  return sql.query<StoredCycle>(
    `select ${CYCLE_COLUMNS} from reporting_cycle order by period_id collate "C"`,
  );
}

export type OpenCycleRequest = {
  readonly periodId: string;
  readonly frequency: string;
  readonly openedBy: string;
  readonly actor: string;
  readonly at: string;
  /** The application's overlap rule: the existing cycle that keeps this one from opening. */
  readonly blocking: (cycles: readonly StoredCycle[]) => StoredCycle | undefined;
};

export type OpenCycleResult =
  | { readonly ok: true; readonly cycle: StoredCycle; readonly created: boolean }
  | { readonly ok: false; readonly reason: 'blocked'; readonly cycle: StoredCycle };

/** Open a cycle; the same period and frequency again is not an error (`created: false`). */
export function openReportingCycle(store: Store, r: OpenCycleRequest): Promise<OpenCycleResult> {
  return store.transaction(async (tx): Promise<OpenCycleResult> => {
    await tx.query('select pg_advisory_xact_lock($1)', [ASSIGNMENT_LOCK]);
    const cycles = await reportingCycles(tx);
    const same = cycles.find((c) => c.periodId === r.periodId && c.frequency === r.frequency);
    if (same) return { ok: true, cycle: same, created: false };
    const blocked = r.blocking(cycles);
    if (blocked) return { ok: false, reason: 'blocked', cycle: blocked };
    await tx.query(
      `insert into reporting_cycle (period_id, frequency, opened_by, actor, opened_at)
       values ($1, $2, $3, $4, $5)`,
      [r.periodId, r.frequency, r.openedBy, r.actor, r.at],
    );
    await appendAudit(tx, {
      at: r.at,
      actor: r.actor,
      action: 'cycle-open',
      subject: `cycle ${r.periodId}`,
      before: null,
      after: { periodId: r.periodId, frequency: r.frequency, userId: r.openedBy },
      reason: '',
    });
    const [cycle] = await tx.query<StoredCycle>(
      `select ${CYCLE_COLUMNS} from reporting_cycle where period_id = $1`,
      [r.periodId],
    );
    if (!cycle) throw new Error('the reporting cycle vanished after its insert');
    return { ok: true, cycle, created: true };
  });
}

export type AssignRequest = {
  readonly cycleId: string;
  readonly wanted: readonly WantedAssignment[];
  readonly userId: string;
  readonly actor: string;
  readonly at: string;
  /** What the request asked for, as the audit entry records it (assignee, due, topics, entity…). */
  readonly summary: unknown;
};

export type AssignResult =
  | ({ readonly ok: true } & AssignCounts)
  | { readonly ok: false; readonly reason: 'no-cycle' };

const keyOf = (w: { periodId: string; entityId: string; indicatorId: string }) =>
  JSON.stringify([w.periodId, w.entityId, w.indicatorId]);

/** Apply a bulk assignment (see the file comment); one transaction. */
export function applyAssignments(store: Store, r: AssignRequest): Promise<AssignResult> {
  return store.transaction(async (tx): Promise<AssignResult> => {
    await tx.query('select pg_advisory_xact_lock($1)', [ASSIGNMENT_LOCK]);
    const [cycle] = await tx.query('select 1 from reporting_cycle where period_id = $1', [r.cycleId]);
    if (!cycle) return { ok: false, reason: 'no-cycle' };
    const wanted = new Map(r.wanted.map((w) => [keyOf(w), w]));
    const list = [...wanted.values()];
    const current = new Map(
      (
        await tx.query<StoredAssignment>(
          `select ${COLUMNS} from assignment a
           join unnest($1::text[], $2::text[], $3::text[]) as k(p, e, i)
             on a.period_id = k.p and a.entity_id = k.e and a.indicator_id = k.i`,
          [list.map((w) => w.periodId), list.map((w) => w.entityId), list.map((w) => w.indicatorId)],
        )
      ).map((a) => [keyOf(a), a]),
    );
    const inserts: WantedAssignment[] = [];
    const updates: { id: string; w: WantedAssignment }[] = [];
    let unchanged = 0;
    let withdrawn = 0;
    for (const w of list) {
      const now = current.get(keyOf(w));
      if (!now) {
        if (w.assignee === null) unchanged++;
        else inserts.push(w);
      } else if (now.assignee === w.assignee && now.dueDate === w.dueDate) unchanged++;
      else {
        updates.push({ id: now.id, w });
        if (w.assignee === null) withdrawn++;
      }
    }
    const by = [r.userId, r.actor, r.at];
    if (inserts.length > 0)
      await tx.query(
        `with added as (
           insert into assignment (cycle_id, period_id, entity_id, indicator_id, topic, assignee,
             assignee_label, due_date, version, assigned_by, actor, at)
           select $1, p, e, i, t, a, l, d::date, 1, $9, $10, $11
           from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             as k(p, e, i, t, a, l, d)
           returning id, version, assignee, assignee_label, due_date)
         insert into assignment_change (assignment_id, version, assignee, assignee_label, due_date,
           assigned_by, actor, at)
         select id, version, assignee, assignee_label, due_date, $9, $10, $11 from added`,
        [
          r.cycleId,
          inserts.map((w) => w.periodId),
          inserts.map((w) => w.entityId),
          inserts.map((w) => w.indicatorId),
          inserts.map((w) => w.topic),
          inserts.map((w) => w.assignee),
          inserts.map((w) => w.assigneeLabel),
          inserts.map((w) => w.dueDate),
          ...by,
        ],
      );
    if (updates.length > 0)
      await tx.query(
        `with changed as (
           update assignment a set assignee = u.a, assignee_label = u.l, due_date = u.d::date,
             version = a.version + 1, assigned_by = $5, actor = $6, at = $7
           from unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) as u(id, a, l, d)
           where a.id = u.id
           returning a.id, a.version, a.assignee, a.assignee_label, a.due_date)
         insert into assignment_change (assignment_id, version, assignee, assignee_label, due_date,
           assigned_by, actor, at)
         select id, version, assignee, assignee_label, due_date, $5, $6, $7 from changed`,
        [
          updates.map((u) => u.id),
          updates.map((u) => u.w.assignee),
          updates.map((u) => u.w.assigneeLabel),
          updates.map((u) => u.w.dueDate),
          ...by,
        ],
      );
    const counts: AssignCounts = {
      created: inserts.length,
      changed: updates.length - withdrawn,
      withdrawn,
      unchanged,
    };
    if (inserts.length + updates.length > 0)
      await appendAudit(tx, {
        at: r.at,
        actor: r.actor,
        action: 'assign',
        subject: `cycle ${r.cycleId}`,
        before: null,
        after: { ...counts, userId: r.userId, request: r.summary },
        reason: '',
      });
    return { ok: true, ...counts };
  });
}

export type AssignmentFilter = {
  readonly cycleId?: string | undefined;
  readonly assignee?: string | undefined;
  readonly entityIds?: readonly string[] | undefined;
  readonly periodId?: string | undefined;
  /** Include withdrawn assignments (default: current ones only). */
  readonly includeWithdrawn?: boolean | undefined;
};

/** Assignments, by entry period, entity and indicator. */
export async function listAssignments(sql: Sql, f: AssignmentFilter = {}): Promise<StoredAssignment[]> {
  const rows = await sql.query<StoredAssignment>(
    `select ${COLUMNS} from assignment
     where ($1::text is null or cycle_id = $1) and ($2::text is null or assignee = $2)
       and ($3::text[] is null or entity_id = any($3::text[])) and ($4::text is null or period_id = $4)
       and ($5::boolean or assignee is not null)
     order by period_id collate "C", entity_id collate "C", indicator_id collate "C"`,
    [
      f.cycleId ?? null,
      f.assignee ?? null,
      f.entityIds ? [...f.entityIds] : null,
      f.periodId ?? null,
      f.includeWithdrawn ?? false,
    ],
  );
  return rows.map(numbered);
}

/** One assignment by id (digits); undefined when there is none. */
export async function assignmentById(sql: Sql, id: string): Promise<StoredAssignment | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const [row] = await sql.query<StoredAssignment>(`select ${COLUMNS} from assignment where id = $1::bigint`, [
    id,
  ]);
  return row && numbered(row);
}

/** The current assignments of one unit (entity × entry period × topic). */
export async function unitAssignments(
  sql: Sql,
  key: { readonly entityId: string; readonly periodId: string; readonly topic: string },
): Promise<StoredAssignment[]> {
  const rows = await sql.query<StoredAssignment>(
    `select ${COLUMNS} from assignment
     where entity_id = $1 and period_id = $2 and topic = $3 and assignee is not null
     order by indicator_id collate "C"`,
    [key.entityId, key.periodId, key.topic],
  );
  return rows.map(numbered);
}

/** An assignment's changes, oldest first (its history). */
export async function assignmentChanges(sql: Sql, id: string): Promise<StoredAssignmentChange[]> {
  if (!/^\d{1,18}$/.test(id)) return [];
  const rows = await sql.query<StoredAssignmentChange>(
    `select assignment_id::text as "assignmentId", version, assignee, assignee_label as "assigneeLabel",
       to_char(due_date, 'YYYY-MM-DD') as "dueDate", assigned_by as "assignedBy", actor, ${isoOf('at')} as at
     from assignment_change where assignment_id = $1::bigint order by version`,
    [id],
  );
  return rows.map((c) => ({ ...c, version: Number(c.version) }));
}
