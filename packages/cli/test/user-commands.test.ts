/**
 * `assay user …` and `assay token …` on a real PGlite data folder in a temporary directory, run
 * in-process through main (cli-harness.ts) with stdin replaced by a real stream holding the
 * piped text; one case pipes a password into the real `assay` process. What the commands wrote
 * is read back through the app's own services (signIn, resolveSession, resolveApiToken) on the
 * same folder. Few passwords are hashed: argon2id costs 50–100 ms each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { resolveApiToken, resolveSession, signIn } from '@assay/app/access';
import { openStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, freshDataDir, MINIMAL, ROOT, type Run } from './cli-harness.js';

const BIN = join(ROOT, 'packages', 'cli', 'bin', 'assay.js');
const ANN_PASSWORD = 'correct horse battery staple';
let data: ReturnType<typeof freshDataDir>;

/** Run assay with `text` as its stdin (a real stream; process.stdin is put back after). */
async function withStdin(text: string, ...argv: string[]): Promise<Run> {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin') as PropertyDescriptor;
  Object.defineProperty(process, 'stdin', {
    value: Readable.from([Buffer.from(text, 'utf8')]),
    configurable: true,
  });
  try {
    return await assay(...argv);
  } finally {
    Object.defineProperty(process, 'stdin', original);
  }
}

/** Open the commands' store, run `fn`, close it again (PGlite allows one opener at a time). */
async function onStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: data.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

type Listed = {
  email: string;
  name: string;
  disabled: boolean;
  grants: { role: string; entityId: string }[];
};
async function listed(): Promise<Listed[]> {
  const r = await assay('user', 'list', '--format', 'json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Listed[];
}

const signInAnn = (password: string) =>
  onStore((store) => signIn(store, 'ann@example.com', password, '127.0.0.1', new Date()));

beforeAll(() => {
  data = freshDataDir('assay-cli-users-');
});
afterAll(() => data?.restore());

describe('assay user', () => {
  let annSession = '';

  it('refuses to list a data folder that does not exist, and does not create it', async () => {
    const r = await assay('user', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toContain('does not exist (no such folder)');
    expect(existsSync(data.dataDir)).toBe(false);
  });

  it('adds a user with a password read from stdin (trailing newline stripped); list shows it', async () => {
    const r = await withStdin(
      `${ANN_PASSWORD}\n`,
      'user',
      'add',
      'ann@example.com',
      '--name',
      'Ann Lee',
      '--password-stdin',
    );
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^added user ann@example.com \(Ann Lee\), id /),
    });
    expect(r.out).toContain('password set');
    const table = await assay('user', 'list');
    expect(table.code).toBe(0);
    expect(table.out.split('\n')).toEqual([
      expect.stringMatching(/^email\s+name\s+disabled\s+roles@entity$/),
      expect.stringMatching(/^ann@example\.com\s+Ann Lee\s+no\s+-$/),
    ]);
    const s = await signInAnn(ANN_PASSWORD);
    expect(s.kind).toBe('ok');
    if (s.kind === 'ok') annSession = s.token;
  });

  it('refuses a second account with the same email in another case, naming email (exit 1)', async () => {
    const r = await assay('user', 'add', 'ANN@Example.COM', '--name', 'Someone Else');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^email: a user with email ANN@Example.COM exists; nothing was changed$/);
    expect((await listed()).map((u) => u.name)).toEqual(['Ann Lee']);
  });

  it('accepts a 13-character password and refuses an 11-character one naming password', async () => {
    const ok = await withStdin(
      'abcdefghijklm\n',
      'user',
      'add',
      'bob@example.com',
      '--name',
      'Bob',
      '--password-stdin',
    );
    expect(ok.code).toBe(0);
    const short = await withStdin(
      'abcdefghijk\n',
      'user',
      'add',
      'cy@example.com',
      '--name',
      'Cy',
      '--password-stdin',
    );
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/^password: a password needs at least 12 characters; nothing was changed$/);
    expect((await listed()).map((u) => u.email)).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('refuses a bad email naming email, and changes nothing', async () => {
    const before = await listed();
    const r = await assay('user', 'add', 'not an email', '--name', 'Nobody');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^email: "not an email" is not an email address/);
    expect(await listed()).toEqual(before);
    expect(await assay('user', 'add', 'dee@example.com')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--name <full name> is required'),
    });
    expect(await listed()).toEqual(before);
  });

  it('refuses a grant before the store has an organisation, and on an unknown entity (naming it, listing known ids)', async () => {
    const none = await assay('user', 'grant', 'ann@example.com', '--role', 'preparer', '--entity', 'mine');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/^entity: the store holds no organisation yet/);
    expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
    const r = await assay('user', 'grant', 'ann@example.com', '--role', 'preparer', '--entity', 'quarry');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `entity: no entity "quarry" in the store's organisation; known entities: group, smelter, mine; nothing was changed`,
    );
    expect((await listed())[0]?.grants).toEqual([]);
  });

  it('grants and revokes roles, reflected in the list; an unknown role lists the roles (exit 2)', async () => {
    const g = await assay('user', 'grant', 'Ann@example.com', '--role', 'preparer', '--entity', 'mine');
    expect(g).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^granted preparer on mine .* to ann@example.com, by os:\S+$/),
    });
    expect(
      (await assay('user', 'grant', 'ann@example.com', '--role', 'viewer', '--entity', 'group')).code,
    ).toBe(0);
    expect(
      await assay('user', 'grant', 'ann@example.com', '--role', 'viewer', '--entity', 'group'),
    ).toMatchObject({
      code: 0,
      out: 'ann@example.com already holds viewer on group; nothing changed',
    });
    expect((await assay('user', 'list')).out).toMatch(
      /ann@example\.com\s+Ann Lee\s+no\s+preparer@mine, viewer@group/,
    );
    const [row] = await onStore((store) =>
      store.query<{ granted_by: string }>("select granted_by from grants where role = 'preparer'"),
    );
    expect(row?.granted_by).toMatch(/^os:./);

    const bad = await assay('user', 'grant', 'ann@example.com', '--role', 'owner', '--entity', 'group');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('administrator, preparer, reviewer, approver, assurer, viewer');

    expect(
      (await assay('user', 'revoke', 'ann@example.com', '--role', 'viewer', '--entity', 'group')).code,
    ).toBe(0);
    expect((await listed())[0]?.grants).toEqual([{ role: 'preparer', entityId: 'mine' }]);
    const again = await assay('user', 'revoke', 'ann@example.com', '--role', 'viewer', '--entity', 'group');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /^role: ann@example.com does not hold viewer on group \(holds: preparer@mine\)/,
    );
    expect(
      await assay('user', 'grant', 'zed@example.com', '--role', 'viewer', '--entity', 'group'),
    ).toMatchObject({
      code: 1,
      err: 'email: no user with email zed@example.com; nothing was changed',
    });
  });

  it("disables (ending the user's session) and enables again", async () => {
    expect((await onStore((store) => resolveSession(store, annSession, new Date()))).ok).toBe(true);
    const d = await assay('user', 'disable', 'ann@example.com');
    expect(d).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^disabled ann@example.com: 1 session\(s\) ended/),
    });
    expect((await listed())[0]?.disabled).toBe(true);
    expect(await onStore((store) => resolveSession(store, annSession, new Date()))).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect((await assay('user', 'disable', 'ann@example.com')).out).toBe(
      'ann@example.com is already disabled; nothing changed',
    );
    expect((await assay('user', 'enable', 'ann@example.com')).code).toBe(0);
    expect((await listed())[0]?.disabled).toBe(false);
  });

  it('sets a password piped into the real assay process; the old one stops working', async () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `printf '%s\\n' 'a new long passphrase' | node "${BIN}" user password ann@example.com --password-stdin`,
      ],
      {
        encoding: 'utf8',
        cwd: ROOT,
        env: { ...process.env },
        timeout: 60_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('password set for ann@example.com: 0 session(s) ended\n');
    expect((await signInAnn('a new long passphrase')).kind).toBe('ok');
    expect((await signInAnn(ANN_PASSWORD)).kind).toBe('bad-credentials');
    expect(await assay('user', 'password', 'ann@example.com')).toMatchObject({ code: 2 });
  });
});

