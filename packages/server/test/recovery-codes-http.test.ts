/**
 * Recovery codes of the TOTP second factor over HTTP (ASVS 4.0.3 V2.6): made with a current code,
 * shown once, kept hashed, each signs in once in place of a 6-digit code; a new list replaces the
 * old; turning the second factor off removes them. Over a real PGlite store with an injected
 * clock; authenticator codes are computed with `otpauth` as an app would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const PASSWORD = 'correct horse battery';
const JSON_HEADERS = { 'content-type': 'application/json' };
let ms = Date.parse('2026-03-02T08:00:00.000Z');
const now = () => new Date(ms);
const nextStep = () => {
  ms += 30_000;
};
// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-recovery-'));
  store = await openPgliteStore(dir);
  await migrate(store, now().toISOString());
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store, now } });
  const u = await addUser(store, { email: 'ann@example.com', name: 'Ann', password: PASSWORD }, now());
  if (!u.ok) throw new Error(u.message);
  await grantRole(store, { userId: u.id, role: 'preparer', entityId: 'group', grantedBy: 'test' }, now());
}, 60_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

const codeAt = (secret: string) =>
  TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: ms,
  });
const cookieOf = (r: Response) => /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
const signIn = (extra: Record<string, unknown> = {}) =>
  app.request('/api/session', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ email: 'ann@example.com', password: PASSWORD, ...extra }),
  });
const call = (cookie: string, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...JSON_HEADERS, cookie: `assay_session=${cookie}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

let secret = '';
let cookie = '';
let codes: string[] = [];

describe('TOTP recovery codes over HTTP', () => {
  it('are refused without a second factor, then made with a current code and shown once', async () => {
    cookie = cookieOf(await signIn()) as string;
    const none = await call(cookie, 'POST', '/api/session/totp/recovery-codes', { code: '000000' });
    expect(none.status).toBe(404);
    secret = ((await (await call(cookie, 'POST', '/api/session/totp')).json()) as Json).secret;
    expect((await call(cookie, 'POST', '/api/session/totp/confirm', { code: codeAt(secret) })).status).toBe(
      204,
    );
    nextStep();
    const wrong = await call(cookie, 'POST', '/api/session/totp/recovery-codes', { code: '123456' });
    expect(wrong.status).toBe(400);
    const made = await call(cookie, 'POST', '/api/session/totp/recovery-codes', { code: codeAt(secret) });
    expect(made.status).toBe(200);
    codes = ((await made.json()) as Json).codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(await (await call(cookie, 'GET', '/api/session/totp/recovery-codes')).json()).toEqual({
      unused: 10,
    });
    // Kept hashed: no code appears in the store.
    const rows = await store.query<{ code_hash: string }>('select code_hash from totp_recovery_code');
    expect(rows).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(rows)).not.toContain(c.replaceAll('-', ''));
  });

  it('each signs in once in place of a code, typed in any case, with or without hyphens', async () => {
    const first = codes[0] as string;
    expect((await signIn({ totp: first.toLowerCase().replaceAll('-', ' ') })).status).toBe(204);
    const again = await signIn({ totp: first });
    expect(again.status).toBe(401);
    expect((await signIn({ totp: 'AAAA-AAAA-AAAA-AAAA' })).status).toBe(401);
    expect(await (await call(cookie, 'GET', '/api/session/totp/recovery-codes')).json()).toEqual({
      unused: 9,
    });
  });

  it('a new list replaces the old one', async () => {
    nextStep();
    const made = await call(cookie, 'POST', '/api/session/totp/recovery-codes', { code: codeAt(secret) });
    const fresh = ((await made.json()) as Json).codes as string[];
    expect((await signIn({ totp: codes[1] })).status).toBe(401);
    expect((await signIn({ totp: fresh[0] })).status).toBe(204);
    codes = fresh;
  });

  it('turns the second factor off (the lost-device path), and the list goes with it', async () => {
    const off = await call(cookie, 'DELETE', '/api/session/totp', { code: codes[1] });
    expect(off.status).toBe(204);
    expect(await (await call(cookie, 'GET', '/api/session/totp/recovery-codes')).json()).toEqual({
      unused: 0,
    });
    expect((await signIn()).status).toBe(204); // password alone again
  });
});
