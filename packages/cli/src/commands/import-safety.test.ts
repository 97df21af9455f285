/**
 * Issue #14 through the command line, against PostgreSQL: overlapping periods and re-keyed ids
 * refused on CSV import, a file already imported recognised by its content, tampered fact
 * revisions named by `audit verify`, and the audit export in entry order past ten entries.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-cli-safety-'));
let db: TestDatabase;
const saved = process.env.DATABASE_URL;

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function sql(text: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

const footprint = async () =>
  sql(`select (select count(*) from data_point_revision)::int as dp, (select count(*) from activity_line_revision)::int as al,
         (select count(*) from change_set)::int as cs, (select count(*) from audit_log)::int as audit`);

function csv(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const DP_HEADER = 'id,entity,period,indicator,disaggregation,value,unit,source';
const AL_HEADER = 'entity,period,activity,subject,use,amount,unit,source';

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  expect((await assay('import', MINIMAL)).code).toBe(0);
});
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await db?.drop();
});

describe('assay import and audit: data safety (PostgreSQL)', () => {
  it('refuses a quarter next to the stored annual value, naming row, column and the stored fact (exit 1)', async () => {
    const before = await footprint();
    const r = await assay(
      'import',
      csv('q1.csv', `${DP_HEADER}\n,group,2025-Q1,revenue,,240,CNY million,ledger\n`),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /q1\.csv, row 2, column period: 2025-Q1 overlaps the stored data point "rev-25" \(period 2025, key "group\|2025\|revenue\|"\)/,
    );
    expect(await footprint()).toEqual(before);
  });

  it('refuses a row giving an existing id to another fact (exit 1)', async () => {
    const before = await footprint();
    const r = await assay(
      'import',
      csv('moved.csv', `${DP_HEADER}\nrev-25,smelter,2025,revenue,,5,CNY million,ledger\n`),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /moved\.csv, row 2, column id: id "rev-25" belongs to the data point "group\|2025\|revenue\|"/,
    );
    expect(await footprint()).toEqual(before);
  });

  it('recognises an activity-line file imported before under another name, adds nothing, and imports it with --as-new-data', async () => {
    const body = `${AL_HEADER}\nsmelter,2025-03,fuel,diesel,combustion,12.5,t,fuel card\nmine,2025-03,fuel,diesel,combustion,3,t,fuel card\n`;
    const first = await assay('import', csv('fuel-march.csv', body));
    expect(first).toMatchObject({ code: 0, out: expect.stringMatching(/activity lines 2 added/) });
    const before = await footprint();
    const again = await assay('import', csv('fuel-march-copy.csv', body));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(
      /fuel-march-copy\.csv: the same file \(SHA-256 [0-9a-f]{12}…\) was already imported as change set \d+ \(.*fuel-march\.csv, .*\); nothing was added\. To import it again as new data, add --as-new-data/,
    );
    expect(await footprint()).toEqual(before);
    const asNew = await assay('import', join(dir, 'fuel-march-copy.csv'), '--as-new-data');
    expect(asNew).toMatchObject({ code: 0, out: expect.stringMatching(/activity lines 2 added/) });
    const [entry] = await sql(
      "select after from audit_log where action = 'import' order by seq desc limit 1",
    );
    expect(entry?.after).toMatchObject({ fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('names a fact revision changed in the database behind the trigger (exit 1), and is clean again once it is put back', async () => {
    expect((await assay('audit', 'verify')).code).toBe(0);
    const key = "fact_key = 'group|2025|revenue|' and rev = 1";
    await sql(
      `alter table data_point_revision disable trigger user; update data_point_revision set value = 1 where ${key}; alter table data_point_revision enable trigger user`,
    );
    const r = await assay('audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /revision 1 of "group\|2025\|revenue\|" \(data_point_revision, change set 1\) was changed after it was written/,
    );
    await sql(
      `alter table data_point_revision disable trigger user; update data_point_revision set value = 1000 where ${key}; alter table data_point_revision enable trigger user`,
    );
    expect(await assay('audit', 'verify')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/fact revisions match their digests/),
    });
  });

  it('exports the audit log in entry order past ten entries', async () => {
    for (let i = 1; i <= 10; i++) {
      const r = await assay(
        'import',
        csv(
          `out-${i}.csv`,
          `${DP_HEADER}\nout-ni,smelter,2025,production.output,product=nickel,${10000 + i},t,production report\n`,
        ),
      );
      expect(r.code).toBe(0);
    }
    expect((await assay('export', join(dir, 'audit.csv'), '--table', 'audit')).code).toBe(0);
    const seqs = readFileSync(join(dir, 'audit.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    expect(seqs.length).toBeGreaterThan(10);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((await assay('audit', 'verify')).code).toBe(0);
  });
});
