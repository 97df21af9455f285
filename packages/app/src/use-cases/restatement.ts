/**
 * Restatement requests (issue #17; docs/workflow.md, "Restatement and base year"): request one
 * (the change, the reason, the facts it moves: restatement-items.ts, with its effect on Scope
 * 1 + 2 and the base-year test: restatement-effect.ts), act on it (submit, return, review,
 * approve: core's workflow rule with segregation of duties), and list them. The caller needs the
 * action on every entity the request touches ('request-restatement' to request, the event's
 * action as for a workflow unit to act: EVENT_ACTION); a request touching an entity the caller
 * cannot see does not exist for them. Approval writes the restated facts, also into a locked
 * period, each new revision linked to the one it restates (the workspace's records).
 */
import {
  type Actor,
  type Capability,
  RESTATEMENT_CHANGES,
  type RestatementChange,
  type RestatementEvent,
  restatementTransition,
} from '@assay/core';
import { authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import type { Action } from '../access/permissions.js';
import { failure, type Result, success } from '../outcome.js';
import type {
  Moved,
  RestatementEventKind,
  RestatementRecord,
  RestatementTransitionRecord,
} from '../workspace/restatement-records.js';
import type { Workspace } from '../workspace/workspace.js';
import { earlierDeltas, restatementEffect } from './restatement-effect.js';
import {
  entityOfItem,
  factsOf,
  type ResolvedItems,
  type RestatementItemInput,
  resolveItems,
} from './restatement-items.js';
import { actorId, EVENT_ACTION } from './workflow.js';

/** At most this many facts in one request (a structural change carries a year of an entity's data). */
export const MAX_RESTATEMENT_ITEMS = 500;

const CAPABILITY_ACTION: Readonly<Record<Capability, Action>> = {
  prepare: 'submit-data',
  review: 'review-data',
  approve: 'approve-data',
  administer: 'manage-cycle',
};

const entitiesOf = (r: Pick<RestatementRecord, 'items'>) => [...new Set(r.items.map((i) => i.entityId))];

/** The caller's decision for `action` on every one of `entities`: the worst of them. */
function decideAll(caller: Caller, action: Action, entities: readonly string[]) {
  let worst: 'allow' | 'deny-forbidden' | 'deny-invisible' = 'allow';
  for (const entityId of entities) {
    const d = authorise(caller.access, action, { kind: 'entity', entityId });
    if (d === 'deny-invisible') return d;
    if (d === 'deny-forbidden') worst = d;
  }
  return worst;
}

/** What the caller may do on every entity of the request, for core's rule. */
function actorOnAll(caller: Caller, entities: readonly string[]): Actor {
  const can = new Set<Capability>();
  for (const [capability, action] of Object.entries(CAPABILITY_ACTION) as [Capability, Action][])
    if (decideAll(caller, action, entities) === 'allow') can.add(capability);
  return { id: actorId(caller), can };
}

const movedFailure = (m: Moved) =>
  failure(
    'conflict',
    m.current === null
      ? `items.${m.position}: "${m.factId}" is not current (retracted or gone) since the request was made; file a new restatement`
      : `items.${m.position}: "${m.factId}" is at revision ${m.current}, not the one the request restates; someone changed it meanwhile: file a new restatement`,
    { field: `items.${m.position}` },
  );

export type RequestInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly change: string;
  readonly reason: string;
  readonly items: readonly RestatementItemInput[];
};

export async function requestRestatement(i: RequestInput): Promise<Result<RestatementRecord>> {
  if (!(RESTATEMENT_CHANGES as readonly string[]).includes(i.change))
    return failure('invalid-request', `change: one of ${RESTATEMENT_CHANGES.join(', ')}`, {
      field: 'change',
    });
  const reason = i.reason.trim();
  if (reason === '')
    return failure('invalid-request', 'reason: say why the figures are restated', { field: 'reason' });
  if (i.items.length === 0 || i.items.length > MAX_RESTATEMENT_ITEMS)
    return failure(
      'invalid-request',
      `items: name 1 to ${MAX_RESTATEMENT_ITEMS} facts the restatement moves`,
      {
        field: 'items',
      },
    );
  const s = i.ws.snapshot();
  // Who may restate what is decided before the values are looked at: nothing is said about a
  // fact of an entity the caller cannot see.
  for (const [n, item] of i.items.entries()) {
    const entityId = entityOfItem(s, item);
    if (entityId === undefined) continue; // an unknown fact: resolveItems names it
    const d = authorise(i.caller.access, 'request-restatement', { kind: 'entity', entityId });
    if (d === 'deny-invisible')
      return failure('not-found', `items.${n}: no entity "${entityId}"`, { field: `items.${n}` });
    if (d === 'deny-forbidden')
      return failure(
        'forbidden',
        `items.${n}: your role does not allow "request-restatement" on entity "${entityId}"`,
      );
  }
  const resolved = resolveItems(s, i.items);
  if (!resolved.ok) return resolved;
  const { records, dataPoints, activityLines } = resolved.value;
  const change = i.change as RestatementChange;
  const earlier = s.bundle.organisation.baseYear
    ? earlierDeltas(await i.ws.restatements.list(), s.bundle.organisation.baseYear.year)
    : [];
  const effect = restatementEffect(s, change, { dataPoints, activityLines }, earlier);
  const out = await i.ws.restatements.request({
    change,
    reason,
    items: records,
    who: { userId: actorId(i.caller), actor: i.caller.label },
    effect,
  });
  return out.ok ? success(out.restatement) : movedFailure(out);
}

