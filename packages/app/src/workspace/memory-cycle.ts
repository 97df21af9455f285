/**
 * The collection cycle's records in memory (cycle-records.ts), for the in-memory workspace: the
 * same rules as the store (store-cycle.ts), kept for the life of the process. Each `apply` runs
 * to its end without awaiting anything, so two callers cannot interleave.
 */
import { DRAFT_UNIT, lockCovering, lockedMessage, type PeriodLock } from '@assay/core';
import {
  type ApplyOutcome,
  type ApplyRequest,
  byUnitKey,
  type CycleRecords,
  type LockOutcome,
  type TransitionRecord,
  type UnitKey,
  type UnitRecord,
  type UnlockOutcome,
} from './cycle-records.js';
import type { Clock } from './memory-workspace.js';

const keyOf = (k: UnitKey) => JSON.stringify([k.entityId, k.periodId, k.topic]);

export class MemoryCycle implements CycleRecords {
  private readonly unitsByKey = new Map<string, UnitRecord>();
  private readonly history = new Map<string, TransitionRecord[]>();
  private readonly lockList: PeriodLock[] = [];

  constructor(private readonly clock: Clock) {}

  /** True only while an approved restatement's write runs (restating); the lock lets it through. */
  private restatingNow = false;

  /**
   * Run `write` with the period lock lifted: an approved restatement's write, and nothing else
   * (memory-workspace.ts writeRestated). `write` must make its lock checks before it first
   * awaits (the workspace's writes check synchronously), since the lock holds again as soon as
   * it returns: no other write can slip through meanwhile.
   */
  restating<T>(write: () => T): T {
    this.restatingNow = true;
    try {
      return write();
    } finally {
      this.restatingNow = false;
    }
  }

  /** The lock covering any of the periods, with the refusal's message (for the workspace's writes). */
  lockedAmong(
    periods: Iterable<string>,
  ): { lock: PeriodLock; periodId: string; message: string } | undefined {
    if (this.restatingNow) return undefined;
    const found = lockCovering(this.lockList, periods);
    return found && { ...found, message: lockedMessage(found.lock, found.periodId) };
  }

  async units(periodId?: string): Promise<readonly UnitRecord[]> {
    return [...this.unitsByKey.values()]
      .filter((u) => periodId === undefined || u.periodId === periodId)
      .sort(byUnitKey);
  }

  async transitions(key: UnitKey): Promise<readonly TransitionRecord[]> {
    return this.history.get(keyOf(key))?.slice() ?? [];
  }

  async periodTransitions(periodId: string): Promise<readonly TransitionRecord[]> {
    return [...this.unitsByKey.values()]
      .filter((u) => u.periodId === periodId)
      .sort(byUnitKey)
      .flatMap((u) => this.history.get(keyOf(u)) ?? []);
  }

  async apply(r: ApplyRequest): Promise<ApplyOutcome> {
    const k = keyOf(r.key);
    const unit: UnitRecord = this.unitsByKey.get(k) ?? {
      ...r.key,
      ...DRAFT_UNIT,
      version: 0,
      updatedAt: null,
    };
    if (unit.version !== r.expectedVersion) return { ok: false, reason: 'stale', current: unit.version };
    const locked = this.lockedAmong([r.key.periodId]);
    if (locked) return { ok: false, reason: 'locked', lock: locked.lock, message: locked.message };
    const d = r.decide(unit);
    if (!d.ok) return { ok: false, reason: 'refused', refusal: d };
    const at = this.clock();
    const version = unit.version + 1;
    const next: UnitRecord = { ...r.key, ...d.state, version, updatedAt: at };
    const transition: TransitionRecord = {
      ...r.key,
      version,
      from: d.from,
      to: d.to,
      event: r.event,
      userId: r.who.userId,
      actor: r.who.actor,
      comment: r.comment,
      exceptionFor: r.exceptionFor,
      at,
    };
    this.unitsByKey.set(k, next);
    this.history.set(k, [...(this.history.get(k) ?? []), transition]);
    return { ok: true, unit: next, transition };
  }

  async locks(): Promise<readonly PeriodLock[]> {
    return this.lockList.slice();
  }

  async lock(
    periodId: string,
    who: { userId: string | null; actor: string },
    reason: string,
  ): Promise<LockOutcome> {
    const existing = this.lockList.find((l) => l.periodId === periodId);
    if (existing) return { ok: false, reason: 'already-locked', lock: existing };
    const lock: PeriodLock = { periodId, userId: who.userId, actor: who.actor, at: this.clock(), reason };
    this.lockList.push(lock);
    return { ok: true, lock };
  }

  async unlock(
    periodId: string,
    _who: { userId: string | null; actor: string },
    _reason: string,
  ): Promise<UnlockOutcome> {
    const i = this.lockList.findIndex((l) => l.periodId === periodId);
    const existing = this.lockList[i];
    if (!existing) return { ok: false, reason: 'not-locked' };
    this.lockList.splice(i, 1);
    return { ok: true, lock: existing };
  }
}
