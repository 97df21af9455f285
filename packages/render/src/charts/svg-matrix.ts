/**
 * The materiality matrix as inline SVG: x = importance to the business (financial), y = to
 * stakeholders (impact), both 0..5. Each topic is a dot with its number; the key at the right
 * names the numbers (wrapped to the key's width). Placeholder positions (scores read from a
 * picture) are drawn hollow and dashed.
 *
 * Labels never overlap (text-box.ts geometry; svg-matrix.test.ts checks the drawn SVG): a
 * topic's number goes in the first free place of rings of candidate places around its dot —
 * right, left, above, below, the diagonals, then two to twelve times as far — where free
 * means inside the plot, clear of every label placed before and of every dot (failing every
 * ring, the nearest free place of a 4 px grid over the plot). A number placed
 * away from its dot gets a thin leader line. Topics whose scores coincide therefore fan out.
 */
import type { ChartBlock } from '@assay/core/report-model';
import { esc } from '../html/escape.js';
import { fontStack, type RenderLang, tx } from '../text/lang.js';
import { PALETTE } from './svg-bar.js';
import { type Box, intersects, LINE_EM, textBox, wrapText } from './text-box.js';

type Matrix = Extract<ChartBlock, { chart: 'matrix' }>;
const W = 640;
const H = 440;
const P = { top: 36, right: 180, bottom: 48, left: 56 };
const DOT = 6;
const NUMBER_SIZE = 9;
const KEY_SIZE = 9;
const KEY_X = W - P.right + 12;
const KEY_WIDTH = P.right - 16;
/** A key line's step: the text box's height and a pixel, so rounding to 0.1 px never makes two touch. */
const KEY_LINE = LINE_EM * KEY_SIZE + 1;
const CATEGORY_COLOUR: Record<string, string> = {
  environmental: PALETTE[0] ?? '#1f6f5c',
  social: PALETTE[3] ?? '#4a6fa5',
  governance: PALETTE[2] ?? '#d9a441',
  economic: PALETTE[4] ?? '#b35c44',
};

const PW = W - P.left - P.right;
const PH = H - P.top - P.bottom;
const plot: Box = { x: P.left, y: P.top, w: PW, h: PH };
const inside = (b: Box, a: Box) =>
  b.x >= a.x && b.y >= a.y && b.x + b.w <= a.x + a.w && b.y + b.h <= a.y + a.h;
const dotBox = (x: number, y: number): Box => ({ x: x - DOT, y: y - DOT, w: 2 * DOT, h: 2 * DOT });

/** Offsets (dx, dy of the baseline point) and anchors of the candidate places, ring by ring. */
function candidates(): { dx: number; dy: number; anchor: 'start' | 'end' | 'middle' }[] {
  const out: { dx: number; dy: number; anchor: 'start' | 'end' | 'middle' }[] = [];
  for (let ring = 1; ring <= 12; ring++) {
    const d = (DOT + 2) * ring;
    out.push(
      { dx: d, dy: 3, anchor: 'start' },
      { dx: -d, dy: 3, anchor: 'end' },
      { dx: 0, dy: -d - 1, anchor: 'middle' },
      { dx: 0, dy: d + 8, anchor: 'middle' },
      { dx: d, dy: -d, anchor: 'start' },
      { dx: -d, dy: -d, anchor: 'end' },
      { dx: d, dy: d + 6, anchor: 'start' },
      { dx: -d, dy: d + 6, anchor: 'end' },
    );
  }
  return out;
}
const CANDIDATES = candidates();

export type PlacedLabel = {
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  box: Box;
  far: boolean;
};

/** Place each dot's label (its text) by the rule above; a label with no free place goes to its first candidate. */
export function placeLabels(dots: readonly { x: number; y: number; text: string }[]): PlacedLabel[] {
  const dotBoxes = dots.map((d) => dotBox(d.x, d.y));
  const placed: Box[] = [];
  return dots.map((d) => {
    let chosen: PlacedLabel | undefined;
    for (const [k, c] of CANDIDATES.entries()) {
      const x = d.x + c.dx;
      const y = d.y + c.dy;
      const box = textBox(d.text, x, y, NUMBER_SIZE, c.anchor);
      if (!inside(box, plot)) continue;
      if (placed.some((p) => intersects(p, box)) || dotBoxes.some((b) => intersects(b, box))) continue;
      chosen = { x, y, anchor: c.anchor, box, far: k >= 8 };
      break;
    }
    // No ring has room (a crowded corner): the free place of a 4 px grid over the plot nearest the dot.
    if (!chosen) {
      let best: { d2: number; label: PlacedLabel } | undefined;
      for (let gx = plot.x; gx <= plot.x + plot.w; gx += 4)
        for (let gy = plot.y; gy <= plot.y + plot.h; gy += 4) {
          const box = textBox(d.text, gx, gy, NUMBER_SIZE, 'start');
          if (
            !inside(box, plot) ||
            placed.some((p) => intersects(p, box)) ||
            dotBoxes.some((b) => intersects(b, box))
          )
            continue;
          const d2 = (box.x + box.w / 2 - d.x) ** 2 + (box.y + box.h / 2 - d.y) ** 2;
          if (!best || d2 < best.d2) best = { d2, label: { x: gx, y: gy, anchor: 'start', box, far: true } };
        }
      const c = CANDIDATES[0] ?? { dx: DOT + 2, dy: 3, anchor: 'start' as const };
      chosen = best?.label ?? {
        x: d.x + c.dx,
        y: d.y + c.dy,
        anchor: c.anchor,
        box: textBox(d.text, d.x + c.dx, d.y + c.dy, NUMBER_SIZE, c.anchor),
        far: false,
      };
    }
    placed.push(chosen.box);
    return chosen;
  });
}

