/**
 * Bar and stacked-bar charts as inline SVG, drawn by hand so the same markup goes into the HTML
 * and the PDF. Geometry uses Number(plain) (layout only: printed labels are the model's strings).
 * Text is laid out by estimated boxes (text-box.ts) so that no two labels overlap and none leaves
 * the drawing, whatever the labels' length or script: the title and category labels wrap, the
 * unit sits on its own line, value labels shrink to their bar's width (down to MIN_VALUE_PX,
 * otherwise they are left out: the table beside the chart prints every value), a stacked
 * segment's label is drawn only inside a segment tall enough for it, and the legend flows onto
 * more rows. The chart's height grows with the wrapped text.
 */
import type { ChartBlock } from '@assay/core/report-model';
import { esc } from '../html/escape.js';
import { fontStack, type RenderLang, tx } from '../text/lang.js';
import { LINE_EM, textWidth, wrapText } from './text-box.js';

type BarChart = Extract<ChartBlock, { chart: 'bar' | 'stacked-bar' }>;

export const PALETTE = [
  '#1f6f5c',
  '#7fb8a4',
  '#d9a441',
  '#4a6fa5',
  '#b35c44',
  '#8c7aa9',
  '#5b8c3a',
  '#a0a0a0',
];
const W = 640;
const PAD = 16;
const PLOT_H = 200;
const TITLE_PX = 13;
const UNIT_PX = 10;
const CATEGORY_PX = 11;
const VALUE_PX = 10;
const MIN_VALUE_PX = 6;
const LEGEND_PX = 10;
const SWATCH = 10;

const f1 = (n: number) => n.toFixed(1);
const text = (x: number, y: number, size: number, s: string, extra = '') =>
  `<text x="${f1(x)}" y="${f1(y)}" font-size="${size}"${extra}>${esc(s)}</text>`;

/** Legend items placed left to right, wrapping to a new row when the width is used up. */
function legendRows(names: readonly string[]): { name: string; x: number; row: number }[] {
  const out: { name: string; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const name of names) {
    const lines = wrapText(name, LEGEND_PX, W - 2 * PAD - SWATCH - 4);
    const label = lines.length > 1 ? `${lines[0]}…` : (lines[0] ?? '');
    const w = SWATCH + 4 + textWidth(label, LEGEND_PX);
    if (x > PAD && x + w > W - PAD) {
      row += 1;
      x = PAD;
    }
    out.push({ name: label, x, row });
    x += w + 16;
  }
  return out;
}

export function barChartSvg(c: BarChart, lang: RenderLang): string {
  const n = c.categories.length;
  const stacked = c.chart === 'stacked-bar';
  const lineH = (px: number) => px * LINE_EM;
  const parts: string[] = [];

  // Header: title lines, then the unit on its own line at the right.
  const titleLines = wrapText(tx(c.title, lang), TITLE_PX, W - 2 * PAD);
  let y = PAD;
  for (const line of titleLines) {
    y += lineH(TITLE_PX);
    parts.push(text(PAD, y - 0.32 * TITLE_PX, TITLE_PX, line, ' font-weight="bold"'));
  }
  const unitLines = wrapText(tx(c.unit, lang), UNIT_PX, W - 2 * PAD);
  for (const line of unitLines) {
    y += lineH(UNIT_PX);
    parts.push(text(W - PAD, y - 0.32 * UNIT_PX, UNIT_PX, line, ' text-anchor="end"'));
  }
  const plotTop = y + lineH(VALUE_PX) + 4; // room for the value label of the tallest bar
  const base = plotTop + PLOT_H;

  const totals = c.categories.map((_, i) =>
    stacked
      ? c.series.reduce((s, x) => s + Math.max(0, Number(x.values[i]?.plain ?? 0)), 0)
      : Math.max(0, ...c.series.map((x) => Number(x.values[i]?.plain ?? 0))),
  );
  const max = Math.max(...totals, 0) || 1;
  const slot = (W - 2 * PAD) / Math.max(n, 1);
  const perSlot = stacked ? 1 : c.series.length;
  const barW = Math.min(60, (slot * 0.8) / Math.max(perSlot, 1));
  const values: string[] = [];
  c.categories.forEach((_, i) => {
    const x0 = PAD + slot * i + (slot - barW * perSlot) / 2;
    let top = base;
    c.series.forEach((s, j) => {
      const v = s.values[i];
      if (!v) return;
      const h = (Math.max(0, Number(v.plain)) / max) * PLOT_H;
      const x = stacked ? x0 : x0 + j * barW;
      const yTop = stacked ? top - h : base - h;
      parts.push(
        `<rect x="${f1(x)}" y="${f1(yTop)}" width="${f1(barW)}" height="${f1(h)}" fill="${PALETTE[j % PALETTE.length]}"/>`,
      );
      // The largest size at which the label fits the bar's width (1 px clear on each side).
      const fit = Math.min(VALUE_PX, Math.floor(((barW - 2) / textWidth(v.text, 1)) * 10) / 10);
      if (fit >= MIN_VALUE_PX) {
        if (!stacked)
          values.push(text(x + barW / 2, yTop - 4 - 0.32 * fit, fit, v.text, ' text-anchor="middle"'));
        else if (h >= lineH(fit) + 2)
          values.push(text(x + barW / 2, yTop + h / 2 + 0.28 * fit, fit, v.text, ' text-anchor="middle"'));
      }
      if (stacked) top -= h;
    });
  });
  parts.push(
    `<line x1="${PAD}" y1="${f1(base)}" x2="${W - PAD}" y2="${f1(base)}" stroke="#888"/>`,
    ...values,
  );

  // Category labels wrapped to their slot, below the axis.
  let bottom = base + 4;
  c.categories.forEach((cat, i) => {
    const lines = wrapText(tx(cat, lang), CATEGORY_PX, slot - 6);
    lines.forEach((line, k) => {
      const ly = base + 4 + lineH(CATEGORY_PX) * (k + 1);
      parts.push(
        text(PAD + slot * i + slot / 2, ly - 0.32 * CATEGORY_PX, CATEGORY_PX, line, ' text-anchor="middle"'),
      );
      bottom = Math.max(bottom, ly);
    });
  });

  if (c.series.length > 1) {
    const legendTop = bottom + 8;
    for (const [j, item] of legendRows(c.series.map((s) => tx(s.name, lang))).entries()) {
      const rowY = legendTop + item.row * (lineH(LEGEND_PX) + 4);
      parts.push(
        `<rect x="${f1(item.x)}" y="${f1(rowY + 1)}" width="${SWATCH}" height="${SWATCH}" fill="${PALETTE[j % PALETTE.length]}"/>`,
        text(item.x + SWATCH + 4, rowY + 0.88 * LEGEND_PX, LEGEND_PX, item.name),
      );
      bottom = Math.max(bottom, rowY + lineH(LEGEND_PX));
    }
  }
  const H = Math.ceil(bottom + PAD);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" font-family="${fontStack(lang)}">`,
    `<title>${esc(tx(c.title, lang))}</title>`,
    ...parts,
    '</svg>',
  ].join('');
}
