/**
 * XLSX import through the API: download the entry template, fill it as a preparer would, and
 * preview it (a change for the value entered, each bad cell named by sheet, row and column).
 */
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

// Template columns (io template-layout): indicator, name, disaggregation, value, unit, source…
const VALUE = 4;
const SOURCE = 6;

describe('importing the XLSX entry template', () => {
  it('previews the values entered and names each bad cell by sheet, row and column', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(loaded.bundle) });
    const template = await app.request('/api/template/data-points.xlsx?entity=group&period=2025');
    expect(template.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await template.arrayBuffer());
    for (const ws of wb.worksheets)
      ws.eachRow((row) => {
        const id = row.getCell(1).value;
        if (id === 'revenue') {
          row.getCell(VALUE).value = 1500;
          row.getCell(SOURCE).value = 'audited accounts';
        }
        if (id === 'water.recycled') {
          row.getCell(VALUE).value = 'about 80';
          row.getCell(SOURCE).value = 'ledger';
        }
      });
    const xlsxBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await app.request('/api/import/data-points', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'group-2025.xlsx', xlsxBase64 }),
    });
    expect(r.status).toBe(200);
    const p = (await r.json()) as {
      rows: {
        indicator: string;
        action: string;
        before: { value: string } | null;
        after: { value: string };
      }[];
      issues: { sheet?: string; row?: number; column?: string; reason: string }[];
    };
    expect(p.rows).toEqual([
      expect.objectContaining({
        indicator: 'revenue',
        action: 'change',
        before: expect.objectContaining({ value: '1000' }),
      }),
    ]);
    expect(p.issues).toEqual([
      expect.objectContaining({
        sheet: expect.any(String),
        row: expect.any(Number),
        column: expect.stringContaining('value'),
      }),
    ]);
  });
  it('refuses a body with both CSV and XLSX, naming the field', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(loaded.bundle) });
    const r = await app.request('/api/import/data-points', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ csv: 'a', xlsxBase64: 'YQ==' }),
    });
    expect(await r.json()).toMatchObject({ error: { code: 'invalid-request', field: 'csv' } });
  });
});
