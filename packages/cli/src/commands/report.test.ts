/**
 * `assay report` on the reference dataset (examples/xinxin-2025): the numbers printed in
 * zh-Hant and en are the same (HTML text, DOCX document.xml, XLSX numeric cells); the HKEX
 * content index carries the completeness statuses; the zh-Hant PDF (the suite's one print of the
 * reference report) renders Chinese, and its contents and content-index page numbers point at
 * the pages where the sections start; with no approvals (a folder has none) the report is a
 * draft, marked on every page. Needs chromium, fonts-noto-cjk and poppler-utils
 * (scripts/ensure-system-packages.sh).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessCompleteness, evaluateBundle } from '@assay/core';
import { loadBundle } from '@assay/io';
import { pdfDestinations, pdfPages } from '@assay/render';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const xinxin = join(root, 'examples/xinxin-2025');
const dir = mkdtempSync(join(tmpdir(), 'assay-report-'));
const quiet = { out: () => {}, err: (t: string) => console.error(t) };
const file = (name: string) => join(dir, name);

/**
 * Numbers as printed: thousands groups of three, optional decimals, not glued to Latin letters
 * or superscripts ("CO2", "A1.1", "10⁴" are not numbers; in "1, 2 and 3" the commas are not).
 */
function numbers(text: string): string[] {
  return (
    text.match(/(?<![A-Za-z\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![A-Za-z\d⁰¹²³⁴⁵⁶⁷⁸⁹]|,\d)/g) ?? []
  ).sort();
}
/** What one list has and the other lacks, counting repeats. */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    left.set(x, n - 1);
    return n <= 0;
  });
}
/** Same numbers in both languages, or a failure that says which and where to fix them. */
function expectSameNumbers(zh: string[], en: string[], where: string): void {
  const onlyZh = difference(zh, en);
  const onlyEn = difference(en, zh);
  expect(
    { onlyZh, onlyEn },
    `${where}: zh-Hant and en print different numbers. Figures are shared strings, so a difference ` +
      'comes from text: if a narrative or register text carries it, the data is wrong in ' +
      'examples/xinxin-2025/narrative.yaml or registers.yaml (both languages must state the same numbers).',
  ).toEqual({ onlyZh: [], onlyEn: [] });
}
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);
/**
 * The same statement read the same way in both languages: names that carry a digit ("Scope 1",
 * "範圍1") are names, not numbers, and an English "March 2026" is the "2026年3月" of the Chinese.
 */
function normalised(text: string, lang: 'zh-Hant' | 'en'): string {
  if (lang === 'zh-Hant') return text.replace(/範圍\d/g, ' ');
  return text
    .replace(/Scopes? \d(?:(?:, | and | or )\d)*/g, ' ')
    .replace(
      new RegExp(`\\b(${MONTHS.join('|')}) (\\d{4})\\b`, 'g'),
      (_, m: string, y: string) => `${y} ${MONTHS.indexOf(m) + 1}`,
    );
}
const htmlText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');

beforeAll(async () => {
  const common = ['report', xinxin, '--out', dir];
  const formats = [...common, '--lang', 'zh-Hant,en', '--format', 'html,docx,xlsx,json'];
  expect(await main(formats, quiet)).toBe(0);
  expect(await main([...common, '--lang', 'zh-Hant', '--format', 'pdf'], quiet)).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assay report on xinxin-2025: the same numbers in zh-Hant and en', () => {
  it('HTML', () => {
    const text = (lang: 'zh-Hant' | 'en') =>
      normalised(htmlText(readFileSync(file(`report.${lang}.html`), 'utf8')), lang);
    const zh = numbers(text('zh-Hant'));
    expect(zh.length).toBeGreaterThan(500);
    expectSameNumbers(zh, numbers(text('en')), 'HTML');
  });

  it('DOCX', () => {
    const text = (lang: 'zh-Hant' | 'en') =>
      normalised(
        execFileSync('unzip', ['-p', file(`report.${lang}.docx`), 'word/document.xml'])
          .toString('utf8')
          .replace(/<\/w:p>/g, '\n')
          .replace(/<[^>]+>/g, ' '),
        lang,
      );
    expectSameNumbers(numbers(text('zh-Hant')), numbers(text('en')), 'DOCX');
  });

  it('XLSX', async () => {
    const cells = async (lang: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file(`report.${lang}.xlsx`));
      const out: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((r) => r.eachCell((c) => typeof c.value === 'number' && out.push(String(c.value)))),
      );
      return out.sort();
    };
    const zh = await cells('zh-Hant');
    expect(zh.length).toBeGreaterThan(500);
    expectSameNumbers(zh, await cells('en'), 'XLSX');
  });
});

