/**
 * A NUL character (U+0000) in any field is an input error naming row and column, and changes
 * nothing. Found by csv-fuzz.test.ts: before, an activity line with a NUL in its id or source
 * reached the database and the import failed with `invalid byte sequence for encoding "UTF8":
 * 0x00` (an internal error, not a row error).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFacts } from '@assay/store';
import { minimalStore, type TestStore, WHO } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFactsCsv } from './csv-facts.js';
import { NUL_REASON } from './field-caps.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-nul-'));
const AL_HEADER = 'id,entity,period,activity,subject,use,amount,unit,attributes,source';
let t: TestStore;
beforeAll(async () => {
  t = await minimalStore();
});
afterAll(async () => {
  await t?.close();
});

const count = async () =>
  (await t.store.query<{ n: string }>('select count(*)::text as n from activity_line_revision'))[0]?.n;

async function load(name: string, text: string) {
  const p = join(dir, name);
  writeFileSync(p, text);
  return importFacts(t.store, () => readFactsCsv(p, t.ctx), { ...WHO, subject: p });
}

describe('a NUL character in an imported CSV', () => {
  for (const [column, row] of [
    ['id', 'n\u00001,smelter,2025,fuel,diesel,combustion,12,t,,meter'],
    ['source', 'n2,smelter,2025,fuel,diesel,combustion,12,t,,me\u0000ter'],
  ] as const) {
    it(`in ${column}: a row error naming row 2 and the column, nothing stored`, async () => {
      const before = await count();
      const r = await load(`nul-${column}.csv`, `${AL_HEADER}\n${row}\n`);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues).toContainEqual({ file: `nul-${column}.csv`, row: 2, column, reason: NUL_REASON });
      expect(await count()).toBe(before);
    });
  }
});
