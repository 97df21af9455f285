/**
 * The e-mail outbox as administrators see it (`manage-notifications`, the whole organisation):
 * how many messages are pending, sent and failed, the latest messages with their state,
 * attempts and last error, each failed one's attempts; and putting a failed message back in the
 * queue (its attempts counted afresh; delivered on the next run).
 */
import {
  type DeliveryAttempt,
  deliveryAttempts,
  type OutboxEntry,
  type OutboxState,
  outboxCounts,
  outboxEntries,
  retryFailedMail,
  type Store,
} from '@assay/store';
import { authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import { failure, type Result, success } from '../outcome.js';

const STATES: readonly OutboxState[] = ['pending', 'sent', 'failed'];
export const OUTBOX_LIST_MAX = 500;

export type OutboxView = {
  /** False when no SMTP server is configured (nothing is queued; notifications are in-app only). */
  readonly mailEnabled: boolean;
  readonly counts: Record<OutboxState, number>;
  readonly messages: readonly (OutboxEntry & { readonly attemptLog?: readonly DeliveryAttempt[] })[];
};

type Admin = { readonly store: Store | undefined; readonly caller: Caller };

function mayManage(i: Admin): Result<Store> {
  if (authorise(i.caller.access, 'manage-notifications', { kind: 'organisation' }) !== 'allow')
    return failure('forbidden', 'your role does not allow "manage-notifications"');
  if (!i.store)
    return failure('invalid-request', 'no store: notifications need accounts', { field: 'store' });
  return success(i.store);
}

export async function listOutbox(
  i: Admin & {
    readonly mailEnabled: boolean;
    readonly state?: string | undefined;
    readonly limit?: number | undefined;
  },
): Promise<Result<OutboxView>> {
  const store = mayManage(i);
  if (!store.ok) return store;
  const state = i.state === undefined ? undefined : STATES.find((s) => s === i.state);
  if (i.state !== undefined && state === undefined)
    return failure('invalid-request', `state: "${i.state}" is not one of ${STATES.join(', ')}`, {
      field: 'state',
    });
  const limit = i.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > OUTBOX_LIST_MAX)
    return failure('invalid-request', `limit: a whole number from 1 to ${OUTBOX_LIST_MAX}`, {
      field: 'limit',
    });
  const entries = await outboxEntries(store.value, { state, limit });
  const messages = [];
  for (const e of entries)
    messages.push(e.state === 'failed' ? { ...e, attemptLog: await deliveryAttempts(store.value, e.id) } : e);
  return success({ mailEnabled: i.mailEnabled, counts: await outboxCounts(store.value), messages });
}

export async function retryOutboxMessage(
  i: Admin & { readonly id: string; readonly now: Date },
): Promise<Result<{ id: string; state: 'pending' }>> {
  const store = mayManage(i);
  if (!store.ok) return store;
  const out = await store.value.transaction((tx) =>
    retryFailedMail(tx, { id: i.id, at: i.now.toISOString(), actor: i.caller.label }),
  );
  if (out === 'not-found') return failure('not-found', `no message ${i.id} in the outbox`, { field: 'id' });
  if (out === 'not-failed')
    return failure(
      'conflict',
      `message ${i.id} has not failed: only a failed message is put back in the queue`,
      {
        field: 'id',
      },
    );
  return success({ id: i.id, state: 'pending' });
}
