/**
 * The finding work-state machine (issue #20; docs/checks.md "Findings as work items"), pure: the
 * records to append when the checker has run at a revision (reconcile), and for a person's
 * action (assign, accept, reopen). finding-work.ts runs them through the workspace's records;
 * finding-work-state.model.test.ts checks them against a plain reference model.
 *
 *   (none) ──run finds it──► open ◄──reopen / its inputs change── accepted
 *                             │  └──────────accept (reason)─────────►  │
 *                             └──run no longer finds it──► resolved ◄──┘
 *   resolved ──a run finds it again──► open (the assignee stays; an acceptance does not)
 *
 * The assignee is kept through every change of state; assigning changes nothing else.
 */
import type { Who } from '../workspace/cycle-records.js';
import type {
  FindingWorkDraft,
  FindingWorkRecord,
  FindingWorkState,
} from '../workspace/finding-work-records.js';

/** A finding the run at hand raises (findings sharing an id are one work item). */
export type LiveFinding = {
  readonly id: string;
  /** The finding's entity, the group's for an organisation-wide one. */
  readonly entityId: string;
  /** core findingInputsDigest of the findings with this id. */
  readonly digest: string;
  /** As presented (presentFinding): kept with the record, so a resolved finding can still be listed. */
  readonly finding: unknown;
};

/** The author of the records a run writes. */
export const CHECKER: Who = { userId: 'checker', actor: 'the checker' };

/** A finding's state now: from its record and whether (with which inputs) the run finds it. */
export function effectiveState(
  rec: FindingWorkRecord | FindingWorkDraft | undefined,
  live: LiveFinding | undefined,
): FindingWorkState | undefined {
  if (!live) return rec ? 'resolved' : undefined;
  if (rec?.state !== 'accepted') return 'open';
  return rec.inputsDigest === live.digest ? 'accepted' : 'open';
}

const NOT_ACCEPTED = {
  reason: null,
  inputsDigest: null,
  acceptedBy: null,
  acceptedActor: null,
} as const;

/** The record a run writes for one finding, or undefined when its record already says the truth. */
export function reconcileOne(
  rec: FindingWorkRecord | FindingWorkDraft | undefined,
  live: LiveFinding | undefined,
  revision: number,
  lastRun: number | null,
): FindingWorkDraft | undefined {
  const stamp = { revision, userId: CHECKER.userId, actor: CHECKER.actor };
  if (live && !rec)
    return {
      findingId: live.id,
      version: 1,
      event: 'seen',
      state: 'open',
      entityId: live.entityId,
      assignee: null,
      assigneeLabel: null,
      ...NOT_ACCEPTED,
      sinceRevision: null,
      finding: live.finding,
      ...stamp,
    };
  if (!rec) return undefined;
  const next = {
    findingId: rec.findingId,
    version: rec.version + 1,
    assignee: rec.assignee,
    assigneeLabel: rec.assigneeLabel,
  };
  if (live) {
    if (rec.state === 'open') return undefined;
    if (rec.state === 'accepted' && rec.inputsDigest === live.digest) return undefined;
    return {
      ...next,
      event: rec.state === 'resolved' ? 'reappeared' : 'inputs-changed',
      state: 'open',
      entityId: live.entityId,
      ...NOT_ACCEPTED,
      sinceRevision: null,
      finding: live.finding,
      ...stamp,
    };
  }
  if (rec.state === 'resolved') return undefined;
  return {
    ...next,
    event: 'resolve',
    state: 'resolved',
    entityId: rec.entityId,
    ...NOT_ACCEPTED,
    // The last run that still found it: the later of the last run and the record's own.
    sinceRevision: Math.max(lastRun ?? 0, rec.revision),
    finding: rec.finding,
    ...stamp,
  };
}

/**
 * The records a run at `revision` writes: none when a run at a later revision was recorded (this
 * snapshot is behind another process's); else one per finding whose record is not its state now.
 */
export function reconcile(
  current: ReadonlyMap<string, FindingWorkRecord>,
  live: ReadonlyMap<string, LiveFinding>,
  revision: number,
  lastRun: number | null,
): FindingWorkDraft[] | 'behind' {
  if (lastRun !== null && revision < lastRun) return 'behind';
  const out: FindingWorkDraft[] = [];
  for (const [id, l] of live) {
    const e = reconcileOne(current.get(id), l, revision, lastRun);
    if (e) out.push(e);
  }
  for (const [id, rec] of current) {
    if (live.has(id)) continue;
    const e = reconcileOne(rec, undefined, revision, lastRun);
    if (e) out.push(e);
  }
  return out;
}

export type WorkAction =
  | { readonly kind: 'assign'; readonly assignee: string | null; readonly assigneeLabel: string | null }
  | { readonly kind: 'accept'; readonly reason: string }
  | { readonly kind: 'reopen' };

export type ActionRefusal =
  /** The run at hand does not raise the finding (resolved, or never seen). */
  | { readonly ok: false; readonly reason: 'gone' }
  /** Reopening a finding that is not accepted. */
  | { readonly ok: false; readonly reason: 'not-accepted' }
  /** `expectedVersion` is not the record's version. */
  | { readonly ok: false; readonly reason: 'stale'; readonly current: number };

/**
 * The records a person's action writes: first what the run would write for this finding (so
 * its history says why an acceptance lapsed), then the action's own. An action on a finding the
 * run does not raise is refused; accepting an accepted finding again records the new reason.
 */
export function actionEvents(
  rec: FindingWorkRecord | undefined,
  live: LiveFinding | undefined,
  action: WorkAction,
  who: Who,
  revision: number,
  lastRun: number | null,
  expectedVersion?: number,
): { readonly ok: true; readonly events: FindingWorkDraft[] } | ActionRefusal {
  if (!live) return { ok: false, reason: 'gone' };
  if (expectedVersion !== undefined && expectedVersion !== (rec?.version ?? 0))
    return { ok: false, reason: 'stale', current: rec?.version ?? 0 };
  const pre = reconcileOne(rec, live, revision, lastRun);
  const base = pre ?? rec;
  if (!base) throw new Error('unreachable: a live finding without a record gets one');
  const next = {
    findingId: live.id,
    version: base.version + 1,
    entityId: live.entityId,
    finding: live.finding,
    sinceRevision: null,
    revision,
    userId: who.userId,
    actor: who.actor,
  };
  const keepAccepted = {
    reason: base.reason,
    inputsDigest: base.inputsDigest,
    acceptedBy: base.acceptedBy,
    acceptedActor: base.acceptedActor,
  };
  let event: FindingWorkDraft;
  switch (action.kind) {
    case 'assign':
      event = {
        ...next,
        event: 'assign',
        state: base.state,
        assignee: action.assignee,
        assigneeLabel: action.assigneeLabel,
        ...keepAccepted,
      };
      break;
    case 'accept':
      event = {
        ...next,
        event: 'accept',
        state: 'accepted',
        assignee: base.assignee,
        assigneeLabel: base.assigneeLabel,
        reason: action.reason,
        inputsDigest: live.digest,
        acceptedBy: who.userId,
        acceptedActor: who.actor,
      };
      break;
    case 'reopen':
      if (base.state !== 'accepted') return { ok: false, reason: 'not-accepted' };
      event = {
        ...next,
        event: 'reopen',
        state: 'open',
        assignee: base.assignee,
        assigneeLabel: base.assigneeLabel,
        ...NOT_ACCEPTED,
      };
      break;
  }
  return { ok: true, events: pre ? [pre, event] : [event] };
}
