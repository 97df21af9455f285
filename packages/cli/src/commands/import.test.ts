import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-cli-store-'));
let db: TestDatabase;
const saved = process.env.DATABASE_URL;

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url; // PostgreSQL mode; the PGlite path is covered by the store's contract suite
});
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await db?.drop();
});

describe('assay import / export / db / audit against PostgreSQL', () => {
  it('migrates, imports a bundle once, and says so the second time', async () => {
    expect(await assay('db', 'migrate')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/applied 001-schema.sql/),
    });
    expect(await assay('import', MINIMAL, '--author', 'tester')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/7 added/),
    });
    expect(await assay('import', MINIMAL)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/nothing new/),
    });
  });

  it('refuses a bad CSV with exit 1, naming row and column', async () => {
    const p = join(dir, 'bad.csv');
    writeFileSync(p, 'entity,period,indicator,value,unit,source\nmine,2025,water.recycled,1e309,m³,meter\n');
    const r = await assay('import', p);
    expect(r).toMatchObject({
      code: 1,
      err: expect.stringMatching(/bad.csv, row 2, column value: .*out of range/),
    });
  });

  it('exports a bundle folder, a CSV table, all tables as XLSX, and a template', async () => {
    expect((await assay('export', join(dir, 'bundle'))).code).toBe(0);
    expect(readFileSync(join(dir, 'bundle', 'data-points.csv'), 'utf8')).toContain('rev-25');
    expect((await assay('export', join(dir, 'audit.csv'), '--table', 'audit')).code).toBe(0);
    expect(readFileSync(join(dir, 'audit.csv'), 'utf8')).toMatch(/^seq,at,actor/);
    expect((await assay('export', join(dir, 'all.xlsx'))).code).toBe(0);
    expect(
      (await assay('export', join(dir, 't.xlsx'), '--template', '--entity', 'mine', '--period', '2025')).code,
    ).toBe(0);
    expect(await assay('export', join(dir, 'x.csv'), '--table', 'nope')).toMatchObject({ code: 2 });
  });

  it('verifies the audit chain, and exits 1 naming the entry once a row is edited', async () => {
    expect(await assay('audit', 'verify')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/intact: 2 entries/),
    });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(
      "alter table audit_log disable trigger user; update audit_log set actor = 'mallory' where seq = 1",
    );
    await c.end();
    expect(await assay('audit', 'verify')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/broken at entry 1 of 2: entry 1 was edited/),
    });
  });
});
