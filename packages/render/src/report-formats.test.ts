/**
 * Done-when checks across formats, on the small report test bundle: the numbers printed in
 * zh-Hant and en are the same multiset (HTML text, PDF via pdftotext, DOCX document.xml, XLSX
 * cells); narrative markup is escaped; the PDF renders Chinese; content-index pages are right.
 * Needs Debian chromium, fonts-noto-cjk and poppler-utils (scripts/ensure-system-packages.sh).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, evaluateBundle } from '@assay/core';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTestBundle } from '../../core/src/report/test-report-bundle.js';
import { renderDocx } from './docx/render-docx.js';
import { renderHtml } from './html/render-html.js';
import { launchBrowser } from './pdf/browser.js';
import { pdfPages } from './pdf/pdf-text.js';
import { renderPdf } from './pdf/render-pdf.js';
import { renderXlsx } from './xlsx/render-xlsx.js';

const bundle = reportTestBundle();
const model = buildReport({ bundle, figures: evaluateBundle(bundle).figures });
const dir = mkdtempSync(join(tmpdir(), 'assay-report-test-'));

/** Numbers as printed: digit groups not glued to Latin letters ("CO2", "A1.1", "10⁴" are not numbers). */
function numbers(text: string): string[] {
  const found = text.match(/(?<![A-Za-z\d.,])\d[\d,]*(?:\.\d+)?(?![A-Za-z\d⁰¹²³⁴⁵⁶⁷⁸⁹])/g) ?? [];
  return found.sort();
}
const htmlText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
/** Page furniture differs with pagination: footers "— 3 —" and page references are left out. */
const withoutPages = (t: string) => t.replace(/—\s*\d+\s*—/g, ' ').replace(/p\.\s*\d+|第\d+頁/g, ' ');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('published report formats', () => {
  it('HTML: the same numbers in zh-Hant and en, and narrative markup escaped', () => {
    const zh = renderHtml(model, 'zh-Hant');
    const en = renderHtml(model, 'en');
    expect(numbers(htmlText(zh))).toEqual(numbers(htmlText(en)));
    expect(numbers(htmlText(en))).toContain('123,456');
    for (const html of [zh, en]) {
      expect(html).not.toMatch(/<script|<img/i);
      expect(html).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;',
      );
    }
  });

  it('DOCX: the same numbers in document.xml of both languages', async () => {
    const text = async (lang: 'zh-Hant' | 'en') => {
      const file = join(dir, `r.${lang}.docx`);
      writeFileSync(file, await renderDocx(model, lang));
      const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
      return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ' ');
    };
    const zh = await text('zh-Hant');
    expect(numbers(zh)).toEqual(numbers(await text('en')));
    expect(zh).toContain('&lt;script&gt;');
  });

  it('XLSX: the same numeric cells in both languages', async () => {
    const cells = async (lang: 'zh-Hant' | 'en') => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(model, lang)) as unknown as ArrayBuffer);
      const out: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((r) => r.eachCell((c) => typeof c.value === 'number' && out.push(String(c.value)))),
      );
      return out.sort();
    };
    const zh = await cells('zh-Hant');
    expect(zh).toEqual(await cells('en'));
    expect(zh).toContain('123456');
  });

  it('PDF: Chinese glyphs, same numbers as English, escaped markup, content-index pages pointing at the sections', async () => {
    const zh = await renderPdf(model, 'zh-Hant', { browser });
    const en = await renderPdf(model, 'en', { browser });
    const zhPages = await pdfPages(zh.pdf);
    const enPages = await pdfPages(en.pdf);
    const zhText = zhPages.join('\n');
    expect(zhText).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(zhText).toContain('<script>alert(1)</script>');
    expect(numbers(withoutPages(zhText))).toEqual(numbers(withoutPages(enPages.join('\n'))));

    // HKEX index row for KPI A2.2 (water) cites a page; that page carries the water heading.
    const line = zhText.split('\n').find((l) => l.includes('KPI A2.2')) ?? '';
    const page = Number(/第(\d+)頁/.exec(line)?.[1]);
    expect(page).toBe(zh.pages.get('water'));
    expect(zhPages[page - 1]?.replace(/\s+/g, '')).toContain('5.4水資源');

    // A page with Chinese text is not blank when rasterised (fonts present).
    const file = join(dir, 'zh.pdf');
    writeFileSync(file, zh.pdf);
    execFileSync('pdftoppm', [
      '-r',
      '30',
      '-f',
      String(page),
      '-l',
      String(page),
      '-gray',
      '-png',
      file,
      join(dir, 'pg'),
    ]);
    const png = readFileSync(
      join(dir, `pg-${String(page).padStart(String(zhPages.length).length, '0')}.png`),
    );
    expect(png.length).toBeGreaterThan(2000);
  });
});
