/**
 * Assigning a cycle's indicators × entities to preparers, in bulk (issue #17; docs/workflow.md
 * "Cycles and assignments"): an administrator ('manage-cycle' on the subtree's root) picks
 * topics and/or indicators from the catalogue, an entity subtree (optionally only some kinds:
 * "every site under subsidiary X"), entry periods of the cycle (default: all), one preparer and a
 * due date (a day, or so many days after each entry period ends). Every selected indicator ×
 * entity × entry period becomes that preparer's, or, with `assignee: null`, is withdrawn.
 * The preparer must be an enabled account holding the preparer role ('submit-data') on every
 * selected entity. All or nothing; the same request twice changes nothing (the records compare
 * with what is there). Also: listing a cycle's assignments, and one assignment's history.
 */
import { addDays, bundleCatalogue, type EntityKind, isCalendarDate, periodEndDate } from '@assay/core';
import type { AccountDirectory } from '../access/account-directory.js';
import { accountLabel } from '../access/account-directory.js';
import { accessFor, authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import { failure, type Result, success } from '../outcome.js';
import type {
  AssignCounts,
  AssignmentChangeRecord,
  AssignmentRecord,
  WantedAssignment,
} from '../workspace/assignment-records.js';
import type { Workspace } from '../workspace/workspace.js';
import { cycleOf } from './cycles.js';
import { actorId } from './workflow.js';

/** At most this many indicator × entity × entry period assignments in one request. */
export const MAX_BULK_ASSIGNMENTS = 100_000;
/** A due date at most this many days after the entry period ends. */
export const MAX_DUE_DAYS = 366;

export type BulkAssignment = {
  /** Catalogue topics ("energy", "emissions"): every indicator of each. */
  readonly topics?: readonly string[] | undefined;
  /** Single indicators, besides the topics'. */
  readonly indicators?: readonly string[] | undefined;
  /** The subtree's root entity. */
  readonly entity: string;
  /** Only entities of these kinds in the subtree (e.g. ['site']); default all. */
  readonly kinds?: readonly EntityKind[] | undefined;
  /** Entry periods of the cycle; default all of them. */
  readonly periods?: readonly string[] | undefined;
  /** The preparer's user id; null withdraws the selected assignments. */
  readonly assignee: string | null;
  /** YYYY-MM-DD for every selected entry period… */
  readonly due?: string | undefined;
  /** …or so many days after each entry period's last day (monthly cycles: 10 → the 10th of the next month). */
  readonly dueDaysAfterPeriodEnd?: number | undefined;
};

export type BulkAssignInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly accounts: AccountDirectory;
  readonly cycleId: string;
  readonly request: BulkAssignment;
};

export type BulkAssignResult = AssignCounts & {
  readonly cycleId: string;
  /** Indicator × entity × entry period combinations the request selected. */
  readonly selected: number;
  readonly entities: readonly string[];
  readonly indicators: readonly string[];
  readonly periods: readonly string[];
};

const invalid = (field: string, message: string) =>
  failure('invalid-request', `${field}: ${message}`, { field });