export type RestatementEventInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly id: number;
  readonly event: RestatementEventKind;
  /** Required for return. */
  readonly comment?: string | undefined;
  /** The request's version the caller acted on. */
  readonly version: number;
};

export async function actOnRestatement(
  i: RestatementEventInput,
): Promise<Result<{ restatement: RestatementRecord; transition: RestatementTransitionRecord }>> {
  const current = await i.ws.restatements.get(i.id);
  const action = EVENT_ACTION[i.event];
  const decision = current ? decideAll(i.caller, action, entitiesOf(current)) : 'deny-invisible';
  if (!current || decision === 'deny-invisible') return failure('not-found', `no restatement ${i.id}`);
  if (decision === 'deny-forbidden')
    return failure(
      'forbidden',
      `${i.event}: your role does not allow "${action}" on every entity of restatement ${i.id}`,
    );
  const comment = i.comment?.trim() ?? '';
  const event: RestatementEvent =
    i.event === 'return'
      ? { kind: 'return', comment }
      : comment === ''
        ? { kind: i.event }
        : { kind: i.event, comment };
  const actor = actorOnAll(i.caller, entitiesOf(current));
  let write: (Omit<ResolvedItems, 'records'> & { effect: unknown }) | undefined;
  if (i.event === 'approve' && current.state === 'reviewed' && current.version === i.version) {
    const s = i.ws.snapshot();
    const facts = factsOf(s, current.items);
    if (!facts.ok) return facts;
    const others = (await i.ws.restatements.list()).filter((r) => r.id !== i.id);
    const year = s.bundle.organisation.baseYear?.year;
    const effect = restatementEffect(s, current.change, facts.value, year ? earlierDeltas(others, year) : []);
    write = { dataPoints: facts.value.dataPoints, activityLines: facts.value.activityLines, effect };
  }
  const out = await i.ws.restatements.apply({
    id: i.id,
    expectedVersion: i.version,
    event: i.event,
    comment: comment === '' ? null : comment,
    who: { userId: actor.id, actor: i.caller.label },
    decide: (state) => restatementTransition(state, event, actor),
    // Without the facts (not reviewed, or a stale version) the rule or the version refuses first.
    ...(write
      ? { write }
      : i.event === 'approve'
        ? { write: { dataPoints: [], activityLines: [], effect: null } }
        : {}),
  });
  if (out.ok) return success({ restatement: out.restatement, transition: out.transition });
  switch (out.reason) {
    case 'not-found':
      return failure('not-found', `no restatement ${i.id}`);
    case 'stale':
      return failure(
        'stale-version',
        `restatement ${i.id} is at version ${out.current}, not ${i.version}: someone acted on it meanwhile; reload`,
        { field: 'version' },
      );
    case 'moved':
      return movedFailure(out);
    case 'invalid':
      return failure('invalid-data', `restatement ${i.id}: ${out.message}`);
    case 'refused': {
      const r = out.refusal;
      const code =
        r.code === 'wrong-state'
          ? 'conflict'
          : r.code === 'comment-required'
            ? 'invalid-request'
            : 'forbidden';
      // Restatements have no exception route: the workflow's hint about one does not apply here.
      const message = r.message
        .replace(/\bunit\b/g, 'restatement')
        .replace('; an administrator can allow an exception)', ')');
      return failure(code, message, { rule: r.code, ...(r.field ? { field: r.field } : {}) });
    }
  }
}

/** The requests the caller may read ('read-data-points' on every entity they touch), oldest first. */
export async function listRestatements(ws: Workspace, caller: Caller): Promise<Result<RestatementRecord[]>> {
  const all = await ws.restatements.list();
  return success(all.filter((r) => decideAll(caller, 'read-data-points', entitiesOf(r)) === 'allow'));
}

/** One request the caller may read, with its transitions. */
export async function restatementWithHistory(
  ws: Workspace,
  caller: Caller,
  id: number,
): Promise<Result<{ restatement: RestatementRecord; transitions: readonly RestatementTransitionRecord[] }>> {
  const r = await ws.restatements.get(id);
  if (!r || decideAll(caller, 'read-data-points', entitiesOf(r)) !== 'allow')
    return failure('not-found', `no restatement ${id}`);
  return success({ restatement: r, transitions: await ws.restatements.transitions(id) });
}
