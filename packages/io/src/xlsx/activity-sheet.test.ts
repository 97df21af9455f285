/**
 * The entry template's activity-lines sheet (issue #17) against a real PostgreSQL store holding
 * examples/minimal: the sheet holds the entity's lines of the period with their ids, bilingual
 * headers and drop-downs from the catalogue and the bundle; filled in and imported through the
 * store's all-or-nothing import it adds and revises lines with exact decimals; importing it
 * again changes nothing; a bad cell is named by sheet, row and column and nothing is stored.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIVITY_TYPES, type Bundle, standardCatalogue } from '@assay/core';
import { importFacts, readBundle } from '@assay/store';
import { minimalStore, type TestStore, WHO } from '@assay/store/testing';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle-folder.js';
import { ACTIVITY_COLUMNS, ACTIVITY_SHEET, LISTS_SHEET, periodsWithin } from './activity-sheet-layout.js';
import { buildTemplate } from './build-template.js';
import { excel } from './exceljs.js';
import { readFactsXlsx } from './read-template.js';
import { META_SHEET } from './template-layout.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-activity-sheet-'));
let t: TestStore;
let bundle: Bundle;
beforeAll(async () => {
  t = await minimalStore();
  const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
  if (!loaded.ok) throw new Error('examples/minimal should load');
  bundle = loaded.bundle;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const col = (key: string) => ACTIVITY_COLUMNS.findIndex((c) => c.key === key) + 1;

function template(
  entityId = 'smelter',
  periodId = '2025',
  templateId = 'feed01',
  from: Bundle = bundle,
): ExcelJS.Workbook {
  const entity = from.organisation.entities.find((e) => e.id === entityId);
  if (!entity) throw new Error(entityId);
  return buildTemplate({
    entity,
    periodId,
    catalogue: standardCatalogue(),
    entities: from.organisation.entities,
    activityLines: from.activityLines,
    templateId,
  });
}

/** The store's current bundle: a template made now holds the lines as stored. */
async function stored(): Promise<Bundle> {
  const read = await readBundle(t.store);
  if (!read.ok) throw new Error('the store should read');
  return read.bundle;
}

function sheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(ACTIVITY_SHEET);
  if (!ws) throw new Error('no activity-lines sheet');
  return ws;
}

/** Write values into row `n` of the activity sheet, by column key. */
function fill(wb: ExcelJS.Workbook, n: number, cells: Record<string, ExcelJS.CellValue>): void {
  for (const [key, v] of Object.entries(cells)) sheet(wb).getRow(n).getCell(col(key)).value = v;
}

