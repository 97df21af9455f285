/**
 * The targets workbook (issue #18): export then import gives the same targets (exact decimals,
 * milestones, optional fields absent, a formula-like name kept as text); a bad file gives no
 * targets and names every problem by sheet, row and column; repeated ids are refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standardCatalogue, type Target } from '@assay/core';
import { describe, expect, it } from 'vitest';
import { excel } from './exceljs.js';
import { readTargetsXlsx, TARGETS_SHEET, targetsWorkbook } from './targets-sheet.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-targets-'));
const rules = {
  entityIds: new Set(['group', 'smelter']),
  catalogue: new Map(standardCatalogue().map((i) => [i.id, i])),
};
const targets: Target[] = [
  {
    id: 'scope1-cut',
    name: { en: '=Cut Scope 1 by 40%', 'zh-Hant': '範圍一排放減少40%' },
    indicatorId: 'ghg.scope1',
    entityId: 'smelter',
    comparator: 'max',
    baseYear: '2020',
    baseValue: '12345.678900',
    value: '7407.4073',
    unit: 'tCO2e',
    targetYear: '2030',
    milestones: [
      { year: '2023', value: '11000' },
      { year: '2025', value: '0.1' },
    ],
    source: 'board resolution 2021-04',
  },
  { id: 'qualitative', name: { en: 'Lower energy intensity', 'zh-Hant': '降低能源強度' } },
];

const save = (name: string, bytes: Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

describe('targets workbook', () => {
  it('round-trips: export, import, the same targets', async () => {
    const path = save('t.xlsx', await targetsWorkbook(targets));
    expect(await readTargetsXlsx(path, 't.xlsx', rules)).toEqual({ ok: true, targets });
  });

  it('gives no targets and names sheet, row and column of every problem', async () => {
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(Buffer.from(await targetsWorkbook(targets)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TARGETS_SHEET);
    if (!ws) throw new Error('no sheet');
    ws.getCell('E2').value = 'mars'; // entityId
    ws.getCell('I2').value = '1,000'; // value
    ws.getCell('L2').value = '2023:5'; // milestones
    ws.addRow(['scope1-cut', 'Again', '再次']);
    ws.getCell('K3').value = { formula: '2020+10' } as never; // targetYear of row 3
    const path = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(path);
    const out = await readTargetsXlsx(path, 'bad.xlsx', rules);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues.map((i) => `${i.sheet} ${i.row} ${i.column}: ${i.reason}`)).toEqual([
      'targets 2 milestones (L): "2023:5" is not year=value',
      'targets 2 entityId (E): entityId: unknown entity "mars"',
      expect.stringMatching(/^targets 2 value \(I\): value: "1,000" contains a comma/),
      expect.stringMatching(/^targets 3 targetYear \(K\): formulas are not accepted/),
      'targets 4 id (A): target "scope1-cut" is also in row 2',
    ]);
  });

  it('refuses a workbook without the targets sheet and a file that is not a workbook', async () => {
    const wb = new (excel().Workbook)();
    wb.addWorksheet('other');
    const path = save('other.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await readTargetsXlsx(path, 'other.xlsx', rules)).toMatchObject({
      ok: false,
      issues: [{ reason: expect.stringContaining('no sheet "targets"') }],
    });
    const junk = save('junk.xlsx', new TextEncoder().encode('not a zip'));
    expect((await readTargetsXlsx(junk, 'junk.xlsx', rules)).ok).toBe(false);
  });
});