describe('assay token', () => {
  let token = '';
  let tokenId = '';

  it('prints the token once, alone on stdout; the app accepts it with the roles asked for', async () => {
    const r = await assay(
      'token',
      'create',
      '--user',
      'ann@example.com',
      '--label',
      'ci',
      '--role',
      'preparer',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^assay_[A-Za-z0-9_-]{43}$/);
    expect(r.err).toContain('it will not be shown again');
    expect(r.err).not.toContain(r.out);
    token = r.out;
    tokenId = /^token (\S+) for ann@example.com/.exec(r.err)?.[1] ?? '';
    const resolved = await onStore((store) => resolveApiToken(store, token));
    expect(resolved).toMatchObject({
      ok: true,
      principal: {
        email: 'ann@example.com',
        grants: [{ role: 'preparer', entityId: 'mine' }],
        via: { tokenId },
      },
    });
    const listedTokens = await assay('token', 'list', '--user', 'ann@example.com', '--format', 'json');
    expect(JSON.parse(listedTokens.out)).toEqual([
      { id: tokenId, label: 'ci', roles: ['preparer'], createdAt: expect.any(String), revokedAt: null },
    ]);
    expect(listedTokens.out).not.toContain(token.slice(6));
    const held = await assay(
      'token',
      'create',
      '--user',
      'ann@example.com',
      '--label',
      'x',
      '--role',
      'viewer',
    );
    expect(held).toMatchObject({
      code: 1,
      out: '',
      err: expect.stringMatching(/^role: ann@example.com does not hold viewer/),
    });
  });

  it('revokes the token: the app rejects it from then on; revoking again is refused', async () => {
    expect(await assay('token', 'revoke', tokenId)).toMatchObject({ code: 0 });
    expect(await onStore((store) => resolveApiToken(store, token))).toEqual({ ok: false, reason: 'revoked' });
    expect((await assay('token', 'list', '--user', 'ann@example.com')).out).toMatch(
      new RegExp(`^${tokenId}\\tci\\tpreparer\\t\\S+\\t\\d{4}-`, 'm'),
    );
    expect(await assay('token', 'revoke', tokenId)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^token: no unrevoked token with id/),
    });
  });
});
