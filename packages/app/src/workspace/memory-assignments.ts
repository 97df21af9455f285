/**
 * Cycles and assignments in memory (assignment-records.ts), for the in-memory workspace: the
 * same records and rules as the store (store-assignments.ts), kept for the life of the process.
 * Each call runs to its end without awaiting anything, so two callers cannot interleave.
 */
import type {
  AssignmentChangeRecord,
  AssignmentQuery,
  AssignmentRecord,
  AssignmentRecords,
  AssignOutcome,
  CycleRecord,
  OpenCycleOutcome,
  WantedAssignment,
} from './assignment-records.js';
import type { UnitKey, Who } from './cycle-records.js';
import type { Clock } from './memory-workspace.js';

const keyOf = (a: { periodId: string; entityId: string; indicatorId: string }) =>
  JSON.stringify([a.periodId, a.entityId, a.indicatorId]);
/** By entry period, entity, indicator, comparing UTF-16 code units (the store sorts with collation "C"). */
const byKey = (a: AssignmentRecord, b: AssignmentRecord): number => {
  for (const k of ['periodId', 'entityId', 'indicatorId'] as const)
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
};

export class MemoryAssignments implements AssignmentRecords {
  private readonly cycleList: CycleRecord[] = [];
  private readonly byKey = new Map<string, AssignmentRecord>();
  private readonly byId = new Map<string, AssignmentRecord>();
  private readonly changes = new Map<string, AssignmentChangeRecord[]>();
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  async cycles(): Promise<readonly CycleRecord[]> {
    return [...this.cycleList].sort((a, b) =>
      a.periodId < b.periodId ? -1 : a.periodId > b.periodId ? 1 : 0,
    );
  }

  async openCycle(
    periodId: string,
    frequency: string,
    who: Who,
    blocking: (cycles: readonly CycleRecord[]) => CycleRecord | undefined,
  ): Promise<OpenCycleOutcome> {
    const same = this.cycleList.find((c) => c.periodId === periodId && c.frequency === frequency);
    if (same) return { ok: true, cycle: same, created: false };
    const blocked = blocking(this.cycleList.slice());
    if (blocked) return { ok: false, reason: 'blocked', cycle: blocked };
    const cycle: CycleRecord = {
      periodId,
      frequency,
      openedBy: who.userId,
      actor: who.actor,
      openedAt: this.clock(),
    };
    this.cycleList.push(cycle);
    return { ok: true, cycle, created: true };
  }

  async assign(cycleId: string, wanted: readonly WantedAssignment[], who: Who): Promise<AssignOutcome> {
    if (!this.cycleList.some((c) => c.periodId === cycleId)) return { ok: false, reason: 'no-cycle' };
    const at = this.clock();
    const counts = { created: 0, changed: 0, withdrawn: 0, unchanged: 0 };
    for (const w of new Map(wanted.map((x) => [keyOf(x), x])).values()) {
      const now = this.byKey.get(keyOf(w));
      if (!now && w.assignee === null) counts.unchanged++;
      else if (now && now.assignee === w.assignee && now.dueDate === w.dueDate) counts.unchanged++;
      else {
        const id = now?.id ?? String(this.nextId++);
        const next: AssignmentRecord = {
          ...w,
          id,
          cycleId: now?.cycleId ?? cycleId,
          version: (now?.version ?? 0) + 1,
          assignedBy: who.userId,
          actor: who.actor,
          at,
        };
        this.byKey.set(keyOf(w), next);
        this.byId.set(id, next);
        const change: AssignmentChangeRecord = {
          assignmentId: id,
          version: next.version,
          assignee: w.assignee,
          assigneeLabel: w.assigneeLabel,
          dueDate: w.dueDate,
          assignedBy: who.userId,
          actor: who.actor,
          at,
        };
        this.changes.set(id, [...(this.changes.get(id) ?? []), change]);
        if (!now) counts.created++;
        else if (w.assignee === null) counts.withdrawn++;
        else counts.changed++;
      }
    }
    return { ok: true, ...counts };
  }

  async list(q: AssignmentQuery = {}): Promise<readonly AssignmentRecord[]> {
    const entities = q.entityIds ? new Set(q.entityIds) : undefined;
    return [...this.byKey.values()]
      .filter(
        (a) =>
          (q.cycleId === undefined || a.cycleId === q.cycleId) &&
          (q.assignee === undefined || a.assignee === q.assignee) &&
          (entities === undefined || entities.has(a.entityId)) &&
          (q.periodId === undefined || a.periodId === q.periodId) &&
          (q.includeWithdrawn === true || a.assignee !== null),
      )
      .sort(byKey);
  }

  async get(id: string): Promise<AssignmentRecord | undefined> {
    return this.byId.get(id);
  }

  async history(id: string): Promise<readonly AssignmentChangeRecord[]> {
    return this.changes.get(id)?.slice() ?? [];
  }

  async ofUnit(key: UnitKey): Promise<readonly AssignmentRecord[]> {
    return (await this.list({ entityIds: [key.entityId], periodId: key.periodId })).filter(
      (a) => a.topic === key.topic,
    );
  }
}
