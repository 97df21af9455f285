/**
 * The approval workflow's use cases (issue #17; docs/workflow.md): act on a unit (entity ×
 * period × topic) with submit, return, review, approve, reopen or exception, and list a
 * period's units with their state. The caller is authorised for the unit's entity with the
 * event's action (permissions.ts); the rules are core's transition(), and for a submit of a
 * unit with assignments core's assignmentRefusal() (only an assigned preparer or an
 * administrator: rule 'not-assigned', 403); the workspace's cycle records decide atomically
 * against the version the caller acted on.
 */
import {
  type Actor,
  assignmentRefusal,
  bundleCatalogue,
  type Capability,
  DRAFT_UNIT,
  parsePeriod,
  type RefusalCode,
  transition,
  type WorkflowEvent,
  type WorkflowEventKind,
} from '@assay/core';
import { authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import type { Action } from '../access/permissions.js';
import type { WorkflowNotifier } from '../notifications/notifier.js';
import { failure, type OutcomeCode, type Result, success } from '../outcome.js';
import type { TransitionRecord, UnitKey, UnitRecord } from '../workspace/cycle-records.js';
import type { Snapshot, Workspace } from '../workspace/workspace.js';
import { ACTIVITY_TOPIC } from './report-status.js';

/** The permission each event needs on the unit's entity (the route rules use the same). */
export const EVENT_ACTION: Readonly<Record<WorkflowEventKind, Action>> = {
  submit: 'submit-data',
  return: 'return-data',
  review: 'review-data',
  approve: 'approve-data',
  reopen: 'manage-cycle',
  exception: 'manage-cycle',
};

const CAPABILITY_ACTION: Readonly<Record<Capability, Action>> = {
  prepare: 'submit-data',
  review: 'review-data',
  approve: 'approve-data',
  administer: 'manage-cycle',
};

/** How each refusal of core's rule is answered. */
const REFUSAL_CODE: Readonly<Record<RefusalCode, OutcomeCode>> = {
  'wrong-state': 'conflict',
  'not-permitted': 'forbidden',
  'comment-required': 'invalid-request',
  'self-review': 'forbidden',
  'self-approval': 'forbidden',
  'self-exception': 'forbidden',
  'not-assigned': 'forbidden',
};

/** The id compared for segregation of duties: the user's, or "local" for the local user. */
export const actorId = (caller: Caller): string => caller.access.principal.userId;

/** What the caller may do on an entity, for core's rule. */
export function actorOn(caller: Caller, entityId: string): Actor {
  const can = new Set<Capability>();
  for (const [capability, action] of Object.entries(CAPABILITY_ACTION) as [Capability, Action][])
    if (authorise(caller.access, action, { kind: 'entity', entityId }) === 'allow') can.add(capability);
  return { id: actorId(caller), can };
}

/** The catalogue's topics (standard and the bundle's own indicators). */
export function topicsOf(s: Snapshot): Set<string> {
  return new Set([...bundleCatalogue(s.bundle).values()].map((i) => i.topic));
}

/** A unit's key checked against the organisation, the period forms and the catalogue. */
function checkKey(s: Snapshot, key: UnitKey): Result<UnitKey> {
  if (!s.bundle.organisation.entities.some((e) => e.id === key.entityId))
    return failure('not-found', `no entity "${key.entityId}"`, { field: 'entity' });
  if (!parsePeriod(key.periodId))
    return failure(
      'invalid-request',
      `period "${key.periodId}": use a year (2025), quarter (2025-Q1) or month (2025-01)`,
      {
        field: 'period',
      },
    );
  if (!topicsOf(s).has(key.topic))
    return failure('not-found', `no topic "${key.topic}" in the catalogue`, { field: 'topic' });
  return success(key);
}

export type WorkflowEventInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly key: UnitKey;
  readonly event: WorkflowEventKind;
  /** Required for return, reopen (the reason) and exception. */
  readonly comment?: string | undefined;
  /** Event 'exception': the user allowed to act despite segregation of duties. */
  readonly userId?: string | undefined;
  /** The unit's version the caller acted on (0 for a unit nobody has acted on). */
  readonly version: number;
  /**
   * Told of the recorded transition (notifications/notifier.ts: in-app notifications and their
   * e-mail); none: nobody is notified. It never fails the transition.
   */
  readonly notifier?: WorkflowNotifier | undefined;
};