const f1 = (n: number) => n.toFixed(1);

export function matrixSvg(c: Matrix, lang: RenderLang): string {
  const px = (v: string) => P.left + (Number(v) / 5) * PW;
  const py = (v: string) => P.top + PH - (Number(v) / 5) * PH;
  const ticks = [0, 1, 2, 3, 4, 5]
    .map(
      (k) =>
        `<text x="${f1(P.left + (k / 5) * PW)}" y="${P.top + PH + 14}" font-size="9" text-anchor="middle">${k}</text>` +
        `<text x="${P.left - 6}" y="${f1(P.top + PH - (k / 5) * PH + 3)}" font-size="9" text-anchor="end">${k}</text>`,
    )
    .join('');
  const dots = c.points.map((p, i) => ({ x: px(p.x.plain), y: py(p.y.plain), text: String(i + 1) }));
  const labels = placeLabels(dots);
  const points = c.points
    .map((p, i) => {
      const colour = CATEGORY_COLOUR[p.category] ?? '#666';
      const d = dots[i] ?? { x: 0, y: 0 };
      const l = labels[i];
      const dot = p.isPlaceholder
        ? `<circle cx="${f1(d.x)}" cy="${f1(d.y)}" r="${DOT}" fill="none" stroke="${colour}" stroke-dasharray="2 2"/>`
        : `<circle cx="${f1(d.x)}" cy="${f1(d.y)}" r="${DOT}" fill="${colour}"/>`;
      if (!l) return dot;
      const cx = l.box.x + l.box.w / 2;
      const cy = l.box.y + l.box.h / 2;
      const leader = l.far
        ? `<line x1="${f1(d.x)}" y1="${f1(d.y)}" x2="${f1(cx)}" y2="${f1(cy)}" stroke="#999" stroke-width="0.5"/>`
        : '';
      return `${dot}${leader}<text x="${f1(l.x)}" y="${f1(l.y)}" font-size="${NUMBER_SIZE}" text-anchor="${l.anchor}">${i + 1}</text>`;
    })
    .join('');
  // The key: "n. name" wrapped to the key's width, entries one under another.
  let keyY = P.top + 12;
  const key = c.points
    .map((p, i) => {
      const lines = wrapText(
        `${i + 1}. ${tx(p.label, lang)}${p.isPlaceholder ? ' ◇' : ''}`,
        KEY_SIZE,
        KEY_WIDTH,
      );
      const out = lines
        .map(
          (line, k) =>
            `<text x="${KEY_X}" y="${f1(keyY + k * KEY_LINE)}" font-size="${KEY_SIZE}">${esc(line)}</text>`,
        )
        .join('');
      keyY += lines.length * KEY_LINE + 3;
      return out;
    })
    .join('');
  const height = Math.max(H, Math.ceil(keyY));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="100%" role="img" font-family="${fontStack(lang)}">`,
    `<title>${esc(tx(c.title, lang))}</title>`,
    `<text x="${P.left}" y="18" font-size="13" font-weight="bold">${esc(tx(c.title, lang))}</text>`,
    `<rect x="${P.left}" y="${P.top}" width="${PW}" height="${PH}" fill="#f6f8f7" stroke="#888"/>`,
    ticks,
    `<text x="${P.left + PW / 2}" y="${H - 10}" font-size="10" text-anchor="middle">${esc(tx(c.xTitle, lang))}</text>`,
    `<text x="14" y="${P.top + PH / 2}" font-size="10" text-anchor="middle" transform="rotate(-90 14 ${P.top + PH / 2})">${esc(tx(c.yTitle, lang))}</text>`,
    points,
    key,
    '</svg>',
  ].join('');
}
