/**
 * `assay import` and the period lock (issue #17), against PostgreSQL: with 2025 locked, a CSV
 * that gives the 2025 diesel line d1 the period 2024 is a revision of d1 that takes 100 t out of
 * the locked year. It is refused with the lock's message, exit 1, and nothing is stored; a CSV
 * that adds a line to 2024 goes in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditEntries, lockPeriod, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-cli-import-lock-'));
const HEADER = 'id,entity,period,activity,subject,use,amount,unit,attributes,source,evidence,comment';
const AT = '2026-04-01T09:00:00.000Z';
let db: TestDatabase;
let store: Store;
const saved = process.env.DATABASE_URL;

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Revisions of both kinds, change sets and audit entries: what a refused import must leave. */
async function counts(): Promise<number[]> {
  const [r] = await store.query<{ dp: string; al: string; cs: string }>(
    `select (select count(*) from data_point_revision)::text as dp, (select count(*) from activity_line_revision)::text as al,
            (select count(*) from change_set)::text as cs`,
  );
  return [Number(r?.dp), Number(r?.al), Number(r?.cs), await auditEntries(store)];
}

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
  store = await openPostgresStore(db.url);
  const locked = await lockPeriod(store, {
    periodId: '2025',
    userId: 'u-admin',
    actor: 'Ada Admin <ada@example.com>',
    at: AT,
    reason: 'approved',
  });
  expect(locked.ok).toBe(true);
}, 60_000);
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await store?.close();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay import with 2025 locked', () => {
  it('refuses a CSV moving the 2025 line d1 to 2024, exit 1 with the lock message; nothing stored', async () => {
    const before = await counts();
    const p = join(dir, 'move.csv');
    writeFileSync(p, `${HEADER}\nd1,smelter,2024,fuel,diesel,combustion,100,t,,fuel invoices,,\n`);
    const r = await assay('import', p, '--author', 'tester');
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'period 2025 is locked since 2026-04-01T09:00:00.000Z by Ada Admin <ada@example.com>; to change a figure, file a restatement',
    );
    expect(await counts()).toEqual(before);
    const [d1] = await store.query<{ period_id: string }>(
      `select period_id from activity_line_current where fact_key = 'd1'`,
    );
    expect(d1?.period_id).toBe('2025');
  });

  it('takes a CSV adding a line to 2024 (not locked)', async () => {
    const p = join(dir, 'add.csv');
    writeFileSync(p, `${HEADER}\nd-2024,smelter,2024,fuel,diesel,combustion,90,t,,fuel invoices,,\n`);
    expect(await assay('import', p, '--author', 'tester')).toMatchObject({ code: 0 });
  });
});
