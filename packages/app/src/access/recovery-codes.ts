/**
 * Recovery codes for the TOTP second factor (ASVS 4.0.3 V2.6 look-up secrets): a list of
 * RECOVERY_POLICY.count one-time codes the user prints or writes down when the authenticator
 * device may be lost. Each signs in once in place of a 6-digit code (totp.ts verifySecondFactor)
 * or turns the second factor off.
 *
 * - Making a list needs a current code of the second factor (or an unused recovery code), behind
 *   the same throttle as a sign-in (sign-in-throttle.ts); it replaces any earlier list.
 * - The codes are shown this once; the store keeps SHA-256 hashes (recovery-code-shape.ts).
 * - Codes come from the OS CSPRNG (crypto.randomInt per base32 character, no modulo bias).
 * The clock is injected (`now`), never read here.
 */
import { randomInt } from 'node:crypto';
import { findUserById, replaceRecoveryCodes, type Store, unusedRecoveryCodes } from '@assay/store';
import { groupedRecoveryCode, RECOVERY_POLICY, recoveryCodeHash } from './recovery-code-shape.js';
import { throttleGate } from './sign-in-throttle.js';
import { verifySecondFactor } from './totp.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const newCode = (): string =>
  Array.from({ length: RECOVERY_POLICY.characters }, () => BASE32[randomInt(32)]).join('');

export type RecoveryCodesOutcome =
  | { readonly ok: true; readonly codes: readonly string[] }
  | {
      readonly ok: false;
      readonly problem: 'unknown-user' | 'not-enrolled' | 'wrong-code';
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly problem: 'throttled';
      readonly retryAfterSeconds: number;
      readonly message: string;
    };

/** A new list of recovery codes for the user (grouped "XXXX-XXXX-XXXX-XXXX"), replacing the old. */
export async function makeRecoveryCodes(
  store: Store,
  userId: string,
  secondFactor: string,
  address: string,
  now: Date,
): Promise<RecoveryCodesOutcome> {
  return store.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) return { ok: false, problem: 'unknown-user', message: `no user ${userId}` } as const;
    if (user.totpSecret === null)
      return {
        ok: false,
        problem: 'not-enrolled',
        message: 'recovery codes belong to a second factor: turn one on first',
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
    if ((await verifySecondFactor(tx, userId, secondFactor, now)) !== 'ok') {
      await gate.record('failure');
      return { ok: false, problem: 'wrong-code', message: 'the code is wrong or already used' } as const;
    }
    const codes = new Set<string>();
    while (codes.size < RECOVERY_POLICY.count) codes.add(newCode());
    await replaceRecoveryCodes(
      tx,
      userId,
      [...codes].map((c) => recoveryCodeHash(userId, c)),
      now.toISOString(),
    );
    return { ok: true, codes: [...codes].map(groupedRecoveryCode) } as const;
  });
}

/** How many unused recovery codes the user has left. */
export const recoveryCodesLeft = (store: Store, userId: string): Promise<number> =>
  unusedRecoveryCodes(store, userId);
