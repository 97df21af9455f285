/**
 * Bar and stacked-bar charts as inline SVG, drawn by hand so the same markup goes into the HTML
 * and the PDF. Geometry uses Number(plain) (layout only: printed labels are the model's strings).
 */
import type { ChartBlock } from '@assay/core/report-model';
import { esc } from '../html/escape.js';
import { fontStack, type RenderLang, tx } from '../text/lang.js';

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
const H = 300;
const PAD = { top: 40, right: 16, bottom: 60, left: 16 };

export function barChartSvg(c: BarChart, lang: RenderLang): string {
  const n = c.categories.length;
  const stacked = c.chart === 'stacked-bar';
  const totals = c.categories.map((_, i) =>
    stacked
      ? c.series.reduce((s, x) => s + Math.max(0, Number(x.values[i]?.plain ?? 0)), 0)
      : Math.max(0, ...c.series.map((x) => Number(x.values[i]?.plain ?? 0))),
  );
  const max = Math.max(...totals, 0) || 1;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = (W - PAD.left - PAD.right) / Math.max(n, 1);
  const perSlot = stacked ? 1 : c.series.length;
  const barW = Math.min(60, (slot * 0.7) / perSlot);
  const parts: string[] = [];
  c.categories.forEach((cat, i) => {
    const x0 = PAD.left + slot * i + (slot - barW * perSlot) / 2;
    let base = PAD.top + plotH;
    c.series.forEach((s, j) => {
      const v = s.values[i];
      if (!v) return;
      const h = (Math.max(0, Number(v.plain)) / max) * plotH;
      const x = stacked ? x0 : x0 + j * barW;
      const y = stacked ? base - h : PAD.top + plotH - h;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[j % PALETTE.length]}"/>`,
      );
      const ly = stacked ? y + h / 2 + 4 : y - 4;
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="middle" font-size="10">${esc(v.text)}</text>`,
      );
      if (stacked) base -= h;
    });
    parts.push(
      `<text x="${(PAD.left + slot * i + slot / 2).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11">${esc(tx(cat, lang))}</text>`,
    );
  });
  const legend = c.series
    .map(
      (s, j) =>
        `<rect x="${PAD.left + j * 200}" y="${H - 22}" width="10" height="10" fill="${PALETTE[j % PALETTE.length]}"/><text x="${PAD.left + j * 200 + 14}" y="${H - 13}" font-size="10">${esc(tx(s.name, lang))}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" font-family="${fontStack(lang)}">`,
    `<title>${esc(tx(c.title, lang))}</title>`,
    `<text x="${PAD.left}" y="18" font-size="13" font-weight="bold">${esc(tx(c.title, lang))}</text>`,
    `<text x="${W - PAD.right}" y="18" font-size="10" text-anchor="end">${esc(tx(c.unit, lang))}</text>`,
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="#888"/>`,
    ...parts,
    c.series.length > 1 ? legend : '',
    '</svg>',
  ].join('');
}