const unitName = (k: UnitKey) => `${k.entityId} × ${k.periodId} × ${k.topic}`;

export async function actOnUnit(
  i: WorkflowEventInput,
): Promise<Result<{ unit: UnitRecord; transition: TransitionRecord }>> {
  const action = EVENT_ACTION[i.event];
  const decision = authorise(i.caller.access, action, { kind: 'entity', entityId: i.key.entityId });
  if (decision === 'deny-invisible')
    return failure('not-found', `no entity "${i.key.entityId}"`, { field: 'entity' });
  if (decision === 'deny-forbidden')
    return failure(
      'forbidden',
      `${i.event}: your role does not allow "${action}" on entity "${i.key.entityId}"`,
    );
  const key = checkKey(i.ws.snapshot(), i.key);
  if (!key.ok) return key;
  const comment = i.comment?.trim() ?? '';
  let event: WorkflowEvent;
  if (i.event === 'exception') {
    const userId = i.userId?.trim() ?? '';
    if (userId === '')
      return failure('invalid-request', 'userId: name the user the exception allows', { field: 'userId' });
    event = { kind: 'exception', userId, comment };
  } else if (i.event === 'return' || i.event === 'reopen') event = { kind: i.event, comment };
  else event = comment === '' ? { kind: i.event } : { kind: i.event, comment };
  const actor = actorOn(i.caller, i.key.entityId);
  // A unit with assignments is submitted by an assigned preparer or an administrator only
  // (core workflow/assignment-rule.ts), after core's rule has accepted the event. The
  // assignments are read just before the transition, not under its row lock: an assignment
  // changed in between decides the next submission.
  const assignees =
    i.event === 'submit'
      ? (await i.ws.assignments.ofUnit(key.value)).map((a) => ({
          id: a.assignee ?? '',
          label: a.assigneeLabel ?? '',
        }))
      : [];
  const out = await i.ws.cycle.apply({
    key: key.value,
    expectedVersion: i.version,
    event: i.event,
    comment: comment === '' ? null : comment,
    exceptionFor: event.kind === 'exception' ? event.userId : null,
    who: { userId: actor.id, actor: i.caller.label },
    decide: (unit) => {
      const decided = transition(unit, event, actor);
      return decided.ok ? (assignmentRefusal(i.event, actor, assignees) ?? decided) : decided;
    },
  });
  if (out.ok) {
    await i.notifier?.afterTransition({ ws: i.ws, transition: out.transition, unit: out.unit });
    return success({ unit: out.unit, transition: out.transition });
  }
  switch (out.reason) {
    case 'stale':
      return failure(
        'stale-version',
        `unit ${unitName(i.key)} is at version ${out.current}, not ${i.version}: someone acted on it meanwhile; reload`,
        { field: 'version' },
      );
    case 'locked':
      return failure('period-locked', out.message, { field: 'period' });
    case 'refused': {
      const r = out.refusal;
      return failure(REFUSAL_CODE[r.code], r.message, {
        rule: r.code,
        ...(r.field ? { field: r.field } : {}),
      });
    }
  }
}

/** A unit as listed: its record, and how many current data points and activity lines it holds. */
export type UnitView = UnitRecord & { readonly dataPoints: number; readonly activityLines: number };

/**
 * The units of a period the caller may read ('read-data-points' on their entity): every unit
 * someone acted on, and a draft unit (version 0) for each entity × topic holding a data point
 * or activity line of that period that nobody has acted on yet.
 */
