/**
 * The targets register (issue #18; docs/registers.md, "Targets"): list with progress and status
 * (core report/target-progress.ts, from the snapshot's evaluated figures), create, update and
 * retract one target guarded by its own version, and a target's history. A target is checked by
 * core's validateTarget (every problem with its field) before anything is written; a stale
 * version is 'stale-version' (412 at the server). Writes are audited like the other register
 * writes (one change set with author and reason in the store).
 */
import {
  type Decimal,
  groupEntity,
  type Target,
  type TargetStatus,
  targetProgress,
  validateTarget,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { TargetRevision } from '../workspace/target-history.js';
import type { Workspace } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

export type TargetRow = {
  readonly target: Target;
  readonly version: number;
  readonly status: TargetStatus;
  /** Exact decimal text in the target's unit; null without a figure. */
  readonly actual: string | null;
  readonly figureId: string | null;
  /** The path's value for the reporting year, exact text; null without a path. */
  readonly path: string | null;
  /** Per cent of the way from base to target, rounded half-up to one place; null without a base. */
  readonly percent: string | null;
};

export type TargetList = {
  readonly year: string;
  readonly workspaceVersion: number;
  readonly targets: TargetRow[];
};

const text = (d: Decimal | undefined) => (d === undefined ? null : d.toString());

export async function listTargets(i: {
  ws: Workspace;
  entityId?: string;
  status?: TargetStatus;
}): Promise<Result<TargetList>> {
  const s = i.ws.snapshot();
  const { bundle } = s;
  const { byId } = evaluated(s);
  const versions = await i.ws.targetVersions();
  const year = bundle.reporting.current;
  const group = groupEntity(bundle.organisation).id;
  const rows = bundle.registers.targets.map((t): TargetRow => {
    const p = targetProgress(t, byId, year, group);
    return {
      target: t,
      version: versions.get(t.id) ?? 1,
      status: p.status,
      actual: text(p.actual),
      figureId: p.figureId ?? null,
      path: text(p.path),
      percent: p.percent === undefined ? null : p.percent.toDecimalPlaces(1).toFixed(1),
    };
  });
  const wanted = rows.filter(
    (r) =>
      (i.entityId === undefined || (r.target.entityId ?? group) === i.entityId) &&
      (i.status === undefined || r.status === i.status),
  );
  return success({ year, workspaceVersion: s.version, targets: wanted });
}

export type WriteTargetInput = {
  ws: Workspace;
  target: Target;
  /** The version being replaced; omitted to create. */
  version?: number;
  reason?: string;
  author: string;
};

function checked(ws: Workspace, t: Target): Result<null> {
  const s = ws.snapshot();
  const issues = validateTarget(t, {
    entityIds: new Set(s.bundle.organisation.entities.map((e) => e.id)),
    catalogue: evaluated(s).catalogue,
  });
  const first = issues[0];
  if (!first) return success(null);
  return failure('invalid-data', `${first.field}: ${first.reason}`, {
    field: first.field,
    issues: issues.map((x) => ({ file: 'targets', column: x.field, reason: x.reason })),
  });
}

/** Create a target (no version) or replace one (the version read). */
export async function writeTarget(
  i: WriteTargetInput,
): Promise<Result<{ id: string; version: number; workspaceVersion: number }>> {
  const ok = checked(i.ws, i.target);
  if (!ok.ok) return ok;
  const id = i.target.id;
  const out = await i.ws.writeTarget(
    { kind: 'put', target: i.target, expectedVersion: i.version },
    i.reason ?? (i.version === undefined ? `target ${id} added` : `target ${id} changed`),
    i.author,
  );
  if (out.ok) return success({ id, version: out.version, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'exists')
    return failure(
      'conflict',
      `target "${id}" exists (version ${out.current}); send its version to change it`,
      {
        field: 'id',
      },
    );
  if (out.reason === 'not-found') return failure('not-found', `no target "${id}"`);
  return failure('stale-version', `target "${id}" is at version ${out.current}, not ${i.version}`, {
    field: 'version',
  });
}

/** Retract a target: it leaves the register and the report; its history keeps it. */
export async function retractTarget(i: {
  ws: Workspace;
  id: string;
  version: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number; workspaceVersion: number }>> {
  const out = await i.ws.writeTarget(
    { kind: 'retract', id: i.id, expectedVersion: i.version },
    i.reason ?? `target ${i.id} retracted`,
    i.author,
  );
  if (out.ok) return success({ id: i.id, version: out.version, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'stale')
    return failure('stale-version', `target "${i.id}" is at version ${out.current}, not ${i.version}`, {
      field: 'version',
    });
  return failure('not-found', `no target "${i.id}"`);
}

export async function targetHistory(i: {
  ws: Workspace;
  id: string;
}): Promise<Result<readonly TargetRevision[]>> {
  const h = await i.ws.targetHistory(i.id);
  if (h.length === 0) return failure('not-found', `no target "${i.id}"`);
  return success(h);
}
