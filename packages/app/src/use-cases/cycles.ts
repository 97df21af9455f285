/**
 * Reporting cycles (issue #17; docs/workflow.md "Cycles and assignments"): an administrator of
 * the group ('manage-cycle' on the organisation) opens a cycle for a period with an entry
 * frequency (2026, monthly: entry periods 2026-01 … 2026-12); cycles do not overlap. Opening the
 * same cycle again answers it unchanged (`created: false`). Anyone who may read the cycle
 * somewhere ('read-cycle') lists the cycles.
 */
import {
  CYCLE_FREQUENCIES,
  type CycleFrequency,
  entryPeriods,
  parsePeriod,
  periodsOverlap,
} from '@assay/core';
import { authorise, entitiesAllowed } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import { failure, type Result, success } from '../outcome.js';
import type { CycleRecord } from '../workspace/assignment-records.js';
import type { Workspace } from '../workspace/workspace.js';
import { actorId } from './workflow.js';

/** A cycle as answered: its record and its entry periods. */
export type CycleView = CycleRecord & { readonly entryPeriods: readonly string[] };

const view = (c: CycleRecord): CycleView => ({
  ...c,
  entryPeriods: entryPeriods(c.periodId, c.frequency as CycleFrequency) ?? [],
});

const isFrequency = (f: string): f is CycleFrequency => (CYCLE_FREQUENCIES as readonly string[]).includes(f);

export type OpenCycleInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly periodId: string;
  readonly frequency: string;
};

export async function openCycle(i: OpenCycleInput): Promise<Result<{ cycle: CycleView; created: boolean }>> {
  if (authorise(i.caller.access, 'manage-cycle', { kind: 'organisation' }) !== 'allow')
    return failure('forbidden', 'only an administrator of the group may open a reporting cycle');
  const period = parsePeriod(i.periodId);
  if (!period)
    return failure(
      'invalid-request',
      `period "${i.periodId.slice(0, 40)}": use a year (2026) or a quarter (2026-Q1)`,
      { field: 'period' },
    );
  if (period.kind === 'month')
    return failure(
      'invalid-request',
      `period ${i.periodId}: a cycle covers a year or a quarter, not a month`,
      {
        field: 'period',
      },
    );
  if (!isFrequency(i.frequency))
    return failure('invalid-request', `frequency: one of ${CYCLE_FREQUENCIES.join(', ')}`, {
      field: 'frequency',
    });
  if (!entryPeriods(i.periodId, i.frequency))
    return failure(
      'invalid-request',
      `frequency ${i.frequency} is coarser than the cycle's period ${i.periodId}: use month or quarter`,
      { field: 'frequency' },
    );
  const out = await i.ws.assignments.openCycle(
    i.periodId,
    i.frequency,
    { userId: actorId(i.caller), actor: i.caller.label },
    (cycles) => cycles.find((c) => periodsOverlap(c.periodId, i.periodId)),
  );
  if (out.ok) return success({ cycle: view(out.cycle), created: out.created });
  const c = out.cycle;
  return failure(
    'conflict',
    c.periodId === i.periodId
      ? `cycle ${c.periodId} is already open with ${c.frequency} entry (by ${c.actor}, ${c.openedAt}); a cycle's frequency does not change`
      : `cycle ${i.periodId} would overlap cycle ${c.periodId} (opened by ${c.actor}, ${c.openedAt}); cycles may not overlap`,
    { field: 'period' },
  );
}

/** The cycles, for a caller who may read cycles somewhere. */
export async function listCycles(ws: Workspace, caller: Caller): Promise<Result<CycleView[]>> {
  if (entitiesAllowed(caller.access, 'read-cycle').length === 0)
    return failure('forbidden', 'your role does not allow reading reporting cycles');
  return success((await ws.assignments.cycles()).map(view));
}

/** One cycle by its period, or not-found saying how to open it. */
export async function cycleOf(ws: Workspace, periodId: string): Promise<Result<CycleView>> {
  const c = (await ws.assignments.cycles()).find((x) => x.periodId === periodId);
  return c
    ? success(view(c))
    : failure(
        'not-found',
        `no reporting cycle for period "${periodId.slice(0, 40)}": open it first (POST /api/cycles)`,
        {
          field: 'period',
        },
      );
}
