/**
 * TOTP second factor (issue #16) on a real PGlite store with real argon2id and an injected
 * clock: enrolment and confirmation, sign-in needing the code, wrong and replayed codes refused
 * (and counted for throttling), the ±1 step window and no wider, turning it off, and the
 * setting that requires a second factor of administrators. Codes are computed with the
 * `otpauth` library at fixed times, as an authenticator app would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import { Secret, TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, grantRole } from './accounts.js';
import { resolveSession, signIn } from './sessions.js';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  setSecuritySettings,
  TOTP_POLICY,
  totpStep,
  turnOffTotp,
  verifyTotp,
} from './totp.js';

/** 2026-03-02T08:00:00Z: the start of a 30-second step (1,772,438,400 s / 30 = 59,081,280). */
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const STEP_MS = TOTP_POLICY.periodSeconds * 1000;

class Clock {
  ms = T0;
  now = () => new Date(this.ms);
  /** Move on by whole steps (so the next code is a new one). */
  steps(n: number) {
    this.ms += n * STEP_MS;
  }
}

/** The code an authenticator app shows for `secret` at `ms`. */
const codeAt = (secret: string, ms: number) =>
  TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: ms,
  });

/** A six-digit code that is not `right`. */
const wrongFor = (right: string) => (right === '000000' ? '000001' : '000000');

let dir: string;
let store: Store;
const clock = new Clock();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-totp-'));
  store = await openPgliteStore(dir);
  await migrate(store, new Date(T0).toISOString());
}, 60_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function user(email: string, role: 'preparer' | 'administrator' = 'preparer'): Promise<string> {
  const r = await addUser(
    store,
    { email, name: email.split('@')[0] ?? email, password: PASSWORD },
    clock.now(),
  );
  if (!r.ok) throw new Error(r.message);
  await grantRole(store, { userId: r.id, role, entityId: 'group', grantedBy: 'test' }, clock.now());
  return r.id;
}

/** Enrol and confirm at the clock's time; returns the secret. The clock moves one step on. */
async function enrolled(userId: string): Promise<string> {
  const e = await beginTotpEnrolment(store, userId);
  if (!e.ok) throw new Error(e.message);
  expect(await confirmTotpEnrolment(store, userId, codeAt(e.secret, clock.ms), clock.now())).toEqual({
    ok: true,
  });
  clock.steps(1);
  return e.secret;
}

const failuresOf = async (email: string) =>
  (
    await store.query<{ n: number }>(
      "select count(*)::int as n from sign_in_attempts where email_key = $1 and outcome = 'failure'",
      [email],
    )
  )[0]?.n;

const signInAt = (email: string, totp?: string, password = PASSWORD) =>
  signIn(store, email, password, '192.0.2.1', clock.now(), totp === undefined ? {} : { totp });

