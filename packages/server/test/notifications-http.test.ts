/**
 * Notifications over HTTP (issue #17; docs/workflow.md, "Notifications and reminders"), on a
 * PGlite store with accounts and a real SMTP server run inside the test: a reviewer who chose
 * Chinese sets it through the API, a preparer submits through the workflow route, and the
 * reviewer finds the notification in GET /api/notifications (unread first, with the count) and a
 * Chinese e-mail in the SMTP server; marking read, one and all; nobody reads or marks another's
 * notification; the outbox is the administrators'. An open server (no accounts) has none.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkspace, Notifications, StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { type SmtpCapture, startSmtpCapture } from '@assay/app/testing';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const PASSWORD = 'notification password 1';

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let smtp: SmtpCapture;
let notifications: Notifications;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();

const USERS: [string, [Role, string][]][] = [
  ['ada', [['administrator', 'group']]],
  ['ann', [['preparer', 'smelter']]],
  ['rita', [['reviewer', 'group']]],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-notify-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  smtp = await startSmtpCapture();
  notifications = new Notifications({
    store,
    now: () => new Date(),
    mail: { smtpUrl: smtp.url, from: 'Assay <assay@example.com>' },
  });
  app = createApp({ workspace: ws, accounts: { store }, notifications });
  const now = new Date();
  for (const [name, grants] of USERS) {
    const u = await addUser(store, { email: `${name}@example.com`, name, password: PASSWORD }, now);
    if (!u.ok) throw new Error(u.message);
    for (const [role, entityId] of grants)
      await grantRole(store, { userId: u.id, role, entityId, grantedBy: 'test' }, now);
    const r = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
    });
    const cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    if (r.status !== 204 || !cookie) throw new Error(`sign-in of ${name}: ${r.status}`);
    cookies.set(name, cookie);
  }
}, 120_000);
afterAll(async () => {
  await notifications?.close();
  await smtp?.stop();
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field in the assertions
type Body = any;
async function call(who: string, method: string, path: string, body?: unknown) {
  const r = await app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Body };
}

describe('notifications over HTTP', () => {
  it('sets the language of one’s e-mail, and refuses one that is not offered', async () => {
    expect(await call('rita', 'GET', '/notifications/preferences')).toEqual({
      status: 200,
      body: { language: 'en' },
    });
    expect(await call('rita', 'PUT', '/notifications/preferences', { language: 'zh-Hant' })).toEqual({
      status: 200,
      body: { language: 'zh-Hant' },
    });
    const bad = await call('rita', 'PUT', '/notifications/preferences', { language: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('language');
    expect((await call('rita', 'GET', '/notifications/preferences')).body).toEqual({ language: 'zh-Hant' });
  });

  it('a submit over HTTP: the reviewer’s notification in-app and a Chinese e-mail', async () => {
    const submit = await call('ann', 'POST', '/workflow/smelter/2025/employment/submit', { version: 0 });
    expect(submit.status).toBe(200);
    const list = await call('rita', 'GET', '/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.notifications[0]).toMatchObject({
      kind: 'submitted-for-review',
      entityId: 'smelter',
      actor: 'ann <ann@example.com>',
      readAt: null,
      title: {
        en: 'Submitted for your review: Demo Smelter · 2025 · Employment',
        'zh-Hant': '待你審核：示例冶煉廠 · 2025年 · 僱傭',
      },
    });
    expect(list.body.notifications[0]).not.toHaveProperty('recipientId');
    expect((await call('ann', 'GET', '/notifications')).body).toEqual({ unread: 0, notifications: [] });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['rita@example.com']);
    expect(mail?.subject).toBe('[Assay] 待你審核：示例冶煉廠 · 2025年 · 僱傭');
    expect(mail?.text).toMatch(/\p{Script=Han}/u);
  });

  it('marks one’s own notifications read, one and all; another’s is not found', async () => {
    const id = (await call('rita', 'GET', '/notifications')).body.notifications[0].id as string;
    const other = await call('ann', 'POST', `/notifications/${id}/read`, {});
    expect(other.status).toBe(404);
    expect((await call('ann', 'POST', '/notifications/not-a-number/read', {})).status).toBe(404);
    const read = await call('rita', 'POST', `/notifications/${id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.notification.readAt).toMatch(/^\d{4}-/);
    expect((await call('rita', 'GET', '/notifications')).body.unread).toBe(0);
    await call('ann', 'POST', '/workflow/smelter/2025/economic/submit', { version: 0 });
    const list = (await call('rita', 'GET', '/notifications')).body;
    expect(list.notifications.map((n: Body) => [n.topic, n.readAt === null])).toEqual([
      ['economic', true],
      ['employment', false],
    ]);
    expect(await call('rita', 'POST', '/notifications/read-all', {})).toEqual({
      status: 200,
      body: { marked: 1 },
    });
    const bad = await call('rita', 'GET', '/notifications?limit=0');
    expect(bad.status).toBe(400);
  });

  it('shows the outbox to administrators only, and puts nothing back that has not failed', async () => {
    await notifications.deliverer?.idle();
    const outbox = await call('ada', 'GET', '/notifications/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.body).toMatchObject({ mailEnabled: true, counts: { pending: 0, sent: 2, failed: 0 } });
    expect(outbox.body.messages[0]).toMatchObject({
      toAddress: 'rita@example.com',
      language: 'zh-Hant',
      state: 'sent',
    });
    expect((await call('rita', 'GET', '/notifications/outbox')).status).toBe(403);
    const retry = await call('ada', 'POST', `/notifications/outbox/${outbox.body.messages[0].id}/retry`, {});
    expect(retry.status).toBe(409);
    expect((await call('ada', 'GET', '/notifications/outbox?state=lost')).status).toBe(400);
  });
});

describe('an open server (no accounts)', () => {
  it('has no notifications and no language to set', async () => {
    const open = createApp({ workspace: new MemoryWorkspace(loaded.bundle) });
    const get = await open.request('/api/notifications');
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ unread: 0, notifications: [] });
    const put = await open.request('/api/notifications/preferences', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    });
    expect(put.status).toBe(400);
    expect(((await put.json()) as Body).error.message).toMatch(/belong to accounts/);
  });
});
