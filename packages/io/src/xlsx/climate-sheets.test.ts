/**
 * The climate register's workbooks (climate-sheets.ts; issue #18): the demo's risks, scales,
 * screening and B5 practices written and read back unchanged (lists, whole numbers, flags,
 * optional texts and amounts), and a sheet with a bad cell refused whole, naming row and column.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle-folder.js';
import {
  climateRisksSheet,
  climateScalesSheet,
  hazardScreeningSheet,
  supplierPracticesSheet,
} from './climate-sheets.js';
import { type RowSheetSpec, readRowSheet, rowSheetWorkbook } from './row-sheet.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025'));
if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
const r = loaded.bundle.registers;
const rules = {
  entityIds: new Set(loaded.bundle.organisation.entities.map((e) => e.id)),
  scales: r.climateScales ?? [],
};
const dir = await mkdtemp(join(tmpdir(), 'assay-climate-sheets-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function roundTrip<T extends { id: string }>(spec: RowSheetSpec<T>, rows: readonly T[], name: string) {
  const path = join(dir, name);
  await writeFile(path, await rowSheetWorkbook(spec, rows));
  return readRowSheet(spec, path, name);
}

describe('climate register workbooks', () => {
  it('write and read back the demo rows unchanged', async () => {
    const cases: [string, RowSheetSpec<{ id: string }>, readonly { id: string }[]][] = [
      ['risks.xlsx', climateRisksSheet(rules) as never, r.climateRisks],
      ['scales.xlsx', climateScalesSheet() as never, r.climateScales ?? []],
      ['screening.xlsx', hazardScreeningSheet(rules) as never, r.hazardScreening ?? []],
      ['practices.xlsx', supplierPracticesSheet() as never, r.supplierPractices ?? []],
    ];
    for (const [name, spec, rows] of cases) {
      expect(rows.length, name).toBeGreaterThan(0);
      const back = await roundTrip(spec, rows, name);
      expect(back.ok ? back.rows : back.issues, name).toEqual(rows);
    }
  });

  it('refuses a file with a bad row whole, naming row and column', async () => {
    const rows = [
      ...(r.hazardScreening ?? []).slice(0, 2),
      { id: 'bad', entityId: 'nowhere', hazard: 'flood' as const, score: 9 },
    ];
    const back = await roundTrip(hazardScreeningSheet(rules), rows, 'bad.xlsx');
    expect(back.ok ? [] : back.issues.map((i) => [i.row, i.column])).toEqual([
      [4, 'entityId (B)'],
      [4, 'score (D)'],
    ]);
  });
});