describe('TOTP enrolment', () => {
  it('begins with a new secret and an otpauth URI, kept pending: sign-in is unchanged until confirmed', async () => {
    const ann = await user('ann@example.com');
    const e = await beginTotpEnrolment(store, ann);
    if (!e.ok) throw new Error(e.message);
    expect(e.secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes, base32
    const uri = URI.parse(e.uri);
    expect(e.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toBeInstanceOf(TOTP);
    expect(uri).toMatchObject({
      issuer: 'Assay',
      label: 'ann@example.com',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    });
    expect(uri.secret.base32).toBe(e.secret);
    const again = await beginTotpEnrolment(store, ann);
    expect(again.ok && again.secret !== e.secret).toBe(true); // a new random secret each time
    const [row] = await store.query<{ totp_secret: string | null; totp_pending: string | null }>(
      'select totp_secret, totp_pending from users where id = $1',
      [ann],
    );
    expect(row).toEqual({ totp_secret: null, totp_pending: again.ok ? again.secret : '' });
    expect((await signInAt('ann@example.com')).kind).toBe('ok');
  });

  it('confirms only with a right code for the pending secret; then it is the second factor', async () => {
    const bea = await user('bea@example.com');
    expect(await confirmTotpEnrolment(store, bea, '123456', clock.now())).toMatchObject({
      ok: false,
      problem: 'no-enrolment',
    });
    const e = await beginTotpEnrolment(store, bea);
    if (!e.ok) throw new Error(e.message);
    const right = codeAt(e.secret, clock.ms);
    expect(await confirmTotpEnrolment(store, bea, wrongFor(right), clock.now())).toMatchObject({
      ok: false,
      problem: 'wrong-code',
    });
    expect(await confirmTotpEnrolment(store, bea, right, clock.now())).toEqual({ ok: true });
    const [row] = await store.query<{
      totp_secret: string;
      totp_pending: string | null;
      totp_last_step: number;
    }>('select totp_secret, totp_pending, totp_last_step from users where id = $1', [bea]);
    expect(row).toEqual({ totp_secret: e.secret, totp_pending: null, totp_last_step: totpStep(clock.now()) });
    // The confirming code cannot sign in too (its step is used); replacing needs turning off.
    expect(await signInAt('bea@example.com', right)).toEqual({ kind: 'totp-required', reason: 'wrong' });
    expect(await beginTotpEnrolment(store, bea)).toMatchObject({ ok: false, problem: 'already-enrolled' });
  });
});

describe('sign-in with a second factor', () => {
  it('needs the code only after the right password; a missing code is no failure', async () => {
    const cai = await user('cai@example.com');
    const secret = await enrolled(cai);
    // A wrong password says nothing of the second factor.
    expect(await signInAt('cai@example.com', undefined, 'wrong password!!')).toEqual({
      kind: 'bad-credentials',
    });
    const before = await failuresOf('cai@example.com');
    expect(await signInAt('cai@example.com')).toEqual({ kind: 'totp-required', reason: 'missing' });
    expect(await signInAt('cai@example.com', '  ')).toEqual({ kind: 'totp-required', reason: 'missing' });
    expect(await failuresOf('cai@example.com')).toBe(before);
    const ok = await signInAt('cai@example.com', codeAt(secret, clock.ms));
    expect(ok).toMatchObject({ kind: 'ok', userId: cai, mustEnrolTotp: false });
  });

  it('refuses a wrong code and counts it: after five, even the right code is throttled', async () => {
    const dan = await user('dan@example.com');
    const secret = await enrolled(dan);
    const right = codeAt(secret, clock.ms);
    const wrongs = ['000000', '111111', '222222', '333333', '999999', '123 456', '１２３４５６', 'abcdef']
      .filter((c) => c.replace(/\s/g, '') !== right)
      .slice(0, 5);
    for (const w of wrongs)
      expect(await signInAt('dan@example.com', w)).toEqual({ kind: 'totp-required', reason: 'wrong' });
    expect(await failuresOf('dan@example.com')).toBe(5);
    expect((await signInAt('dan@example.com', right)).kind).toBe('throttled');
    clock.steps(1); // the 1 s delay is over, and a new code
    expect((await signInAt('dan@example.com', codeAt(secret, clock.ms))).kind).toBe('ok');
  });

  it('refuses a code already used (replay), also from a second sign-in in the same step', async () => {
    const eve = await user('eve@example.com');
    const secret = await enrolled(eve);
    const code = codeAt(secret, clock.ms);
    expect((await signInAt('eve@example.com', code)).kind).toBe('ok');
    expect(await signInAt('eve@example.com', code)).toEqual({ kind: 'totp-required', reason: 'wrong' });
    expect(await verifyTotp(store, eve, code, clock.now())).toBe('replayed');
    clock.steps(1);
    expect((await signInAt('eve@example.com', codeAt(secret, clock.ms))).kind).toBe('ok');
  });

  it('accepts a code one step early or late, not two', async () => {
    const fay = await user('fay@example.com');
    const secret = await enrolled(fay);
    clock.steps(10);
    const t = clock.ms;
    expect(await verifyTotp(store, fay, codeAt(secret, t - 2 * STEP_MS), clock.now())).toBe('wrong');
    expect(await verifyTotp(store, fay, codeAt(secret, t + 2 * STEP_MS), clock.now())).toBe('wrong');
    expect(await verifyTotp(store, fay, codeAt(secret, t - STEP_MS), clock.now())).toBe('ok');
    expect(await verifyTotp(store, fay, codeAt(secret, t + STEP_MS), clock.now())).toBe('ok');
    // At the last millisecond of a step, the next step's code is one ahead and accepted.
    clock.steps(10);
    const end = clock.ms + STEP_MS - 1;
    expect(await verifyTotp(store, fay, codeAt(secret, end + 1), new Date(end))).toBe('ok');
    expect(await verifyTotp(store, fay, codeAt(secret, end + 1 + STEP_MS), new Date(end))).toBe('wrong');
  });
});

describe('turning the second factor off', () => {
  it('needs a current code; a wrong one counts as a failure', async () => {
    const gus = await user('gus@example.com');
    const secret = await enrolled(gus);
    expect(
      await turnOffTotp(store, gus, wrongFor(codeAt(secret, clock.ms)), '192.0.2.9', clock.now()),
    ).toMatchObject({
      ok: false,
      problem: 'wrong-code',
    });
    expect(await failuresOf('gus@example.com')).toBe(1);
    expect(await turnOffTotp(store, gus, codeAt(secret, clock.ms), '192.0.2.9', clock.now())).toEqual({
      ok: true,
    });
    expect((await signInAt('gus@example.com')).kind).toBe('ok'); // password alone again
    expect(await turnOffTotp(store, gus, '123456', '192.0.2.9', clock.now())).toMatchObject({
      ok: false,
      problem: 'not-enrolled',
    });
  });
});

describe('requiring a second factor of administrators', () => {
  it('lets an administrator without one sign in marked to enrol, until enrolled; others are not marked', async () => {
    const ida = await user('ida@example.com', 'administrator');
    await user('jon@example.com');
    const off = await signInAt('ida@example.com');
    expect(off).toMatchObject({ kind: 'ok', mustEnrolTotp: false });
    await setSecuritySettings(
      store,
      { requireTotpForAdministrators: true },
      'Ida <ida@example.com>',
      clock.now(),
    );
    // Sessions made before the change are marked too: it is decided at every request.
    if (off.kind !== 'ok') throw new Error('expected a session');
    expect(await resolveSession(store, off.token, clock.now())).toMatchObject({
      ok: true,
      mustEnrolTotp: true,
    });
    const on = await signInAt('ida@example.com');
    expect(on).toMatchObject({ kind: 'ok', mustEnrolTotp: true });
    expect(await signInAt('jon@example.com')).toMatchObject({ kind: 'ok', mustEnrolTotp: false });

    const secret = await enrolled(ida);
    if (on.kind !== 'ok') throw new Error('expected a session');
    expect(await resolveSession(store, on.token, clock.now())).toMatchObject({
      ok: true,
      mustEnrolTotp: false,
    });
    // While required, an administrator cannot turn it off.
    expect(await turnOffTotp(store, ida, codeAt(secret, clock.ms), '192.0.2.1', clock.now())).toMatchObject({
      ok: false,
      problem: 'required',
    });
    await setSecuritySettings(
      store,
      { requireTotpForAdministrators: false },
      'Ida <ida@example.com>',
      clock.now(),
    );
  });
});
