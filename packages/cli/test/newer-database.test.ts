/**
 * Code older than the database (issue #23): a database that records a migration this version
 * does not have is refused by `assay db migrate`, by any storage command and by `assay serve`,
 * with the unknown migration named and exit status 1, and nothing is applied.
 */
import { migrate, openPostgresStore } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assay, MINIMAL } from './cli-harness.js';

let db: TestDatabase;
const saved = { url: process.env.DATABASE_URL };
beforeAll(async () => {
  db = await createTestDatabase();
  const store = await openPostgresStore(db.url);
  await migrate(store, '2026-01-01T00:00:00.000Z');
  await store.query("insert into schema_migrations values ('999-from-a-newer-version.sql', now())");
  await store.close();
  process.env.DATABASE_URL = db.url;
});
afterAll(async () => {
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.url;
  await db?.drop();
});

const refusal =
  /^assay: the database .* was migrated by a newer version of assay: it has migration 999-from-a-newer-version\.sql, which this version does not know \(its newest is \d{3}-[\w-]+\.sql\)\. Nothing was changed\. Run the newer version of assay, or restore a backup made with this one\.$/;

it('assay db migrate and a storage command refuse it: exit 1 and the message', async () => {
  for (const args of [
    ['db', 'migrate'],
    ['audit', 'verify'],
  ]) {
    const r = await assay(...args);
    expect(r.code, args.join(' ')).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(refusal);
  }
});

it('assay serve refuses it before listening', async () => {
  const r = await Promise.race([
    assay('serve', MINIMAL, '--port', '0'),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('assay serve started')), 60_000)),
  ]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(refusal);
}, 90_000);
