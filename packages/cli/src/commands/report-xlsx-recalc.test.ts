/**
 * The XLSX data pack's Calculations sheet recalculates to Assay's figures in a real spreadsheet:
 * `assay report` writes the reference dataset's pack (examples/xinxin-2025), LibreOffice Calc
 * (headless, private profile set to recalculate every formula on load) opens and re-saves it,
 * and every recalculated cell is compared with Assay's exact value: report figures after
 * rounding both half-up to the figure's precision (as printed), every node to 9 significant
 * digits (spreadsheets compute in binary doubles). exceljs writes formulas without cached
 * results, so each value read back was computed by LibreOffice.
 * Needs libreoffice-calc (scripts/ensure-system-packages.sh).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Decimal, evaluateBundle, formatFixed } from '@assay/core';
import { loadBundle, parseCsvTable } from '@assay/io';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..', '..');
const xinxin = join(root, 'examples/xinxin-2025');
const dir = mkdtempSync(join(tmpdir(), 'assay-recalc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** LibreOffice profile that recalculates OOXML formulas on load instead of trusting cached values. */
function writeProfile(profile: string): void {
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
}

type Cell = { id: string; formula: string | undefined; value: number | undefined };
type Recalculated = { id: string; formula: string | undefined; text: string | undefined };
async function calculations(file: string): Promise<Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Calculations');
  if (!ws) throw new Error(`${file} has no Calculations sheet`);
  const out: Cell[] = [];
  ws.eachRow((r, i) => {
    if (i === 1) return;
    const v = r.getCell(5).value;
    const isFormula = typeof v === 'object' && v !== null && 'formula' in v;
    const value = isFormula ? (v as { result?: unknown }).result : v;
    out.push({
      id: String(r.getCell(1).value),
      formula: isFormula ? String((v as { formula: string }).formula) : undefined,
      value: typeof value === 'number' ? value : undefined,
    });
  });
  return out;
}

describe('XLSX Calculations sheet recalculated by LibreOffice (xinxin-2025)', () => {
  it('gives Assay’s figures, rounded as printed, and every node to 9 significant digits', async () => {
    const out = join(dir, 'out');
    const io = { out: () => {}, err: (t: string) => console.error(t) };
    expect(await main(['report', xinxin, '--out', out, '--lang', 'en', '--format', 'xlsx'], io)).toBe(0);
    const written = await calculations(join(out, 'report.en.xlsx'));
    // LibreOffice gets a copy without the cached results, so the values it gives are its own.
    const uncached = join(out, 'report.en.xlsx');
    {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(uncached);
      wb.eachSheet((ws) =>
        ws.eachRow((r) =>
          r.eachCell((c) => {
            const v = c.value;
            if (typeof v === 'object' && v !== null && 'formula' in v) c.value = { formula: v.formula };
          }),
        ),
      );
      await wb.xlsx.writeFile(uncached);
      expect(
        (await calculations(uncached)).filter((c) => c.value !== undefined && c.formula !== undefined),
      ).toEqual([]);
    }

    const profile = join(dir, 'lo-profile');
    writeProfile(profile);
    const recalc = join(dir, 'recalc');
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--calc',
        '--convert-to',
        // CSV filter: comma, double quote, UTF-8, from line 1, standard columns, language 0,
        // text unquoted, detect numbers, values at full precision (not as shown), no formulas,
        // keep spaces, no BOM; -1 = every sheet to its own file <name>-<sheet>.csv.
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        recalc,
        uncached,
      ],
      { timeout: 120_000 },
    );
    const csvFile = join(recalc, 'report.en-Calculations.csv');
    const table = parseCsvTable(csvFile, readFileSync(csvFile, 'utf8'));
    expect(table.rows.length).toBe(written.length);
    const cells: Recalculated[] = table.rows.map((r, i) => {
      const [id = '', , , , value = ''] = r.cells;
      expect(id).toBe(written[i]?.id);
      return { id, formula: written[i]?.formula, text: value === '' ? undefined : value };
    });

    const loaded = await loadBundle(xinxin);
    if (!loaded.ok) throw new Error('xinxin-2025 does not load');
    const { graph, figures } = evaluateBundle(loaded.bundle);
    const precision = new Map(figures.map((f) => [f.id, f.precision]));
    const sig = (d: Decimal) => d.toSignificantDigits(9, Decimal.ROUND_HALF_UP).toString();
    // Every formula carries Assay's value as its cached result (previewers show numbers; issue
    // #19). exceljs reads a cached 0 back as no result (the file holds <v>0</v>), so a formula
    // read without one must be a zero.
    const uncachedNonZero = written.filter((c) => {
      const v = graph.value(c.id);
      return (
        c.formula !== undefined && c.value === undefined && !(v?.kind === 'quantity' && v.value.isZero())
      );
    });
    expect(uncachedNonZero).toEqual([]);
    const cachedWrong = written.filter((c) => {
      const v = graph.value(c.id);
      return c.value !== undefined && v?.kind === 'quantity' && c.value !== Number(v.value.toString());
    });
    expect(cachedWrong).toEqual([]);

    const nodeMismatches: string[] = [];
    const figureMismatches: string[] = [];
    let formulas = 0;
    let printed = 0;
    for (const c of cells) {
      const v = graph.value(c.id);
      if (v?.kind !== 'quantity') throw new Error(`${c.id}: no Assay value`);
      if (c.text === undefined) {
        nodeMismatches.push(`${c.id}: LibreOffice gave no value for ${c.formula}`);
        continue;
      }
      if (c.formula !== undefined) formulas++;
      const lo = new Decimal(c.text);
      if (!v.value.isZero() && sig(lo) !== sig(v.value))
        nodeMismatches.push(`${c.id}: LibreOffice ${sig(lo)}, Assay ${sig(v.value)} (${c.formula})`);
      if (v.value.isZero() && !lo.abs().lt('1e-9'))
        nodeMismatches.push(`${c.id}: LibreOffice ${lo}, Assay 0`);
      const places = precision.get(c.id);
      if (places !== undefined && c.formula !== undefined) {
        printed++;
        if (formatFixed(lo, places) !== formatFixed(v.value, places))
          figureMismatches.push(`${c.id}: ${formatFixed(lo, places)} ≠ ${formatFixed(v.value, places)}`);
      }
    }
    expect(nodeMismatches).toEqual([]);
    expect(figureMismatches).toEqual([]);
    // The reference pack has hundreds of nodes and dozens of derived report figures.
    expect(formulas).toBeGreaterThan(100);
    expect(printed).toBeGreaterThan(30);
  }, 150_000);
});
