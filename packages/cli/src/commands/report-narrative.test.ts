/**
 * Narrative bound to figures (issue #19; docs/report.md, "Narrative bound to figures"), on a copy
 * of the demo bundle (examples/xinxin-2025) through `assay report`:
 * - the demo's narrative has no unbound number and every placeholder resolves (checker);
 * - diesel changed in the copy moves every printed Scope 1 — narrative, tables and charts (SVG) of
 *   the HTML, the DOCX, the XLSX cells and the figure index (figures.json) — to the hand-computed
 *   value, the old value is printed nowhere, and the prior years' Scope 1 does not move;
 * - a placeholder naming an unknown figure prints a visible marker and is an error finding.
 *
 * Hand computation (factors as the bundle's graph uses them, `assay explain
 * 'ghg.scope1.by-fuel[fuel=diesel]@group/2025'`: NDRC 2015 NCV 42.652 GJ/t, carbon content
 * 0.0202 tC/GJ, oxidation 0.98, CO2/C 44/12). The demo's only diesel line is the group's
 * (diesel-2025, 1,699.95 t); the copy sets it to 1,799.95 t:
 *   diesel CO2 = 1,799.95 × 42.652 × 0.0202 × 0.98 × 44/12 = 5,572.482552 tCO2e
 *   Scope 1    = coke 85,679.297837 + natural gas 41,600.512685 + gasoline 6.113367
 *                + diesel 5,572.482552 = 132,858.406441 → printed 132,858.41 (was 132,548.82).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBundle } from '@assay/core';
import { loadBundle } from '@assay/io';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const demo = join(root, 'examples', 'xinxin-2025');
const dir = mkdtempSync(join(tmpdir(), 'assay-narrative-'));
const quiet = { out: () => {}, err: (t: string) => console.error(t) };

const OLD = '132,548.82';
const NEW = '132,858.41';

/** A copy of the demo with one file rewritten. */
function copyWith(name: string, file: string, edit: (text: string) => string): string {
  const to = join(dir, name);
  cpSync(demo, to, { recursive: true });
  const path = join(to, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, `${name}: the edit changes ${file}`).not.toBe(before);
  writeFileSync(path, after);
  return to;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('narrative placeholders on the demo', () => {
  it('the demo narrative has no unbound number and no unresolved placeholder', async () => {
    const loaded = await loadBundle(demo);
    if (!loaded.ok) throw new Error('demo should load');
    const found = checkBundle(loaded.bundle).findings.filter((f) => f.ruleId === 'narrative');
    expect(found.map((f) => f.message.en)).toEqual([]);
    expect(loaded.bundle.narrative.some((n) => n.body.en.includes('{{figure:ghg.scope1|unit}}'))).toBe(true);
  });

  it('diesel changed: every Scope 1 in HTML, DOCX and XLSX is the hand-computed value', async () => {
    const copy = copyWith('diesel', 'activity-lines.csv', (t) =>
      t.replace(/^(diesel-2025,group,2025,fuel,diesel,unspecified,)1699\.95,/m, '$11799.95,'),
    );
    const out = join(dir, 'diesel-out');
    expect(
      await main(
        ['report', copy, '--out', out, '--lang', 'zh-Hant,en', '--format', 'html,docx,xlsx,json'],
        quiet,
      ),
    ).toBe(0);
    // The figure index: the exact value and the printed one; 2024 (demonstration data) unmoved.
    const json = JSON.parse(readFileSync(join(out, 'figures.json'), 'utf8'));
    const row = json.figures.find((f: { id: string }) => f.id === 'ghg.scope1@group/2025');
    expect(Number(row.exact).toFixed(6)).toBe('132858.406441');
    expect(row.current.text).toBe(NEW);
    expect(row.priors[0]).toEqual({ periodId: '2024', value: { text: '123,625.60', plain: '123625.60' } });
    // Scope 2 does not use diesel: the location-based total is Scope 2 + the new Scope 1.
    const scope2 = json.figures.find((f: { id: string }) => f.id === 'ghg.scope2.location@group/2025');
    const total = json.figures.find((f: { id: string }) => f.id === 'ghg.total.location@group/2025');
    const hand = (Number(scope2.exact) + 132858.406441).toFixed(2);
    expect(total.current.plain).toBe(hand);
    for (const lang of ['zh-Hant', 'en'] as const) {
      const html = text(readFileSync(join(out, `report.${lang}.html`), 'utf8'));
      expect(html, `${lang} HTML`).not.toContain(OLD);
      // Narrative: climate metrics and emissions sections, with the unit as the tables print it.
      const unit = lang === 'en' ? ' tCO2e' : '噸二氧化碳當量';
      expect(html.split(`${NEW}${unit}`).length - 1, `${lang} HTML narrative`).toBeGreaterThanOrEqual(2);
      // Tables: the key figures of the emissions section and the data tables.
      expect(html.split(NEW).length - 1, `${lang} HTML narrative + tables`).toBeGreaterThanOrEqual(4);
      // Charts: the Scope 1 bar of the by-scope chart, the total's trend bar of 2025.
      const raw = readFileSync(join(out, `report.${lang}.html`), 'utf8');
      const chart = (id: string) => {
        const at = raw.indexOf(`<figure class="chart" id="${id}">`);
        return at < 0 ? '' : raw.slice(at, raw.indexOf('</figure>', at));
      };
      expect(chart('ghg-by-scope'), `${lang} by-scope chart`).toContain(`>${NEW}</text>`);
      expect(chart('trend-ghg.total.location'), `${lang} trend chart`).toContain(
        `>${total.current.text}</text>`,
      );

      const xml = execFileSync('unzip', ['-p', join(out, `report.${lang}.docx`), 'word/document.xml'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const docx = xml.replace(/<[^>]+>/g, '');
      expect(docx, `${lang} DOCX`).not.toContain(OLD);
      expect(docx.split(`${NEW}${unit}`).length - 1, `${lang} DOCX narrative`).toBeGreaterThanOrEqual(2);
      expect(docx.split(NEW).length - 1, `${lang} DOCX narrative + tables`).toBeGreaterThanOrEqual(4);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, `report.${lang}.xlsx`));
      const scope1: unknown[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) => {
          if (row.getCell(1).value !== 'ghg.scope1@group/2025') return;
          row.eachCell((c) => {
            if (typeof c.value === 'number' && c.value > 100_000) scope1.push(c.value);
            if (typeof c.value === 'object' && c.value && 'result' in c.value) scope1.push(c.value.result);
          });
        }),
      );
      // The row's 2025 cells are the new value; its prior-year cell is 2024's, which diesel 2025 does not move.
      const printed = scope1.map((v) => Number(v).toFixed(2));
      expect(printed.filter((v) => v === '132858.41').length, `${lang} XLSX Scope 1 cells`).toBeGreaterThan(
        0,
      );
      for (const v of printed.filter((x) => x !== '132858.41')) expect(v, `${lang} XLSX`).toBe('123625.60');
    }
  }, 120_000);

  it('a placeholder naming an unknown figure is an error finding and a visible marker', async () => {
    const copy = copyWith('unknown', 'narrative.yaml', (t) =>
      t.replace('{{figure:safety.drills}}次', '{{figure:safety.no-such-figure}}次'),
    );
    const loaded = await loadBundle(copy);
    if (!loaded.ok) throw new Error('copy should load');
    const errors = checkBundle(loaded.bundle).findings.filter(
      (f) => f.ruleId === 'narrative' && f.severity === 'error',
    );
    expect(errors.map((f) => f.actual)).toEqual(['{{figure:safety.no-such-figure}}']);
    const out = join(dir, 'unknown-out');
    expect(
      await main(['report', copy, '--out', out, '--lang', 'zh-Hant', '--format', 'html,json'], quiet),
    ).toBe(0);
    const html = readFileSync(join(out, 'report.zh-Hant.html'), 'utf8');
    expect(html).toContain('<mark class="unresolved">⟦未能解析的數據：figure:safety.no-such-figure⟧</mark>');
    const json = JSON.parse(readFileSync(join(out, 'figures.json'), 'utf8'));
    expect(json.status).toBe('draft');
    expect(json.blockers.map((b: { kind: string }) => b.kind)).toContain('unresolved');
  }, 120_000);
});
