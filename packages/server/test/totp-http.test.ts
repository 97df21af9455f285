/**
 * TOTP second factor over HTTP (issue #16): enrolment, sign-in with `totp`, turning it off,
 * and the security setting that requires a second factor of administrators: an administrator
 * without one can reach only GET /api/session, sign-out and the enrolment routes until enrolled.
 * Over a real PGlite store with examples/minimal and an injected clock; codes are computed with
 * the `otpauth` library, as an authenticator app would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, listAccessLog } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const PASSWORD = 'correct horse battery';
const JSON_HEADERS = { 'content-type': 'application/json' };
/** The clock of the app's sessions and codes: the start of a 30-second step, moved by hand. */
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
  dir = await mkdtemp(join(tmpdir(), 'assay-totp-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, now().toISOString());
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store, now } });
  for (const [email, role] of [
    ['lead@example.com', 'administrator'],
    ['pia@example.com', 'preparer'],
  ] as const) {
    const u = await addUser(store, { email, name: email.split('@')[0] as string, password: PASSWORD }, now());
    if (!u.ok) throw new Error(u.message);
    await grantRole(store, { userId: u.id, role, entityId: 'group', grantedBy: 'test' }, now());
  }
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
const signIn = (email: string, extra: Record<string, unknown> = {}) =>
  app.request('/api/session', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ email, password: PASSWORD, ...extra }),
  });
