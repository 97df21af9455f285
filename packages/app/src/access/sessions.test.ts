/**
 * Sign-in, sessions, API tokens and account changes on real stores (PGlite and PostgreSQL),
 * real argon2id, and an injected clock (no real waiting).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  migrate,
  openPgliteStore,
  openPostgresStore,
  type Store,
  disableUser as storeDisableUser,
} from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountingHasher, countingHasher } from '../../test/counting-hasher.js';
import { addUser, disableAccount, grantRole, setUserPassword } from './accounts.js';
import { bearerToken, issueApiToken, resolveApiToken, revokeApiToken } from './api-tokens.js';
import { secretHash } from './secret-tokens.js';
import { resolveSession, SESSION_POLICY, type SignInOutcome, signIn, signOut } from './sessions.js';
import { THROTTLE_POLICY } from './throttle.js';

type Factory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

const pglite: Factory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-sessions-'));
  const store = await openPgliteStore(dir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
const postgres: Factory = async () => {
  const db = await createTestDatabase();
  const store = await openPostgresStore(db.url);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
};

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
/** A clock the test moves by hand. */
class Clock {
  ms = T0;
  now = () => new Date(this.ms);
  advance(seconds: number) {
    this.ms += seconds * 1000;
  }
}

function tokenOf(o: SignInOutcome): string {
  if (o.kind !== 'ok') throw new Error(`expected a session, got ${JSON.stringify(o)}`);
  return o.token;
}

