/** Length caps on CSV fields and records (issue #14, item 12): refused by file, row and column, nothing stored. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFacts } from '@assay/store';
import { minimalStore, type TestStore, WHO } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle-folder.js';
import { readFactsCsv } from './csv-facts.js';
import { csvRecords } from './csv-records.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-csv-caps-'));
const HEADER = 'id,entity,period,indicator,value,unit,source,comment';
let t: TestStore;
beforeAll(async () => {
  t = await minimalStore();
});
afterAll(async () => {
  await t?.close();
});

function csv(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const load = (path: string) =>
  importFacts(t.store, () => readFactsCsv(path, t.ctx), { ...WHO, subject: path });
const row = (cells: Partial<Record<'id' | 'source' | 'comment' | 'unit', string>>) =>
  [
    cells.id ?? '',
    'smelter',
    '2025',
    'water.recycled',
    '10',
    cells.unit ?? 'm³',
    cells.source ?? 'meter',
    cells.comment ?? '',
  ].join(',');

describe('CSV fields have length caps', () => {
  it.each([
    [
      'a 10,001-character comment',
      row({ comment: 'x'.repeat(10_001) }),
      'comment',
      /longer than 10000 characters/,
    ],
    [
      'a 10,001-character source',
      row({ source: 's'.repeat(10_001) }),
      'source',
      /longer than 10000 characters/,
    ],
    [
      'a 201-character id',
      row({ id: 'i'.repeat(201) }),
      'id',
      /201 characters long; the limit for id is 200/,
    ],
    [
      'a 201-character unit',
      row({ unit: 'm'.repeat(201) }),
      'unit',
      /201 characters long; the limit for unit is 200/,
    ],
  ])('refuses %s, naming file, row and column, and stores nothing', async (_what, line, column, reason) => {
    const p = csv('long.csv', `${HEADER}\n${row({})}\n${line}\n`);
    const before = await t.snapshot();
    const r = await load(p);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({ file: 'long.csv', row: 3, column, reason: expect.stringMatching(reason) }),
      );
    expect(await t.snapshot()).toEqual(before);
  });

  it('stops reading a field at the cap: a 5 MB quoted field is refused by its line and column', async () => {
    const p = csv('huge.csv', `${HEADER}\n${row({})}\n${row({ comment: `"${'y\n'.repeat(2_500_000)}"` })}\n`);
    const r = await load(p);
    expect(r).toMatchObject({
      ok: false,
      issues: [
        { file: 'huge.csv', row: 3, column: 'comment', reason: expect.stringMatching(/longer than 10000/) },
      ],
    });
  });

  it('refuses a record with more fields than the cap', async () => {
    const p = csv('wide.csv', `${HEADER}\n${row({})}${','.repeat(5000)}\n`);
    expect(await load(p)).toMatchObject({
      ok: false,
      issues: [{ file: 'wide.csv', row: 2, reason: expect.stringMatching(/more than 1000 fields/) }],
    });
  });

  it('caps the fields of a bundle folder’s tables too', async () => {
    const b = join(dir, 'bundle');
    cpSync(MINIMAL, b, { recursive: true });
    writeFileSync(
      join(b, 'data-points.csv'),
      `entity,period,indicator,value,unit,source,comment\nsmelter,2025,water.recycled,1,m³,meter,${'z'.repeat(10_001)}\n`,
    );
    const v = await loadBundle(b);
    expect(v).toMatchObject({
      ok: false,
      issues: [
        expect.objectContaining({
          file: 'data-points.csv',
          row: 2,
          reason: expect.stringMatching(
            /column comment: 10001 characters long; the limit for comment is 10000/,
          ),
        }),
      ],
    });
  });
});

describe('csvRecords caps', () => {
  async function read(text: string, size: number) {
    async function* chunks() {
      for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
    }
    const out = [];
    for await (const b of csvRecords(chunks(), { maxFieldChars: 10, maxFields: 3, maxRecordChars: 25 }))
      out.push(...b);
    return out;
  }

  it('accepts fields at the cap and refuses one character more, however the text is chunked', async () => {
    for (const size of [1, 3, 64]) {
      expect(await read('a,0123456789\n"0123456789",b\n', size)).toHaveLength(2);
      await expect(read('a,b\nc,01234567890\n', size)).rejects.toMatchObject({
        code: 'CSV_FIELD_TOO_LONG',
        lines: 2,
        field: 2,
      });
      await expect(read('a,"012345\n67890"\n', size)).rejects.toMatchObject({
        code: 'CSV_FIELD_TOO_LONG',
        lines: 1,
      });
      await expect(read('a,b,c,d\n', size)).rejects.toMatchObject({ code: 'CSV_TOO_MANY_FIELDS', lines: 1 });
      await expect(read('0123456789,0123456789,0123456789\n', size)).rejects.toMatchObject({
        code: 'CSV_RECORD_TOO_LONG',
      });
    }
  });
});
