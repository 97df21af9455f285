/**
 * The report as an A4 PDF printed by headless Chromium from the same HTML as the HTML output,
 * with a running header (organisation and title), page numbers, contents and content indices
 * with page numbers. Page numbers come from two passes: print with placeholder pages (same
 * digit count), read each heading's page with pdftotext, print again with the real pages;
 * repeat (at most 3 times) until the pages no longer move.
 */
import type { ReportModel, Section } from '@assay/core';
import type { Browser } from 'playwright-core';
import { esc } from '../html/escape.js';
import { headingText, renderHtml } from '../html/render-html.js';
import { fontStack, type RenderLang, tx } from '../text/lang.js';
import { isolatedPage, launchBrowser } from './browser.js';
import { findHeadingPages, pdfPages } from './pdf-text.js';

export type PdfResult = {
  readonly pdf: Uint8Array;
  readonly pages: ReadonlyMap<string, number>;
  readonly passes: number;
};

const flatten = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...flatten(s.sections)]);

async function print(browser: Browser, html: string, header: string, lang: RenderLang): Promise<Uint8Array> {
  const page = await isolatedPage(browser);
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const style = `font-family:${fontStack(lang)};font-size:7.5pt;color:#555;width:100%;padding:0 16mm;`;
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${style}">${esc(header)}</div>`,
      footerTemplate: `<div style="${style}text-align:center;">— <span class="pageNumber"></span> —</div>`,
      margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await page.context().close();
  }
}

export async function renderPdf(
  model: ReportModel,
  lang: RenderLang,
  opts: { browser?: Browser } = {},
): Promise<PdfResult> {
  const browser = opts.browser ?? (await launchBrowser());
  try {
    const sections = flatten(model.sections);
    const headings = sections.map((s) => ({ id: s.id, text: headingText(s, lang) }));
    const header = `${tx(model.organisation, lang)}  ${tx(model.title, lang)}`;
    // Placeholder pages with two digits, so the first layout matches the final one.
    let pages: Map<string, number> = new Map(sections.map((s) => [s.id, 88]));
    let pdf = await print(browser, renderHtml(model, lang, { pages }), header, lang);
    for (let pass = 1; pass <= 3; pass++) {
      const found = findHeadingPages(await pdfPages(pdf), headings);
      if (pass > 1 && sameMap(found, pages)) return { pdf, pages, passes: pass };
      pages = found;
      pdf = await print(browser, renderHtml(model, lang, { pages }), header, lang);
    }
    return { pdf, pages, passes: 4 };
  } finally {
    if (!opts.browser) await browser.close();
  }
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
