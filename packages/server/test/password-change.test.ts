/**
 * Changing one's own password over HTTP (PUT /api/session/password; ASVS 4.0.3 V2.1.5, V2.1.6,
 * V3.3.3): the current password is needed, the new one meets the policy, every other session of
 * the user ends while the asking one stays, an API token may not do it, and wrong current
 * passwords are throttled like failed sign-ins. Over a real PGlite store with examples/minimal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const OLD = 'correct horse battery';
const NEW = 'a new and longer passphrase';
const JSON_HEADERS = { 'content-type': 'application/json' };
const FROZEN_AT = '2026-03-02T09:00:00.000Z';
let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-password-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  // A logical clock, 1 ms further at each reading: the throttle's delays (1 s after the 5th
  // failure, doubling) are decided by this time, not by how long each argon2 check takes on a
  // loaded machine (with the real clock the delay could run out between two slow attempts, and
  // the right password got through: 204). It must move: failures at the very instant of the
  // sign-in's success would not count as after it (never throttled).
  let tick = 0;
  app = createApp({
    workspace: ws,
    accounts: { store, now: () => new Date(Date.parse(FROZEN_AT) + tick++) },
  });
  for (const email of ['ann@example.com', 'ben@example.com']) {
    const u = await addUser(
      store,
      { email, name: email.split('@')[0] as string, password: OLD },
      new Date(FROZEN_AT),
    );
    if (!u.ok) throw new Error(u.message);
    await grantRole(
      store,
      { userId: u.id, role: 'viewer', entityId: 'group', grantedBy: 'test' },
      new Date(FROZEN_AT),
    );
  }
}, 180_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

const signIn = (email: string, password: string) =>
  app.request('/api/session', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ email, password }),
  });
async function session(email: string, password = OLD): Promise<string> {
  const r = await signIn(email, password);
  expect(r.status, `sign-in of ${email}`).toBe(204);
  return /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1] as string;
}
const change = (cookie: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/session/password', {
    method: 'PUT',
    headers: { ...JSON_HEADERS, cookie: `assay_session=${cookie}`, ...headers },
    body: JSON.stringify(body),
  });
const who = async (cookie: string) =>
  (
    (await (
      await app.request('/api/session', { headers: { cookie: `assay_session=${cookie}` } })
    ).json()) as {
      user: { email: string } | null;
    }
  ).user?.email ?? null;

describe('PUT /api/session/password', () => {
  it('needs the current password and a new one within the policy; nothing changes otherwise', async () => {
    const a = await session('ann@example.com');
    const wrong = await change(a, { currentPassword: 'not it at all', newPassword: NEW });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('currentPassword');
    const weak = await change(a, { currentPassword: OLD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { field: string } }).error.field).toBe('newPassword');
    const extra = await change(a, { currentPassword: OLD, newPassword: NEW, userId: 'someone-else' });
    expect(extra.status).toBe(400);
    expect((await signIn('ann@example.com', OLD)).status).toBe(204); // still the old one
  });

  it('changes it: this session stays, every other one ends, the old password no longer signs in', async () => {
    const here = await session('ann@example.com');
    const elsewhere = await session('ann@example.com');
    const bystander = await session('ben@example.com');
    expect((await change(here, { currentPassword: OLD, newPassword: NEW })).status).toBe(204);
    expect(await who(here)).toBe('ann@example.com');
    expect(await who(elsewhere)).toBeNull();
    expect(await who(bystander)).toBe('ben@example.com');
    expect((await signIn('ann@example.com', OLD)).status).toBe(401);
    expect((await signIn('ann@example.com', NEW)).status).toBe(204);
  });

  it('is refused with an API token (a leaked token must not take the account over)', async () => {
    const b = await session('ben@example.com');
    const made = await app.request('/api/tokens', {
      method: 'POST',
      headers: { ...JSON_HEADERS, cookie: `assay_session=${b}` },
      body: JSON.stringify({ label: 'script' }),
    });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const r = await app.request('/api/session/password', {
      method: 'PUT',
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword: OLD, newPassword: NEW }),
    });
    expect(r.status).toBe(403);
    expect((await signIn('ben@example.com', OLD)).status).toBe(204);
  });

  it('throttles wrong current passwords like failed sign-ins (429 with Retry-After)', async () => {
    const b = await session('ben@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await change(b, { currentPassword: `guess number ${i}`, newPassword: NEW })).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, statuses.indexOf(429)).every((s) => s === 401)).toBe(true);
    // Throttled even with the right password now, and sign-in of the account too.
    const right = await change(b, { currentPassword: OLD, newPassword: NEW });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
