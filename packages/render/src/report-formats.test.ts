/**
 * Checks across formats on the small report test bundle: the numbers printed in zh-Hant and en
 * are the same multiset (HTML text, DOCX document.xml, XLSX cells) and narrative markup is
 * escaped. The PDF prints this same HTML; it is checked once, on the reference dataset, in
 * packages/cli/src/commands/report.test.ts (Chinese glyphs, contents and index pages).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, evaluateBundle } from '@assay/core';
import { reportTestBundle } from '@assay/core/testing';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx/render-docx.js';
import { renderHtml } from './html/render-html.js';
import { renderXlsx } from './xlsx/render-xlsx.js';

const bundle = reportTestBundle();
// A draft (as every report without approvals is): its sentence prints the same numbers in both languages.
const model = buildReport({
  bundle,
  figures: evaluateBundle(bundle).figures,
  status: { state: 'draft', units: 12, unapproved: 7 },
});
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
});
