/**
 * Notifications of the collection cycle with a real SMTP server run inside the test
 * (@assay/app/testing, smtp-server), over a PGlite store and over PostgreSQL (issue #17,
 * "Reminders and notifications"): a submit notifies the reviewers in-app and by e-mail, each in
 * their language (Chinese for a zh-Hant account, English for an English one); a return brings
 * the comment to the preparer; nobody is told of their own action, nor asked to approve what
 * segregation of duties keeps them from; with the SMTP server down the transition still
 * succeeds, the outbox shows the failure and a later delivery succeeds; a refused address fails
 * for good and is sent once put back in the queue; an overdue reminder is written once a day.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { createUser, grantRole, migrate, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../test/cycle-callers.js';
import { type SmtpCapture, startSmtpCapture } from '../../test/smtp-capture.js';
import type { Grant } from '../access/roles.js';
import { listOutbox, retryOutboxMessage } from '../use-cases/notification-outbox.js';
import {
  listMyNotifications,
  markAllMyNotificationsRead,
  setMyNotificationLanguage,
} from '../use-cases/notifications.js';
import { type OverdueAssignment, remindOverdue } from '../use-cases/remind-overdue.js';
import { actOnUnit } from '../use-cases/workflow.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import { Notifications } from './notifier.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const START = Date.parse('2026-02-20T01:00:00.000Z');
const HAN = /\p{Script=Han}/u;

/** The people of the cycle: their grants, and the language of their e-mail. */
const PEOPLE: Record<string, { grants: Grant[]; language: 'en' | 'zh-Hant' }> = {
  ann: { grants: [{ role: 'preparer', entityId: 'smelter' }], language: 'en' },
  rita: { grants: [{ role: 'reviewer', entityId: 'group' }], language: 'zh-Hant' },
  ray: { grants: [{ role: 'reviewer', entityId: 'smelter' }], language: 'en' },
  /** Reviews the mine only: never told of the smelter. */
  mia: { grants: [{ role: 'reviewer', entityId: 'mine' }], language: 'en' },
  alex: { grants: [{ role: 'approver', entityId: 'group' }], language: 'en' },
  /** Prepares and approves the smelter: not asked to approve a submission of her own. */
  bo: {
    grants: [
      { role: 'preparer', entityId: 'smelter' },
      { role: 'approver', entityId: 'smelter' },
    ],
    language: 'zh-Hant',
  },
  ada: { grants: [{ role: 'administrator', entityId: 'group' }], language: 'en' },
};
const caller = (name: string) => callerFor(bundle, name, (PEOPLE[name] as (typeof PEOPLE)[string]).grants);
const emailOf = (name: string) => `${name}@example.com`;

type Backend = { store: Store; ws: StoreWorkspace; close: () => Promise<void> };
const backends: [string, () => Promise<Backend>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-notify-'));
      const store = await openPgliteStore(dir);
      await migrate(store, new Date(START).toISOString());
      const o = await StoreWorkspace.open(store, bundle);
      if (!o.ok) throw new Error(o.reason);
      return {
        store,
        ws: o.workspace,
        close: async () => {
          await o.workspace.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      await migrate(store, new Date(START).toISOString());
      const o = await StoreWorkspace.open(store, bundle);
      if (!o.ok) throw new Error(o.reason);
      return {
        store,
        ws: o.workspace,
        close: async () => {
          await o.workspace.close();
          await db.drop();
        },
      };
    },
  ],
];

