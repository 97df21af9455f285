/**
 * The report as an A4 PDF printed by headless Chromium from the same HTML as the HTML output,
 * with a running header (organisation and title), page numbers, contents and content indices
 * with page numbers.
 *
 * Page numbers take two prints: the first with placeholder pages of two digits (and without the
 * running header and footer, which sit in the margins and do not move the layout), then each
 * section's page is read from the PDF's named destinations (`pdfinfo -dests`, see pdf-text.ts)
 * and the report is printed again with the real pages. Page-reference cells have fixed widths
 * (styles.ts), so the second print normally lays out exactly like the first; the pages are read
 * again to confirm, and a third print happens only if they moved. One page of one browser
 * context serves every print; the caller may share one browser across languages.
 */
import type { ReportModel, Section } from '@assay/core/report-model';
import type { Browser, Page } from 'playwright-core';
import { esc } from '../html/escape.js';
import { headingText, renderHtml } from '../html/render-html.js';
import { fontStack, type RenderLang, tx } from '../text/lang.js';
import { isolatedPage, launchBrowser } from './browser.js';
import { findHeadingPages, pdfDestinations, pdfPages } from './pdf-text.js';

export type PdfResult = {
  readonly pdf: Uint8Array;
  /** Section id → page printed in the contents and indices. */
  readonly pages: ReadonlyMap<string, number>;
  /** Number of times Chromium printed the report (2 when the pages converge at once). */
  readonly passes: number;
  /** False when the pages still moved after the last print (the printed pages may be off by one). */
  readonly converged: boolean;
};

const MAX_PRINTS = 3;
/** Placeholder pages: two digits, distinct per section, so a row citing n sections prints n of them (the most it can). */
const placeholder = (i: number) => 10 + (i % 90);
const flatten = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...flatten(s.sections)]);

async function print(page: Page, html: string, header: string | undefined, lang: RenderLang) {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  const style = `font-family:${fontStack(lang)};font-size:7.5pt;color:#555;width:100%;padding:0 16mm;`;
  return page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: header !== undefined,
    headerTemplate: `<div style="${style}">${esc(header ?? '')}</div>`,
    footerTemplate: `<div style="${style}text-align:center;">— <span class="pageNumber"></span> —</div>`,
    margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
  });
}

/** Each section's page: named destinations `sec-<id>`; any missing are searched by heading text. */
async function sectionPages(pdf: Uint8Array, sections: readonly Section[], lang: RenderLang) {
  const dests = await pdfDestinations(pdf);
  const pages = new Map<string, number>();
  const missing: Section[] = [];
  for (const s of sections) {
    const p = dests.get(`sec-${s.id}`);
    if (p === undefined) missing.push(s);
    else pages.set(s.id, p);
  }
  if (missing.length > 0) {
    const headings = missing.map((s) => ({ id: s.id, text: headingText(s, lang) }));
    for (const [id, p] of findHeadingPages(await pdfPages(pdf), headings)) pages.set(id, p);
  }
  return pages;
}

export async function renderPdf(
  model: ReportModel,
  lang: RenderLang,
  opts: { browser?: Browser } = {},
): Promise<PdfResult> {
  const browser = opts.browser ?? (await launchBrowser());
  const page = await isolatedPage(browser);
  try {
    const sections = flatten(model.sections);
    const header = `${tx(model.organisation, lang)}  ${tx(model.title, lang)}`;
    let pages: Map<string, number> = new Map(sections.map((s, i) => [s.id, placeholder(i)]));
    let pdf = await print(page, renderHtml(model, lang, { pages }), undefined, lang);
    let passes = 1;
    for (;;) {
      const found = await sectionPages(pdf, sections, lang);
      if (passes > 1 && sameMap(found, pages)) return { pdf, pages, passes, converged: true };
      if (passes === MAX_PRINTS) return { pdf, pages, passes, converged: false };
      pages = found;
      pdf = await print(page, renderHtml(model, lang, { pages }), header, lang);
      passes++;
    }
  } finally {
    await page.context().close();
    if (!opts.browser) await browser.close();
  }
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
