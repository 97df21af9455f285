/**
 * The accounts contract (issue #16): one suite of store functions run on PGlite and on
 * PostgreSQL. Each suite gets one migrated, empty store; tests build on each other in order.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearRecoveryCodes,
  countRecentFailures,
  createApiToken,
  createSession,
  createUser,
  deleteSession,
  deleteSessionsOfUser,
  disableUser,
  expireSessions,
  findApiToken,
  findSession,
  findUserByEmail,
  findUserById,
  grantRole,
  listApiTokens,
  listGrants,
  listUsers,
  pruneSignInAttempts,
  recordSignInAttempt,
  replaceRecoveryCodes,
  revokeApiToken,
  revokeRole,
  setPassword,
  touchSession,
  unusedRecoveryCodes,
  useRecoveryCode,
} from '../src/accounts/index.js';
import { migrate } from '../src/migrate.js';
import type { Store } from '../src/store.js';
import type { StoreFactory } from './store-contract.js';

const T0 = '2026-03-01T09:00:00.000Z';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** A syntactically real argon2id PHC string (the store does not check the hash itself). */
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export function accountsContract(name: string, makeStore: StoreFactory): void {
  describe(`accounts store: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await makeStore());
      await migrate(store, T0);
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('creates a user, finds it by email in any case, and refuses the same email in another case', async () => {
      expect(
        await createUser(store, {
          id: 'u1',
          email: 'Ann@Example.com',
          name: 'Ann',
          passwordHash: HASH,
          at: T0,
        }),
      ).toEqual({ ok: true });
      expect(
        await createUser(store, {
          id: 'u2',
          email: 'ann@example.COM',
          name: 'Other',
          passwordHash: null,
          at: T0,
        }),
      ).toEqual({ ok: false, reason: 'exists' });
      const u = await findUserByEmail(store, '  ANN@example.com ');
      expect(u).toEqual({
        id: 'u1',
        email: 'Ann@Example.com',
        name: 'Ann',
        passwordHash: HASH,
        disabled: false,
        createdAt: T0,
        passwordChangedAt: T0,
        totpSecret: null,
      });
      expect(await findUserByEmail(store, 'nobody@example.com')).toBeUndefined();
      expect(
        await createUser(store, {
          id: 'u2',
          email: 'bo@example.com',
          name: 'Bo',
          passwordHash: null,
          at: T0,
        }),
      ).toEqual({
        ok: true,
      });
      expect((await findUserById(store, 'u2'))?.passwordChangedAt).toBeNull();
      expect((await listUsers(store)).map((x) => x.id)).toEqual(['u1', 'u2']);
    });

    it('refuses a password hash that is not argon2id and a blank name (nothing written)', async () => {
      await expect(
        createUser(store, { id: 'u9', email: 'x@example.com', name: 'X', passwordHash: 'plain', at: T0 }),
      ).rejects.toThrow();
      await expect(
        createUser(store, { id: 'u9', email: 'x@example.com', name: '', passwordHash: null, at: T0 }),
      ).rejects.toThrow();
      expect(await findUserById(store, 'u9')).toBeUndefined();
    });

    it('sets a password (and its time) and disables and re-enables a user', async () => {
      const newHash = HASH.replace('c2FsdHNhbHRzYWx0', 'bmV3c2FsdG5ld3NhbHQ');
      expect(await setPassword(store, 'u1', newHash, at(5))).toBe(true);
      expect(await setPassword(store, 'nobody', newHash, at(5))).toBe(false);
      const u = await findUserById(store, 'u1');
      expect(u?.passwordHash).toBe(newHash);
      expect(u?.passwordChangedAt).toBe(at(5));
      expect(await disableUser(store, 'u1')).toBe(true);
      expect((await findUserById(store, 'u1'))?.disabled).toBe(true);
      expect(await disableUser(store, 'u1', false)).toBe(true);
      expect((await findUserById(store, 'u1'))?.disabled).toBe(false);
      expect(await disableUser(store, 'nobody')).toBe(false);
    });

    it('grants roles per entity once, lists them, refuses an unknown role, and revokes', async () => {
      expect(
        await grantRole(store, {
          userId: 'u1',
          role: 'preparer',
          entityId: 'sub-a',
          grantedBy: 'root',
          at: T0,
        }),
      ).toBe(true);
      expect(
        await grantRole(store, {
          userId: 'u1',
          role: 'preparer',
          entityId: 'sub-a',
          grantedBy: 'root',
          at: T0,
        }),
      ).toBe(false);
      expect(
        await grantRole(store, {
          userId: 'u1',
          role: 'viewer',
          entityId: 'group',
          grantedBy: 'root',
          at: T0,
        }),
      ).toBe(true);
      for (const role of ['administrator', 'reviewer', 'approver', 'assurer']) {
        expect(
          await grantRole(store, { userId: 'u2', role, entityId: 'sub-b', grantedBy: 'root', at: T0 }),
        ).toBe(true);
      }
      await expect(
        grantRole(store, { userId: 'u1', role: 'superuser', entityId: 'group', grantedBy: 'root', at: T0 }),
      ).rejects.toThrow();
      await expect(
        grantRole(store, { userId: 'nobody', role: 'viewer', entityId: 'group', grantedBy: 'root', at: T0 }),
      ).rejects.toThrow();
      expect(await listGrants(store, 'u1')).toEqual([
        { userId: 'u1', role: 'preparer', entityId: 'sub-a', grantedAt: T0, grantedBy: 'root' },
        { userId: 'u1', role: 'viewer', entityId: 'group', grantedAt: T0, grantedBy: 'root' },
      ]);
      expect(await revokeRole(store, 'u2', 'approver', 'sub-b')).toBe(true);
      expect(await revokeRole(store, 'u2', 'approver', 'sub-b')).toBe(false);
      expect((await listGrants(store, 'u2')).map((g) => g.role)).toEqual([
        'administrator',
        'assurer',
        'reviewer',
      ]);
    });

    it('keeps sessions by token hash only; touches, expires and deletes them', async () => {
      const [h1, h2, h3] = ['token-1', 'token-2', 'token-3'].map(sha) as [string, string, string];
      await createSession(store, {
        idHash: h1,
        userId: 'u1',
        at: T0,
        expiresAt: at(720),
        address: '10.0.0.1',
      });
      await createSession(store, {
        idHash: h2,
        userId: 'u1',
        at: T0,
        expiresAt: at(720),
        address: '10.0.0.2',
      });
      await createSession(store, {
        idHash: h3,
        userId: 'u2',
        at: T0,
        expiresAt: at(10),
        address: '10.0.0.3',
      });
      await expect(
        createSession(store, { idHash: 'not-a-hash', userId: 'u1', at: T0, expiresAt: at(1), address: 'x' }),
      ).rejects.toThrow();
      const [stored] = await store.query<{ n: string }>(
        "select count(*)::text as n from sessions where id_hash like 'token%'",
      );
      expect(stored?.n).toBe('0');
      expect(await findSession(store, h1)).toEqual({
        idHash: h1,
        userId: 'u1',
        createdAt: T0,
        lastSeenAt: T0,
        expiresAt: at(720),
        address: '10.0.0.1',
      });
      expect(await touchSession(store, h1, at(20))).toBe(true);
      expect(await touchSession(store, h1, at(15))).toBe(true); // an older time never moves it back
      expect((await findSession(store, h1))?.lastSeenAt).toBe(at(20));
      // now = +30 min, idle since +10: h2 (last seen T0) is idle, h3 past its absolute expiry.
      expect(await expireSessions(store, at(30), at(10))).toBe(2);
      expect(await findSession(store, h1)).toBeDefined();
      expect(await findSession(store, h2)).toBeUndefined();
      expect(await findSession(store, h3)).toBeUndefined();
      expect(await touchSession(store, h2, at(31))).toBe(false);
      await createSession(store, { idHash: h2, userId: 'u1', at: at(30), expiresAt: at(720), address: 'a' });
      await createSession(store, { idHash: h3, userId: 'u1', at: at(30), expiresAt: at(720), address: 'a' });
      expect(await deleteSessionsOfUser(store, 'u1', h1)).toBe(2);
      expect(await findSession(store, h1)).toBeDefined();
      expect(await deleteSession(store, h1)).toBe(true);
      expect(await deleteSession(store, h1)).toBe(false);
      await createSession(store, { idHash: h2, userId: 'u1', at: at(30), expiresAt: at(720), address: 'a' });
      expect(await deleteSessionsOfUser(store, 'u1')).toBe(1);
    });

    it('keeps API tokens by hash with a role subset, lists and revokes them once', async () => {
      const hash = sha('assay_secret');
      await createApiToken(store, {
        id: 't1',
        tokenHash: hash,
        userId: 'u1',
        label: 'CI',
        roles: ['viewer'],
        at: T0,
      });
      await createApiToken(store, {
        id: 't2',
        tokenHash: sha('other'),
        userId: 'u1',
        label: 'all',
        roles: null,
        at: at(1),
      });
      await expect(
        createApiToken(store, {
          id: 't3',
          tokenHash: sha('x'),
          userId: 'u1',
          label: 'bad',
          roles: ['root'],
          at: T0,
        }),
      ).rejects.toThrow();
      expect(await findApiToken(store, hash)).toEqual({
        id: 't1',
        tokenHash: hash,
        userId: 'u1',
        label: 'CI',
        createdAt: T0,
        revokedAt: null,
        roles: ['viewer'],
      });
      expect(await findApiToken(store, sha('assay_wrong'))).toBeUndefined();
      expect((await listApiTokens(store, 'u1')).map((t) => [t.id, t.roles])).toEqual([
        ['t2', null],
        ['t1', ['viewer']],
      ]);
      expect(await revokeApiToken(store, 't1', at(3))).toBe(true);
      expect(await revokeApiToken(store, 't1', at(4))).toBe(false);
      expect((await findApiToken(store, hash))?.revokedAt).toBe(at(3));
    });

    it('counts failures per account since the last success and per address in a window', async () => {
      const rec = (email: string, address: string, outcome: 'success' | 'failure' | 'throttled', m: number) =>
        recordSignInAttempt(store, { email, address, outcome, at: at(m) });
      await rec('Ann@Example.com', '192.0.2.1', 'failure', 100);
      await rec('ann@example.com', '192.0.2.2', 'failure', 101);
      await rec('ANN@example.com', '192.0.2.1', 'throttled', 102);
      await rec('ann@example.com', '192.0.2.1', 'failure', 103);
      expect(await countRecentFailures(store, { email: 'ann@EXAMPLE.com' }, at(0), true)).toEqual({
        failures: 3,
        lastFailureAt: at(103),
      });
      expect(await countRecentFailures(store, { address: '192.0.2.1' }, at(0), false)).toEqual({
        failures: 2,
        lastFailureAt: at(103),
      });
      expect(await countRecentFailures(store, { email: 'ann@example.com' }, at(101), true)).toEqual({
        failures: 1,
        lastFailureAt: at(103),
      });
      await rec('ann@example.com', '192.0.2.1', 'success', 104);
      await rec('ann@example.com', '192.0.2.1', 'failure', 105);
      expect(await countRecentFailures(store, { email: 'ann@example.com' }, at(0), true)).toEqual({
        failures: 1,
        lastFailureAt: at(105),
      });
      // The address is not cleared by one account's success.
      expect((await countRecentFailures(store, { address: '192.0.2.1' }, at(0), false)).failures).toBe(3);
      expect(await countRecentFailures(store, { email: 'nobody@example.com' }, at(0), true)).toEqual({
        failures: 0,
        lastFailureAt: null,
      });
      expect(await pruneSignInAttempts(store, at(101))).toBe(2);
      expect((await countRecentFailures(store, { address: '192.0.2.1' }, at(0), false)).failures).toBe(2);
    });

    it('keeps recovery codes by hash, uses each once, replaces and clears the list', async () => {
      await createUser(store, { id: 'rc1', email: 'rc@example.com', name: 'R', passwordHash: HASH, at: T0 });
      await replaceRecoveryCodes(store, 'rc1', [sha('a'), sha('b')], at(1));
      expect(await unusedRecoveryCodes(store, 'rc1')).toBe(2);
      expect(await useRecoveryCode(store, 'rc1', sha('a'), at(2))).toBe(true);
      expect(await useRecoveryCode(store, 'rc1', sha('a'), at(3))).toBe(false); // used once
      expect(await useRecoveryCode(store, 'u1', sha('b'), at(3))).toBe(false); // not another's
      expect(await unusedRecoveryCodes(store, 'rc1')).toBe(1);
      // Two uses of one code at once: exactly one succeeds.
      const both = await Promise.all([
        useRecoveryCode(store, 'rc1', sha('b'), at(4)),
        useRecoveryCode(store, 'rc1', sha('b'), at(4)),
      ]);
      expect(both.filter(Boolean)).toHaveLength(1);
      await replaceRecoveryCodes(store, 'rc1', [sha('c')], at(5));
      expect(await useRecoveryCode(store, 'rc1', sha('b'), at(6))).toBe(false);
      expect(await unusedRecoveryCodes(store, 'rc1')).toBe(1);
      await expect(replaceRecoveryCodes(store, 'rc1', ['not-a-hash'], at(7))).rejects.toThrow();
      expect(await unusedRecoveryCodes(store, 'rc1')).toBe(1);
      await clearRecoveryCodes(store, 'rc1');
      expect(await unusedRecoveryCodes(store, 'rc1')).toBe(0);
    });
  });
}
