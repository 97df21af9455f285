/**
 * Findings as work items (issue #20; docs/checks.md "Findings as work items"): every finding
 * the checker raises has a work state per finding id (core findingId): open, accepted with a
 * reason (kept while the finding's inputs, core findingInputsDigest, stay the same), or resolved
 * (the first run that no longer finds it closes it, naming its revision), and an assignee.
 *
 * When findings are evaluated for a workspace revision (checkResult, cached per revision), the
 * first caller here also reconciles the records with them (once per snapshot and workspace):
 * new findings are recorded open, vanished ones resolved, an acceptance whose inputs changed
 * reopened, a resolved finding that is back reopened (finding-work-state.ts).
 *
 * Actions: assigning and accepting or reopening need 'manage-findings' on the finding's entity
 * (the ESG lead, an administrator); commenting is the comment threads' (target finding:<id>,
 * 'write-comment'); reading is 'read-findings', filtered by the caller's entities (the route's).
 */
import { type Finding, findingId, findingInputsDigest, type MaterialityOutcome } from '@assay/core';
import { type AccountDirectory, accountLabel } from '../access/account-directory.js';
import { accessFor, authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import { failure, type Result, success } from '../outcome.js';
import type {
  FindingWorkDraft,
  FindingWorkRecord,
  FindingWorkRecords,
  FindingWorkState,
} from '../workspace/finding-work-records.js';
import type { Snapshot, Workspace } from '../workspace/workspace.js';
import { approvedMateriality } from './approved-materiality.js';
import { commentTextProblem } from './comments.js';
import { materialityKey } from './disclosure-status.js';
import {
  type ActionRefusal,
  actionEvents,
  effectiveState,
  type LiveFinding,
  reconcile,
  type WorkAction,
} from './finding-work-state.js';
import { checkResult, presentFinding } from './findings.js';
import { actorId } from './workflow.js';

export type { FindingWorkRecord, FindingWorkState };

/** The longest reason for an acceptance, in characters. */
export const MAX_ACCEPT_REASON = 2000;

/** The revision runs are recorded at: the store's last change set, or the memory workspace's version. */
export const revisionOf = (s: Snapshot): number => s.changeSet ?? s.version;

const rootOf = (s: Snapshot) =>
  s.bundle.organisation.entities.find((e) => e.parentId === undefined)?.id ?? '';

const liveCache = new WeakMap<object, ReadonlyMap<string, LiveFinding>>();

/** The findings of a snapshot by id: entity (the group's for an organisation-wide one), inputs digest, as presented. */
export function liveFindings(
  s: Snapshot,
  materiality?: MaterialityOutcome,
): ReadonlyMap<string, LiveFinding> {
  const result = checkResult(s, materiality);
  const hit = liveCache.get(result);
  if (hit) return hit;
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const id = findingId(f);
    groups.set(id, [...(groups.get(id) ?? []), f]);
  }
  const root = rootOf(s);
  const live = new Map<string, LiveFinding>();
  for (const [id, fs] of groups) {
    const first = fs[0] as Finding;
    live.set(id, {
      id,
      entityId: first.where.entityId ?? root,
      digest: findingInputsDigest(fs),
      finding: presentFinding(first),
    });
  }
  liveCache.set(result, live);
  return live;
}

/** The run of the latest snapshot each workspace's records were reconciled with. */
const runs = new WeakMap<FindingWorkRecords, { snapshot: Snapshot; approval: string; done: Promise<void> }>();

/**
 * The findings of the workspace's current snapshot and approved materiality assessment
 * (approved-materiality.ts), their records reconciled with them (once per snapshot and approval:
 * later calls wait for the same run).
 */
export async function evaluateFindingWork(ws: Workspace): Promise<{
  snapshot: Snapshot;
  live: ReadonlyMap<string, LiveFinding>;
  revision: number;
  materiality: MaterialityOutcome | undefined;
}> {
  const snapshot = ws.snapshot();
  const materiality = await approvedMateriality(ws);
  const approval = materialityKey(materiality);
  const live = liveFindings(snapshot, materiality);
  const revision = revisionOf(snapshot);
  const last = runs.get(ws.findingWork);
  if (last?.snapshot !== snapshot || last.approval !== approval) {
    const done = runFindingWork(ws.findingWork, live, revision).catch((e: unknown) => {
      if (runs.get(ws.findingWork)?.done === done) runs.delete(ws.findingWork);
      throw e;
    });
    runs.set(ws.findingWork, { snapshot, approval, done });
    await done;
  } else await last.done;
  return { snapshot, live, revision, materiality };
}

