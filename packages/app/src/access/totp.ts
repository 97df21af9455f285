/**
 * TOTP second factor (issue #16; RFC 6238 through the `otpauth` library): enrolment, codes at
 * sign-in, turning it off, and the organisation's setting that administrators must have one.
 *
 * - Enrolment: a new random secret (20 bytes from the OS CSPRNG, RFC 4226 section 4's
 *   recommended length; base32) is kept pending and shown once as the secret and an
 *   otpauth:// URI (issuer "Assay", the user's email). Only a right code for it confirms it as
 *   the user's second factor; until then sign-in is unchanged.
 * - Codes: 6 digits, HMAC-SHA1, 30-second steps (the parameters every authenticator app
 *   reads from the URI). A code is accepted within ±1 step of `now` (clock drift), and only if
 *   its step is later than the last accepted one (RFC 6238 section 5.2: no replay), decided
 *   by one conditional update in the store.
 * - Turning it off needs a current code; a wrong code there counts as a failed sign-in for
 *   throttling (sign-in-throttle.ts), as at sign-in (sessions.ts).
 * The clock is injected (`now`), never read here.
 */
import { randomBytes } from 'node:crypto';
import {
  clearRecoveryCodes,
  clearTotp,
  confirmTotp,
  findTotp,
  findUserById,
  readSecuritySettings,
  type SecuritySettingsRow,
  type Sql,
  type Store,
  setTotpPending,
  useRecoveryCode,
  useTotpStep,
  writeSecuritySettings,
} from '@assay/store';
import { Secret, TOTP } from 'otpauth';
import { grantsOf } from './principal.js';
import { normaliseRecoveryCode, recoveryCodeHash } from './recovery-code-shape.js';
import type { Grant } from './roles.js';
import { throttleGate } from './sign-in-throttle.js';

export const TOTP_POLICY = {
  issuer: 'Assay',
  algorithm: 'SHA1',
  digits: 6,
  /** Seconds per step. */
  periodSeconds: 30,
  /** Steps accepted either side of now's. */
  window: 1,
  /** Random bytes of a new secret (160 bits). */
  secretBytes: 20,
} as const;

const totpFor = (secret: string, email = '') =>
  new TOTP({
    issuer: TOTP_POLICY.issuer,
    label: email,
    algorithm: TOTP_POLICY.algorithm,
    digits: TOTP_POLICY.digits,
    period: TOTP_POLICY.periodSeconds,
    secret: Secret.fromBase32(secret),
  });

/** The step of `now`: whole periods since 1970-01-01T00:00:00Z. */
export const totpStep = (now: Date): number => Math.floor(now.getTime() / 1000 / TOTP_POLICY.periodSeconds);

/**
 * The step a code matches at `now` within the window, or null. Spaces are ignored ("123 456");
 * anything but six ASCII digits matches nothing (and never reaches the library, whose compare
 * needs equal byte lengths).
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(digits)) return null;
  const delta = totpFor(secret).validate({
    token: digits,
    timestamp: now.getTime(),
    window: TOTP_POLICY.window,
  });
  return delta === null ? null : totpStep(now) + delta;
}

type Problem<P extends string> = { readonly ok: false; readonly problem: P; readonly message: string };

export type TotpEnrolment = { readonly ok: true; readonly secret: string; readonly uri: string };

/** Begin (or begin again) an enrolment: a new pending secret, shown this once. */
export async function beginTotpEnrolment(
  store: Store,
  userId: string,
): Promise<TotpEnrolment | Problem<'unknown-user' | 'already-enrolled'>> {
  const user = await findUserById(store, userId);
  if (!user) return { ok: false, problem: 'unknown-user', message: `no user ${userId}` };
  // Replacing a working factor needs the current code: turn it off first (turnOffTotp).
  if (user.totpSecret !== null)
    return {
      ok: false,
      problem: 'already-enrolled',
      message: 'a second factor is already on: turn it off with a current code first',
    };
  const secret = new Secret({ buffer: new Uint8Array(randomBytes(TOTP_POLICY.secretBytes)).buffer }).base32;
  await setTotpPending(store, userId, secret);
  return { ok: true, secret, uri: totpFor(secret, user.email).toString() };
}

/** Confirm the pending enrolment with a code from the app: only then is it the second factor. */
export async function confirmTotpEnrolment(
  store: Store,
  userId: string,
  code: string,
  now: Date,
): Promise<{ readonly ok: true } | Problem<'no-enrolment' | 'wrong-code'>> {
  const t = await findTotp(store, userId);
  if (!t?.pending)
    return { ok: false, problem: 'no-enrolment', message: 'no enrolment begun: begin one first' };
  const step = matchingStep(t.pending, code, now);
  if (step === null || !(await confirmTotp(store, userId, t.pending, step)))
    return {
      ok: false,
      problem: 'wrong-code',
      message: 'the code does not match: check the device clock and enter the current code',
    };
  return { ok: true };
}

