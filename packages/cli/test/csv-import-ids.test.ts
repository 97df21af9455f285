/**
 * One id rule for CSV rows without an id, through `assay import` and through the API's import:
 * a row that is a stored fact (same entity, period, indicator, disaggregation) keeps that fact's
 * id; a new fact gets io's dataPointId, "dp-" + 16 hex digits of the SHA-256 of its key, so the
 * same file gives the same ids on every import and through either front door.
 * Before: `assay import` gave a row revising "rev-25" the id "dp-60145b71d525e992", so the fact
 * changed its id; the API kept "rev-25" and gave a new fact "dp-<line>" (or a random UUID).
 */

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { type DataPoint, dataPointFactKey } from '@assay/core';
import { dataPointId, loadBundle } from '@assay/io';
import { createApp } from '@assay/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, freshDataDir, MINIMAL } from './cli-harness.js';

const CSV = [
  'entity,period,indicator,disaggregation,value,unit,source',
  'group,2025,revenue,,1001,CNY million,finance ledger',
  'mine,2024,revenue,,900,CNY million,finance ledger',
  '',
].join('\n');
/** The new row's fact, and the id io derives from its key (entity|period|indicator|disaggregation). */
const NEW_FACT = { entityId: 'mine', periodId: '2024', indicatorId: 'revenue', disaggregation: {} };
const NEW_KEY = 'mine|2024|revenue|';

let env: ReturnType<typeof freshDataDir>;
let csvPath: string;
beforeAll(() => {
  env = freshDataDir('assay-csv-ids-');
  csvPath = join(env.dir, 'revenue.csv');
  writeFileSync(csvPath, CSV);
});
afterAll(() => env.restore());

function exportedIds(name: string): Map<string, string> {
  const folder = join(env.dir, name);
  const [head, ...lines] = readFileSync(join(folder, 'data-points.csv'), 'utf8').trim().split('\n');
  const cols = (head ?? '').split(',');
  const at = (c: string) => cols.indexOf(c);
  return new Map(
    lines.map((l) => {
      const f = l.split(',');
      const key = [f[at('entity')], f[at('period')], f[at('indicator')], f[at('disaggregation')]].join('|');
      return [key, f[at('id')] ?? ''];
    }),
  );
}

describe('ids of CSV rows without an id', () => {
  const newKey = NEW_KEY;
  it('io derives the id of a new fact from its key alone: dp- and 16 hex digits of its SHA-256', () => {
    expect(dataPointFactKey(NEW_FACT)).toBe(NEW_KEY);
    const sha = createHash('sha256').update(NEW_KEY).digest('hex');
    expect(dataPointId(NEW_FACT as DataPoint)).toBe(`dp-${sha.slice(0, 16)}`);
  });

  it('assay import: a stored fact keeps its id, a new one gets the derived id; again, nothing changes', async () => {
    expect((await assay('import', MINIMAL)).code).toBe(0);
    expect(await assay('import', csvPath)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/1 added, 1 revised/),
    });
    expect((await assay('export', join(env.dir, 'out1'))).code).toBe(0);
    const ids = exportedIds('out1');
    expect(ids.get('group|2025|revenue|')).toBe('rev-25');
    expect(ids.get(newKey)).toBe(dataPointId(NEW_FACT as DataPoint));
    // the same content again (as new data, past the file digest check): every row unchanged
    expect(await assay('import', csvPath, '--as-new-data')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/nothing new/),
    });
  });

  it('the API preview gives the same ids for the same file', async () => {
    const loaded = await loadBundle(MINIMAL);
    if (!loaded.ok) throw new Error('examples/minimal should load');
    const app = createApp({ workspace: new MemoryWorkspace(loaded.bundle) });
    const r = await app.request('/api/import/data-points', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'revenue.csv', csv: CSV }),
    });
    expect(r.status).toBe(200);
    const preview = (await r.json()) as { rows: { id: string; action: string }[] };
    expect(preview.rows.map((x) => [x.action, x.id])).toEqual([
      ['change', 'rev-25'],
      ['add', dataPointId(NEW_FACT as DataPoint)],
    ]);
  });
});
