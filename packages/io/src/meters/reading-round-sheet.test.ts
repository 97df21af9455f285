/** The manual reading round workbook: built, filled, read back; bad rows named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { excel } from '../xlsx/exceljs.js';
import { readingRoundWorkbook, readReadingRoundXlsx } from './reading-round-sheet.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-round-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function filled(rows: [string, string, string][]): Promise<string> {
  const wb = new (excel().Workbook)();
  await wb.xlsx.load((await readingRoundWorkbook(['m1', 'm2'])) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('readings');
  if (!ws) throw new Error('no sheet');
  rows.forEach(([m, t, v], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = m;
    row.getCell(2).value = t;
    row.getCell(3).value = v;
    row.commit();
  });
  const p = join(dir, `${Math.abs(rows.length * 7 + rows.flat().join('').length)}-${rows.length}.xlsx`);
  writeFileSync(p, new Uint8Array(await wb.xlsx.writeBuffer()));
  return p;
}

describe('reading round workbook', () => {
  it('reads a filled round', async () => {
    const p = await filled([
      ['m1', '2025-01-31T09:00:00+08:00', '1234.5'],
      ['m2', '2025-01-31T09:10:00+08:00', '77'],
    ]);
    const r = await readReadingRoundXlsx(p, 'round.xlsx', new Set(['m1', 'm2']));
    expect(r.ok && r.rows.map((x) => [x.meterId, x.value, x.offsetMinutes])).toEqual([
      ['m1', '1234.5', 480],
      ['m2', '77', 480],
    ]);
  });
  it('names every bad row and reads nothing', async () => {
    const p = await filled([
      ['m1', '2025-01-31 09:00', '1234.5'],
      ['m3', '2025-01-31T09:10:00+08:00', '1,000'],
      ['m1', '2025-01-31T09:00:00+08:00', '5'],
      ['m1', '2025-01-31T09:00:00+08:00', '6'],
    ]);
    const r = await readReadingRoundXlsx(p, 'round.xlsx', new Set(['m1', 'm2']));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.row}:${i.column ?? ''}`)).toEqual([
      '2:timestamp (B)',
      '3:meter (A)',
      '3:reading (C)',
      '5:',
    ]);
    // the same meter and time twice: the row is named with the row it repeats (the pair has no one column)
    expect(r.issues[3]?.reason).toBe('"m1 @ 2025-01-31T09:00:00+08:00" is also in row 4');
  });
});