/**
 * Check a code against the user's second factor at `now` and, when right, use up its step.
 * `replayed`: right code, but its step (or a later one) was already used.
 */
export async function verifyTotp(
  sql: Sql,
  userId: string,
  code: string,
  now: Date,
): Promise<'ok' | 'wrong' | 'replayed' | 'not-enrolled'> {
  const t = await findTotp(sql, userId);
  if (!t?.secret) return 'not-enrolled';
  const step = matchingStep(t.secret, code, now);
  if (step === null) return 'wrong';
  return (await useTotpStep(sql, userId, step)) ? 'ok' : 'replayed';
}

/**
 * The second factor at sign-in or when turning it off: a 6-digit code of the authenticator app
 * (verifyTotp), or one of the user's unused recovery codes (recovery-codes.ts), which is used up.
 */
export async function verifySecondFactor(
  sql: Sql,
  userId: string,
  typed: string,
  now: Date,
): Promise<'ok' | 'wrong' | 'replayed' | 'not-enrolled'> {
  const recovery = /^\s*\d{6}\s*$/.test(typed) ? undefined : normaliseRecoveryCode(typed);
  if (recovery === undefined) return verifyTotp(sql, userId, typed, now);
  if (!(await hasTotp(sql, userId))) return 'not-enrolled';
  return (await useRecoveryCode(sql, userId, recoveryCodeHash(userId, recovery), now.toISOString()))
    ? 'ok'
    : 'wrong';
}

/** Whether the user has a confirmed second factor. */
export async function hasTotp(sql: Sql, userId: string): Promise<boolean> {
  return (await findTotp(sql, userId))?.secret != null;
}

/**
 * Turn the caller's own second factor off with a current code. Throttled and counted like a
 * sign-in (per account and address); refused while the organisation requires one of an
 * administrator who holds that role.
 */
export async function turnOffTotp(
  store: Store,
  userId: string,
  code: string,
  address: string,
  now: Date,
): Promise<
  | { readonly ok: true }
  | Problem<'unknown-user' | 'not-enrolled' | 'wrong-code' | 'required'>
  | (Problem<'throttled'> & { readonly retryAfterSeconds: number })
> {
  return store.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) return { ok: false, problem: 'unknown-user', message: `no user ${userId}` } as const;
    if (user.totpSecret === null)
      return { ok: false, problem: 'not-enrolled', message: 'no second factor is on' } as const;
    if (await mustHaveTotp(tx, await grantsOf(tx, userId)))
      return {
        ok: false,
        problem: 'required',
        message: 'the security settings require a second factor of every administrator',
      } as const;
    const gate = await throttleGate(tx, user.email, address, now.getTime());
    if (gate.wait > 0) {
      await gate.record('throttled');
      return {
        ok: false,
        problem: 'throttled',
        retryAfterSeconds: gate.wait,
        message: `too many failed attempts: try again in ${gate.wait} s`,
      } as const;
    }
    if ((await verifySecondFactor(tx, userId, code, now)) !== 'ok') {
      await gate.record('failure');
      return { ok: false, problem: 'wrong-code', message: 'the code is wrong or already used' } as const;
    }
    await clearTotp(tx, userId);
    await clearRecoveryCodes(tx, userId);
    return { ok: true } as const;
  });
}

export type SecuritySettings = SecuritySettingsRow;

export function securitySettings(sql: Sql): Promise<SecuritySettings> {
  return readSecuritySettings(sql);
}

/** Replace the security settings; `by` is who changes them (the caller's label). */
export async function setSecuritySettings(
  store: Store,
  settings: { readonly requireTotpForAdministrators: boolean },
  by: string,
  now: Date,
): Promise<SecuritySettings> {
  await writeSecuritySettings(store, { ...settings, at: now.toISOString(), by: by.slice(0, 400) });
  return readSecuritySettings(store);
}

/** Whether the settings require a second factor of someone holding these grants. */
async function mustHaveTotp(sql: Sql, grants: readonly Grant[]): Promise<boolean> {
  if (!grants.some((g) => g.role === 'administrator')) return false;
  return (await readSecuritySettings(sql)).requireTotpForAdministrators;
}

/**
 * Whether a signed-in user must enrol before anything else: the settings require a second
 * factor of administrators, the user holds the administrator role (on any entity) and has no
 * confirmed second factor. Costs a query only for an administrator without one.
 */
export async function mustEnrolTotp(
  sql: Sql,
  user: { readonly totpSecret: string | null },
  grants: readonly Grant[],
): Promise<boolean> {
  return user.totpSecret === null && (await mustHaveTotp(sql, grants));
}
