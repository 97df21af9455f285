/**
 * account-list.ts on a real PGlite store: accounts listed by email with their grants and no
 * secret, found by email in any case, grants withdrawn, accounts re-enabled, and the entity ids
 * a grant may name read from the organisation imported into the store (examples/minimal).
 * One password is hashed (real argon2id), to show the hash never leaves the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { importBundle, migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountSummary,
  enableAccount,
  findAccountByEmail,
  listAccounts,
  revokeGrant,
  storedEntityIds,
} from './account-list.js';
import { addUser, disableAccount, grantRole } from './accounts.js';

const MINIMAL = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
const NOW = new Date('2026-03-02T08:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'assay-account-list-'));
let store: Store;

async function add(email: string, password?: string): Promise<string> {
  const r = await addUser(
    store,
    { email, name: `Name of ${email}`, ...(password === undefined ? {} : { password }) },
    NOW,
  );
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

async function grant(userId: string, role: string, entityId: string): Promise<void> {
  const g = await grantRole(store, { userId, role, entityId, grantedBy: 'os:test' }, NOW);
  if (!g.ok) throw new Error(g.message);
}

beforeAll(async () => {
  store = await openPgliteStore(dir);
  await migrate(store, NOW.toISOString());
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('account list on PGlite', () => {
  let ann: string;
  let bob: string;
  let cara: string;

  it('lists nothing and knows no entities in an empty store', async () => {
    expect(await listAccounts(store)).toEqual([]);
    expect(await storedEntityIds(store)).toBeUndefined();
  });

  it('lists accounts by email whatever its case, with grants by role then entity, and no secret', async () => {
    cara = await add('Cara@example.com');
    ann = await add('ann@example.com', 'a long enough password');
    bob = await add('bob@example.com');
    await grant(ann, 'viewer', 'group');
    await grant(ann, 'preparer', 'smelter');
    await grant(ann, 'preparer', 'mine');
    const list = await listAccounts(store);
    expect(list.map((a) => a.email)).toEqual(['ann@example.com', 'bob@example.com', 'Cara@example.com']);
    const first = list[0] as AccountSummary;
    expect(Object.keys(first).sort()).toEqual(['createdAt', 'disabled', 'email', 'grants', 'id', 'name']);
    expect(JSON.stringify(list)).not.toContain('argon2');
    expect(first).toEqual({
      id: ann,
      email: 'ann@example.com',
      name: 'Name of ann@example.com',
      disabled: false,
      createdAt: NOW.toISOString(),
      grants: [
        { role: 'preparer', entityId: 'mine' },
        { role: 'preparer', entityId: 'smelter' },
        { role: 'viewer', entityId: 'group' },
      ],
    });
    expect(list[1]?.grants).toEqual([]);
    // The hash is in the store all the same: the summary leaves it out, it was not lost.
    const [row] = await store.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [ann],
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('finds an account by email in any case, and nothing for an unknown email', async () => {
    expect(await findAccountByEmail(store, '  CARA@EXAMPLE.COM ')).toMatchObject({
      id: cara,
      email: 'Cara@example.com',
    });
    expect((await findAccountByEmail(store, 'ANN@example.com'))?.grants).toHaveLength(3);
    expect(await findAccountByEmail(store, 'nobody@example.com')).toBeUndefined();
  });

  it('revokes a grant once; a second time removes nothing; unknown role and user are refused naming the field', async () => {
    expect(await revokeGrant(store, { userId: ann, role: 'preparer', entityId: 'mine' })).toEqual({
      ok: true,
      removed: true,
    });
    expect(await revokeGrant(store, { userId: ann, role: 'preparer', entityId: 'mine' })).toEqual({
      ok: true,
      removed: false,
    });
    expect((await findAccountByEmail(store, 'ann@example.com'))?.grants).toEqual([
      { role: 'preparer', entityId: 'smelter' },
      { role: 'viewer', entityId: 'group' },
    ]);
    expect(await revokeGrant(store, { userId: ann, role: 'owner', entityId: 'group' })).toMatchObject({
      ok: false,
      problem: 'unknown-role',
      field: 'role',
      message: expect.stringContaining('administrator, preparer, reviewer, approver, assurer, viewer'),
    });
    expect(
      await revokeGrant(store, { userId: 'no-such-id', role: 'viewer', entityId: 'group' }),
    ).toMatchObject({ ok: false, problem: 'unknown-user', field: 'user' });
  });

  it('enables a disabled account again; an unknown user is refused', async () => {
    expect(await disableAccount(store, bob)).toMatchObject({ ok: true });
    expect((await findAccountByEmail(store, 'bob@example.com'))?.disabled).toBe(true);
    expect(await enableAccount(store, bob)).toEqual({ ok: true });
    expect((await findAccountByEmail(store, 'bob@example.com'))?.disabled).toBe(false);
    expect(await enableAccount(store, 'no-such-id')).toMatchObject({
      ok: false,
      problem: 'unknown-user',
      field: 'user',
    });
  });

  it("reads the entity ids of the store's organisation once a bundle is imported", async () => {
    const loaded = await loadBundle(MINIMAL);
    if (!loaded.ok) throw new Error('examples/minimal should load');
    const r = await importBundle(store, loaded.bundle, {
      author: 'test',
      reason: 'test',
      at: NOW.toISOString(),
    });
    expect(r.ok).toBe(true);
    expect(await storedEntityIds(store)).toEqual(['group', 'smelter', 'mine']);
  });
});
