/**
 * Restatement requests over the store (restatement-records.ts; store/restatements.ts): each
 * decision in one database transaction, so several servers on one PostgreSQL database agree.
 * After an approval has written its revisions, `afterWrite` brings the workspace's state up to
 * date (store-workspace.ts: a catch-up, as for another process's write).
 */
import {
  applyRestatementEvent,
  requestRestatement,
  restatementRecords,
  restatementTransitions,
  type Store,
} from '@assay/store';
import type { Clock } from './memory-workspace.js';
import type {
  Moved,
  NewRestatement,
  RestatementApply,
  RestatementOutcome,
  RestatementRecord,
  RestatementRecords,
  RestatementTransitionRecord,
} from './restatement-records.js';

export class StoreRestatements implements RestatementRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly afterWrite: () => Promise<void> = async () => {},
  ) {}

  list(): Promise<readonly RestatementRecord[]> {
    return restatementRecords(this.store);
  }

  async get(id: number): Promise<RestatementRecord | undefined> {
    return (await restatementRecords(this.store, id))[0];
  }

  transitions(id: number): Promise<readonly RestatementTransitionRecord[]> {
    return restatementTransitions(this.store, id);
  }

  request(r: NewRestatement): Promise<{ ok: true; restatement: RestatementRecord } | Moved> {
    return requestRestatement(this.store, {
      change: r.change,
      reason: r.reason,
      items: r.items,
      userId: r.who.userId,
      actor: r.who.actor,
      at: this.clock(),
      effect: r.effect,
    });
  }

  async apply(r: RestatementApply): Promise<RestatementOutcome> {
    const out = await applyRestatementEvent(this.store, {
      id: r.id,
      expectedVersion: r.expectedVersion,
      event: r.event,
      comment: r.comment,
      userId: r.who.userId,
      actor: r.who.actor,
      at: this.clock(),
      decide: r.decide,
      ...(r.write ? { write: r.write } : {}),
    });
    if (out.ok && r.event === 'approve') await this.afterWrite();
    if (!out.ok && out.reason === 'invalid')
      return {
        ok: false,
        reason: 'invalid',
        message: out.issues[0]?.reason ?? 'the store refused the facts',
      };
    return out;
  }
}
