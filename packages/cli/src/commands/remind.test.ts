/**
 * `assay remind` against PostgreSQL with a real SMTP server run inside the test: a preparer
 * assigned the smelter's January 2026 energy figures, due 10 February, is reminded on 20 March
 * (in-app and by e-mail, in Chinese as her account asks), once that day however often it runs,
 * and again the next day; without ASSAY_SMTP_URL the log says notifications are in-app only; a
 * bad time zone or SMTP URL is a usage error naming it.
 */
import { fileURLToPath } from 'node:url';
import { assignInBulk, openCycle, StoreWorkspace, setMyNotificationLanguage } from '@assay/app';
import { accountDirectory, addUser, entityTree, grantRole, localCaller, userCaller } from '@assay/app/access';
import { type SmtpCapture, startSmtpCapture } from '@assay/app/testing';
import { listNotifications, openPostgresStore, readBundle } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const SAVED = { ...process.env };
let db: TestDatabase;
let smtp: SmtpCapture;
let annId = '';

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  delete process.env.ASSAY_SMTP_URL;
  delete process.env.ASSAY_MAIL_FROM;
  delete process.env.ASSAY_BASE_URL;
  delete process.env.ASSAY_TIME_ZONE;
  expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
  smtp = await startSmtpCapture();
  // Ann prepares the smelter; the administrator opens 2026 and assigns her January's energy.
  const store = await openPostgresStore(db.url);
  try {
    const now = new Date('2026-01-05T00:00:00Z');
    const ann = await addUser(store, { email: 'ann@example.com', name: 'Ann Lee' }, now);
    if (!ann.ok) throw new Error(ann.message);
    annId = ann.id;
    await grantRole(store, { userId: ann.id, role: 'preparer', entityId: 'smelter', grantedBy: 'test' }, now);
    const read = await readBundle(store);
    if (!read.ok) throw new Error('the store should hold examples/minimal');
    const opened = await StoreWorkspace.open(store, read.bundle);
    if (!opened.ok) throw new Error(opened.reason);
    const tree = entityTree(read.bundle.organisation.entities);
    const admin = localCaller(tree, 'tester');
    const ws = opened.workspace;
    expect((await openCycle({ ws, caller: admin, periodId: '2026', frequency: 'month' })).ok).toBe(true);
    const assigned = await assignInBulk({
      ws,
      caller: admin,
      accounts: accountDirectory(store),
      cycleId: '2026',
      request: {
        topics: ['energy'],
        entity: 'smelter',
        periods: ['2026-01'],
        assignee: ann.id,
        due: '2026-02-10',
      },
    });
    if (!assigned.ok) throw new Error(assigned.error.message);
    const annCaller = userCaller(
      {
        userId: ann.id,
        grants: [{ role: 'preparer', entityId: 'smelter' }],
        email: 'ann@example.com',
        name: 'Ann Lee',
        via: { kind: 'session', sessionHash: '0'.repeat(64) },
      },
      tree,
    );
    expect((await setMyNotificationLanguage({ store, caller: annCaller, language: 'zh-Hant' })).ok).toBe(
      true,
    );
  } finally {
    await store.close();
  }
}, 120_000);
afterAll(async () => {
  for (const k of ['DATABASE_URL', 'ASSAY_SMTP_URL', 'ASSAY_MAIL_FROM', 'ASSAY_BASE_URL', 'ASSAY_TIME_ZONE'])
    if (SAVED[k] === undefined) delete process.env[k];
    else process.env[k] = SAVED[k];
  await smtp?.stop();
  await db?.drop();
});

const reminders = async () => {
  const store = await openPostgresStore(db.url);
  try {
    return (await listNotifications(store, annId, 50)).filter((n) => n.kind === 'overdue-reminder');
  } finally {
    await store.close();
  }
};

describe('assay remind', () => {
  it('reminds the assignee of an overdue task in-app and by e-mail, once a day', async () => {
    process.env.ASSAY_SMTP_URL = smtp.url;
    process.env.ASSAY_BASE_URL = 'https://assay.example.com';
    const first = await assay('remind', '--at', '2026-03-20T09:00:00+08:00', '--time-zone', 'Asia/Hong_Kong');
    expect(first.code).toBe(0);
    expect(first.err).toContain(`e-mail: notifications are also mailed through ${smtp.url}`);
    expect(first.out).toContain(
      '2026-03-20 (Asia/Hong_Kong): 1 overdue task(s); 1 reminded, 0 already reminded that day',
    );
    expect(first.out).toContain('e-mail: 1 sent, 0 to try again later, 0 failed');
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['ann@example.com']);
    expect(mail?.subject).toBe('[Assay] 已逾期（2026年2月10日到期）：示例冶煉廠 · 2026年1月 · 能源');
    expect(mail?.text).toContain('https://assay.example.com');
    const again = await assay('remind', '--at', '2026-03-20T17:00:00+08:00', '--time-zone', 'Asia/Hong_Kong');
    expect(again.out).toContain('0 reminded, 1 already reminded that day');
    expect(smtp.messages).toHaveLength(1);
    const next = await assay('remind', '--at', '2026-03-21T09:00:00+08:00', '--time-zone', 'Asia/Hong_Kong');
    expect(next.out).toContain('1 reminded');
    await smtp.waitFor(2);
    expect((await reminders()).map((n) => [n.reminderDay, n.periodId, n.topic, n.dueOn])).toEqual([
      ['2026-03-21', '2026-01', 'energy', '2026-02-10'],
      ['2026-03-20', '2026-01', 'energy', '2026-02-10'],
    ]);
  });

  it('says once that notifications are in-app only without ASSAY_SMTP_URL', async () => {
    delete process.env.ASSAY_SMTP_URL;
    delete process.env.ASSAY_BASE_URL;
    const r = await assay('remind', '--at', '2026-03-22T09:00:00Z');
    expect(r.code).toBe(0);
    expect(r.err).toBe('e-mail: ASSAY_SMTP_URL is not set, so notifications are in-app only');
    expect(r.out).toBe('2026-03-22 (UTC): 1 overdue task(s); 1 reminded, 0 already reminded that day');
    expect(smtp.messages).toHaveLength(2);
  });

  it('refuses a bad time zone, time or SMTP URL, naming it', async () => {
    const zone = await assay('remind', '--time-zone', 'Mars/Olympus');
    expect(zone.code).toBe(2);
    expect(zone.err).toContain(
      '--time-zone: "Mars/Olympus" is not a time zone (write e.g. Asia/Hong_Kong or UTC)',
    );
    const at = await assay('remind', '--at', 'yesterday');
    expect(at.code).toBe(2);
    expect(at.err).toMatch(/--at must be an ISO-8601 time/);
    process.env.ASSAY_SMTP_URL = 'http://mail.example.com';
    const url = await assay('remind');
    expect([url.code, url.err]).toEqual([2, 'assay: ASSAY_SMTP_URL: "http:" is not smtp: or smtps:']);
    delete process.env.ASSAY_SMTP_URL;
  });
});
