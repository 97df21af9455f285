/**
 * Chart labels never overlap (issue #19): the SVG of bar and stacked-bar charts is parsed back,
 * every <text> gets its box (text-box.ts: baseline, anchor, size, estimated width), and no two
 * boxes may intersect or leave the viewBox — for long Chinese and English labels, many
 * categories, grouped series and thin stacked segments, and for random labels (fast-check).
 * The estimate is checked against Chromium's own measure (getBBox) of the same SVG: every drawn
 * text lies inside its estimated box, so boxes that do not meet mean glyphs that do not meet.
 */
import type { ChartBlock, LocalisedText, NumberText } from '@assay/core/report-model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../pdf/browser.js';
import type { RenderLang } from '../text/lang.js';
import { barChartSvg } from './svg-bar.js';
import { type Box, intersects, textBox } from './text-box.js';

type BarChart = Extract<ChartBlock, { chart: 'bar' | 'stacked-bar' }>;
const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const num = (plain: string): NumberText => ({
  plain,
  text: plain.replace(/\B(?=(\d{3})+(?!\d))/g, ','),
});

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

type Drawn = { text: string; box: Box };

function textsOf(svg: string): { drawn: Drawn[]; width: number; height: number } {
  const vb = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const drawn: Drawn[] = [];
  for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1] ?? '')?.[1];
    const text = unescapeXml(m[2] ?? '');
    const box = textBox(
      text,
      Number(attr('x')),
      Number(attr('y')),
      Number(attr('font-size')),
      attr('text-anchor') ?? 'start',
    );
    drawn.push({ text, box });
  }
  return { drawn, width: Number(vb?.[1]), height: Number(vb?.[2]) };
}

/** Pairs of labels whose boxes meet, and labels outside the viewBox. */
function problems(svg: string): string[] {
  const { drawn, width, height } = textsOf(svg);
  const out: string[] = [];
  drawn.forEach((a, i) => {
    const b = a.box;
    if (b.x < 0 || b.y < 0 || b.x + b.w > width || b.y + b.h > height) out.push(`outside: ${a.text}`);
    for (const c of drawn.slice(i + 1))
      if (intersects(a.box, c.box)) out.push(`overlap: ${a.text} | ${c.text}`);
  });
  return out;
}

const LONG_ZH = [
  t('新疆喀拉通克礦業有限責任公司', 'Xinjiang Kalatongke Mining Co., Ltd.'),
  t('新疆亞克斯資源開發股份有限公司', 'Xinjiang Yakesi Resources Development Co., Ltd.'),
  t('新鑫礦業股份有限公司阜康冶煉廠', 'Xinxin Mining Fukang Refinery'),
  t('哈密眾鑫', 'Hami Zhongxin'),
  t(
    '新疆華甌礦業有限公司（卡爾恰爾螢石礦項目）',
    'Xinjiang Huaou Mining Co., Ltd. (Kaerqiaer fluorite project)',
  ),
];

const CHARTS: BarChart[] = [
  {
    kind: 'chart',
    chart: 'stacked-bar',
    id: 'by-entity',
    title: t(
      '按範圍及實體劃分的溫室氣體排放（範圍1及範圍2，按地點計算）',
      'GHG emissions by scope and entity (Scope 1 and Scope 2, location-based)',
    ),
    unit: t('噸二氧化碳當量', 'tCO2e'),
    categories: LONG_ZH,
    series: [
      { name: t('範圍1', 'Scope 1'), values: [num('132548.82'), num('45.1'), num('9000'), null, num('0.5')] },
      {
        name: t('範圍2（按地點計算）', 'Scope 2 (location-based)'),
        values: [num('247139.71'), num('1.2'), num('88000.25'), num('10'), null],
      },
    ],
  },
  {
    kind: 'chart',
    chart: 'bar',
    id: 'by-scope',
    title: t('按範圍劃分的溫室氣體排放', 'GHG emissions by scope'),
    unit: t('噸二氧化碳當量', 'tCO2e'),
    categories: [
      t('範圍1', 'Scope 1'),
      t('範圍2（按地點計算）', 'Scope 2 (location-based)'),
      t('範圍2（按市場計算）', 'Scope 2 (market-based)'),
    ],
    series: ['2023', '2024', '2025'].map((y, k) => ({
      name: t(`${y}年`, y),
      values: [num(`${120000 + k * 7000}.55`), num(`${240000 - k * 900}.10`), num(`${180000 + k}.66`)],
    })),
  },
  {
    kind: 'chart',
    chart: 'bar',
    id: 'energy-mix',
    title: t('按能源類型劃分的能源消耗', 'Energy consumption by carrier'),
    unit: t('兆瓦時', 'MWh'),
    categories: [
      '焦炭',
      '柴油',
      '外購電力（含綠色電力交易）',
      '汽油',
      '天然氣',
      '蒸汽',
      '餘熱回收利用',
      '綠色電力證書',
    ].map((z) => t(z, `Energy carrier named ${z.length} characters long in English`)),
    series: [
      {
        name: t('能源消耗', 'Energy consumed'),
        values: [
          num('236590.34'),
          num('20140.63'),
          num('406709.19'),
          num('25'),
          num('208064.57'),
          num('5707.33'),
          num('0'),
          num('1000000000'),
        ],
      },
    ],
  },
];

