/**
 * The DOCX as a designer's starting file and the XLSX linked by formulas (issue #19), on the
 * small report test bundle, in zh-Hant and en: named styles (Title, Heading 1–4, Caption, table
 * styles, numbers right aligned), the cover, a table-of-contents field marked as Word's contents
 * part, a PAGE field in the footer, charts as PNG parts drawn by Chromium, column widths that
 * fit; the section sheets' current values are formulas over the Calculations sheet whose cached
 * results are the figures' exact values.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, evaluateBundle, explain, type ReportModel } from '@assay/core';
import { reportTestBundle } from '@assay/core/testing';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartImages } from './docx/chart-images.js';
import { TEXT_WIDTH_TWIPS } from './docx/docx-styles.js';
import { columnWidths } from './docx/docx-table.js';
import { renderDocx } from './docx/render-docx.js';
import { renderHtml } from './html/render-html.js';
import { launchBrowser } from './pdf/browser.js';
import { calculationsSheetName } from './xlsx/calculations-sheet.js';
import { renderXlsx } from './xlsx/render-xlsx.js';

const bundle = reportTestBundle();
const { figures, graph } = evaluateBundle(bundle);
const draft = buildReport({ bundle, figures, status: { state: 'draft', units: 9, unapproved: 4 } });
const LANGS = ['zh-Hant', 'en'] as const;
const dir = mkdtempSync(join(tmpdir(), 'assay-design-test-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const chartIds = (model: ReportModel) => {
  const ids = new Set<string>();
  const visit = (ss: ReportModel['sections']) => {
    for (const s of ss) {
      for (const b of s.blocks) if (b.kind === 'chart') ids.add(b.id);
      visit(s.sections);
    }
  };
  visit(model.sections);
  return ids;
};

async function docxParts(model: ReportModel, lang: 'zh-Hant' | 'en', withCharts: boolean) {
  const file = join(dir, `r.${lang}.${withCharts}.docx`);
  const charts = withCharts ? await chartImages(model, lang, { browser }) : undefined;
  writeFileSync(file, await renderDocx(model, lang, charts ? { charts } : {}));
  const names = execFileSync('unzip', ['-Z1', file]).toString('utf8').split('\n').filter(Boolean);
  const read = (name: string) => execFileSync('unzip', ['-p', file, name]).toString('utf8');
  const bytes = (name: string) => execFileSync('unzip', ['-p', file, name]);
  return { names, read, bytes, document: read('word/document.xml'), styles: read('word/styles.xml') };
}

const styleXml = (styles: string, id: string) =>
  styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`))?.[0];
const textOf = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('DOCX', () => {
  it('has named styles: Title, Heading 1–4, Caption, a table style, table heading/text/number (right aligned)', async () => {
    for (const lang of LANGS) {
      const { styles } = await docxParts(draft, lang, false);
      for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Caption'])
        expect(styleXml(styles, id), `${lang} ${id}`).toBeDefined();
      expect(styleXml(styles, 'AssayTable')).toMatch(/w:type="table"/);
      expect(styleXml(styles, 'AssayTableNumber')).toContain('<w:jc w:val="right"/>');
      expect(styleXml(styles, 'AssayTableText')).not.toContain('<w:jc');
      expect(styles).not.toContain('<undefined');
    }
  });

  it('opens with a cover (company, stock code, year, title, DRAFT, the blockers), then the contents field', async () => {
    for (const lang of LANGS) {
      const { document } = await docxParts(draft, lang, false);
      const body = document.replace(/<\/w:p>/g, '\n');
      const beforeToc = textOf(body.slice(0, body.indexOf('<w:sdt>')));
      const lines = beforeToc.split('\n').filter(Boolean);
      expect(lines[0]).toBe(draft.organisation[lang]);
      expect(lines[1]).toContain('9999');
      expect(lines[2]).toBe('2025');
      expect(lines[3]).toBe(draft.title[lang]);
      expect(lines[4]).toBe(lang === 'en' ? 'DRAFT' : '草稿');
      expect(beforeToc).toContain(draft.status.state === 'draft' ? draft.status.note[lang] : '');
      // the contents: a TOC field over Heading 1–3 in Word's contents part, on its own page
      expect(document).toMatch(/<w:docPartGallery w:val="Table of Contents"\/>/);
      expect(document).toMatch(/<w:instrText xml:space="preserve">TOC [^<]*\\o &quot;1-3&quot;/);
      expect(document).toMatch(/<w:pStyle w:val="TOCHeading"\/>(<[^>]+>)*<w:pageBreakBefore\/>/);
      // the cover has no page number; the other pages a PAGE field in the footer
      expect(document).toContain('<w:titlePg/>');
    }
  });

  it('puts a PAGE field in the default footer', async () => {
    const { names, read, document } = await docxParts(draft, 'en', false);
    const ref = document.match(/<w:footerReference w:type="default" r:id="([^"]+)"\/>/)?.[1];
    expect(ref).toBeDefined();
    const rels = read('word/_rels/document.xml.rels');
    const target =
      rels.match(new RegExp(`Id="${ref}"[^>]*Target="([^"]+)"`))?.[1] ??
      rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${ref}"`))?.[1];
    expect(names).toContain(`word/${target}`);
    expect(read(`word/${target}`)).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it('sets numbers right aligned and column widths that fill the text width', async () => {
    for (const lang of LANGS) {
      const { document } = await docxParts(draft, lang, false);
      const cells = document.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      const numbers = new Set(
        draft.figureGroups.flatMap((g) => g.figures.flatMap((f) => (f.current ? [f.current.text] : []))),
      );
      const numberCells = cells.filter((c) => numbers.has(textOf(c)));
      expect(numberCells.length).toBeGreaterThan(10);
      for (const c of numberCells) expect(c, textOf(c)).toContain('<w:pStyle w:val="AssayTableNumber"/>');
      // text cells are not right aligned
      const entityCells = cells.filter((c) => textOf(c) === draft.organisation[lang]);
      for (const c of entityCells) expect(c).not.toContain('AssayTableNumber');
      const grids = document.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? [];
      expect(grids.length).toBeGreaterThan(3);
      for (const g of grids) {
        const widths = [...g.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
        const sum = widths.reduce((s, w) => s + w, 0);
        expect(Math.abs(sum - TEXT_WIDTH_TWIPS)).toBeLessThanOrEqual(widths.length);
      }
    }
  });

  it('column widths: a column gets at least its longest word, long text wraps, numbers keep their width', () => {
    const w = columnWidths([
      [{ text: 'Site' }, { text: 'Hazard' }, { text: 'Score' }],
      [
        { text: 'A very long site name that goes on and on and on and on' },
        { text: 'Dust storm' },
        { text: '3', numeric: true },
      ],
    ]);
    expect(w.reduce((s, x) => s + x, 0)).toBeGreaterThanOrEqual(TEXT_WIDTH_TWIPS - 3);
    // "Score": 5 columns of 100 twips and the cell margins, at the least
    expect(w[2]).toBeGreaterThanOrEqual(5 * 100 + 170);
    expect(w[0]).toBeGreaterThan(w[1] ?? 0);
    // a fixed share wins
    expect(columnWidths([[{ text: 'x' }, { text: 'y' }]], [0.25, undefined])[0]).toBe(
      Math.round(0.25 * TEXT_WIDTH_TWIPS),
    );
  });

  it('has each chart as a PNG image part (drawn by Chromium) with its caption; without images, a table of values', async () => {
    const ids = chartIds(draft);
    expect(ids.size).toBeGreaterThan(0);
    for (const lang of LANGS) {
      const { names, bytes, document } = await docxParts(draft, lang, true);
      const media = names.filter((n) => /^word\/media\/.+\.png$/.test(n));
      expect(media.length).toBe(ids.size);
      for (const m of media) expect([...bytes(m).subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect((document.match(/<pic:pic\b/g) ?? []).length).toBeGreaterThanOrEqual(ids.size);
      expect(document).toContain('<w:pStyle w:val="Caption"/>');
      const plain = await docxParts(draft, lang, false);
      expect(plain.names.some((n) => n.startsWith('word/media/'))).toBe(false);
    }
  }, 120_000);
});

describe('issuer sections in HTML and DOCX', () => {
  const lt = (zh: string, en: string) => ({ 'zh-Hant': zh, en });
  // 2×1 PNG
  const PNG =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mNk+M9QzwAEjDAGACCDAgQb4IGLAAAAAElFTkSuQmCC';
  const fig = draft.figureGroups.flatMap((g) => g.figures).find((f) => f.current && f.entityId === 'group');
  const withIssuer = {
    ...bundle,
    narrative: [
      ...bundle.narrative,
      {
        id: 'company-profile',
        title: lt('公司概覽', 'Company profile'),
        body: lt('本公司經營礦山。', 'We run mines.'),
      },
      {
        id: 'highlights',
        title: lt('年度摘要', 'Highlights'),
        body: lt('主要數據。', 'Main figures.'),
        tiles: [{ figure: fig?.id ?? '', label: lt('主要指標', 'Main indicator') }],
      },
      {
        id: 'case-study-one',
        title: lt('案例', 'Case study'),
        body: lt('我們改用天然氣。', 'We switched to gas.'),
        image: { dataUri: PNG, alt: lt('新鍋爐房', 'The new boiler house') },
      },
    ],
  };
  const model = buildReport({
    bundle: withIssuer,
    figures: evaluateBundle(withIssuer).figures,
    status: { state: 'draft', units: 9, unapproved: 4 },
  });

  it('print the KPI tiles with the figure’s table string and the case study’s picture', async () => {
    expect(fig?.current).toBeTruthy();
    for (const lang of LANGS) {
      const html = renderHtml(model, lang);
      expect(html).toContain(
        `<div class="kpi"><div class="kpi-value">${fig?.current?.text}</div><div class="kpi-unit">${fig?.unit[lang]}</div><div class="kpi-label">${lang === 'en' ? 'Main indicator' : '主要指標'}</div></div>`,
      );
      expect(html).toContain(
        `<img src="${PNG}" alt="${lang === 'en' ? 'The new boiler house' : '新鍋爐房'}">`,
      );
      const { names, document } = await docxParts(model, lang, false);
      expect(names.filter((n) => /^word\/media\/.+\.png$/.test(n)).length).toBe(1);
      expect(document).toContain(
        `<w:pStyle w:val="AssayKpiValue"/></w:pPr><w:r><w:t xml:space="preserve">${fig?.current?.text}</w:t>`,
      );
      expect(document).toMatch(/<wp:extent cx="\d+" cy="\d+"\/>/);
    }
  });
});

describe('XLSX', () => {
  const lineage = (id: string) => (graph.has(id) ? explain(graph, id) : undefined);

  it('section sheets refer to the Calculations sheet by formula, cached with the figures’ exact values', async () => {
    for (const lang of LANGS) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(draft, lang, lineage)) as unknown as ArrayBuffer);
      const calcName = calculationsSheetName(lang);
      const calc = wb.getWorksheet(calcName);
      expect(calc, calcName).toBeDefined();
      const byId = new Map(draft.figureGroups.flatMap((g) => g.figures.map((f) => [f.id, f] as const)));
      let linked = 0;
      for (const ws of wb.worksheets) {
        if (ws.name === calcName) continue;
        ws.eachRow((row) => {
          const f = byId.get(String(row.getCell(1).value));
          const v = row.getCell(5).value;
          if (!f || typeof v !== 'object' || v === null || !('formula' in v)) return;
          linked++;
          const m = /^'(.+)'!E(\d+)$/.exec(v.formula);
          expect(m?.[1], f.id).toBe(calcName);
          // exceljs reads a cached 0 back as no result (the file holds <v>0</v>)
          expect(v.result ?? 0, f.id).toBe(Number(f.exact));
          // the referenced row is the figure's tree root; its value and cached formula result are the figure's
          const target = calc?.getRow(Number(m?.[2]));
          expect(target?.getCell(6).value, f.id).toBe(Number(f.exact));
          const e = target?.getCell(5).value;
          const cached = typeof e === 'object' && e && 'formula' in e ? (e.result ?? 0) : e;
          expect(cached, f.id).toBe(Number(f.exact));
        });
      }
      const derived = [...byId.values()].filter(
        (f) => f.current && graph.has(f.id) && explain(graph, f.id).kind === 'derived',
      );
      expect(linked).toBeGreaterThan(0);
      expect(linked).toBeLessThanOrEqual(derived.length);
      // every formula of the Calculations sheet carries a cached result (previewers show numbers)
      calc?.eachRow((row, n) => {
        const e = row.getCell(5).value;
        if (n > 1 && typeof e === 'object' && e && 'formula' in e)
          expect(e.result ?? 0, `row ${n}`).toBe(row.getCell(6).value);
      });
    }
  });

  it('without lineage the values stay plain numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(draft, 'en')) as unknown as ArrayBuffer);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) =>
          expect(typeof c.value === 'object' && c.value && 'formula' in c.value).toBe(false),
        ),
      ),
    );
  });
});