describe('assay report on xinxin-2025: HKEX content index', () => {
  it('prints each provision’s completeness status', async () => {
    const loaded = await loadBundle(xinxin);
    if (!loaded.ok) throw new Error('xinxin-2025 does not load');
    const { figures } = evaluateBundle(loaded.bundle);
    const assessed = assessCompleteness({ bundle: loaded.bundle, figures, framework: 'hkex' });
    const printed = {
      disclosed: 'Disclosed',
      'partly-disclosed': 'Partly disclosed',
      explained: 'Explained',
      missing: 'Not disclosed',
    };
    const html = readFileSync(file('report.en.html'), 'utf8');
    const index = html.slice(html.indexOf('id="sec-hkex-index"'));
    const table = index.slice(0, index.indexOf('</table>'));
    const rows = new Map(
      [...table.matchAll(/<tr><td>([^<]*)<\/td>(?:<td>[^<]*<\/td>)*?<td>([^<]*)<\/td><\/tr>/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const statuses = new Set<string>();
    for (const a of assessed.provisions) {
      if (a.obligation === 'withdrawn') continue;
      statuses.add(a.status);
      expect(rows.get(a.provision.label), a.provision.label).toMatch(new RegExp(`^${printed[a.status]}`));
    }
    // Every row is a live provision with a status (no withdrawn code such as KPI A1.2 left over).
    for (const [label, status] of rows) expect(status, `${label} has no status`).not.toBe('');
    // The reference dataset has provisions disclosed and provisions missing, not one status for all.
    expect(statuses.size).toBeGreaterThan(1);
  });
});

const squash = (s: string) => s.replace(/\s+/g, '');
const fromHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('assay report on xinxin-2025: the zh-Hant PDF', () => {
  let pdf: Buffer;
  let pages: string[];
  /** Page where each section starts (Chromium's named destination of `#sec-<id>`). */
  let starts: Map<string, number>;
  /** Section id → heading as printed, from the zh-Hant HTML (the PDF prints the same HTML). */
  let headings: Map<string, string>;
  beforeAll(async () => {
    pdf = readFileSync(file('report.zh-Hant.pdf'));
    pages = await pdfPages(pdf);
    const dests = await pdfDestinations(pdf);
    starts = new Map([...dests].map(([k, v]) => [k.replace(/^sec-/, ''), v]));
    const html = readFileSync(file('report.zh-Hant.html'), 'utf8');
    headings = new Map(
      [...html.matchAll(/<section id="sec-([^"]+)"[^>]*><h\d>([^<]*)<\/h\d>/g)].map((m) => [
        m[1] ?? '',
        fromHtml(m[2] ?? ''),
      ]),
    );
  });

  it('renders Chinese: CJK text comes back out, and a page rasterises to visible ink', () => {
    const text = pages.join('\n');
    expect(text).toContain('水資源');
    expect(text.match(/[\u4e00-\u9fff]/g)?.length).toBeGreaterThan(5000);
    const water = starts.get('water') ?? 0;
    const pdfFile = file('zh.pdf');
    writeFileSync(pdfFile, pdf);
    const prefix = file('page');
    execFileSync('pdftoppm', [
      '-r',
      '40',
      '-gray',
      '-f',
      String(water),
      '-l',
      String(water),
      pdfFile,
      prefix,
    ]);
    const pgm = readdirSync(dir).find((n) => n.startsWith('page') && n.endsWith('.pgm')) ?? '';
    const image = readFileSync(file(pgm));
    // Binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel (0 black … 255 white).
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(image.subarray(0, 40).toString('latin1'));
    const size = Number(header?.[1]) * Number(header?.[2]);
    const pixels = image.subarray(image.length - size);
    const ink = pixels.filter((p) => p < 160).length / size;
    expect(ink).toBeGreaterThan(0.01);
  });

  it('is a draft (a bundle folder has no approvals): 草稿 on every page and the count on the cover', () => {
    expect(pages.length).toBeGreaterThan(20);
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain('草稿');
    });
    // The first page lists what blocks publication (core publication-gate.ts), units first.
    expect(squash(pages[0] ?? '')).toMatch(/草稿：本報告尚未符合發佈條件/);
    expect(squash(pages[0] ?? '')).toMatch(/2025年度(\d+)個工作單元（實體×期間×議題）中有\1個尚未批准/);
    const figures = JSON.parse(readFileSync(file('figures.json'), 'utf8'));
    expect(figures).toMatchObject({ status: 'draft' });
    expect(figures.unapproved).toBe(figures.units);
  });

  it('starts every section on the page its destination names, and the contents cite that page', () => {
    expect(headings.size).toBeGreaterThan(20);
    const about = starts.get('about') ?? 0;
    const contents = pages.slice(0, about - 1).flatMap((p) => p.split('\n').map(squash));
    for (const [id, heading] of headings) {
      const page = starts.get(id);
      expect(page, `${id}: no destination`).toBeDefined();
      const lines = (pages[(page ?? 0) - 1] ?? '').split('\n').map(squash);
      expect(lines, `${id} on page ${page}`).toContain(squash(heading));
      // Contents lines run "4 持份者參與及重要性評估 第6頁 4.1 持份者參與 第6頁": the page follows the heading.
      const cited = contents
        .map((l) => new RegExp(`${escapeRe(squash(heading))}第(\\d+)頁`).exec(l)?.[1])
        .find((p) => p !== undefined);
      expect(Number(cited), `contents entry for ${heading}`).toBe(page);
    }
  });

  it('HKEX content-index rows cite the pages of the sections that answer them', () => {
    const html = readFileSync(file('report.zh-Hant.html'), 'utf8');
    const index = html.slice(html.indexOf('id="sec-hkex-index"'));
    const table = index.slice(0, index.indexOf('</table>'));
    const byNumber = new Map([...headings].map(([id, h]) => [h.split(' ')[0] ?? '', id]));
    const from = starts.get('hkex-index') ?? 0;
    const to = starts.get('gri-index') ?? pages.length;
    const lines = pages.slice(from - 1, to).flatMap((p) => p.split('\n').map((l) => l.trim()));
    let checked = 0;
    for (const m of table.matchAll(/<tr><td>([^<]*)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)) {
      const label = fromHtml(m[1] ?? '');
      const numbers = (m[2] ?? '').split(', ').filter(Boolean);
      if (numbers.length === 0) continue;
      const expected = new Set(numbers.map((n) => starts.get(byNumber.get(n) ?? '')));
      const line = lines.find((l) => l.startsWith(`${label} `) && /第\d+頁/.test(l));
      expect(line, `index row ${label}`).toBeDefined();
      for (const [, p] of (line ?? '').matchAll(/第(\d+)頁/g))
        expect(expected, `${label} cites page ${p}`).toContain(Number(p));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
