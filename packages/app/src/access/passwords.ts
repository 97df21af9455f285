/**
 * Password hashing: argon2id through @node-rs/argon2 at the OWASP Password Storage Cheat Sheet
 * parameters (m = 19 MiB, t = 2, p = 1; a random 16-byte salt per hash, PHC string output).
 *
 * Policy (docs/security.md):
 * - minimum 12 characters (Unicode code points). ASVS 4.0.3 V2.1.1 asks for 12; ASVS 5.0
 *   V6.2.1 and NIST SP 800-63B accept 8 with 15 recommended; 12 is the middle while the second
 *   factor is optional. No composition rules (ASVS V2.1.9), every Unicode character allowed.
 * - maximum 1,024 bytes of UTF-8, checked BEFORE any normalising or hashing, so a 1 MB password
 *   costs one length check. ASVS asks to allow at least 64 characters; 1,024 bytes is 256 of
 *   the widest characters.
 * - the text is normalised to NFKC before hashing (NIST SP 800-63B 5.1.1.2), so the same
 *   password typed on another keyboard (full-width digits, composed accents) matches.
 */
import { randomUUID } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_CHARACTERS = 12;
/** UTF-8 bytes. */
export const PASSWORD_MAX_BYTES = 1024;

/** OWASP: argon2id, 19 MiB (memoryCost is in KiB), 2 passes, 1 lane. */
export const ARGON2_PARAMETERS = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;
/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2 as Algorithm;

/** The two operations of the hashing library; tests wrap the real one to count calls. */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(phc: string, password: string): Promise<boolean>;
};

export const argon2idHasher: PasswordHasher = {
  hash: (password) => hash(password, { ...ARGON2_PARAMETERS, algorithm: ARGON2ID }),
  verify: (phc, password) => verify(phc, password),
};

export type PasswordProblem = 'too-short' | 'too-long';

/**
 * The policy check, in order of cost: length in UTF-16 units first (UTF-8 needs at least one
 * byte per unit, so more than PASSWORD_MAX_BYTES units is certainly too long), then bytes, then
 * the normalised form. Returns the NFKC text to hash, or the problem.
 */
export function checkPassword(
  password: string,
): { ok: true; normalised: string } | { ok: false; problem: PasswordProblem } {
  if (password.length > PASSWORD_MAX_BYTES) return { ok: false, problem: 'too-long' };
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return { ok: false, problem: 'too-long' };
  const normalised = password.normalize('NFKC');
  // NFKC can expand a character (U+FDFA becomes 18), so the bound applies to what is hashed too.
  if (Buffer.byteLength(normalised, 'utf8') > PASSWORD_MAX_BYTES) return { ok: false, problem: 'too-long' };
  if ([...normalised].length < PASSWORD_MIN_CHARACTERS) return { ok: false, problem: 'too-short' };
  return { ok: true, normalised };
}

export const PASSWORD_PROBLEM_MESSAGES: Readonly<Record<PasswordProblem, string>> = {
  'too-short': `a password needs at least ${PASSWORD_MIN_CHARACTERS} characters`,
  'too-long': `a password may have at most ${PASSWORD_MAX_BYTES} bytes (UTF-8)`,
};

/** Hash a new password after the policy check. */
export async function hashPassword(
  password: string,
  hasher: PasswordHasher = argon2idHasher,
): Promise<{ ok: true; hash: string } | { ok: false; problem: PasswordProblem }> {
  const checked = checkPassword(password);
  if (!checked.ok) return checked;
  return { ok: true, hash: await hasher.hash(checked.normalised) };
}

/**
 * Does `password` match the stored hash? A password over the byte bound is false without
 * hashing. (The minimum length is not checked here: a password set under an older, shorter
 * minimum still signs in.)
 */
export async function verifyPassword(
  phc: string,
  password: string,
  hasher: PasswordHasher = argon2idHasher,
): Promise<boolean> {
  const checked = checkPassword(password);
  if (!checked.ok && checked.problem === 'too-long') return false;
  return hasher.verify(phc, password.normalize('NFKC'));
}

let decoy: Promise<string> | undefined;
/**
 * Verify against a fixed hash of a random password, so that signing in as an unknown email
 * costs the same argon2id work as a wrong password for a real one (no account enumeration by
 * timing). Always false.
 */
export async function verifyDecoy(password: string, hasher: PasswordHasher = argon2idHasher): Promise<false> {
  decoy ??= hasher.hash(randomUUID());
  await verifyPassword(await decoy, password, hasher);
  return false;
}