export async function assignInBulk(i: BulkAssignInput): Promise<Result<BulkAssignResult>> {
  const r = i.request;
  const decision = authorise(i.caller.access, 'manage-cycle', { kind: 'entity', entityId: r.entity });
  if (decision === 'deny-invisible')
    return failure('not-found', `no entity "${r.entity.slice(0, 200)}"`, { field: 'entity' });
  if (decision === 'deny-forbidden')
    return failure('forbidden', `assigning needs the administrator role on entity "${r.entity}"`);
  const cycle = await cycleOf(i.ws, i.cycleId);
  if (!cycle.ok) return cycle;
  const s = i.ws.snapshot();
  // Indicators: every one of each topic, and the ones named.
  const catalogue = [...bundleCatalogue(s.bundle).values()];
  const topics = r.topics ?? [];
  const named = r.indicators ?? [];
  if (topics.length === 0 && named.length === 0)
    return invalid('topics', 'name at least one topic or indicator');
  const indicators = new Map<string, string>();
  for (const [n, topic] of topics.entries()) {
    const of = catalogue.filter((x) => x.topic === topic);
    if (of.length === 0)
      return failure('not-found', `topics.${n}: no topic "${topic.slice(0, 100)}" in the catalogue`, {
        field: `topics.${n}`,
      });
    for (const x of of) indicators.set(x.id, x.topic);
  }
  for (const [n, id] of named.entries()) {
    const x = catalogue.find((c) => c.id === id);
    if (!x)
      return failure('not-found', `indicators.${n}: no indicator "${id.slice(0, 200)}" in the catalogue`, {
        field: `indicators.${n}`,
      });
    indicators.set(x.id, x.topic);
  }
  // Entities: the subtree, narrowed to the kinds asked for.
  const kinds = r.kinds && r.kinds.length > 0 ? new Set(r.kinds) : undefined;
  const byId = new Map(s.bundle.organisation.entities.map((e) => [e.id, e]));
  const entities = i.caller.access.tree
    .subtree(r.entity)
    .filter((id) => kinds === undefined || kinds.has(byId.get(id)?.kind as EntityKind))
    .sort();
  if (entities.length === 0)
    return invalid('kinds', `no entity of kind ${[...(kinds ?? [])].join(' or ')} under "${r.entity}"`);
  // Entry periods.
  const all = cycle.value.entryPeriods;
  const periods = r.periods && r.periods.length > 0 ? [...new Set(r.periods)] : [...all];
  for (const [n, p] of periods.entries())
    if (!all.includes(p))
      return invalid(
        `periods.${n}`,
        `"${p.slice(0, 40)}" is not an entry period of cycle ${cycle.value.periodId} (${all[0]}${all.length > 1 ? ` … ${all[all.length - 1]}` : ''})`,
      );
  // Due dates.
  const dueOf = dueRule(r);
  if (!dueOf.ok) return dueOf;
  // The preparer.
  let assignee: { id: string; label: string } | null = null;
  if (r.assignee !== null) {
    const account = await i.accounts.find(r.assignee);
    if (!account)
      return invalid(
        'assignee',
        `no account "${r.assignee.slice(0, 200)}" (assignments need an account: add the user first)`,
      );
    if (account.disabled) return invalid('assignee', `the account of ${accountLabel(account)} is disabled`);
    const access = accessFor({ userId: account.id, grants: account.grants }, i.caller.access.tree);
    const lacking = entities.find(
      (e) => authorise(access, 'submit-data', { kind: 'entity', entityId: e }) !== 'allow',
    );
    if (lacking)
      return invalid(
        'assignee',
        `${accountLabel(account)} has no preparer role on entity "${lacking}": grant it first, or assign fewer entities`,
      );
    assignee = { id: account.id, label: accountLabel(account) };
  }
  const selected = indicators.size * entities.length * periods.length;
  if (selected > MAX_BULK_ASSIGNMENTS)
    return invalid(
      'topics',
      `${selected} assignments in one request; at most ${MAX_BULK_ASSIGNMENTS}: split it by entity or period`,
    );
  const wanted: WantedAssignment[] = [];
  for (const periodId of periods) {
    const dueDate = assignee === null ? null : dueOf.value(periodId);
    for (const entityId of entities)
      for (const [indicatorId, topic] of indicators)
        wanted.push({
          periodId,
          entityId,
          indicatorId,
          topic,
          assignee: assignee?.id ?? null,
          assigneeLabel: assignee?.label ?? null,
          dueDate,
        });
  }
  const summary = {
    entity: r.entity,
    kinds: r.kinds ?? null,
    topics,
    indicators: named,
    periods,
    assignee: assignee?.id ?? null,
    due: r.due ?? null,
    dueDaysAfterPeriodEnd: r.dueDaysAfterPeriodEnd ?? null,
  };
  const out = await i.ws.assignments.assign(
    cycle.value.periodId,
    wanted,
    { userId: actorId(i.caller), actor: i.caller.label },
    summary,
  );
  // Cycles are never removed (append-only), so this answers only a cycle that never was.
  if (!out.ok)
    return failure('not-found', `no reporting cycle for period "${i.cycleId}"`, { field: 'period' });
  return success({
    cycleId: cycle.value.periodId,
    created: out.created,
    changed: out.changed,
    withdrawn: out.withdrawn,
    unchanged: out.unchanged,
    selected,
    entities,
    indicators: [...indicators.keys()].sort(),
    periods,
  });
}