/**
 * Reconcile the records with a run's findings at `revision` (none when a later run was
 * recorded). evaluateFindingWork runs it once per snapshot; the model test drives it directly.
 */
export function runFindingWork(
  records: FindingWorkRecords,
  live: ReadonlyMap<string, LiveFinding>,
  revision: number,
): Promise<void> {
  return records.change((current, lastRun) => {
    const events = reconcile(current, live, revision, lastRun);
    if (events === 'behind') return { events: [], value: undefined };
    return { events, run: { revision, findings: live.size }, value: undefined };
  });
}

/** A person's action on a finding the run at `revision` raises, appended with an audit entry. */
export function applyFindingAction(
  records: FindingWorkRecords,
  live: LiveFinding,
  action: WorkAction,
  who: { readonly userId: string; readonly actor: string },
  revision: number,
  expectedVersion?: number,
): Promise<{ readonly ok: true; readonly events: FindingWorkDraft[] } | ActionRefusal> {
  type Decided = ReturnType<typeof actionEvents>;
  return records.change<Decided>((current, lastRun) => {
    const r = actionEvents(current.get(live.id), live, action, who, revision, lastRun, expectedVersion);
    if (!r.ok) return { events: [], value: r };
    const last = r.events.at(-1);
    return {
      events: r.events,
      audit: {
        actor: who.actor,
        action: `finding-${action.kind}`,
        subject: `finding ${live.id}`,
        after: { state: last?.state, assignee: last?.assignee, version: last?.version, digest: live.digest },
        reason: action.kind === 'accept' ? action.reason : '',
      },
      value: r,
    };
  });
}

/** A finding's work state as the front doors present it. */
export type FindingWorkView = {
  readonly id: string;
  readonly state: FindingWorkState;
  /** The record's version (0: none yet); an action may name it to refuse a stale change. */
  readonly version: number;
  readonly entityId: string;
  readonly assignee: { readonly id: string; readonly label: string } | null;
  readonly accepted: { readonly reason: string; readonly by: string; readonly at: string } | null;
  /** Resolved: the revision of the run that no longer found it and of the last that did. */
  readonly resolved: {
    readonly revision: number;
    readonly sinceRevision: number;
    readonly at: string;
  } | null;
  /** The last change (ISO-8601), by whom. */
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
};

export function viewOf(
  id: string,
  rec: FindingWorkRecord | undefined,
  live: LiveFinding | undefined,
): FindingWorkView {
  const state = effectiveState(rec, live) ?? 'open';
  return {
    id,
    state,
    version: rec?.version ?? 0,
    entityId: live?.entityId ?? rec?.entityId ?? '',
    assignee: rec?.assignee ? { id: rec.assignee, label: rec.assigneeLabel ?? rec.assignee } : null,
    accepted:
      state === 'accepted' && rec?.reason
        ? { reason: rec.reason, by: rec.acceptedActor ?? '', at: rec.acceptedAt ?? '' }
        : null,
    resolved:
      state === 'resolved' && rec?.state === 'resolved'
        ? { revision: rec.revision, sinceRevision: rec.sinceRevision ?? rec.revision, at: rec.at }
        : null,
    updatedAt: rec?.at ?? null,
    updatedBy: rec?.actor ?? null,
  };
}

export const FINDING_STATE_FILTERS = ['current', 'open', 'accepted', 'resolved', 'all'] as const;
export type FindingStateFilter = (typeof FINDING_STATE_FILTERS)[number];

export type FindingWorkFilter = {
  readonly rule?: string | undefined;
  readonly severity?: string | undefined;
  readonly entity?: string | undefined;
  /** The finding's section starts with this text. */
  readonly section?: string | undefined;
  /** current (the default: what the checker finds now, open or accepted), open, accepted, resolved, all. */
  readonly state?: FindingStateFilter | undefined;
  /** A user id: findings assigned to them. */
  readonly assignee?: string | undefined;
  /** 1-based; without it, every match. */
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
};

export const DEFAULT_FINDING_PAGE_SIZE = 50;
export const MAX_FINDING_PAGE_SIZE = 500;

type Presented = ReturnType<typeof presentFinding>;