describe('bar chart label geometry', () => {
  for (const c of CHARTS)
    for (const lang of ['zh-Hant', 'en', 'zh-Hans'] as RenderLang[])
      it(`${c.id} (${lang}): no label overlaps another or leaves the drawing`, () => {
        const svg = barChartSvg(c, lang);
        expect(problems(svg)).toEqual([]);
        expect(textsOf(svg).drawn.length).toBeGreaterThan(c.categories.length);
      });

  it('the check finds an overlap when there is one', () => {
    const bad =
      '<svg viewBox="0 0 100 50"><text x="10" y="20" font-size="10">範圍1排放</text><text x="30" y="22" font-size="10">Scope</text></svg>';
    expect(problems(bad)).toEqual(['overlap: 範圍1排放 | Scope']);
  });

  it('random labels and values never overlap', () => {
    const label = fc.string({
      unit: fc.constantFrom('範', '圍', '礦', '業', 'a', 'W', 'm', ' ', '（', '1', '-'),
      maxLength: 40,
    });
    const value = fc.option(
      fc.integer({ min: 0, max: 9_999_999_999 }).map((v) => num(`${v}.25`)),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        label,
        fc.array(label, { minLength: 9, maxLength: 9 }),
        fc.array(fc.array(value, { minLength: 9, maxLength: 9 }), { minLength: 4, maxLength: 4 }),
        (n, s, stacked, title, cats, vals) => {
          const c: BarChart = {
            kind: 'chart',
            chart: stacked ? 'stacked-bar' : 'bar',
            id: 'x',
            title: t(title, title),
            unit: t('噸二氧化碳當量', 'tCO2e'),
            categories: cats.slice(0, n).map((x) => t(x, x)),
            series: vals
              .slice(0, s)
              .map((v, j) => ({ name: t(`${cats[j]}`, `${cats[j]}`), values: v.slice(0, n) })),
          };
          expect(problems(barChartSvg(c, 'zh-Hant'))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('estimated text boxes contain what Chromium draws', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('every label of every chart, both scripts', async () => {
    const context = await browser.newContext({ offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    try {
      for (const c of CHARTS)
        for (const lang of ['zh-Hant', 'en'] as RenderLang[]) {
          const svg = barChartSvg(c, lang).replace('width="100%"', 'width="640"');
          await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
          const measured: { text: string; x: number; y: number; w: number; h: number }[] =
            await page.evaluate(
              // A string: the test's TypeScript has no DOM types. Box in SVG user units (viewBox = 640 px).
              `[...document.querySelectorAll('text')].map((el) => {
                const b = el.getBBox();
                return { text: el.textContent ?? '', x: b.x, y: b.y, w: b.width, h: b.height };
              })`,
            );
          const estimated = textsOf(svg).drawn;
          expect(measured.length).toBe(estimated.length);
          measured.forEach((m, i) => {
            const e = estimated[i]?.box;
            if (!e) throw new Error('missing box');
            const where = `${c.id} ${lang} "${m.text}": drawn x ${m.x.toFixed(1)}–${(m.x + m.w).toFixed(1)}, estimated ${e.x.toFixed(1)}–${(e.x + e.w).toFixed(1)}`;
            expect(m.x, where).toBeGreaterThanOrEqual(e.x - 0.5);
            expect(m.x + m.w, where).toBeLessThanOrEqual(e.x + e.w + 0.5);
          });
        }
    } finally {
      await context.close();
    }
  }, 60_000);
});
