/**
 * Errors the API gives for bad uploads and for its own faults (issue #14, item 12): an upload
 * name that is not a file name is a 400 naming the field; a workbook the reader cannot read, or
 * that is not the entry template, is named with what the API needs and no library text; an
 * unexpected fault is a 500 with an id, its detail in the server log only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkspace, StoreWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
// io's hand-made ZIP writer (a test helper, not exported by the package)
import { buildZip } from '@assay/io/testing';
import { migrate, openPgliteStore } from '@assay/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;

let plainXlsx: string;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = 'revenue';
  plainXlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
});

const upload = (app: ReturnType<typeof createApp>, body: Record<string, unknown>) =>
  app.request('/api/import/data-points', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

type ErrorBody = { error: { code: string; message: string; field?: string; id?: string } };

describe('upload names', () => {
  it('refuses a name that is not a file name with a 400 naming the field, for XLSX and CSV', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(bundle) });
    for (const file of [
      '..',
      '.',
      '/',
      'a/b.xlsx',
      'a\\b.xlsx',
      'a\u0000b.xlsx',
      'a\nb.xlsx',
      '',
      'x'.repeat(201),
    ]) {
      for (const content of [{ xlsxBase64: plainXlsx }, { csv: 'entity,period\n' }]) {
        const r = await upload(app, { file, ...content });
        expect(r.status, JSON.stringify(file)).toBe(400);
        const body = (await r.json()) as ErrorBody;
        expect(body.error).toMatchObject({ code: 'invalid-request', field: 'file' });
        expect(body.error.message).toMatch(/^file: /);
      }
    }
  });
  it('refuses a name over 255 bytes of UTF-8 (a file-name limit) though under 200 characters', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(bundle) });
    const r = await upload(app, { file: `${'數'.repeat(120)}.xlsx`, xlsxBase64: plainXlsx });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({
      error: { field: 'file', message: expect.stringContaining('255 bytes') },
    });
  });
});

describe('workbooks the reader refuses', () => {
  it('says what the API needs, not command-line flags, for a workbook that is not the template', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(bundle) });
    const r = await upload(app, { file: 'mine.xlsx', xlsxBase64: plainXlsx });
    const text = JSON.stringify(await r.json());
    expect(text).toContain('mine.xlsx');
    expect(text).not.toMatch(/--entity|--period/);
    expect(text).toContain('/api/template/data-points.xlsx');
  });
  it('names the file and leaks no library message for a workbook that cannot be read', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(bundle) });
    // a worksheet entry that is not a worksheet: exceljs fails inside ("… (setting 'sheetNo')")
    const broken = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<nothing/>') },
    ]);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await upload(app, { file: 'broken.xlsx', xlsxBase64: broken.toString('base64') });
    errors.mockRestore();
    expect(r.status).toBeLessThan(500);
    const text = JSON.stringify(await r.json());
    expect(text).toContain('broken.xlsx');
    expect(text).not.toMatch(/Cannot set properties|sheetNo|undefined|at .*\.js/);
  });
});

describe('the XLSX template', () => {
  it('is a 400 naming the field for a period that is not a period id (found by the API fuzz: a NUL was a 500)', async () => {
    const app = createApp({ workspace: new MemoryWorkspace(bundle) });
    for (const period of ['%00', '2025%00', 'x'.repeat(300)]) {
      const r = await app.request(`/api/template/data-points.xlsx?entity=mine&period=${period}`);
      expect(r.status, period).toBe(400);
      expect(await r.json()).toMatchObject({ error: { code: 'invalid-request', field: 'period' } });
    }
    expect((await app.request('/api/template/data-points.xlsx?entity=mine&period=2025')).status).toBe(200);
  });
});

describe('over a PGlite store', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  it('refuses an explanation whose subject names nothing (found by the API fuzz: a 500 after the store had taken it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-explain-'));
    dirs.push(dir);
    const store = await openPgliteStore(dir);
    await migrate(store, '2026-01-01T00:00:00Z');
    const opened = await StoreWorkspace.open(store, bundle);
    if (!opened.ok) throw new Error(opened.reason);
    const ws = opened.workspace;
    const app = createApp({ workspace: ws });
    const explain = (subject: string) =>
      app.request(`/api/explanations/${encodeURIComponent(subject)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          text: { 'zh-Hant': '不適用', en: 'not applicable' },
          version: ws.snapshot().version,
        }),
      });
    const before = ws.snapshot().version;
    const r = await explain('group');
    expect(r.status).toBe(422);
    expect(await r.json()).toMatchObject({
      error: { code: 'invalid-data', field: 'subject', message: expect.stringContaining('"group"') },
    });
    expect(ws.snapshot().version).toBe(before);
    expect((await app.request('/api/explanations')).status).toBe(200);
    expect((await explain('hkex:A1.1')).status).toBe(200);
    await ws.close();
  });
  it('an unexpected fault is a 500 with an id and a generic message; the detail goes to the server log with the id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-fault-'));
    dirs.push(dir);
    const store = await openPgliteStore(dir);
    await migrate(store, '2026-01-01T00:00:00Z');
    const opened = await StoreWorkspace.open(store, bundle);
    if (!opened.ok) throw new Error(opened.reason);
    const app = createApp({ workspace: opened.workspace });
    await opened.workspace.close(); // the store is gone: reading history now fails inside
    const logged: unknown[][] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
      logged.push(a);
    });
    const r = await app.request('/api/data-points/rev-25/history');
    errors.mockRestore();
    expect(r.status).toBe(500);
    const body = (await r.json()) as ErrorBody;
    expect(body.error.code).toBe('internal');
    expect(body.error.id).toMatch(/^[0-9a-f]{8}$/);
    expect(body.error.message).toContain(body.error.id);
    expect(body.error.message).not.toMatch(/PGlite|closed|at .*\.js/i);
    expect(logged.some((args) => args.some((a) => String(a).includes(body.error.id ?? '?')))).toBe(true);
  });
});
