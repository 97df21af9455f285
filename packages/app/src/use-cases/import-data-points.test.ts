/**
 * The API's data-point import reads CSV with io's reader (read-import-file.ts), as `assay import`
 * does: the one id rule for rows without an id, the export's formula guard undone, the valid rows
 * of a file with bad rows still previewed, and whole-file problems refused. Real files: the
 * examples/minimal bundle in a MemoryWorkspace.
 */
import { join } from 'node:path';
import type { DataPoint } from '@assay/core';
import { dataPointId, loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { exportDataPoints } from './export-data-points.js';
import { applyImport, previewImport } from './import-data-points.js';

const minimal = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
const loaded = await loadBundle(minimal);
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const fresh = () => new MemoryWorkspace(bundle, () => '2026-01-01T00:00:00Z');
const HEADER = 'entity,period,indicator,disaggregation,value,unit,source';

describe('CSV import through io’s reader', () => {
  it('a new row without an id gets the id derived from its key, and keeps it on the next import', async () => {
    const ws = fresh();
    const csv = `${HEADER}\nmine,2024,revenue,,900,CNY million,ledger\n`;
    const derived = dataPointId({
      entityId: 'mine',
      periodId: '2024',
      indicatorId: 'revenue',
      disaggregation: {},
    } as DataPoint);
    const first = await previewImport(ws, { file: 'a.csv', csv });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.rows.map((r) => [r.action, r.id])).toEqual([['add', derived]]);
    const applied = await applyImport({
      ws,
      source: { file: 'a.csv', csv },
      version: first.value.workspaceVersion,
      reason: 'r',
      author: 'a',
    });
    expect(applied.ok).toBe(true);
    // the same row under another name, on another line: the same fact, unchanged
    const again = await previewImport(ws, {
      file: 'b.csv',
      csv: `${HEADER}\ngroup,2025,revenue,,1000,CNY million,finance ledger\nmine,2024,revenue,,900,CNY million,ledger\n`,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.rows.map((r) => [r.action, r.id])).toEqual([
      ['unchanged', 'rev-25'],
      ['unchanged', derived],
    ]);
  });

  it('a generated id that another data point carries is a row error on column id, not a new id', async () => {
    const ws = fresh();
    const key = { entityId: 'mine', periodId: '2024', indicatorId: 'revenue', disaggregation: {} };
    const taken = dataPointId(key as DataPoint);
    // another fact given that id explicitly first
    const first = `id,${HEADER}\n${taken},smelter,2024,revenue,,5,CNY million,ledger\n`;
    const p = await previewImport(ws, { file: 'a.csv', csv: first });
    if (!p.ok) throw new Error(p.error.message);
    expect(
      (
        await applyImport({
          ws,
          source: { file: 'a.csv', csv: first },
          version: p.value.workspaceVersion,
          reason: 'r',
          author: 'a',
        })
      ).ok,
    ).toBe(true);
    const r = await previewImport(ws, {
      file: 'b.csv',
      csv: `${HEADER}\nmine,2024,revenue,,900,CNY million,ledger\n`,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows).toEqual([]);
    expect(r.value.issues).toEqual([
      expect.objectContaining({
        file: 'b.csv',
        row: 2,
        column: 'id',
        reason: expect.stringContaining(taken),
      }),
    ]);
  });

  it('an exported CSV imports back unchanged, formula-like text included', async () => {
    const ws = fresh();
    const written = await ws.writeDataPoints(
      [
        {
          dataPoint: {
            ...(bundle.dataPoints.find((d) => d.id === 'rev-25') as DataPoint),
            source: '=HYPERLINK("x")',
          },
          expectedVersion: 1,
        },
      ],
      'test',
      'a',
    );
    expect(written.ok).toBe(true);
    const csv = exportDataPoints(ws.snapshot().bundle);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const p = await previewImport(ws, { file: 'data-points.csv', csv });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.issues).toEqual([]);
    expect(p.value.summary).toMatchObject({ add: 0, change: 0, errors: 0 });
  });

  it('previews the valid rows of a file with a bad row, with the row error by row and column', async () => {
    const csv = `${HEADER}\ngroup,2025,revenue,,1234,CNY million,ledger\nnowhere,2025,revenue,,1,CNY million,ledger\nmine,2025,revenue,,7,CNY million,ledger\n`;
    const p = await previewImport(fresh(), { file: 'mixed.csv', csv });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'change'],
      [4, 'add'],
    ]);
    expect(p.value.issues.map((i) => [i.file, i.row, i.column])).toEqual([['mixed.csv', 3, 'entity']]);
  });

  it('refuses an empty file, a header without rows, and an activity-lines table (422 invalid-data)', async () => {
    const ws = fresh();
    for (const [csv, message] of [
      ['', /empty/],
      [`${HEADER}\n`, /no data rows/],
      [
        'id,entity,period,activity,subject,use,amount,unit,attributes,source\nx1,smelter,2025,fuel,diesel,combustion,1,t,,inv\n',
        /activity-lines table/,
      ],
    ] as const) {
      const p = await previewImport(ws, { file: 'f.csv', csv });
      expect(p.ok).toBe(false);
      if (!p.ok) {
        expect(p.error.code).toBe('invalid-data');
        expect(p.error.message).toMatch(message);
      }
    }
  });
});
