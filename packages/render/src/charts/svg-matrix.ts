/**
 * The materiality matrix as inline SVG: x = importance to the business, y = to stakeholders,
 * both 0..5. Placeholder positions (scores read from a picture) are drawn hollow and dashed.
 */
import type { ChartBlock } from '@assay/core/report-model';
import { esc } from '../html/escape.js';
import { fontStack, type RenderLang, tx } from '../text/lang.js';
import { PALETTE } from './svg-bar.js';

type Matrix = Extract<ChartBlock, { chart: 'matrix' }>;
const W = 640;
const H = 440;
const P = { top: 36, right: 180, bottom: 48, left: 56 };
const CATEGORY_COLOUR: Record<string, string> = {
  environmental: PALETTE[0] ?? '#1f6f5c',
  social: PALETTE[3] ?? '#4a6fa5',
  governance: PALETTE[2] ?? '#d9a441',
  economic: PALETTE[4] ?? '#b35c44',
};

export function matrixSvg(c: Matrix, lang: RenderLang): string {
  const pw = W - P.left - P.right;
  const ph = H - P.top - P.bottom;
  const px = (v: string) => P.left + (Number(v) / 5) * pw;
  const py = (v: string) => P.top + ph - (Number(v) / 5) * ph;
  const ticks = [0, 1, 2, 3, 4, 5]
    .map(
      (k) =>
        `<text x="${P.left + (k / 5) * pw}" y="${P.top + ph + 14}" font-size="9" text-anchor="middle">${k}</text>` +
        `<text x="${P.left - 6}" y="${P.top + ph - (k / 5) * ph + 3}" font-size="9" text-anchor="end">${k}</text>`,
    )
    .join('');
  const points = c.points
    .map((p, i) => {
      const colour = CATEGORY_COLOUR[p.category] ?? '#666';
      const x = px(p.x.plain);
      const y = py(p.y.plain);
      const dot = p.isPlaceholder
        ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="none" stroke="${colour}" stroke-dasharray="2 2"/>`
        : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${colour}"/>`;
      const key = `<text x="${W - P.right + 12}" y="${P.top + 12 + i * 14}" font-size="9">${i + 1}. ${esc(tx(p.label, lang))}${p.isPlaceholder ? ' ◇' : ''}</text>`;
      return `${dot}<text x="${(x + 8).toFixed(1)}" y="${(y + 3).toFixed(1)}" font-size="9">${i + 1}</text>${key}`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" font-family="${fontStack(lang)}">`,
    `<title>${esc(tx(c.title, lang))}</title>`,
    `<text x="${P.left}" y="18" font-size="13" font-weight="bold">${esc(tx(c.title, lang))}</text>`,
    `<rect x="${P.left}" y="${P.top}" width="${pw}" height="${ph}" fill="#f6f8f7" stroke="#888"/>`,
    ticks,
    `<text x="${P.left + pw / 2}" y="${H - 10}" font-size="10" text-anchor="middle">${esc(tx(c.xTitle, lang))}</text>`,
    `<text x="14" y="${P.top + ph / 2}" font-size="10" text-anchor="middle" transform="rotate(-90 14 ${P.top + ph / 2})">${esc(tx(c.yTitle, lang))}</text>`,
    points,
    '</svg>',
  ].join('');
}