export async function listUnits(
  ws: Workspace,
  caller: Caller,
  periodId: string,
): Promise<Result<UnitView[]>> {
  if (!parsePeriod(periodId))
    return failure(
      'invalid-request',
      `period "${periodId}": use a year (2025), quarter (2025-Q1) or month (2025-01)`,
      {
        field: 'period',
      },
    );
  const s = ws.snapshot();
  const catalogue = bundleCatalogue(s.bundle);
  const readable = (entityId: string) =>
    authorise(caller.access, 'read-data-points', { kind: 'entity', entityId }) === 'allow';
  const count = new Map<string, number>();
  const lineCount = new Map<string, number>();
  const keyOf = (k: UnitKey) => JSON.stringify([k.entityId, k.periodId, k.topic]);
  const found = new Map<string, UnitKey>();
  const add = (
    entityId: string,
    factPeriod: string,
    topic: string | undefined,
    tally: Map<string, number>,
  ) => {
    if (factPeriod !== periodId || topic === undefined) return;
    const key = { entityId, periodId, topic };
    const k = keyOf(key);
    tally.set(k, (tally.get(k) ?? 0) + 1);
    found.set(k, key);
  };
  for (const d of s.bundle.dataPoints)
    add(d.entityId, d.periodId, catalogue.get(d.indicatorId)?.topic, count);
  // An activity line's unit is its ACTIVITY_TOPIC's (report-status.ts), as the report counts it.
  for (const l of s.bundle.activityLines) add(l.entityId, l.periodId, ACTIVITY_TOPIC[l.activity], lineCount);
  const tallies = (k: string) => ({ dataPoints: count.get(k) ?? 0, activityLines: lineCount.get(k) ?? 0 });
  const stored = await ws.cycle.units(periodId);
  const units = new Map<string, UnitView>();
  for (const [k, key] of found)
    units.set(k, { ...key, ...DRAFT_UNIT, version: 0, updatedAt: null, ...tallies(k) });
  for (const u of stored) units.set(keyOf(u), { ...u, ...tallies(keyOf(u)) });
  return success(
    [...units.values()].filter((u) => readable(u.entityId)).sort((a, b) => keyOf(a).localeCompare(keyOf(b))),
  );
}

/** The newest comment on a unit: who wrote it, with which event, when (ISO-8601). */
export type UnitComment = {
  readonly comment: string;
  readonly actor: string;
  readonly event: WorkflowEventKind;
  readonly at: string;
};

/**
 * A listed unit with what a person reads about it (the web's cycle page): the names of who
 * submitted and who reviewed the current submission (null while nobody has), and the newest
 * comment on the unit (a return's, a reopen's reason…; null when none).
 */
export type DescribedUnit = UnitView & {
  readonly submitter: string | null;
  readonly reviewer: string | null;
  readonly lastComment: UnitComment | null;
};

/** The newest transition of `transitions` (oldest first) that `keep` accepts. */
const newestWhere = (
  transitions: readonly TransitionRecord[],
  keep: (t: TransitionRecord) => boolean,
): TransitionRecord | undefined => transitions.findLast(keep);

/**
 * Names and the newest comment for listed units, from each acted-on unit's transitions (one
 * read per period of the units, not one per unit: 400 reads made a list of 400 units take over a
 * minute under the load test, docs/performance.md "Load"; a draft nobody acted on has none). The
 * current submitter is the actor of the newest submit (a return or reopen clears `submittedBy`,
 * and the next submit is newer); the reviewer likewise of the newest review.
 */
export async function describeUnits(ws: Workspace, units: readonly UnitView[]): Promise<DescribedUnit[]> {
  const unitKey = (k: UnitKey) => JSON.stringify([k.entityId, k.periodId, k.topic]);
  const trails = new Map<string, TransitionRecord[]>();
  const periods = new Set(units.filter((u) => u.version > 0).map((u) => u.periodId));
  for (const periodId of periods)
    for (const t of await ws.cycle.periodTransitions(periodId)) {
      const k = unitKey(t);
      const trail = trails.get(k) ?? [];
      trails.set(k, trail);
      trail.push(t);
    }
  const out: DescribedUnit[] = [];
  for (const u of units) {
    // Oldest first within a unit (both implementations answer by version).
    const trail = u.version > 0 ? (trails.get(unitKey(u)) ?? []) : [];
    const commented = newestWhere(trail, (t) => t.comment !== null && t.comment !== '');
    out.push({
      ...u,
      submitter:
        u.submittedBy === null ? null : (newestWhere(trail, (t) => t.event === 'submit')?.actor ?? null),
      reviewer:
        u.reviewedBy === null ? null : (newestWhere(trail, (t) => t.event === 'review')?.actor ?? null),
      lastComment:
        commented?.comment == null
          ? null
          : { comment: commented.comment, actor: commented.actor, event: commented.event, at: commented.at },
    });
  }
  return out;
}
