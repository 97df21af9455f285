/**
 * Notifications and the e-mail outbox in the store (020-notifications.sql), on PGlite and on
 * PostgreSQL: a recipient's list (unread first) and marking read, only their own; reminders
 * once per recipient, unit and day; the outbox's claims (two deliverers on separate connections
 * never claim one message), outcomes, retries and the append-only attempt log; the accounts'
 * language and who is notifiable.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.js';
import { disableUser, grantRole } from '../accounts/index.js';
import { createUser } from '../accounts/users.js';
import { migrate } from '../migrate.js';
import { openPgliteStore } from '../pglite-store.js';
import { openPostgresStore } from '../postgres-store.js';
import type { Store } from '../store.js';
import { accountLanguage, notifiableAccounts, setAccountLanguage } from './notification-accounts.js';
import {
  insertNotification,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NewNotification,
  unreadNotificationCount,
} from './notification-rows.js';
import {
  claimDueMail,
  deliveryAttempts,
  enqueueMail,
  outboxCounts,
  outboxEntries,
  recordMailOutcome,
  retryFailedMail,
} from './outbox-rows.js';

const AT = '2026-02-20T01:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();

type Opened = { stores: Store[]; close: () => Promise<void> };
const backends: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-notif-'));
      const store = await openPgliteStore(dir);
      await migrate(store, AT);
      return {
        stores: [store, store],
        close: async () => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL (two connections)',
    async () => {
      const db = await createTestDatabase();
      const a = await openPostgresStore(db.url);
      await migrate(a, AT);
      const b = await openPostgresStore(db.url);
      return {
        stores: [a, b],
        close: async () => {
          await b.close();
          await a.close();
          await db.drop();
        },
      };
    },
  ],
];

const submitted = (recipientId: string, version: number, at = AT): NewNotification => ({
  recipientId,
  kind: 'submitted-for-review',
  entityId: 'smelter',
  periodId: '2025',
  topic: 'energy',
  unitVersion: version,
  assignmentId: null,
  assignmentLabel: null,
  dueOn: null,
  reminderDay: null,
  actorId: 'u-ann',
  actor: 'Ann <ann@example.com>',
  comment: null,
  at,
});
const reminder = (recipientId: string, day: string, assignmentId = '7'): NewNotification => ({
  ...submitted(recipientId, 1),
  kind: 'overdue-reminder',
  unitVersion: null,
  assignmentId,
  assignmentLabel: 'fuel.diesel',
  dueOn: '2026-02-15',
  reminderDay: day,
  actorId: null,
  actor: 'Assay',
});

describe.each(backends)('notifications in the store on %s', (_name, open) => {
  let o: Opened;
  let store: Store;
  beforeAll(async () => {
    o = await open();
    store = o.stores[0] as Store;
    for (const [id, email] of [
      ['u-rita', 'rita@example.com'],
      ['u-ann', 'ann@example.com'],
      ['u-old', 'old@example.com'],
    ] as const)
      await createUser(store, { id, email, name: id, passwordHash: null, at: AT });
    await grantRole(store, { userId: 'u-rita', role: 'reviewer', entityId: 'group', grantedBy: 't', at: AT });
    await grantRole(store, { userId: 'u-rita', role: 'viewer', entityId: 'mine', grantedBy: 't', at: AT });
    await disableUser(store, 'u-old');
  }, 60_000);
  afterAll(() => o?.close());

  it('lists a recipient’s notifications unread first, counts and marks them read, their own only', async () => {
    const ids = [];
    for (let v = 1; v <= 3; v++) ids.push(await insertNotification(store, submitted('u-rita', v, later(v))));
    await insertNotification(store, submitted('u-ann', 9));
    expect(ids.every((id) => id !== null && /^\d+$/.test(id))).toBe(true);
    expect(await unreadNotificationCount(store, 'u-rita')).toBe(3);
    const first = ids[0] as string;
    expect(await markNotificationRead(store, 'u-ann', first, later(10))).toBeUndefined();
    expect(await markNotificationRead(store, 'u-rita', 'x1', later(10))).toBeUndefined();
    const read = await markNotificationRead(store, 'u-rita', first, later(10));
    expect(read).toMatchObject({ id: first, readAt: later(10), recipientId: 'u-rita', unitVersion: 1 });
    // Marking again keeps the first time it was read.
    expect((await markNotificationRead(store, 'u-rita', first, later(20)))?.readAt).toBe(later(10));
    const list = await listNotifications(store, 'u-rita', 10);
    // Unread first (newest first among them), then the read one.
    expect(list.map((n) => [n.unitVersion, n.readAt])).toEqual([
      [3, null],
      [2, null],
      [1, later(10)],
    ]);
    expect(await unreadNotificationCount(store, 'u-rita')).toBe(2);
    expect(await markAllNotificationsRead(store, 'u-rita', later(30))).toBe(2);
    expect(await unreadNotificationCount(store, 'u-rita')).toBe(0);
    expect(await unreadNotificationCount(store, 'u-ann')).toBe(1);
  });

  it('writes one reminder per recipient, unit and day, whichever assignment names it', async () => {
    expect(await insertNotification(store, reminder('u-ann', '2026-02-20'))).not.toBeNull();
    expect(await insertNotification(store, reminder('u-ann', '2026-02-20'))).toBeNull();
    expect(await insertNotification(store, reminder('u-ann', '2026-02-20', '8'))).toBeNull();
    expect(await insertNotification(store, reminder('u-rita', '2026-02-20'))).not.toBeNull();
    expect(await insertNotification(store, reminder('u-ann', '2026-02-21'))).not.toBeNull();
    const mine = (await listNotifications(store, 'u-ann', 50)).filter((n) => n.kind === 'overdue-reminder');
    expect(mine.map((n) => [n.reminderDay, n.dueOn, n.actorId])).toEqual([
      ['2026-02-21', '2026-02-15', null],
      ['2026-02-20', '2026-02-15', null],
    ]);
  });

  it('refuses a reminder without its day and a workflow notification without its version', async () => {
    await expect(
      insertNotification(store, { ...reminder('u-ann', '2026-03-01'), reminderDay: null }),
    ).rejects.toThrow();
    await expect(
      insertNotification(store, { ...submitted('u-ann', 1), unitVersion: null }),
    ).rejects.toThrow();
  });

  it('claims due mail once across connections, records outcomes and retries, keeps every attempt', async () => {
    const [a, b] = o.stores as [Store, Store];
    const notification = async () => (await insertNotification(store, submitted('u-rita', 50))) as string;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        await enqueueMail(store, {
          notificationId: await notification(),
          toAddress: 'rita@example.com',
          toName: 'Rita',
          language: 'zh-Hant',
          subject: `主旨 ${i}`,
          body: '內容',
          at: AT,
        }),
      );
    // Two deliverers at once: disjoint claims covering all six.
    const c = { now: AT, claimUntil: later(5), limit: 4 };
    const [x, y] = await Promise.all([claimDueMail(a, c), claimDueMail(b, c)]);
    const claimed = [...x, ...y].map((m) => m.id).sort();
    expect(claimed).toEqual([...ids].sort());
    expect(new Set(claimed).size).toBe(6);
    expect(await claimDueMail(a, c)).toEqual([]);
    const [m0, m1, m2] = ids as [string, string, string];
    expect(await recordMailOutcome(a, { id: m0, at: later(1), outcome: 'sent' })).toBe(true);
    expect(await recordMailOutcome(a, { id: m0, at: later(1), outcome: 'sent' })).toBe(false);
    await recordMailOutcome(a, {
      id: m1,
      at: later(1),
      outcome: 'temporary-failure',
      error: 'connect ECONNREFUSED',
      retryAt: later(2),
    });
    await recordMailOutcome(a, {
      id: m2,
      at: later(1),
      outcome: 'permanent-failure',
      error: '550 no such user',
      retryAt: null,
    });
    // The other three: their claims run out at +5 min and they are due again.
    expect(
      (await claimDueMail(a, { now: later(3), claimUntil: later(8), limit: 10 })).map((m) => m.id),
    ).toEqual([m1]);
    expect(
      (await claimDueMail(b, { now: later(6), claimUntil: later(11), limit: 10 })).map((m) => m.id).sort(),
    ).toEqual(ids.slice(3).sort());
    const entries = new Map((await outboxEntries(store, { limit: 100 })).map((e) => [e.id, e]));
    expect(entries.get(m0)).toMatchObject({ state: 'sent', attempts: 1, lastError: null, sentAt: later(1) });
    expect(entries.get(m1)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'connect ECONNREFUSED',
    });
    expect(entries.get(m2)).toMatchObject({ state: 'failed', attempts: 1, lastError: '550 no such user' });
    expect(await outboxCounts(store)).toEqual({ pending: 4, sent: 1, failed: 1 });
    expect((await outboxEntries(store, { state: 'failed', limit: 10 })).map((e) => e.id)).toEqual([m2]);
    // Only a failed message is put back in the queue, due at once, its attempts counted afresh.
    expect(await retryFailedMail(store, { id: m1, at: later(7), actor: 'Ada' })).toBe('not-failed');
    expect(await retryFailedMail(store, { id: '999999', at: later(7), actor: 'Ada' })).toBe('not-found');
    expect(await retryFailedMail(store, { id: m2, at: later(7), actor: 'Ada' })).toBe('retried');
    expect((await outboxEntries(store, { limit: 100 })).find((e) => e.id === m2)).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: later(7),
    });
    expect(await deliveryAttempts(store, m2)).toEqual([
      { at: later(1), outcome: 'permanent-failure', error: '550 no such user', actor: null },
      { at: later(7), outcome: 'retry-requested', error: null, actor: 'Ada' },
    ]);
    await expect(store.query('update notification_delivery_attempt set error = null')).rejects.toThrow(
      /append-only/,
    );
    await expect(store.query('delete from notification_delivery_attempt')).rejects.toThrow(/append-only/);
  });

  it('keeps each account’s language (en by default) and lists the enabled accounts with their grants', async () => {
    expect(await accountLanguage(store, 'u-rita')).toBe('en');
    expect(await setAccountLanguage(store, 'u-rita', 'zh-Hant')).toBe(true);
    expect(await setAccountLanguage(store, 'nobody', 'zh-Hant')).toBe(false);
    expect(await accountLanguage(store, 'u-rita')).toBe('zh-Hant');
    await expect(store.query("update users set language = 'fr' where id = 'u-ann'")).rejects.toThrow();
    expect(await notifiableAccounts(store)).toEqual([
      { id: 'u-ann', email: 'ann@example.com', name: 'u-ann', language: 'en', grants: [] },
      {
        id: 'u-rita',
        email: 'rita@example.com',
        name: 'u-rita',
        language: 'zh-Hant',
        grants: [
          { role: 'reviewer', entityId: 'group' },
          { role: 'viewer', entityId: 'mine' },
        ],
      },
    ]);
  });
});