async function sessionFor(email: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await signIn(email, extra);
  expect(r.status, `sign-in of ${email}`).toBe(204);
  return cookieOf(r) as string;
}
const call = (cookie: string, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...JSON_HEADERS, cookie: `assay_session=${cookie}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const errorOf = async (r: Response): Promise<Json> => ((await r.json()) as Json).error;

let leadSecret = '';

describe('requiring a second factor of administrators, over HTTP', () => {
  it('only manage-settings may read or change the setting', async () => {
    const lead = await sessionFor('lead@example.com');
    expect(await (await call(lead, 'GET', '/api/settings/security')).json()).toEqual({
      requireTotpForAdministrators: false,
      updatedAt: null,
      updatedBy: null,
    });
    const pia = await sessionFor('pia@example.com');
    for (const [m, body] of [
      ['GET', undefined],
      ['PUT', { requireTotpForAdministrators: true }],
    ] as const) {
      const r = await call(pia, m, '/api/settings/security', body);
      expect(r.status, m).toBe(403);
      expect((await errorOf(r)).code).toBe('forbidden');
    }
    const bad = await call(lead, 'PUT', '/api/settings/security', { requireTotpForAdministrators: 'yes' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).field).toBe('requireTotpForAdministrators');
  });

  it('once required, an administrator without TOTP reaches only the session and enrolment routes', async () => {
    const lead = await sessionFor('lead@example.com');
    const put = await call(lead, 'PUT', '/api/settings/security', { requireTotpForAdministrators: true });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      requireTotpForAdministrators: true,
      updatedAt: now().toISOString(),
      updatedBy: 'lead <lead@example.com>',
    });
    // The session that changed it is restricted at once, and so is a new one.
    const fresh = await sessionFor('lead@example.com');
    for (const cookie of [lead, fresh]) {
      const s = (await (await call(cookie, 'GET', '/api/session')).json()) as Json;
      expect(s).toMatchObject({ mode: 'accounts', user: { email: 'lead@example.com' }, mustEnrolTotp: true });
      expect(s.allowed).toEqual({});
      for (const [m, path, body] of [
        ['GET', '/api/data-points', undefined],
        ['GET', '/api/organisation', undefined],
        ['GET', '/api/users', undefined],
        ['GET', '/api/tokens', undefined],
        ['POST', '/api/tokens', { label: 'escape hatch' }],
        ['GET', '/api/settings/security', undefined],
        ['PUT', '/api/settings/security', { requireTotpForAdministrators: false }],
        ['DELETE', '/api/session/totp', { code: '123456' }],
      ] as const) {
        const r = await call(cookie, m, path, body);
        expect(r.status, `${m} ${path}`).toBe(403);
        expect((await errorOf(r)).code, `${m} ${path}`).toBe('totp-enrolment-required');
      }
    }
    const log = await listAccessLog(store, 5);
    expect(log[0]).toMatchObject({
      path: '/api/session/totp',
      decision: 'forbidden',
      actor: 'lead <lead@example.com>',
    });
    // A preparer is not concerned.
    const pia = await sessionFor('pia@example.com');
    expect((await call(pia, 'GET', '/api/data-points')).status).toBe(200);
    expect(((await (await call(pia, 'GET', '/api/session')).json()) as Json).mustEnrolTotp).toBe(false);
    // Signing out still works.
    expect((await call(fresh, 'DELETE', '/api/session')).status).toBe(204);
  });

  it('enrols (begin, wrong code refused, right code confirms) and is then let through', async () => {
    const lead = await sessionFor('lead@example.com');
    const begun = await call(lead, 'POST', '/api/session/totp');
    expect(begun.status).toBe(200);
    const { secret, uri } = (await begun.json()) as { secret: string; uri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Assay:lead%40example\.com\?issuer=Assay&secret=[A-Z2-7]{32}&/);
    const right = codeAt(secret);
    const wrong = await call(lead, 'POST', '/api/session/totp/confirm', {
      code: right === '000000' ? '000001' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).field).toBe('code');
    expect((await call(lead, 'GET', '/api/data-points')).status).toBe(403); // still not enrolled
    expect((await call(lead, 'POST', '/api/session/totp/confirm', { code: right })).status).toBe(204);
    expect((await call(lead, 'GET', '/api/data-points')).status).toBe(200);
    const s = (await (await call(lead, 'GET', '/api/session')).json()) as Json;
    expect(s).toMatchObject({ totpEnrolled: true, mustEnrolTotp: false });
    expect(s.allowed['manage-settings']).toContain('group');
    // Enrolling again is refused while one is on.
    expect((await call(lead, 'POST', '/api/session/totp')).status).toBe(409);
    leadSecret = secret;
  });

  it('signs in with the code: 401 totp-required without it or with a wrong or used one', async () => {
    nextStep();
    const none = await signIn('lead@example.com');
    expect(none.status).toBe(401);
    expect(await errorOf(none)).toMatchObject({ code: 'totp-required', field: 'totp' });
    expect(cookieOf(none)).toBeUndefined();
    const code = codeAt(leadSecret);
    const bad = await signIn('lead@example.com', { totp: code === '000000' ? '000001' : '000000' });
    expect(bad.status).toBe(401);
    expect((await errorOf(bad)).code).toBe('totp-required');
    expect((await signIn('lead@example.com', { totp: 123456 })).status).toBe(400);
    // Six UTF-16 units that are not six ASCII digits (the library's compare would throw on
    // them): a wrong code, never a 500.
    for (const hostile of ['💥💥💥', '１２３４５６', 'é'.repeat(6)]) {
      const r = await signIn('lead@example.com', { totp: hostile });
      expect(r.status, JSON.stringify(hostile)).toBe(401);
    }
    // A NUL is refused with every JSON body at the boundary (respond.ts jsonBody), naming the field.
    const nul = await signIn('lead@example.com', { totp: '12345\u0000' });
    expect(nul.status).toBe(400);
    expect((await errorOf(nul)).field).toBe('totp');
    nextStep(); // past the throttle delay those failures started
    const lead = await sessionFor('lead@example.com', { totp: code });
    expect((await call(lead, 'GET', '/api/users')).status).toBe(200);
    expect((await signIn('lead@example.com', { totp: code })).status).toBe(401); // replayed
    // While required, an administrator cannot turn it off.
    nextStep();
    const off = await call(lead, 'DELETE', '/api/session/totp', { code: codeAt(leadSecret) });
    expect(off.status).toBe(403);
    expect((await errorOf(off)).code).toBe('forbidden');
  });

  it('turns it off with a current code once no longer required; API tokens cannot touch it', async () => {
    nextStep();
    const lead = await sessionFor('lead@example.com', { totp: codeAt(leadSecret) });
    expect(
      (await call(lead, 'PUT', '/api/settings/security', { requireTotpForAdministrators: false })).status,
    ).toBe(200);
    const made = await call(lead, 'POST', '/api/tokens', { label: 'ci' });
    const { token } = (await made.json()) as { token: string };
    const byToken = await app.request('/api/session/totp', {
      method: 'POST',
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
    });
    expect(byToken.status).toBe(403);
    nextStep();
    const right = codeAt(leadSecret);
    const wrong = await call(lead, 'DELETE', '/api/session/totp', {
      code: right === '000000' ? '000001' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect((await call(lead, 'DELETE', '/api/session/totp', { code: right })).status).toBe(204);
    expect((await signIn('lead@example.com')).status).toBe(204); // the password alone again
  });
});
