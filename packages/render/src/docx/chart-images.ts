/**
 * The report's charts as PNG images for the DOCX (Word has no reliable inline SVG): each chart's
 * SVG — the same markup the HTML and PDF print (html/blocks.ts) — is drawn by headless Chromium
 * (the PDF's browser, no network, JavaScript off) at 2 device pixels per CSS pixel and captured
 * as a screenshot of the element. Offline: nothing is fetched; fonts are the system's.
 */
import type { Block, ReportModel, Section } from '@assay/core/report-model';
import type { Browser } from 'playwright-core';
import { blockHtml } from '../html/blocks.js';
import { launchBrowser } from '../pdf/browser.js';
import { fontStack, type RenderLang } from '../text/lang.js';

/** A chart as PNG; `width` and `height` in CSS pixels (96 dpi), the image holds twice as many. */
export type ChartImage = { readonly png: Uint8Array; readonly width: number; readonly height: number };
/** Chart block id → its image. */
export type ChartImages = ReadonlyMap<string, ChartImage>;

/** Width the chart is drawn at, CSS px: 16 cm, the text width of an A4 page with 2.5 cm margins. */
export const CHART_WIDTH_PX = 605;

const chartsOf = (ss: readonly Section[]): Extract<Block, { kind: 'chart' }>[] =>
  ss.flatMap((s) => [
    ...s.blocks.filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart'),
    ...chartsOf(s.sections),
  ]);

export async function chartImages(
  model: ReportModel,
  lang: RenderLang,
  opts: { browser?: Browser | undefined } = {},
): Promise<ChartImages> {
  const charts = chartsOf(model.sections);
  const out = new Map<string, ChartImage>();
  if (charts.length === 0) return out;
  const browser = opts.browser ?? (await launchBrowser());
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, deviceScaleFactor: 2 });
  try {
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    const ctx = { model, lang, sectionNumbers: new Map<string, string>() };
    const body = charts.map((c, i) => `<div class="c" id="chart-${i}">${blockHtml(c, ctx)}</div>`).join('');
    await page.setContent(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff;font-family:${fontStack(lang)}}.c{width:${CHART_WIDTH_PX}px;padding:4px 0}figure{margin:0}svg{display:block}</style></head><body>${body}</body></html>`,
      { waitUntil: 'domcontentloaded' },
    );
    // every chart's box first, then a clipped capture of the page per chart (a locator's
    // screenshot scrolls to the element and waits for it to be stable each time)
    const boxes = await Promise.all(
      charts.map((_, i) => page.locator(`#chart-${i} svg`).first().boundingBox()),
    );
    for (const [i, c] of charts.entries()) {
      const box = boxes[i];
      if (!box) continue;
      const png = await page.screenshot({ type: 'png', fullPage: true, clip: box });
      out.set(c.id, {
        png: new Uint8Array(png),
        width: Math.round(box.width),
        height: Math.round(box.height),
      });
    }
  } finally {
    await context.close();
    if (!opts.browser) await browser.close();
  }
  return out;
}