/** The due date of each entry period from the request: a fixed day, or days after the period ends. */
function dueRule(r: BulkAssignment): Result<(periodId: string) => string | null> {
  const fixed = r.due;
  const days = r.dueDaysAfterPeriodEnd;
  if (r.assignee === null) {
    if (fixed !== undefined || days !== undefined) return invalid('due', 'a withdrawal has no due date');
    return success(() => null);
  }
  if ((fixed === undefined) === (days === undefined))
    return invalid('due', 'give either a due date (due: "2026-02-10") or dueDaysAfterPeriodEnd (e.g. 10)');
  if (fixed !== undefined) {
    if (!isCalendarDate(fixed))
      return invalid('due', `"${fixed.slice(0, 40)}" is not a date written YYYY-MM-DD`);
    return success(() => fixed);
  }
  if (days === undefined || !Number.isInteger(days) || days < 0 || days > MAX_DUE_DAYS)
    return invalid('dueDaysAfterPeriodEnd', `a whole number of days from 0 to ${MAX_DUE_DAYS}`);
  return success((periodId) => addDays(periodEndDate(periodId) as string, days));
}

/** An assignment as listed: its record. */
export type AssignmentView = AssignmentRecord;

export type AssignmentListFilter = {
  readonly entity?: string | undefined;
  readonly assignee?: string | undefined;
  readonly period?: string | undefined;
  readonly includeWithdrawn?: boolean | undefined;
};

/** A cycle's assignments in the entities where the caller may read cycles. */
export async function listAssignments(
  ws: Workspace,
  caller: Caller,
  cycleId: string,
  f: AssignmentListFilter = {},
): Promise<Result<{ cycle: string; assignments: AssignmentView[] }>> {
  const cycle = await cycleOf(ws, cycleId);
  if (!cycle.ok) return cycle;
  for (const [field, value] of Object.entries({ assignee: f.assignee, period: f.period }))
    if (value?.includes('\u0000'))
      return failure('invalid-request', `${field}: a NUL character is not allowed`, { field });
  const readable = (entityId: string) =>
    authorise(caller.access, 'read-cycle', { kind: 'entity', entityId }) === 'allow';
  if (f.entity !== undefined && !readable(f.entity))
    return failure('not-found', `no entity "${f.entity.slice(0, 200)}"`, { field: 'entity' });
  const list = await ws.assignments.list({
    cycleId: cycle.value.periodId,
    assignee: f.assignee,
    periodId: f.period,
    entityIds: f.entity === undefined ? undefined : caller.access.tree.subtree(f.entity),
    includeWithdrawn: f.includeWithdrawn,
  });
  return success({ cycle: cycle.value.periodId, assignments: list.filter((a) => readable(a.entityId)) });
}

/** One assignment and its changes, oldest first; not found outside the caller's entities. */
export async function assignmentHistory(
  ws: Workspace,
  caller: Caller,
  cycleId: string,
  id: string,
): Promise<Result<{ assignment: AssignmentView; changes: readonly AssignmentChangeRecord[] }>> {
  const a = await ws.assignments.get(id);
  const decision = a && authorise(caller.access, 'read-cycle', { kind: 'entity', entityId: a.entityId });
  if (!a || a.cycleId !== cycleId || decision === 'deny-invisible')
    return failure('not-found', `no assignment "${id.slice(0, 40)}" in cycle "${cycleId.slice(0, 40)}"`, {
      field: 'id',
    });
  if (decision !== 'allow') return failure('forbidden', 'your role does not allow reading assignments here');
  return success({ assignment: a, changes: await ws.assignments.history(id) });
}
