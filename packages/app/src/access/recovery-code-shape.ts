/**
 * The shape and hash of a TOTP recovery code (ASVS 4.0.3 V2.6): 16 base32 characters (RFC 4648
 * alphabet, 80 random bits), shown as four groups of four ("K7QM-2XJD-P4RA-WN6T"). What a user
 * types is normalised first: spaces and hyphens dropped, letters upper-cased. The store keeps
 * SHA-256 of "<user id>:<normalised code>" only.
 */
import { createHash } from 'node:crypto';

export const RECOVERY_POLICY = {
  /** Codes in one list. */
  count: 10,
  /** Base32 characters a code (5 bits each: 80 bits). */
  characters: 16,
} as const;

const SHAPE = /^[A-Z2-7]{16}$/;

/** The code in its stored form, or undefined when the text cannot be a recovery code. */
export function normaliseRecoveryCode(typed: string): string | undefined {
  if (typed.length > 64) return undefined;
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return SHAPE.test(code) ? code : undefined;
}

/** "K7QM2XJDP4RAWN6T" → "K7QM-2XJD-P4RA-WN6T". */
export const groupedRecoveryCode = (code: string): string => code.match(/.{4}/g)?.join('-') ?? code;

export const recoveryCodeHash = (userId: string, normalised: string): string =>
  createHash('sha256').update(`${userId}:${normalised}`, 'utf8').digest('hex');
