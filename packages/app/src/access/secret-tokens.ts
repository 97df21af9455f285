/**
 * Bearer secrets (session tokens, API tokens): 32 random bytes from the OS CSPRNG, base64url
 * (43 characters). Only their SHA-256 (hex) is stored, so the tables alone sign nobody in; a
 * 256-bit random token needs no slow hash.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_BYTES = 32;

export function newSecret(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Hex SHA-256 of the token's UTF-8 text: what the store keys sessions and API tokens by. */
export function secretHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 43 base64url characters: the shape of newSecret(); anything else is refused without a lookup. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
