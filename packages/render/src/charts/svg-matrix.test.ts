/**
 * The materiality matrix's geometry (svg-matrix.ts): read back from the drawn SVG, no two text
 * boxes overlap (topic numbers, key lines, by text-box.ts's estimate), no number covers a dot,
 * every number lies in the plot, and each number sits on or is joined by a leader line to its
 * own dot. Cases: the demo's twelve computed topics, twelve topics on one point (the old
 * placeholder demo), and random matrices (fast-check) including clusters.
 */
import type { ChartBlock } from '@assay/core/report-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixSvg } from './svg-matrix.js';
import { type Box, intersects, textBox } from './text-box.js';

type Matrix = Extract<ChartBlock, { chart: 'matrix' }>;
const n = (v: number) => ({ text: v.toFixed(1), plain: v.toFixed(2) });
const names = [
  'Corporate governance',
  'Business ethics and anti-corruption',
  'Climate change',
  'Emissions and pollutants',
  'Energy and resource use',
  'Tailings and biodiversity',
  'Work safety and occupational health',
  'Employee rights and development',
  'Supply chain management',
  'Product quality and customers',
  'Research and innovation',
  'Community investment',
];
const matrix = (pts: readonly [number, number][]): Matrix => ({
  kind: 'chart',
  chart: 'matrix',
  id: 'm',
  title: { en: 'Materiality matrix', 'zh-Hant': '重要性矩陣' },
  xTitle: { en: 'x', 'zh-Hant': 'x' },
  yTitle: { en: 'y', 'zh-Hant': 'y' },
  points: pts.map(([x, y], i) => ({
    label: { en: names[i % names.length] ?? 'Topic', 'zh-Hant': `議題${i + 1}` },
    x: n(x),
    y: n(y),
    category: 'social',
    isPlaceholder: false,
  })),
});

type Text = { box: Box; content: string; x: number; y: number };
function texts(svg: string): Text[] {
  const out: Text[] = [];
  for (const m of svg.matchAll(
    /<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"(?: text-anchor="(\w+)")?(?: [^>]*)?>([^<]*)<\/text>/g,
  )) {
    const [, x, y, size, anchor, content] = m;
    if (m[0].includes('transform')) continue; // the rotated axis title
    out.push({
      box: textBox(content ?? '', Number(x), Number(y), Number(size), anchor ?? 'start'),
      content: content ?? '',
      x: Number(x),
      y: Number(y),
    });
  }
  return out;
}
const circles = (svg: string) =>
  [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="(\d+)"/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    r: Number(m[3]),
  }));
const lines = (svg: string) =>
  [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );

function checkGeometry(m: Matrix, lang: 'en' | 'zh-Hant') {
  const svg = matrixSvg(m, lang);
  const dots = circles(svg);
  expect(dots).toHaveLength(m.points.length);
  const plot = { x: 56, y: 36, w: 404, h: 356 };
  const all = texts(svg).filter((t) => t.y > 30); // the title and axis ticks are outside the plot and key
  const numbers = all.filter(
    (t) =>
      /^\d+$/.test(t.content) &&
      t.box.x >= plot.x &&
      t.box.x + t.box.w <= plot.x + plot.w &&
      t.box.y >= plot.y &&
      t.box.y + t.box.h <= plot.y + plot.h,
  );
  expect(numbers.map((t) => t.content).sort()).toEqual(m.points.map((_, i) => String(i + 1)).sort());
  const key = all.filter((t) => t.box.x >= 460);
  const boxes = [...numbers, ...key];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Text;
      const b = boxes[j] as Text;
      if (intersects(a.box, b.box)) throw new Error(`"${a.content}" and "${b.content}" overlap`);
    }
  for (const t of numbers)
    for (const d of dots)
      expect(
        intersects(t.box, { x: d.x - d.r, y: d.y - d.r, w: 2 * d.r, h: 2 * d.r }),
        `${t.content} covers a dot`,
      ).toBe(false);
  // each number is near its own dot, or a leader line runs from its dot to the number's centre
  const leaders = lines(svg);
  numbers.forEach((t) => {
    const d = dots[Number(t.content) - 1];
    if (!d) throw new Error('no dot');
    const cx = t.box.x + t.box.w / 2;
    const cy = t.box.y + t.box.h / 2;
    const near = Math.hypot(cx - d.x, cy - d.y) <= 20;
    const joined = leaders.some(
      ([x1, y1, x2, y2]) =>
        x1 === d.x && y1 === d.y && Math.abs((x2 ?? 0) - cx) < 0.2 && Math.abs((y2 ?? 0) - cy) < 0.2,
    );
    expect(near || joined, `number ${t.content} is neither near nor joined to its dot`).toBe(true);
  });
  return svg;
}

describe('materiality matrix SVG geometry', () => {
  it("places the demo's twelve computed topics without overlaps, in both languages", () => {
    const demo: [number, number][] = [
      [4.19, 2.99],
      [3.66, 3.49],
      [3.22, 4.04],
      [3.93, 4.47],
      [3.74, 3.7],
      [3.22, 4.52],
      [4.36, 4.55],
      [3.38, 3.81],
      [2.75, 2.87],
      [4.47, 2.6],
      [3.63, 2.17],
      [2.42, 3.63],
    ];
    checkGeometry(matrix(demo), 'en');
    checkGeometry(matrix(demo), 'zh-Hant');
  });

  it('fans out twelve topics on one point (the old placeholder demo)', () => {
    const svg = checkGeometry(matrix(Array.from({ length: 12 }, () => [3, 3] as [number, number])), 'en');
    expect(lines(svg).length).toBeGreaterThan(0);
    for (const corner of [1, 5])
      checkGeometry(matrix(Array.from({ length: 12 }, () => [corner, corner] as [number, number])), 'en');
  });

  it('never overlaps for random matrices of up to 12 topics, clusters included (property)', () => {
    const score = fc.integer({ min: 100, max: 500 }).map((v) => v / 100);
    const cluster = fc
      .tuple(score, score)
      .chain(([x, y]) => fc.array(fc.tuple(fc.constant(x), fc.constant(y)), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.tuple(score, score).map((p) => [p]),
            cluster,
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (groups) => {
          const pts = groups.flat().slice(0, 12) as [number, number][];
          checkGeometry(matrix(pts), 'en');
        },
      ),
      { numRuns: 200 },
    );
  });
});