describe.each(backends)('notifications and e-mail on %s', (_name, open) => {
  let b: Backend;
  let smtp: SmtpCapture;
  let notifications: Notifications;
  let clock = START;
  const now = () => new Date(clock);
  const log: string[] = [];
  const unit = { entityId: 'smelter', periodId: '2025', topic: 'employment' };
  let version = 0;

  beforeAll(async () => {
    b = await open();
    smtp = await startSmtpCapture();
    for (const [name, p] of Object.entries(PEOPLE)) {
      await createUser(b.store, {
        id: name,
        email: emailOf(name),
        name,
        passwordHash: null,
        at: now().toISOString(),
      });
      for (const g of p.grants)
        await grantRole(b.store, { userId: name, ...g, grantedBy: 'test', at: now().toISOString() });
      const set = await setMyNotificationLanguage({
        store: b.store,
        caller: caller(name),
        language: p.language,
      });
      expect(set.ok).toBe(true);
    }
    notifications = new Notifications({
      store: b.store,
      now,
      mail: { smtpUrl: smtp.url, from: 'Assay <assay@example.com>', baseUrl: 'https://assay.example.com' },
      log: (line) => log.push(line),
    });
  }, 60_000);
  afterAll(async () => {
    await notifications?.close();
    await smtp?.stop();
    await b?.close();
  });

  const act = async (who: string, event: 'submit' | 'return' | 'review' | 'approve', comment?: string) => {
    const out = await actOnUnit({
      ws: b.ws,
      caller: caller(who),
      key: unit,
      event,
      version,
      comment,
      notifier: notifications,
    });
    if (!out.ok) throw new Error(`${who} ${event}: ${out.error.message}`);
    version = out.value.unit.version;
    return out.value;
  };
  const inbox = async (who: string) => {
    const r = await listMyNotifications({
      store: b.store,
      caller: caller(who),
      entities: bundle.organisation.entities,
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const mailTo = (who: string) => smtp.messages.filter((m) => m.to.includes(emailOf(who)));
  const delivered = async () => {
    await notifications.deliverer?.idle();
  };

  it('a submit tells the reviewers of the entity, in-app and by e-mail in each one’s language', async () => {
    await act('ann', 'submit');
    await delivered();
    // Rita (reviewer of the group) and Ray (of the smelter); not Mia (the mine), not Ann herself.
    for (const who of ['rita', 'ray']) {
      const mine = await inbox(who);
      expect(mine.unread).toBe(1);
      expect(mine.notifications[0]).toMatchObject({
        kind: 'submitted-for-review',
        entityId: 'smelter',
        periodId: '2025',
        topic: 'employment',
        unitVersion: 1,
        actorId: 'ann',
        actor: 'ann <ann@example.com>',
        readAt: null,
        title: { en: 'Submitted for your review: Demo Smelter · 2025 · Employment' },
      });
    }
    for (const who of ['ann', 'mia', 'alex', 'bo', 'ada']) expect((await inbox(who)).unread).toBe(0);
    await smtp.waitFor(2);
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([[emailOf('ray')], [emailOf('rita')]]);
    const [zh] = mailTo('rita');
    expect(zh?.subject).toBe('[Assay] 待你審核：示例冶煉廠 · 2025年 · 僱傭');
    expect(zh?.text).toMatch(HAN);
    expect(zh?.text).toContain(
      'ann <ann@example.com> 已提交「示例冶煉廠 · 2025年 · 僱傭」，請你審核，或附意見退回。',
    );
    expect(zh?.text).toContain('開啟 Assay： https://assay.example.com');
    expect(zh?.text).not.toContain('submitted');
    const [en] = mailTo('ray');
    expect(en?.subject).toBe('[Assay] Submitted for your review: Demo Smelter · 2025 · Employment');
    expect(en?.text).toContain(
      'ann <ann@example.com> submitted Demo Smelter · 2025 · Employment for review.',
    );
    expect(en?.text).not.toMatch(HAN);
    for (const m of [zh, en]) {
      expect(m?.html).toBe(false);
      expect(m?.contentType).toBe('text/plain');
      expect(m?.from).toBe('"Assay" <assay@example.com>');
    }
  });

  it('a return brings the reviewer’s comment to the preparer, as plain text', async () => {
    const comment = 'Contractors are missing from <b>headcount</b>: add them & resubmit';
    await act('rita', 'return', comment);
    await delivered();
    const ann = await inbox('ann');
    expect(ann.notifications[0]).toMatchObject({ kind: 'returned', actorId: 'rita', comment });
    expect((await inbox('ray')).unread).toBe(1); // only the submit: a return goes to the preparer
    const [mail] = await smtp.waitFor(3).then(() => mailTo('ann'));
    expect(mail?.subject).toBe('[Assay] Returned for correction: Demo Smelter · 2025 · Employment');
    expect(mail?.text).toContain(`Comment:\n${comment}`);
    expect(mail?.html).toBe(false);
  });

  it('with the SMTP server down the transition succeeds; the outbox shows the failure; a later run delivers', async () => {
    await smtp.stop();
    const before = smtp.messages.length;
    const out = await act('ann', 'submit');
    expect(out.unit.state).toBe('submitted');
    await delivered();
    // In-app at once, whatever the mail does.
    expect((await inbox('rita')).notifications[0]).toMatchObject({
      kind: 'submitted-for-review',
      unitVersion: 3,
    });
    const outbox = await listOutbox({
      store: b.store,
      caller: caller('ada'),
      mailEnabled: true,
      state: 'pending',
    });
    if (!outbox.ok) throw new Error(outbox.error.message);
    expect(outbox.value.messages.map((m) => [m.toAddress, m.attempts, m.nextAttemptAt]).sort()).toEqual([
      [emailOf('ray'), 1, new Date(clock + 60_000).toISOString()],
      [emailOf('rita'), 1, new Date(clock + 60_000).toISOString()],
    ]);
    expect(outbox.value.messages[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(log.some((l) => l.includes('next attempt'))).toBe(true);
    // Not yet due: nothing is tried.
    await smtp.start();
    expect(await notifications.deliverer?.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock += 60_000;
    expect(await notifications.deliverer?.deliverDue()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    await smtp.waitFor(before + 2);
    const after = await listOutbox({ store: b.store, caller: caller('ada'), mailEnabled: true });
    expect(after.ok && after.value.counts).toEqual({ pending: 0, sent: 5, failed: 0 });
    // Only administrators see the outbox.
    const denied = await listOutbox({ store: b.store, caller: caller('rita'), mailEnabled: true });
    expect(denied.ok || denied.error.code).toBe('forbidden');
  });

  it('asks the approvers but not one who submitted; a refused address fails for good until put back', async () => {
    // Bo submits this time: Ann's resubmission is returned first.
    await act('ray', 'return', 'one more check');
    await act('bo', 'submit');
    await delivered();
    smtp.refuse.add(emailOf('alex'));
    const before = smtp.messages.length;
    await act('rita', 'review');
    await delivered();
    // Alex may approve; Bo may approve the smelter but submitted it: not asked.
    expect((await inbox('alex')).notifications[0]).toMatchObject({
      kind: 'reviewed-for-approval',
      actorId: 'rita',
    });
    expect((await inbox('bo')).notifications.some((n) => n.kind === 'reviewed-for-approval')).toBe(false);
    const failed = await listOutbox({
      store: b.store,
      caller: caller('ada'),
      mailEnabled: true,
      state: 'failed',
    });
    if (!failed.ok) throw new Error(failed.error.message);
    expect(failed.value.messages).toHaveLength(1);
    const [m] = failed.value.messages;
    expect(m).toMatchObject({ toAddress: emailOf('alex'), state: 'failed', attempts: 1 });
    expect(m?.lastError).toMatch(/550/);
    expect(m?.attemptLog?.map((a) => a.outcome)).toEqual(['permanent-failure']);
    smtp.refuse.clear();
    const retried = await retryOutboxMessage({
      store: b.store,
      caller: caller('ada'),
      id: m?.id ?? '',
      now: now(),
    });
    expect(retried.ok).toBe(true);
    expect((await notifications.deliverer?.deliverDue())?.sent).toBe(1);
    const mails = await smtp.waitFor(before + 1);
    expect(mails.at(-1)?.subject).toBe(
      '[Assay] Reviewed, awaiting your approval: Demo Smelter · 2025 · Employment',
    );
    // An approval goes back to Bo, who submitted, in Chinese.
    await act('alex', 'approve');
    await delivered();
    const toBo = (await smtp.waitFor(before + 2)).at(-1);
    expect(toBo?.to).toEqual([emailOf('bo')]);
    expect(toBo?.subject).toBe('[Assay] 已批准：示例冶煉廠 · 2025年 · 僱傭');
  });

  it('marks all read; unread come first', async () => {
    const rita = await inbox('rita');
    expect(rita.unread).toBeGreaterThan(0);
    const marked = await markAllMyNotificationsRead({ store: b.store, caller: caller('rita'), now: now() });
    expect(marked.ok && marked.value.marked).toBe(rita.unread);
    expect((await inbox('rita')).unread).toBe(0);
  });

  it('writes an overdue reminder once a day per task, in the assignee’s language', async () => {
    const overdue: OverdueAssignment[] = [
      {
        assignmentId: '41',
        assigneeId: 'bo',
        entityId: 'smelter',
        periodId: '2026-01',
        topic: 'energy',
        label: 'fuel.diesel, electricity.purchased',
        dueOn: '2026-02-15',
      },
      {
        ...{ assignmentId: '42', assigneeId: 'gone', entityId: 'mine', periodId: '2026-01', topic: 'energy' },
        label: null,
        dueOn: '2026-02-15',
      },
    ];
    const run = (at: number, timeZone = 'Asia/Hong_Kong') =>
      remindOverdue({
        store: b.store,
        caller: caller('ada'),
        notifications,
        overdue: async () => overdue,
        entities: bundle.organisation.entities,
        now: new Date(at),
        timeZone,
      });
    const before = smtp.messages.length;
    const first = await run(clock); // 09:00 in Hong Kong on 20 February
    expect(first.ok && first.value).toMatchObject({
      day: '2026-02-20',
      overdue: 2,
      reminded: 1,
      alreadyToday: 0,
      mailed: true,
      skipped: [{ assignmentId: '42', reason: 'assignee gone has no enabled account' }],
    });
    // Five hours later: still 20 February in Hong Kong.
    const again = await run(clock + 5 * 3_600_000);
    expect(again.ok && again.value).toMatchObject({ reminded: 0, alreadyToday: 1 });
    await delivered();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.to).toEqual([emailOf('bo')]);
    expect(mail?.subject).toBe('[Assay] 已逾期（2026年2月15日到期）：示例冶煉廠 · 2026年1月 · 能源');
    expect(mail?.text).toContain('（fuel.diesel, electricity.purchased）');
    // Sixteen hours later: 17:01 UTC, 01:01 on 21 February in Hong Kong (in UTC still the 20th).
    const nextDay = await run(clock + 16 * 3_600_000);
    expect(nextDay.ok && nextDay.value).toMatchObject({ day: '2026-02-21', reminded: 1, alreadyToday: 0 });
    const reminders = (await inbox('bo')).notifications.filter((n) => n.kind === 'overdue-reminder');
    expect(reminders.map((n) => [n.assignmentId, n.dueOn, n.actor])).toEqual([
      ['41', '2026-02-15', 'Assay'],
      ['41', '2026-02-15', 'Assay'],
    ]);
    const bad = await run(clock, 'Mars/Olympus');
    expect(bad.ok || bad.error).toMatchObject({ code: 'invalid-request', field: 'timeZone' });
    const notAdmin = await run(clock).then(() =>
      remindOverdue({
        store: b.store,
        caller: caller('rita'),
        notifications,
        overdue: async () => overdue,
        entities: bundle.organisation.entities,
        now: now(),
        timeZone: 'UTC',
      }),
    );
    expect(notAdmin.ok || notAdmin.error.code).toBe('forbidden');
  });
});

describe('a transition whose notifications cannot be written', () => {
  it('still succeeds; the log says which notifications are missing', async () => {
    // The accounts' store is gone (closed) while the workspace works: the fault is logged.
    const dir = await mkdtemp(join(tmpdir(), 'assay-notify-broken-'));
    const store = await openPgliteStore(dir);
    await migrate(store, new Date(START).toISOString());
    await store.close();
    const log: string[] = [];
    const broken = new Notifications({ store, now: () => new Date(START), log: (l) => log.push(l) });
    const ws = new MemoryWorkspace(bundle);
    const out = await actOnUnit({
      ws,
      caller: caller('ann'),
      key: { entityId: 'smelter', periodId: '2025', topic: 'employment' },
      event: 'submit',
      version: 0,
      notifier: broken,
    });
    expect(out.ok && out.value.unit.state).toBe('submitted');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(
      /^notifications of submit on smelter × 2025 × employment \(version 1\) not written: /,
    );
    await rm(dir, { recursive: true, force: true });
  });
});
