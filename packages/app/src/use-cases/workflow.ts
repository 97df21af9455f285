/**
 * The approval workflow's use cases (issue #17; docs/workflow.md): act on a unit (entity ×
 * period × topic) with submit, return, review, approve, reopen or exception, and list a
 * period's units with their state. The caller is authorised for the unit's entity with the
 * event's action (permissions.ts); the rules are core's transition(); the workspace's cycle
 * records decide atomically against the version the caller acted on.
 */
import {
  type Actor,
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
import { failure, type OutcomeCode, type Result, success } from '../outcome.js';
import type { TransitionRecord, UnitKey, UnitRecord } from '../workspace/cycle-records.js';
import type { Snapshot, Workspace } from '../workspace/workspace.js';

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
  const out = await i.ws.cycle.apply({
    key: key.value,
    expectedVersion: i.version,
    event: i.event,
    comment: comment === '' ? null : comment,
    exceptionFor: event.kind === 'exception' ? event.userId : null,
    who: { userId: actor.id, actor: i.caller.label },
    decide: (unit) => transition(unit, event, actor),
  });
  if (out.ok) return success({ unit: out.unit, transition: out.transition });
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

/** A unit as listed: its record, and how many current data points it holds. */
export type UnitView = UnitRecord & { readonly dataPoints: number };

/**
 * The units of a period the caller may read ('read-data-points' on their entity): every unit
 * someone acted on, and a draft unit (version 0) for each entity × topic holding a data point
 * of that period that nobody has acted on yet.
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
  const keyOf = (k: UnitKey) => JSON.stringify([k.entityId, k.periodId, k.topic]);
  const found = new Map<string, UnitKey>();
  for (const d of s.bundle.dataPoints) {
    const topic = catalogue.get(d.indicatorId)?.topic;
    if (d.periodId !== periodId || topic === undefined) continue;
    const key = { entityId: d.entityId, periodId, topic };
    const k = keyOf(key);
    count.set(k, (count.get(k) ?? 0) + 1);
    found.set(k, key);
  }
  const stored = await ws.cycle.units(periodId);
  const units = new Map<string, UnitView>();
  for (const [k, key] of found)
    units.set(k, { ...key, ...DRAFT_UNIT, version: 0, updatedAt: null, dataPoints: count.get(k) ?? 0 });
  for (const u of stored) units.set(keyOf(u), { ...u, dataPoints: count.get(keyOf(u)) ?? 0 });
  return success(
    [...units.values()].filter((u) => readable(u.entityId)).sort((a, b) => keyOf(a).localeCompare(keyOf(b))),
  );
}