export type FindingWorkList = {
  readonly revision: number;
  /** The matching findings (of this page), as presented (presentFinding); resolved ones as last seen. */
  readonly findings: readonly Presented[];
  /** Each listed finding's work state, by id. */
  readonly work: Readonly<Record<string, FindingWorkView>>;
  /** Findings matching the filter (on every page). */
  readonly matched: number;
  readonly page: number;
  readonly pageSize: number;
  /** Work items the caller may read, by state (not narrowed by the filter). */
  readonly states: Readonly<Record<FindingWorkState, number>>;
};

/** Findings with their work state, of the entities `visible` allows, filtered and paged. */
export async function listFindingWork(
  ws: Workspace,
  visible: (entityId: string) => boolean,
  f: FindingWorkFilter,
): Promise<FindingWorkList> {
  const { snapshot, live, revision, materiality } = await evaluateFindingWork(ws);
  const records = new Map((await ws.findingWork.current()).map((r) => [r.findingId, r]));
  const root = rootOf(snapshot);
  const states: Record<FindingWorkState, number> = { open: 0, accepted: 0, resolved: 0 };
  const views = new Map<string, FindingWorkView>();
  const view = (id: string) => {
    let v = views.get(id);
    if (!v) {
      v = viewOf(id, records.get(id), live.get(id));
      views.set(id, v);
    }
    return v;
  };
  for (const [id, l] of live) if (visible(l.entityId)) states[view(id).state] += 1;
  const resolved: Presented[] = [];
  for (const [id, rec] of records)
    if (!live.has(id) && visible(rec.entityId)) {
      states.resolved += 1;
      resolved.push(rec.finding as Presented);
    }
  const wanted = f.state ?? 'current';
  const current = checkResult(snapshot, materiality).findings.map(presentFinding);
  const pool = [
    ...(wanted === 'resolved' ? [] : current.filter((x) => visible(x.where.entityId ?? root))),
    ...(wanted === 'resolved' || wanted === 'all' ? resolved : []),
  ];
  const matching = pool.filter((x) => {
    const v = view(x.id);
    return (
      (wanted === 'current' || wanted === 'all' || v.state === wanted) &&
      (!f.rule || x.ruleId === f.rule) &&
      (!f.severity || x.severity === f.severity) &&
      (!f.entity || (x.where.entityId ?? root) === f.entity) &&
      (!f.section || (x.where.section ?? '').startsWith(f.section)) &&
      (!f.assignee || v.assignee?.id === f.assignee)
    );
  });
  const pageSize = Math.min(f.pageSize ?? DEFAULT_FINDING_PAGE_SIZE, MAX_FINDING_PAGE_SIZE);
  const page = f.page ?? 1;
  const shown = f.page === undefined ? matching : matching.slice((page - 1) * pageSize, page * pageSize);
  const work: Record<string, FindingWorkView> = {};
  for (const x of shown) work[x.id] = view(x.id);
  return {
    revision,
    findings: shown,
    work,
    matched: matching.length,
    page,
    pageSize: f.page === undefined ? matching.length : pageSize,
    states,
  };
}

/** One finding's records, oldest first (its history), with its state now. */
export async function findingWorkHistory(
  ws: Workspace,
  caller: Caller,
  id: string,
): Promise<Result<{ work: FindingWorkView; history: readonly FindingWorkRecord[] }>> {
  const { live } = await evaluateFindingWork(ws);
  const history = await ws.findingWork.history(id);
  const entityId = live.get(id)?.entityId ?? history.at(-1)?.entityId;
  if (entityId === undefined) return notFound(id);
  const d = authorise(caller.access, 'read-findings', { kind: 'entity', entityId });
  if (d !== 'allow') return notFound(id);
  return success({ work: viewOf(id, history.at(-1), live.get(id)), history });
}

const notFound = (id: string) => failure('not-found', `no finding "${id.slice(0, 200)}"`, { field: 'id' });

export type FindingActionInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  /** The finding id (core findingId). */
  readonly id: string;
  /** The work state's version the caller saw (FindingWorkView.version); a change since is refused. */
  readonly expectedVersion?: number | undefined;
};

