/**
 * The restatement note (GRI 2-4) in every format, both languages, on the small report test
 * bundle with base year 2025 and one approved restatement (the smelter's diesel, 100 → 90 t):
 * HTML (its section under "About this report", the values as reported and restated, the reason,
 * the base-year sentence), PDF (the same text read back with pdftotext), DOCX (document.xml), XLSX
 * (a sheet of it with numeric cells) and JSON (the note as data); a report without one has none.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, Decimal, evaluateBundle, type RestatementNoteInput, significance } from '@assay/core';
import { reportTestBundle } from '@assay/core/testing';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx/render-docx.js';
import { renderHtml } from './html/render-html.js';
import { renderJson } from './json-report.js';
import { pdfPages } from './pdf/pdf-text.js';
import { renderPdf } from './pdf/render-pdf.js';
import { renderXlsx } from './xlsx/render-xlsx.js';

const d = (s: string) => new Decimal(s);
const base = reportTestBundle();
const bundle = {
  ...base,
  organisation: {
    ...base.organisation,
    baseYear: {
      year: '2025',
      thresholdPercent: d('5'),
      triggers: ['structural-change', 'error-correction'] as const,
    },
  },
};
const { figures } = evaluateBundle(bundle);
const status = { state: 'final', units: 3 } as const;
const REASON = 'The October diesel invoice was entered twice <b>.';
const input: RestatementNoteInput = {
  baseYearScope12: d('284.58'),
  restatements: [
    {
      id: 3,
      change: 'error-correction',
      reason: REASON,
      approvedAt: '2026-04-02T10:00:00.000Z',
      approvedBy: 'alex <alex@example.com>',
      items: [
        {
          kind: 'activity-line',
          factId: 'd1',
          entityId: 'smelter',
          periodId: '2025',
          activity: 'fuel',
          subject: 'diesel',
          unit: 't',
          before: d('1000'),
          after: d('900.5'),
        },
      ],
      totals: [{ periodId: '2025', before: d('316.2'), after: d('284.58') }],
      baseYear: {
        year: '2025',
        before: d('316.2'),
        after: d('284.58'),
        thresholdPercent: d('5'),
        significance: significance({ before: d('316.2'), after: d('284.58'), thresholdPercent: d('5') }),
      },
    },
  ],
};
const model = buildReport({ bundle, figures, status, restatements: input });
const plain = buildReport({ bundle: base, figures, status });
const LANGS = ['en', 'zh-Hant'] as const;
const EXPECT = {
  en: {
    title: '1.1 Restatements of information (GRI 2-4)',
    heading: 'Restatement 3: correction of an error (approved 2026-04-02)',
    base: 'recalculated 284.58 tCO2e',
  },
  'zh-Hant': {
    title: '1.1 資料重述（GRI 2-4）',
    heading: '重述第3號：更正錯誤（2026-04-02批准）',
    base: '重新計算為284.58噸二氧化碳當量',
  },
} as const;
const dir = mkdtempSync(join(tmpdir(), 'assay-restatement-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the restatement note in every format', () => {
  it('HTML: the section under About, the reason (escaped), 1,000 → 900.5 t, the base year', () => {
    for (const lang of LANGS) {
      const html = renderHtml(model, lang);
      const text = squash(html.replace(/<[^>]+>/g, ' '));
      expect(text).toContain(EXPECT[lang].title);
      expect(text).toContain(EXPECT[lang].heading);
      expect(html).toContain('The October diesel invoice was entered twice &lt;b&gt;.');
      expect(text).toMatch(/1,000\s+900\.5/);
      expect(text).toContain(EXPECT[lang].base);
      expect(renderHtml(plain, lang)).not.toContain('GRI 2-4)');
    }
  });

  it('JSON: the note as data, exact values; null without one', () => {
    expect(JSON.parse(renderJson(model)).restatements).toMatchObject({
      sectionId: 'restatements',
      baseYear: { year: '2025', thresholdPercent: '5', scope12: '284.58' },
      restatements: [
        {
          id: 3,
          change: 'error-correction',
          reason: REASON,
          items: [{ factId: 'd1', before: '1000', after: '900.5', unit: 't' }],
          baseYear: { before: '316.2', after: '284.58', percent: '10', significant: true },
        },
      ],
    });
    expect(JSON.parse(renderJson(plain)).restatements).toBeNull();
  });

  it('DOCX: the heading, values and the base-year sentence in the document', async () => {
    for (const lang of LANGS) {
      const file = join(dir, `r.${lang}.docx`);
      writeFileSync(file, await renderDocx(model, lang));
      const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
      const text = xml.replace(/<[^>]+>/g, '');
      expect(text).toContain(EXPECT[lang].heading);
      expect(text).toContain('1,000');
      expect(text).toContain('900.5');
      expect(text).toContain(EXPECT[lang].base);
    }
  });

  it('XLSX: a sheet of the note, numbers as numeric cells; none without a note', async () => {
    for (const lang of LANGS) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(model, lang)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(lang === 'en' ? 'Restatements' : '資料重述');
      if (!ws) throw new Error('no restatements sheet');
      // A draft's sheet opens with the banner row (draft-sheet.ts); this bundle is a draft by
      // the publication gate (its checks), so the note's rows sit one lower than in a final.
      const first = model.status.state === 'final' ? 2 : 3;
      const row = ws.getRow(first).values as unknown[];
      expect(row.slice(1)).toEqual([
        3,
        lang === 'en' ? 'correction of an error' : '更正錯誤',
        REASON,
        '2026-04-02',
        lang === 'en' ? 'Demo Smelter' : '示例冶煉廠',
        lang === 'en' ? 'Fuel: Diesel' : '燃料：柴油',
        '2025',
        't',
        1000,
        900.5,
      ]);
      expect((ws.getRow(first + 3).values as unknown[]).slice(1)).toEqual([
        3,
        '2025',
        316.2,
        284.58,
        10,
        5,
        true,
      ]);
      const none = new ExcelJS.Workbook();
      await none.xlsx.load((await renderXlsx(plain, lang)) as unknown as ArrayBuffer);
      expect(none.worksheets.map((w) => w.name)).not.toContain(lang === 'en' ? 'Restatements' : '資料重述');
    }
  });

  it('PDF: the note prints (read back), both languages', async () => {
    for (const lang of LANGS) {
      const pages = await pdfPages((await renderPdf(model, lang)).pdf);
      const text = squash(pages.join('\n'));
      expect(text).toContain(EXPECT[lang].heading);
      expect(text).toMatch(/1,000 900\.5/);
    }
  }, 120_000);
});
