/**
 * No English in the Chinese report (issue #19): every Latin-script word in the zh-Hant HTML text,
 * DOCX text (word/document.xml) and XLSX cells (every sheet) of the demo report
 * (examples/xinxin-2025, through `assay report`) must be on the allow-list below; anything else
 * fails with the word, where it is and the text around it.
 *
 * The allow-list (docs/report.md, "Chinese outputs"), each a term Chinese reports print as is:
 * - framework and report names: GRI, IFRS S2 (IFRS, S2), SASB, ESG, KPI, IPCC;
 * - provision and standard codes: HKEX Appendix C2 (附錄C2), KPI and provision codes (A1.1, B6.GD,
 *   D.GOV.a.i, MDR.RP.CONS, E.1.1, 2-4), HKEX aspect codes (A1–A4, B1–B8: the approved material
 *   topics' table, printed once the folder's materiality.yaml is read), the national standard
 *   prefix GB/T (GB/T 2589-2020);
 * - list enumerators in parentheses: (a)–(h), (i)–(x);
 * - id columns: column A of the XLSX section sheets (head 編號) and of the Calculations sheet
 *   (head 節點): figure, node and factor ids are ids, the same in every language.
 * No unit symbol is allowed: the Chinese outputs print units by their Chinese names (units/zh).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'assay-report-zh-'));
const file = (name: string) => join(dir, name);

const ALLOWED_WORDS = new Set(['GRI', 'IFRS', 'S2', 'SASB', 'ESG', 'KPI', 'IPCC', 'C2', 'GB/T']);
/** A provision code: capitals (with digits) and dot-separated parts, e.g. A1.1, D.GOV.a.iv, MDR.RP. */
const CODE = /^[A-Z][A-Z\d]*(?:\.[A-Za-z\d]+)+$/;
/** An HKEX aspect code (A1–A4, B1–B8), as the approved material topics' table prints it. */
const ASPECT = /^[AB][1-8]$/;
/** A list enumerator in parentheses, removed before reading words: (a) … (h), (i) … (x). */
const ENUMERATOR = /[(（]\s*(?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\s*[)）]/g;
/** A Latin-script word, with the dots, slashes and hyphens codes carry inside. */
const WORD = /[A-Za-z][A-Za-z\d]*(?:[./-][A-Za-z\d]+)*/g;

type Leak = { word: string; where: string; context: string };

function leaks(text: string, where: string): Leak[] {
  const out: Leak[] = [];
  const clean = text.replace(ENUMERATOR, ' ');
  for (const m of clean.matchAll(WORD)) {
    const word = m[0];
    if (ALLOWED_WORDS.has(word) || CODE.test(word) || ASPECT.test(word)) continue;
    const at = m.index ?? 0;
    out.push({ word, where, context: clean.slice(Math.max(0, at - 30), at + word.length + 30).trim() });
  }
  return out;
}

const entities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([\da-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** Words that are not allowed, each once, with its first place (a readable failure). */
function report(all: Leak[]): { word: string; count: number; first: string }[] {
  const by = new Map<string, { word: string; count: number; first: string }>();
  for (const l of all) {
    const hit = by.get(l.word);
    if (hit) hit.count++;
    else by.set(l.word, { word: l.word, count: 1, first: `${l.where}: …${l.context}…` });
  }
  return [...by.values()];
}

beforeAll(async () => {
  const args = ['report', join(root, 'examples/xinxin-2025'), '--out', dir, '--lang', 'zh-Hant'];
  const quiet = { out: () => {}, err: (t: string) => console.error(t) };
  expect(await main([...args, '--format', 'html,docx,xlsx'], quiet)).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the zh-Hant report of xinxin-2025 has no English outside the allow-list', () => {
  it('HTML text (with the SVG charts)', () => {
    const html = readFileSync(file('report.zh-Hant.html'), 'utf8')
      .replace(/<style>[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ');
    const text = entities(html);
    expect(text.match(/[\u4e00-\u9fff]/g)?.length ?? 0).toBeGreaterThan(5000);
    expect(report(leaks(text, 'HTML'))).toEqual([]);
  });

  it('DOCX text', () => {
    const xml = execFileSync('unzip', ['-p', file('report.zh-Hant.docx'), 'word/document.xml'], {
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8');
    // field instructions (the contents' `TOC \o "1-3" \h`, the footer's PAGE) are codes Word
    // reads, not text it prints
    const shown = xml.replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, ' ');
    const text = entities(shown.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ' '));
    expect(report(leaks(text, 'DOCX'))).toEqual([]);
  });

  it('XLSX cells, every sheet (the Calculations sheet included), ids in column A excepted', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('report.zh-Hant.xlsx'));
    const found: Leak[] = [];
    const sheets: string[] = [];
    let formulas = 0;
    wb.eachSheet((ws) => {
      sheets.push(ws.name);
      let idColumn = false;
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          const v = cell.value;
          if (v !== null && typeof v === 'object' && 'formula' in v) {
            formulas++;
            return;
          }
          if (typeof v !== 'string') return;
          if (c === 1 && (v === '編號' || v === '節點')) idColumn = true;
          else if (c === 1 && idColumn) return;
          found.push(...leaks(v, `${ws.name}!${cell.address} (row ${r})`));
        });
      });
    });
    expect(sheets).toContain('計算');
    expect(formulas).toBeGreaterThan(100);
    expect(report(found)).toEqual([]);
  });

  it('the allow-list is not a pass for English: a leaked word is reported', () => {
    const text = '柴油 diesel（product=nickel），單位 tCO2e/CNY million，GRI 2-4，A1.1（a），層面B5，B9';
    expect(report(leaks(text, 'x')).map((l) => l.word)).toEqual([
      'diesel',
      'product',
      'nickel',
      'tCO2e/CNY',
      'million',
      'B9',
    ]);
  });
});
