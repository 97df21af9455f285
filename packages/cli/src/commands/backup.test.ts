/**
 * `assay backup` and `assay restore` as an operator uses them, on PostgreSQL: backup, restore into
 * a new database, audit verify with the same head; the refusals (existing file, damaged file,
 * non-empty target) exit 1 and say why. The store-level checks are in store's backup.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-cli-backup-'));
const saved = process.env.DATABASE_URL;
const databases: TestDatabase[] = [];

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
async function useNewDatabase() {
  const db = await createTestDatabase();
  databases.push(db);
  process.env.DATABASE_URL = db.url;
}
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await Promise.all(databases.map((d) => d.drop()));
});

it('backs up, restores into a new database with the same audit head, and refuses what it must', async () => {
  await useNewDatabase();
  expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
  const head = /latest hash ([0-9a-f]{64})/.exec((await assay('audit', 'verify')).out)?.[1];
  expect(head).toBeDefined();
  const file = join(dir, 'store.assay-backup');
  const b = await assay('backup', file);
  expect(b.code, b.err).toBe(0);
  expect(b.out).toContain(`head ${head}`);
  expect(existsSync(`${file}.partial`)).toBe(false);

  const again = await assay('backup', file);
  expect(again.code).toBe(1);
  expect(again.err).toContain('exists');

  expect((await assay('restore', file, '--check')).code).toBe(0);
  const refusedHere = await assay('restore', file);
  expect(refusedHere.code).toBe(1);
  expect(refusedHere.err).toContain('not empty');

  const bytes = readFileSync(file);
  const cut = join(dir, 'cut.assay-backup');
  writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
  await useNewDatabase();
  const damaged = await assay('restore', cut);
  expect(damaged.code).toBe(1);
  expect(damaged.err).toMatch(/damaged or truncated: .*; nothing was changed/);

  const r = await assay('restore', file);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(`head ${head}`);
  const v = await assay('audit', 'verify');
  expect(v.code).toBe(0);
  expect(v.out).toContain(`latest hash ${head}`);
}, 240_000);
