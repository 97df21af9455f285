/**
 * The DRAFT mark in every format (issue #17; docs/report.md, "Draft and final"), on the small
 * report test bundle: a draft prints "DRAFT" / "草稿" in the top margin of every page of the PDF
 * (read back with pdftotext) without moving a page, in the header of the DOCX section and under its title, in
 * every XLSX sheet's page header and above each section sheet's heads, in the HTML (fixed mark
 * and banner) and in the JSON; a final report carries none of it.
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
import { renderDocx } from './docx/render-docx.js';
import { renderHtml } from './html/render-html.js';
import { renderJson } from './json-report.js';
import { isolatedPage, launchBrowser } from './pdf/browser.js';
import { pdfPages } from './pdf/pdf-text.js';
import { renderPdf } from './pdf/render-pdf.js';
import { renderXlsx } from './xlsx/render-xlsx.js';

// Publishable but for its workflow units (core publication-gate.ts): no placeholder score, no
// narrative with unbound numbers, no open error; the draft is then blocked by its units alone.
const test = reportTestBundle();
const bundle = {
  ...test,
  narrative: [],
  registers: {
    ...test.registers,
    materialTopics: test.registers.materialTopics.map((m) => ({ ...m, isPlaceholder: false })),
  },
};
const { figures, graph } = evaluateBundle(bundle);
const draft = buildReport({
  bundle,
  figures,
  status: { state: 'draft', units: 9, unapproved: 4 },
  openErrors: 0,
});
const final = buildReport({ bundle, figures, status: { state: 'final', units: 9 }, openErrors: 0 });
const MARK = { en: 'DRAFT', 'zh-Hant': '草稿' } as const;
const LANGS = ['en', 'zh-Hant'] as const;
const NOTE = {
  en: 'DRAFT: 4 of 9 workflow units (entity × period × topic) of 2025 are not approved; figures may still change.',
  'zh-Hant': '草稿：2025年度9個工作單元（實體 × 期間 × 議題）中有4個尚未批准，數據仍可能變更。',
};
const dir = mkdtempSync(join(tmpdir(), 'assay-draft-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTML and JSON', () => {
  it('a draft has the fixed mark and the banner with the count; a final report neither', () => {
    for (const lang of LANGS) {
      const html = renderHtml(draft, lang);
      expect(html).toContain(`<div class="draft-mark" aria-hidden="true">${MARK[lang]}</div>`);
      expect(html).toContain(`<p class="draft-banner" role="note">${NOTE[lang]}</p>`);
      expect(html).toMatch(/\.draft-mark \{ position: fixed;/);
      expect(html).toContain(`@page { @top-right { content: "${MARK[lang]}";`);
      const done = renderHtml(final, lang);
      expect(done).not.toContain('class="draft-mark"');
      expect(done).not.toContain('class="draft-banner"');
      expect(done).not.toContain('@top-right');
    }
  });

  it('JSON states the status and the count', () => {
    expect(JSON.parse(renderJson(draft))).toMatchObject({ status: 'draft', unapproved: 4, units: 9 });
    expect(JSON.parse(renderJson(final))).toMatchObject({ status: 'final', unapproved: 0, units: 9 });
  });
});

describe('PDF', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(() => browser?.close());

  it('prints the mark on every page, apart from the text lines, and moves no page', async () => {
    const finalPdf = await renderPdf(final, 'en', { browser });
    for (const lang of LANGS) {
      const printed = await renderPdf(draft, lang, { browser });
      writeFileSync(join(dir, `draft.${lang}.pdf`), printed.pdf);
      const pages = await pdfPages(printed.pdf);
      expect(pages.length).toBeGreaterThan(5);
      pages.forEach((p, i) => {
        // The mark sits in the top-right margin, on a line of its own: never on a line of the body.
        const lines = p.split('\n').map((l) => l.trim());
        expect(lines.indexOf(MARK[lang]), `${lang} page ${i + 1}`).toBeGreaterThanOrEqual(0);
        expect(lines.indexOf(MARK[lang]), `${lang} page ${i + 1}: in the top margin`).toBeLessThan(3);
        expect(p.split(MARK[lang]).length - 1, `${lang} page ${i + 1}: one mark`).toBe(i === 0 ? 2 : 1);
      });
      // The cover banner states the count (pdftotext may wrap it).
      expect((pages[0] ?? '').replace(/\s+/g, ' ')).toContain(
        lang === 'en' ? '4 of 9 workflow units' : '中有4個尚未批准',
      );
      if (lang === 'en') expect([...printed.pages]).toEqual([...finalPdf.pages]);
    }
    const plain = await pdfPages(finalPdf.pdf);
    for (const p of plain) expect(p).not.toContain('DRAFT');
  }, 120_000);

  it('the HTML printed as it is (a browser’s print) has the mark on every page, in the margin', async () => {
    const page = await isolatedPage(browser);
    try {
      await page.setContent(renderHtml(draft, 'en'), { waitUntil: 'domcontentloaded' });
      const pages = await pdfPages(await page.pdf({ format: 'A4' }));
      expect(pages.length).toBeGreaterThan(5);
      pages.forEach((p, i) => {
        const lines = p.split('\n').map((l) => l.trim());
        expect(lines.indexOf('DRAFT'), `page ${i + 1}`).toBe(0);
      });
    } finally {
      await page.context().close();
    }
  }, 60_000);
});

describe('DOCX', () => {
  const parts = async (model: ReportModel, lang: 'en' | 'zh-Hant') => {
    const file = join(dir, `r.${model.status.state}.${lang}.docx`);
    writeFileSync(file, await renderDocx(model, lang));
    const names = execFileSync('unzip', ['-Z1', file]).toString('utf8').split('\n');
    const read = (name: string) => execFileSync('unzip', ['-p', file, name]).toString('utf8');
    const headers = names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read);
    return { document: read('word/document.xml'), headers };
  };

  it('a draft has the mark in its section’s headers (every page, the cover too) and the count on the cover', async () => {
    for (const lang of LANGS) {
      const { document, headers } = await parts(draft, lang);
      expect(document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
      // the default header (every page) and the cover's first-page header both carry the mark
      expect(document).toMatch(/<w:headerReference w:type="first" r:id="[^"]+"\/>/);
      expect(headers.length).toBe(2);
      for (const h of headers) expect(h.replace(/<[^>]+>/g, '')).toBe(MARK[lang]);
      expect(document).toContain(NOTE[lang]);
      const done = await parts(final, lang);
      expect(done.document).not.toContain('headerReference');
      expect(done.headers.join('')).not.toContain(MARK[lang]);
      expect(done.document).not.toContain(NOTE[lang]);
    }
  });
});

describe('XLSX', () => {
  const book = async (model: ReportModel, lang: 'en' | 'zh-Hant') => {
    const wb = new ExcelJS.Workbook();
    const lineage = (id: string) => (graph.has(id) ? explain(graph, id) : undefined);
    await wb.xlsx.load((await renderXlsx(model, lang, lineage)) as unknown as ArrayBuffer);
    return wb;
  };

  it('a draft has the mark in every sheet’s header and a banner row above each section sheet’s heads', async () => {
    for (const lang of LANGS) {
      const wb = await book(draft, lang);
      const calc = lang === 'en' ? 'Calculations' : '計算';
      expect(wb.worksheets.map((w) => w.name)).toContain(calc);
      expect(wb.worksheets.length).toBeGreaterThan(3);
      for (const ws of wb.worksheets) {
        expect(ws.headerFooter.oddHeader, ws.name).toBe(`&C&"-,Bold"&KB35C44${MARK[lang]}`);
        if (ws.name === calc) {
          expect(ws.getRow(1).getCell(1).value).toBe(lang === 'en' ? 'node' : '節點');
          continue;
        }
        expect(ws.getRow(1).getCell(1).value, ws.name).toBe(NOTE[lang]);
        expect(ws.getRow(2).getCell(1).value, ws.name).toBe(lang === 'en' ? 'id' : '編號');
      }
      for (const ws of (await book(final, lang)).worksheets) {
        expect(ws.headerFooter?.oddHeader ?? '', ws.name).toBe('');
        expect(String(ws.getRow(1).getCell(1).value), ws.name).toMatch(
          lang === 'en' ? /^(id|node)$/ : /^(編號|節點)$/,
        );
      }
    }
  });
});