async function act(
  i: FindingActionInput,
  prepare: (live: LiveFinding) => Promise<Result<WorkAction>> | Result<WorkAction>,
): Promise<Result<FindingWorkView>> {
  if (!/^f-[0-9a-f]{16}$/.test(i.id)) return notFound(i.id);
  const { live, revision } = await evaluateFindingWork(i.ws);
  const l = live.get(i.id);
  if (!l) {
    // Resolved (or never raised): visible ones are a conflict, the rest are not there.
    const rec = (await i.ws.findingWork.history(i.id)).at(-1);
    if (
      !rec ||
      authorise(i.caller.access, 'read-findings', { kind: 'entity', entityId: rec.entityId }) !== 'allow'
    )
      return notFound(i.id);
    return failure('conflict', `finding ${i.id} is resolved: the checker no longer raises it`);
  }
  const d = authorise(i.caller.access, 'manage-findings', { kind: 'entity', entityId: l.entityId });
  if (d === 'deny-invisible') return notFound(i.id);
  if (d === 'deny-forbidden')
    return failure('forbidden', 'your role does not allow assigning, accepting or reopening findings here');
  const action = await prepare(l);
  if (!action.ok) return action;
  const who = { userId: actorId(i.caller), actor: i.caller.label };
  const out = await applyFindingAction(i.ws.findingWork, l, action.value, who, revision, i.expectedVersion);
  if (!out.ok) {
    if (out.reason === 'stale')
      return failure(
        'stale-version',
        `finding ${i.id} changed since version ${i.expectedVersion} (now ${out.current}); reload and try again`,
        { field: 'version' },
      );
    if (out.reason === 'not-accepted')
      return failure('conflict', `finding ${i.id} is not accepted: only an accepted finding can be reopened`);
    return failure('conflict', `finding ${i.id} is resolved: the checker no longer raises it`);
  }
  const rec = (await i.ws.findingWork.history(i.id)).at(-1);
  return success(viewOf(i.id, rec, l));
}

/** Assign a finding to an account that may read it there, or (null) to nobody. */
export function assignFinding(
  i: FindingActionInput & { readonly accounts: AccountDirectory; readonly assignee: string | null },
): Promise<Result<FindingWorkView>> {
  return act(i, async (l) => {
    if (i.assignee === null) return success({ kind: 'assign', assignee: null, assigneeLabel: null });
    const account = await i.accounts.find(i.assignee);
    if (!account)
      return failure('invalid-request', `assignee: no account "${i.assignee.slice(0, 200)}"`, {
        field: 'assignee',
      });
    if (account.disabled)
      return failure('invalid-request', `assignee: the account of ${accountLabel(account)} is disabled`, {
        field: 'assignee',
      });
    const access = accessFor({ userId: account.id, grants: account.grants }, i.caller.access.tree);
    if (authorise(access, 'read-findings', { kind: 'entity', entityId: l.entityId }) !== 'allow')
      return failure(
        'invalid-request',
        `assignee: ${accountLabel(account)} cannot read findings of entity "${l.entityId}": grant a role there first`,
        { field: 'assignee' },
      );
    return success({ kind: 'assign', assignee: account.id, assigneeLabel: accountLabel(account) });
  });
}

/** Accept a finding with a reason: it stays accepted while its inputs do not change. */
export function acceptFinding(
  i: FindingActionInput & { readonly reason: string },
): Promise<Result<FindingWorkView>> {
  return act(i, () => {
    const reason = i.reason.trim();
    const problem = commentTextProblem(reason);
    if (problem) return failure('invalid-request', `reason: ${problem}`, { field: 'reason' });
    if ([...reason].length > MAX_ACCEPT_REASON)
      return failure('invalid-request', `reason: at most ${MAX_ACCEPT_REASON} characters`, {
        field: 'reason',
      });
    return success({ kind: 'accept', reason });
  });
}

/** Reopen an accepted finding. */
export function reopenFinding(i: FindingActionInput): Promise<Result<FindingWorkView>> {
  return act(i, () => success({ kind: 'reopen' }));
}

/**
 * Which of a snapshot's findings are accepted now, read from the records without writing
 * (`assay check` over the store: accepted findings do not count towards --fail-on).
 */
export async function acceptedFindingIds(
  records: FindingWorkRecords,
  s: Snapshot,
  materiality?: MaterialityOutcome,
): Promise<ReadonlySet<string>> {
  const live = liveFindings(s, materiality);
  const out = new Set<string>();
  for (const rec of await records.current())
    if (effectiveState(rec, live.get(rec.findingId)) === 'accepted') out.add(rec.findingId);
  return out;
}
