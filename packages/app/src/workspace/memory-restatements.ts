/**
 * Restatement requests in memory (restatement-records.ts), for the in-memory workspace: the
 * same rules as the store (store-restatements.ts), kept for the life of the process. A request's
 * decision runs without awaiting anything until its approval's write, which the workspace makes
 * through `facts` (memory-workspace.ts writeRestated: past the period lock, for this write only).
 */
import { type ActivityLine, type DataPoint, dataPointFactKey } from '@assay/core';
import type { Clock } from './memory-workspace.js';
import type {
  Moved,
  NewRestatement,
  RestatementApply,
  RestatementFactKind,
  RestatementItemRecord,
  RestatementLinkRecord,
  RestatementOutcome,
  RestatementRecord,
  RestatementRecords,
  RestatementTransitionRecord,
} from './restatement-records.js';

/** What the restatements need of the workspace's facts. */
export interface RestatedFacts {
  /** The current (not retracted) revision of a fact, or null. */
  currentRevision(kind: RestatementFactKind, factKey: string): number | null;
  /**
   * Write an approved restatement's facts (each at the revision its item names, or new), also
   * into a locked period; the new revision of each by `${kind}|${factKey}`, or why not.
   */
  writeRestated(
    write: { readonly dataPoints: readonly DataPoint[]; readonly activityLines: readonly ActivityLine[] },
    items: readonly RestatementItemRecord[],
    reason: string,
    author: string,
  ): Promise<ReadonlyMap<string, number> | { readonly message: string }>;
}

export class MemoryRestatements implements RestatementRecords {
  private readonly records: RestatementRecord[] = [];
  private readonly history = new Map<number, RestatementTransitionRecord[]>();

  constructor(
    private readonly clock: Clock,
    private readonly facts: RestatedFacts,
  ) {}

  async list(): Promise<readonly RestatementRecord[]> {
    return this.records.slice();
  }

  async get(id: number): Promise<RestatementRecord | undefined> {
    return this.records.find((r) => r.id === id);
  }

  async transitions(id: number): Promise<readonly RestatementTransitionRecord[]> {
    return this.history.get(id)?.slice() ?? [];
  }

  private moved(items: readonly RestatementItemRecord[]): Moved | undefined {
    for (const [position, i] of items.entries()) {
      const current = this.facts.currentRevision(i.kind, i.factKey);
      if (current !== (i.old?.rev ?? null))
        return { ok: false, reason: 'moved', position, factId: i.factId, current };
    }
    return undefined;
  }

  async request(r: NewRestatement): Promise<{ ok: true; restatement: RestatementRecord } | Moved> {
    const moved = this.moved(r.items);
    if (moved) return moved;
    const at = this.clock();
    const record: RestatementRecord = {
      id: this.records.length + 1,
      change: r.change,
      reason: r.reason,
      state: 'draft',
      version: 1,
      submittedBy: null,
      reviewedBy: null,
      exceptions: [],
      requestedBy: r.who.userId,
      requester: r.who.actor,
      requestedAt: at,
      updatedAt: at,
      changeSet: null,
      effect: r.effect ?? null,
      items: r.items,
      revisions: [],
    };
    this.records.push(record);
    this.history.set(record.id, [
      {
        restatementId: record.id,
        version: 1,
        from: 'draft',
        to: 'draft',
        event: 'request',
        userId: r.who.userId,
        actor: r.who.actor,
        comment: null,
        at,
      },
    ]);
    return { ok: true, restatement: record };
  }

  async apply(r: RestatementApply): Promise<RestatementOutcome> {
    const at = this.records.findIndex((x) => x.id === r.id);
    const current = this.records[at];
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.version !== r.expectedVersion)
      return { ok: false, reason: 'stale', current: current.version };
    const d = r.decide(current);
    if (!d.ok) return { ok: false, reason: 'refused', refusal: d };
    let revisions: readonly RestatementLinkRecord[] = current.revisions;
    let changeSet = current.changeSet;
    let effect = current.effect;
    if (r.event === 'approve') {
      const keys = (facts: readonly { kind: string; key: string }[]) =>
        facts
          .map((f) => `${f.kind}|${f.key}`)
          .sort()
          .join('\n');
      const given = r.write
        ? [
            ...r.write.dataPoints.map((d) => ({ kind: 'data-point', key: dataPointFactKey(d) })),
            ...r.write.activityLines.map((l) => ({ kind: 'activity-line', key: l.id })),
          ]
        : [];
      // The caller built the facts from the request as it read it; another has acted since.
      if (!r.write || keys(given) !== keys(current.items.map((i) => ({ kind: i.kind, key: i.factKey }))))
        return { ok: false, reason: 'stale', current: current.version };
      const moved = this.moved(current.items);
      if (moved) return moved;
      // Recorded as approved before the write's await, so a second approval finds it approved.
      this.records[at] = { ...current, state: 'approved', version: current.version + 1 };
      const written = await this.facts.writeRestated(
        r.write,
        current.items,
        `restatement ${r.id} approved`,
        r.who.actor,
      );
      if ('message' in written) {
        this.records[at] = current;
        return { ok: false, reason: 'invalid', message: written.message };
      }
      // Ordered as the store lists them: by kind, then key (byte order).
      const order = (a: RestatementItemRecord, b: RestatementItemRecord) =>
        `${a.kind}|${a.factKey}` < `${b.kind}|${b.factKey}` ? -1 : 1;
      revisions = [...current.items].sort(order).map((i) => ({
        kind: i.kind,
        factKey: i.factKey,
        oldRev: i.old?.rev ?? null,
        newRev: written.get(`${i.kind}|${i.factKey}`) ?? 0,
        changeSet: 0,
      }));
      changeSet = 0;
      effect = r.write.effect ?? null;
    }
    const stamp = this.clock();
    const version = current.version + 1;
    const next: RestatementRecord = {
      ...current,
      ...d.state,
      state: d.to,
      version,
      updatedAt: stamp,
      revisions,
      changeSet,
      effect,
    };
    const transition: RestatementTransitionRecord = {
      restatementId: r.id,
      version,
      from: d.from,
      to: d.to,
      event: r.event,
      userId: r.who.userId,
      actor: r.who.actor,
      comment: r.comment,
      at: stamp,
    };
    this.records[at] = next;
    this.history.set(r.id, [...(this.history.get(r.id) ?? []), transition]);
    return { ok: true, restatement: next, transition };
  }
}
