import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-cli-retract-'));
let db: TestDatabase;
const saved = process.env.DATABASE_URL;

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The data-point ids and activity-line ids of a fresh export. */
function exported(name: string): { dataPoints: string; activityLines: string } {
  const folder = join(dir, name);
  return {
    dataPoints: readFileSync(join(folder, 'data-points.csv'), 'utf8'),
    activityLines: readFileSync(join(folder, 'activity-lines.csv'), 'utf8'),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
});
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await db?.drop();
});

describe('assay retract against PostgreSQL', () => {
  it('retracts a data point by id and one by key and an activity line; export leaves them out; audit verify is clean', async () => {
    const r = await assay(
      'retract',
      '--data-point',
      'hc-m-f',
      '--data-point',
      'group|2024|revenue|',
      '--activity-line',
      'e2',
      '--reason',
      'counted twice',
      '--author',
      'controller',
    );
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^retracted 2 data points and 1 activity line \(change set \d+\)/),
    });
    expect(r.out).toContain('data point mine|2025|employees.headcount|gender=female');
    expect((await assay('export', join(dir, 'after-retract'))).code).toBe(0);
    const e = exported('after-retract');
    expect(e.dataPoints).not.toMatch(/,hc-m-f,/);
    expect(e.dataPoints).not.toMatch(/,rev-24,/);
    expect(e.dataPoints).toMatch(/,hc-m-m,/);
    expect(e.activityLines).not.toMatch(/,e2,/);
    expect((await assay('export', join(dir, 'audit.csv'), '--table', 'audit')).code).toBe(0);
    expect(readFileSync(join(dir, 'audit.csv'), 'utf8')).toMatch(/retract,assay retract,.*counted twice/);
    expect(await assay('audit', 'verify')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/intact: 3 entries.*fact revisions consistent/),
    });
  });

  it('exits 1 naming unknown and already-retracted facts, and retracts nothing', async () => {
    const r = await assay(
      'retract',
      '--data-point',
      'hc-s-m',
      '--data-point',
      'hc-m-f',
      '--activity-line',
      'nope',
      '--reason',
      'again',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('data point "hc-m-f" is already retracted (revision 2)');
    expect(r.err).toContain('no activity line "nope"');
    expect(r.err).toMatch(/2 problems; nothing was retracted/);
    expect((await assay('export', join(dir, 'after-refusal'))).code).toBe(0);
    expect(exported('after-refusal').dataPoints).toMatch(/,hc-s-m,/);
  });

  it('exits 2 without a reason or without a fact', async () => {
    expect(await assay('retract', '--data-point', 'hc-s-m')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--reason is required/),
    });
    expect(await assay('retract', '--data-point', 'hc-s-m', '--reason', '  ')).toMatchObject({ code: 2 });
    expect(await assay('retract', '--reason', 'why')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/name at least one --data-point or --activity-line/),
    });
  });

  it('brings retracted facts back when the bundle is imported again', async () => {
    expect(await assay('import', MINIMAL)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/data points 0 added, 2 revised; activity lines 0 added, 1 revised/),
    });
    expect((await assay('export', join(dir, 'after-reimport'))).code).toBe(0);
    const e = exported('after-reimport');
    expect(e.dataPoints).toMatch(/,hc-m-f,/);
    expect(e.activityLines).toMatch(/,e2,/);
    expect((await assay('audit', 'verify')).code).toBe(0);
  });
});