describe.each([
  ['PGlite', pglite],
  ['PostgreSQL', postgres],
] as const)('accounts on %s', (_name, factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let hasher: CountingHasher;
  const clock = new Clock();
  const PASSWORD = 'correct horse battery staple';
  let ann: string;

  /** A fresh user with a password and a grant; returns the id. */
  async function user(email: string, password = PASSWORD): Promise<string> {
    const r = await addUser(
      store,
      { email, name: email.split('@')[0] ?? email, password },
      clock.now(),
      hasher,
    );
    if (!r.ok) throw new Error(r.message);
    const g = await grantRole(
      store,
      { userId: r.id, role: 'preparer', entityId: 'sub-a', grantedBy: 'test' },
      clock.now(),
    );
    if (!g.ok) throw new Error(g.message);
    return r.id;
  }

  beforeAll(async () => {
    ({ store, cleanup } = await factory());
    await migrate(store, new Date(T0).toISOString());
    hasher = countingHasher();
    ann = await user('ann@example.com');
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('signs in with a new session id every time and stores only its hash', async () => {
    const tokens = [];
    for (let i = 0; i < 3; i++)
      tokens.push(
        tokenOf(await signIn(store, 'ANN@example.com', PASSWORD, '10.1.1.1', clock.now(), { hasher })),
      );
    expect(new Set(tokens).size).toBe(3);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    const rows = await store.query<{ id_hash: string }>('select id_hash from sessions where user_id = $1', [
      ann,
    ]);
    expect(rows.map((r) => r.id_hash).sort()).toEqual(tokens.map(secretHash).sort());
    const r = await resolveSession(store, tokens[0] as string, clock.now());
    expect(r).toMatchObject({
      ok: true,
      principal: { userId: ann, email: 'ann@example.com', grants: [{ role: 'preparer', entityId: 'sub-a' }] },
    });
  });

  it('answers bad-credentials alike for a wrong password and an unknown email', async () => {
    expect(
      await signIn(store, 'ann@example.com', 'wrong password!', '10.1.1.2', clock.now(), { hasher }),
    ).toEqual({
      kind: 'bad-credentials',
    });
    const before = hasher.calls.verify;
    expect(await signIn(store, 'nobody@example.com', PASSWORD, '10.1.1.2', clock.now(), { hasher })).toEqual({
      kind: 'bad-credentials',
    });
    expect(hasher.calls.verify).toBe(before + 1); // the decoy hash was verified: same work
  });

  it('refuses a 1 MB password without hashing it', async () => {
    const before = { ...hasher.calls };
    const r = await signIn(store, 'ann@example.com', 'p'.repeat(1024 * 1024), '10.1.1.3', clock.now(), {
      hasher,
    });
    expect(r).toEqual({ kind: 'bad-credentials' });
    expect(hasher.calls).toEqual(before);
  });

  it('throttles 1,000 wrong passwords, and the owner signs in after the wait', async () => {
    const victim = await user('victim@example.com');
    const before = hasher.calls.verify;
    const outcomes: SignInOutcome[] = [];
    for (let i = 0; i < 1000; i++) {
      outcomes.push(
        await signIn(store, 'victim@example.com', `guess number ${i}`, '203.0.113.9', clock.now(), {
          hasher,
        }),
      );
      clock.advance(1); // one guess a second
    }
    const verified = hasher.calls.verify - before;
    const throttled = outcomes.filter((o) => o.kind === 'throttled');
    expect(outcomes.filter((o) => o.kind === 'ok')).toEqual([]);
    // Only the guesses let through were hashed: 5 free ones, then one each time a delay ran out
    // (1 + 2 + 4 + … + 512 s, then every 900 s): far fewer than 1,000.
    expect(verified).toBe(outcomes.length - throttled.length);
    expect(verified).toBeLessThan(20);
    expect(throttled.length).toBeGreaterThan(980);
    for (const o of throttled)
      if (o.kind === 'throttled') expect(o.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // The right password is refused alike while throttled (no oracle for the attacker)...
    const now = await signIn(store, 'victim@example.com', PASSWORD, '198.51.100.7', clock.now(), { hasher });
    expect(now.kind).toBe('throttled');
    if (now.kind !== 'throttled') return;
    // ...and works once the wait is over, from the owner's own address.
    clock.advance(now.retryAfterSeconds);
    const ok = await signIn(store, 'victim@example.com', PASSWORD, '198.51.100.7', clock.now(), { hasher });
    expect(ok).toMatchObject({ kind: 'ok', userId: victim });
    // A success clears the account's count: one more typo is not throttled.
    expect(
      (await signIn(store, 'victim@example.com', 'typo typo typo', '198.51.100.7', clock.now(), { hasher }))
        .kind,
    ).toBe('bad-credentials');
  });

  it('throttles an address that sprays guesses over many accounts, for every account, not elsewhere', async () => {
    const spray = '203.0.113.50';
    for (let i = 0; i < THROTTLE_POLICY.address.threshold; i++) {
      const o = await signIn(store, `user${i}@example.com`, 'Summer2026!!', spray, clock.now(), { hasher });
      expect(o.kind).toBe('bad-credentials'); // one failure per account: no account throttle
    }
    const blocked = await signIn(store, 'ann@example.com', PASSWORD, spray, clock.now(), { hasher });
    expect(blocked).toEqual({ kind: 'throttled', retryAfterSeconds: 1 });
    expect(
      (await signIn(store, 'ann@example.com', PASSWORD, '198.51.100.8', clock.now(), { hasher })).kind,
    ).toBe('ok');
    clock.advance(1);
    expect((await signIn(store, 'ann@example.com', PASSWORD, spray, clock.now(), { hasher })).kind).toBe(
      'ok',
    );
  });

  it('lets at most the free number of parallel guesses reach the hash', async () => {
    await user('parallel@example.com');
    const before = hasher.calls.verify;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(store, 'parallel@example.com', `parallel guess ${i}`, `192.0.2.${i}`, clock.now(), { hasher }),
      ),
    );
    expect(hasher.calls.verify - before).toBe(THROTTLE_POLICY.account.threshold);
    expect(outcomes.filter((o) => o.kind === 'throttled')).toHaveLength(
      12 - THROTTLE_POLICY.account.threshold,
    );
  });

  it('ends sessions after 30 minutes idle and 12 hours in all', async () => {
    const t = tokenOf(await signIn(store, 'ann@example.com', PASSWORD, '10.1.1.4', clock.now(), { hasher }));
    clock.advance(SESSION_POLICY.idleSeconds - 60);
    expect((await resolveSession(store, t, clock.now())).ok).toBe(true);
    clock.advance(SESSION_POLICY.idleSeconds - 60); // idle counts from the last use
    expect((await resolveSession(store, t, clock.now())).ok).toBe(true);
    clock.advance(SESSION_POLICY.idleSeconds);
    expect(await resolveSession(store, t, clock.now())).toEqual({ ok: false, reason: 'expired' });
    expect(await resolveSession(store, t, clock.now())).toEqual({ ok: false, reason: 'unknown' }); // deleted

    const u = tokenOf(await signIn(store, 'ann@example.com', PASSWORD, '10.1.1.4', clock.now(), { hasher }));
    for (let used = 0; used + 20 * 60 < SESSION_POLICY.absoluteSeconds; used += 20 * 60) {
      expect((await resolveSession(store, u, clock.now())).ok).toBe(true);
      clock.advance(20 * 60);
    }
    clock.advance(20 * 60);
    expect(await resolveSession(store, u, clock.now())).toEqual({ ok: false, reason: 'expired' });
  });

  it('signs out on the server: the token is then useless', async () => {
    const t = tokenOf(await signIn(store, 'ann@example.com', PASSWORD, '10.1.1.5', clock.now(), { hasher }));
    expect(await signOut(store, t)).toBe(true);
    expect(await resolveSession(store, t, clock.now())).toEqual({ ok: false, reason: 'unknown' });
    expect(await signOut(store, t)).toBe(false);
    expect(await resolveSession(store, 'not a token', clock.now())).toEqual({ ok: false, reason: 'unknown' });
  });

  it("stops a disabled user's sessions and tokens, and tells only the password's owner", async () => {
    const id = await user('leaver@example.com');
    const s1 = tokenOf(
      await signIn(store, 'leaver@example.com', PASSWORD, '10.1.1.6', clock.now(), { hasher }),
    );
    const s2 = tokenOf(
      await signIn(store, 'leaver@example.com', PASSWORD, '10.1.1.6', clock.now(), { hasher }),
    );
    const tok = await issueApiToken(store, { userId: id, label: 'CI' }, clock.now());
    if (!tok.ok) throw new Error(tok.message);
    expect((await resolveApiToken(store, tok.token)).ok).toBe(true);

    // The store flag alone already stops a session (defence in depth)...
    await storeDisableUser(store, id);
    expect(await resolveSession(store, s1, clock.now())).toEqual({ ok: false, reason: 'disabled' });
    await storeDisableUser(store, id, false);
    // ...and disableAccount deletes every session with it.
    expect(await disableAccount(store, id)).toEqual({ ok: true, sessionsEnded: 1 });
    expect(await resolveSession(store, s2, clock.now())).toEqual({ ok: false, reason: 'unknown' });
    expect(await resolveApiToken(store, tok.token)).toEqual({ ok: false, reason: 'disabled' });
    expect(await signIn(store, 'leaver@example.com', PASSWORD, '10.1.1.6', clock.now(), { hasher })).toEqual({
      kind: 'disabled',
    });
    expect(
      await signIn(store, 'leaver@example.com', 'not the password', '10.1.1.6', clock.now(), { hasher }),
    ).toEqual({
      kind: 'bad-credentials',
    });
  });

  it('ends the other sessions when the password changes', async () => {
    const id = await user('mover@example.com');
    const mine = tokenOf(
      await signIn(store, 'mover@example.com', PASSWORD, '10.1.1.7', clock.now(), { hasher }),
    );
    const other = tokenOf(
      await signIn(store, 'mover@example.com', PASSWORD, '10.1.1.8', clock.now(), { hasher }),
    );
    expect(await setUserPassword(store, id, 'short', clock.now(), mine, hasher)).toMatchObject({
      ok: false,
      problem: 'too-short',
    });
    expect((await resolveSession(store, other, clock.now())).ok).toBe(true); // a refused change ends nothing
    const NEW = 'a brand new passphrase';
    expect(await setUserPassword(store, id, NEW, clock.now(), mine, hasher)).toEqual({
      ok: true,
      sessionsEnded: 1,
    });
    expect((await resolveSession(store, mine, clock.now())).ok).toBe(true);
    expect(await resolveSession(store, other, clock.now())).toEqual({ ok: false, reason: 'unknown' });
    expect(
      (await signIn(store, 'mover@example.com', PASSWORD, '10.1.1.7', clock.now(), { hasher })).kind,
    ).toBe('bad-credentials');
    expect((await signIn(store, 'mover@example.com', NEW, '10.1.1.7', clock.now(), { hasher })).kind).toBe(
      'ok',
    );
    // An administrator's reset (no session kept) ends them all.
    expect(await setUserPassword(store, id, 'reset by the admin', clock.now(), undefined, hasher)).toEqual({
      ok: true,
      sessionsEnded: 2,
    });
  });

  it('API tokens: shown once, hashed, narrowed to a subset of roles, refused after revocation', async () => {
    const id = await user('robot@example.com');
    await grantRole(store, { userId: id, role: 'viewer', entityId: 'group', grantedBy: 'test' }, clock.now());
    expect(
      await issueApiToken(store, { userId: id, label: 'CI', roles: ['administrator'] }, clock.now()),
    ).toMatchObject({
      ok: false,
      problem: 'role-not-held',
    });
    const t = await issueApiToken(store, { userId: id, label: 'CI reports', roles: ['viewer'] }, clock.now());
    if (!t.ok) throw new Error(t.message);
    expect(t.token).toMatch(/^assay_[A-Za-z0-9_-]{43}$/);
    const [row] = await store.query<{ token_hash: string }>(
      'select token_hash from api_tokens where id = $1',
      [t.id],
    );
    expect(row?.token_hash).toBe(secretHash(t.token));
    const full = await resolveApiToken(store, bearerToken(`Bearer ${t.token}`) ?? '');
    expect(full).toMatchObject({
      ok: true,
      principal: {
        userId: id,
        grants: [{ role: 'viewer', entityId: 'group' }],
        via: { kind: 'token', tokenId: t.id },
      },
    });
    const all = await issueApiToken(store, { userId: id, label: 'everything' }, clock.now());
    if (!all.ok) throw new Error(all.message);
    const r = await resolveApiToken(store, all.token);
    expect(r.ok && r.principal.grants.map((g) => g.role).sort()).toEqual(['preparer', 'viewer']);

    expect(await revokeApiToken(store, t.id, clock.now())).toBe(true);
    expect(await resolveApiToken(store, t.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(await revokeApiToken(store, t.id, clock.now())).toBe(false);
    expect(await resolveApiToken(store, `${t.token.slice(0, -1)}A`)).toMatchObject({ ok: false });
    expect(await resolveApiToken(store, 'assay_short')).toEqual({ ok: false, reason: 'unknown' });
    expect(bearerToken('Basic abc')).toBeUndefined();
  });

  it('refuses bad account input with the field named, and a duplicate email in any case', async () => {
    expect(await addUser(store, { email: 'no-at-sign', name: 'X' }, clock.now(), hasher)).toMatchObject({
      ok: false,
      field: 'email',
    });
    expect(
      await addUser(store, { email: 'ANN@example.com', name: 'Ann again' }, clock.now(), hasher),
    ).toMatchObject({
      ok: false,
      problem: 'exists',
    });
    expect(
      await addUser(store, { email: 'new@example.com', name: 'New', password: 'short' }, clock.now(), hasher),
    ).toMatchObject({ ok: false, problem: 'too-short', field: 'password' });
    expect(
      await grantRole(
        store,
        { userId: ann, role: 'owner', entityId: 'group', grantedBy: 'test' },
        clock.now(),
      ),
    ).toMatchObject({
      ok: false,
      problem: 'unknown-role',
      field: 'role',
    });
    const [n] = await store.query<{ n: string }>(
      "select count(*)::text as n from users where email = 'new@example.com'",
    );
    expect(n?.n).toBe('0');
  });
});