/** The row of a stored line in the template, by its id. */
function rowOf(wb: ExcelJS.Workbook, id: string): number {
  let found = 0;
  sheet(wb).eachRow((row, n) => {
    if (row.getCell(col('id')).value === id) found = n;
  });
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const load = (path: string) =>
  importFacts(t.store, () => readFactsXlsx(path, t.ctx), { ...WHO, subject: path });

const storedLines = () =>
  t.store.query<{ id: string; entity: string; period: string; amount: string; unit: string; rev: number }>(
    `select fact_key as id, entity_id as entity, period_id as period, amount::text as amount, unit, rev
     from activity_line_current order by fact_key`,
  );

describe('the activity-lines sheet of the entry template', () => {
  it('holds the entity’s lines of the period with their ids, bilingual headers and drop-downs', async () => {
    const wb = template();
    const ws = sheet(wb);
    expect(ws.getRow(1).getCell(col('amount')).value).toBe('數量 Amount\namount');
    expect(ws.getRow(1).getCell(col('activity')).value).toBe('活動類型 Activity\nactivity');
    const ids: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('id')).value) ids.push(row.getCell(col('id')).value);
    });
    // The smelter's four lines of 2025; the mine's e2 is not the smelter's.
    expect(ids).toEqual(['d1', 'g1', 'c1', 'e1']);
    const d1 = ws.getRow(rowOf(wb, 'd1'));
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((c) => d1.getCell(c).value)).toEqual([
      'smelter',
      '2025',
      'fuel',
      'diesel',
      'combustion',
      100,
      't',
      'fuel invoices',
    ]);
    const lists = wb.getWorksheet(LISTS_SHEET);
    expect(lists?.state).toBe('veryHidden');
    const column = (c: number) => (lists?.getColumn(c).values ?? []).filter((v) => v !== undefined);
    expect(column(2)).toEqual(periodsWithin('2025'));
    expect(column(2)).toContain('2025-01');
    expect(column(3)).toEqual([...ACTIVITY_TYPES]);
    expect(column(5)).toEqual(expect.arrayContaining(['t', '10⁴ m³', 'MWh', 'GJ', 'tce']));
    expect(column(6)).toEqual(expect.arrayContaining(['diesel', 'natural-gas', 'coke']));
    // Validations are set by range; exceljs reads them back cell by cell.
    const back = new (excel().Workbook)();
    await back.xlsx.readFile(await save(wb, 'layout.xlsx'));
    const cell = (key: string) =>
      back.getWorksheet(ACTIVITY_SHEET)?.getRow(200).getCell(col(key)).dataValidation;
    // One list row per activity type (14 with carbon-balance, issue #24).
    expect(cell('activity')).toMatchObject({
      type: 'list',
      formulae: [`'_lists'!$C$1:$C$${ACTIVITY_TYPES.length}`],
    });
    expect(cell('unit')).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^'_lists'!\$E\$1:\$E\$\d+$/)],
    });
    expect(cell('amount')).toMatchObject({ type: 'decimal', formulae: [0, 1e15] });
    expect(wb.getWorksheet(META_SHEET)?.getRow(4).values).toEqual([undefined, 'template', 'feed01']);
  });

  it('a template of the group holds every entity’s lines, a month template only that month’s', () => {
    const ids = (wb: ExcelJS.Workbook) => {
      const out: unknown[] = [];
      sheet(wb).eachRow((row, n) => {
        if (n > 1 && row.getCell(col('id')).value) out.push(row.getCell(col('id')).value);
      });
      return out;
    };
    expect(ids(template('group'))).toEqual(['d1', 'g1', 'c1', 'e1', 'e2']);
    expect(ids(template('smelter', '2025-01'))).toEqual([]);
    expect(periodsWithin('2025-Q2')).toEqual(['2025-Q2', '2025-04', '2025-05', '2025-06']);
  });

  it('round trip: new monthly lines and a corrected one, stored with exact decimals; again, nothing changes', async () => {
    const wb = template();
    const blank = sheet(wb).rowCount + 1; // the first empty row below the stored lines
    fill(wb, blank, {
      period: '2025-01',
      activity: 'fuel',
      subject: 'diesel',
      use: 'combustion',
      amount: '12345.678901234567890123', // typed as text: every digit kept
      unit: 't',
      source: '一月柴油發票 January diesel invoices',
      comment: '=not a formula',
    });
    fill(wb, blank + 1, {
      entity: 'smelter',
      period: '2025-02',
      activity: 'electricity-purchased',
      subject: 'grid',
      amount: 0.1,
      unit: 'MWh',
      source: 'electricity bill',
    });
    fill(wb, rowOf(wb, 'd1'), { amount: 101.25 });
    const path = await save(wb, 'round-trip.xlsx');
    expect(await load(path)).toMatchObject({
      ok: true,
      changed: true,
      counts: { activityLines: { added: 2, revised: 1 } },
    });
    const lines = await storedLines();
    expect(lines).toEqual(
      expect.arrayContaining([
        { id: 'd1', entity: 'smelter', period: '2025', amount: '101.25', unit: 't', rev: 2 },
        {
          id: `al-x-feed01-${String(blank).padStart(7, '0')}`,
          entity: 'smelter',
          period: '2025-01',
          amount: '12345.678901234567890123',
          unit: 't',
          rev: 1,
        },
        {
          id: `al-x-feed01-${String(blank + 1).padStart(7, '0')}`,
          entity: 'smelter',
          period: '2025-02',
          amount: '0.1',
          unit: 'MWh',
          rev: 1,
        },
      ]),
    );
    const [comment] = await t.store.query<{ comment: string; source: string }>(
      `select comment, source from activity_line_current where period_id = '2025-01'`,
    );
    expect(comment).toEqual({ comment: '=not a formula', source: '一月柴油發票 January diesel invoices' });
    // The same workbook again: every line as stored, nothing added, no change set.
    const before = await t.snapshot();
    expect(await load(path)).toMatchObject({ ok: true, changed: false });
    expect(await t.snapshot()).toEqual(before);
    // A template downloaded now holds the new lines with their ids; imported unchanged, it adds nothing.
    const now = await stored();
    const fresh = await save(template('smelter', '2025', 'feed02', now), 'fresh.xlsx');
    expect(await load(fresh)).toMatchObject({ ok: true, changed: false });
    expect(await t.snapshot()).toEqual(before);
  });

  it('reads a period Excel turned into a date as its month', async () => {
    const wb = template('smelter', '2025', 'feed03');
    const n = sheet(wb).rowCount + 1;
    // What Excel does with "2025-03" typed into a cell formatted as a date (not as text).
    sheet(wb).getRow(n).getCell(col('period')).numFmt = 'mmm-yy';
    fill(wb, n, {
      period: new Date(Date.UTC(2025, 2, 1)),
      activity: 'fuel',
      subject: 'natural-gas',
      amount: 7,
      unit: '10⁴ m³',
      source: 'gas meter',
    });
    const slices = [];
    for await (const s of readFactsXlsx(await save(wb, 'date.xlsx'), t.ctx)) slices.push(s);
    const lines = slices.flatMap((s) => s.activityLines);
    expect(lines.find((l) => l.periodId === '2025-03')).toMatchObject({
      subject: 'natural-gas',
      use: 'unspecified',
    });
  });

  it('names each bad cell by sheet, row and column, and stores nothing', async () => {
    const wb = template('smelter', '2025', 'feed04');
    const n = sheet(wb).rowCount + 1;
    const line = {
      period: '2025-04',
      activity: 'fuel',
      subject: 'diesel',
      amount: 1,
      unit: 't',
      source: 'invoice',
    };
    fill(wb, n, { ...line, amount: 'lots' });
    fill(wb, n + 1, { ...line, activity: 'coal-burning' });
    fill(wb, n + 2, { ...line, period: '2024-12' });
    fill(wb, n + 3, { ...line, entity: 'mine' });
    fill(wb, n + 4, { ...line, amount: { formula: '1+1', result: 2 } });
    fill(wb, n + 5, { ...line, amount: -3 });
    fill(wb, n + 6, { ...line, unit: 'parsecs' });
    fill(wb, n + 7, { ...line, id: 'd1' }); // a copied row that kept its id
    const before = await t.snapshot();
    const r = await load(await save(wb, 'bad.xlsx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (row: number, column: string, reason: RegExp) =>
      expect.objectContaining({
        file: 'bad.xlsx',
        sheet: ACTIVITY_SHEET,
        row,
        column,
        reason: expect.stringMatching(reason),
      });
    expect(r.issues).toEqual(
      expect.arrayContaining([
        at(n, 'amount (F)', /not a number|lots/),
        at(n + 1, 'activity (C)', /unknown activity "coal-burning"/),
        at(n + 2, 'period (B)', /outside 2025/),
        at(n + 3, 'entity (A)', /not smelter or an entity below it/),
        at(n + 4, 'amount (F)', /formulas are not accepted/),
        at(n + 5, 'amount (F)', /below zero/),
        at(n + 6, 'unit (G)', /parsecs/),
        at(n + 7, 'id (L)', /duplicate id "d1"/),
      ]),
    );
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a sheet whose id column was taken out (every stored line would be added again)', async () => {
    const wb = template('smelter', '2025', 'feed05');
    sheet(wb).spliceColumns(col('id'), 1);
    const before = await t.snapshot();
    expect(await load(await save(wb, 'no-id.xlsx'))).toMatchObject({
      ok: false,
      issues: [
        expect.objectContaining({
          sheet: ACTIVITY_SHEET,
          row: 1,
          reason: expect.stringMatching(/"id" column/),
        }),
      ],
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('an untouched template, read back by exceljs, adds nothing', async () => {
    const wb = new (excel().Workbook)();
    await wb.xlsx.readFile(await save(template('group', '2025', 'feed06', await stored()), 'untouched.xlsx'));
    const before = await t.snapshot();
    expect(await load(await save(wb, 'untouched-again.xlsx'))).toMatchObject({ ok: true, changed: false });
    expect(await t.snapshot()).toEqual(before);
  });
});
