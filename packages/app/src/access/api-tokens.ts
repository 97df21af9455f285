/**
 * API tokens for scripts and CI, sent as `Authorization: Bearer assay_…`. A token is created by
 * (or for) a user, carries all of that user's roles or a subset, is shown once, stored as its
 * SHA-256, and can be revoked. Its rights are always computed from the user's CURRENT grants
 * narrowed to its roles, so it never holds more than its user; a disabled user's tokens stop.
 * The `assay_` prefix lets secret scanners recognise a leaked token.
 */
import { randomUUID } from 'node:crypto';
import {
  createApiToken,
  findApiToken,
  findApiTokenById,
  findUserById,
  listApiTokens,
  listGrants,
  revokeApiToken as revokeStoredToken,
  type Store,
} from '@assay/store';
import { grantsOf, type ResolvedPrincipal } from './principal.js';
import type { Role } from './roles.js';
import { newSecret, SECRET_PATTERN, secretHash } from './secret-tokens.js';

export const API_TOKEN_PREFIX = 'assay_';

export type IssueTokenOutcome =
  /** `token` is shown to the user once; only its hash is kept. */
  | { readonly ok: true; readonly id: string; readonly token: string }
  | {
      readonly ok: false;
      readonly problem: 'unknown-user' | 'disabled' | 'role-not-held' | 'invalid-label';
      readonly message: string;
    };

export async function issueApiToken(
  store: Store,
  request: { readonly userId: string; readonly label: string; readonly roles?: readonly Role[] },
  now: Date,
): Promise<IssueTokenOutcome> {
  const label = request.label.trim();
  if (label.length < 1 || label.length > 200) {
    return { ok: false, problem: 'invalid-label', message: 'a token label needs 1 to 200 characters' };
  }
  const user = await findUserById(store, request.userId);
  if (!user) return { ok: false, problem: 'unknown-user', message: `no user ${request.userId}` };
  if (user.disabled) return { ok: false, problem: 'disabled', message: `user ${user.email} is disabled` };
  if (request.roles !== undefined) {
    const held = new Set((await listGrants(store, user.id)).map((g) => g.role));
    const missing = request.roles.filter((r) => !held.has(r));
    if (missing.length > 0) {
      return {
        ok: false,
        problem: 'role-not-held',
        message: `${user.email} does not hold ${missing.join(', ')}`,
      };
    }
  }
  const token = API_TOKEN_PREFIX + newSecret();
  const id = randomUUID();
  await createApiToken(store, {
    id,
    tokenHash: secretHash(token),
    userId: user.id,
    label,
    roles: request.roles === undefined ? null : [...new Set(request.roles)],
    at: now.toISOString(),
  });
  return { ok: true, id, token };
}

/** The token in an `Authorization` header value (`Bearer <token>`), or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer +(\S+)$/i.exec(header?.trim() ?? '');
  return m?.[1];
}

export type TokenResolution =
  | { readonly ok: true; readonly principal: ResolvedPrincipal }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' | 'disabled' };

export async function resolveApiToken(store: Store, bearer: string): Promise<TokenResolution> {
  if (!bearer.startsWith(API_TOKEN_PREFIX) || !SECRET_PATTERN.test(bearer.slice(API_TOKEN_PREFIX.length))) {
    return { ok: false, reason: 'unknown' };
  }
  const t = await findApiToken(store, secretHash(bearer));
  if (!t) return { ok: false, reason: 'unknown' };
  if (t.revokedAt !== null) return { ok: false, reason: 'revoked' };
  const user = await findUserById(store, t.userId);
  if (!user || user.disabled) return { ok: false, reason: 'disabled' };
  return {
    ok: true,
    principal: {
      userId: user.id,
      email: user.email,
      name: user.name,
      grants: await grantsOf(store, user.id, t.roles),
      via: { kind: 'token', tokenId: t.id },
    },
  };
}

/** Revoke by public id; false when unknown or already revoked. */
export async function revokeApiToken(store: Store, id: string, now: Date): Promise<boolean> {
  return revokeStoredToken(store, id, now.toISOString());
}

/** A token as its owner sees it in a list: never the secret nor its hash. */
export type TokenSummary = {
  readonly id: string;
  readonly label: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** The roles it carries; null: all of its user's. */
  readonly roles: readonly string[] | null;
};

/** A user's tokens, newest first. */
export async function listTokens(store: Store, userId: string): Promise<TokenSummary[]> {
  return (await listApiTokens(store, userId)).map(({ id, label, createdAt, revokedAt, roles }) => ({
    id,
    label,
    createdAt,
    revokedAt,
    roles,
  }));
}

/** The user a token belongs to; undefined for an unknown id. */
export async function tokenOwner(store: Store, id: string): Promise<string | undefined> {
  return (await findApiTokenById(store, id))?.userId;
}
