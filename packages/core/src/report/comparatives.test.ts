/**
 * Comparatives, curated tables and change explanations (issue #19; docs/report.md,
 * "Comparatives"): two prior years beside the current one from figures evaluated per period;
 * Scope 1 printed once with its fuels as sub-rows; a swing above the threshold prints its
 * explanation or, without one, a sentence and a publication-gate item; trend charts over the
 * years with data; the appendix names each entity once (caption), not on every row.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import { bundle, dp, explanation, line, section, sub, text } from '../testing/bundle-builder.js';
import { buildReport } from './build-report.js';
import type { Block, ChartBlock, Section, TableBlock } from './model.js';

const diesel = (t: string, period: string) => line('site', 'fuel', 'diesel', `${t} t`, { period });

function demo(explained: boolean): Bundle {
  return bundle({
    name: text('示例集團', 'Demo Group'),
    reporting: { current: '2025', prior: ['2024', '2023'] },
    entities: [sub('site', { name: text('示例礦場', 'Demo Mine') })],
    lines: [diesel('100', '2025'), diesel('90', '2024'), diesel('80', '2023')],
    data: [
      dp('group', 'safety.fatalities', '1 person'),
      dp('group', 'safety.fatalities', '0 person', {}, '2024'),
      dp('group', 'safety.fatalities', '2 person', {}, '2023'),
      dp('group', 'water.withdrawal', '200 m³'),
      dp('group', 'water.withdrawal', '100 m³', {}, '2024'),
    ],
    registers: explained
      ? { explanations: [explanation('water.withdrawal@group/2025', 'A new pit was dewatered.')] }
      : {},
    narrative: [section('emissions')],
  });
}

function build(b: Bundle) {
  return buildReport({ bundle: b, figures: evaluateBundle(b).figures, status: { state: 'final', units: 0 } });
}
const all = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...all(s.sections)]);
const blocksOf = (m: ReturnType<typeof build>, id: string): readonly Block[] =>
  all(m.sections).find((s) => s.id === id)?.blocks ?? [];
const table = (m: ReturnType<typeof build>, section: string, id: string): TableBlock => {
  const b = blocksOf(m, section).find((x) => x.kind === 'table' && x.id === id);
  if (b?.kind !== 'table') throw new Error(`no table ${id}`);
  return b;
};
const cells = (t: TableBlock, lang: 'en' | 'zh-Hant' = 'en') =>
  t.rows.map((r) =>
    r.map((c) => (c.kind === 'text' ? c.text[lang] : c.kind === 'number' ? c.value.text : '—')).join(' | '),
  );

describe('comparatives', () => {
  const m = build(demo(false));

  it('prints the current year and two prior years evaluated from each year’s data, and the change', () => {
    const key = table(m, 'emissions', 'key-emissions');
    expect(key.head.map((h) => h.en)).toEqual(['Indicator', 'Unit', '2025', '2024', '2023', 'Change (%)']);
    const scope1 = cells(key).filter((r) => r.startsWith('Scope 1 GHG'));
    // One Scope 1 row: combustion and by-fuel totals equal it and are not printed again.
    expect(scope1).toHaveLength(1);
    // Diesel 100/90/80 t × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 = 309.59/278.63/247.67 tCO2e.
    expect(scope1[0]).toBe('Scope 1 GHG emissions | tCO2e | 309.59 | 278.63 | 247.67 | +11.1');
  });

  it('prints a breakdown as a sub-row under its total, by its category only', () => {
    const key = table(m, 'emissions', 'key-emissions');
    const rows = cells(key);
    const at = rows.findIndex((r) => r.startsWith('Scope 1 GHG'));
    expect(rows[at + 1]).toBe('Diesel | tCO2e | 309.59 | 278.63 | 247.67 | +11.1');
    expect(key.levels?.[at]).toBe(0);
    expect(key.levels?.[at + 1]).toBe(1);
    expect(cells(key, 'zh-Hant')[at + 1]?.startsWith('柴油 | 噸二氧化碳當量')).toBe(true);
  });

  it('gives HKEX B2.1 its three years of fatalities', () => {
    const safety = all(m.sections).find((s) =>
      s.blocks.some((b) => b.kind === 'table' && cells(b).some((r) => r.includes('atalit'))),
    );
    const t = safety?.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id.startsWith('key-'));
    expect(cells(t as TableBlock).find((r) => r.includes('atalit'))).toMatch(
      /\| person \| 1 \| 0 \| 2 \| —$/,
    );
  });

  it('draws a trend over the years with data and Scope 1 beside Scope 2 per year', () => {
    const charts = blocksOf(m, 'emissions').filter((b): b is ChartBlock => b.kind === 'chart');
    const trend = charts.find((c) => c.id === 'trend-ghg.total.location');
    if (trend?.chart !== 'bar') throw new Error('no trend chart');
    expect(trend.categories.map((c) => c['zh-Hant'])).toEqual(['2023年', '2024年', '2025年']);
    expect(trend.series[0]?.values.map((v) => v?.text)).toEqual(['247.67', '278.63', '309.59']);
    const byScope = charts.find((c) => c.id === 'ghg-by-scope');
    if (byScope?.chart !== 'bar') throw new Error('no scope chart');
    expect(byScope.series.map((s) => s.name.en)).toEqual(['2023', '2024', '2025']);
  });

  it('names each entity once in the appendix, in the caption', () => {
    const data = blocksOf(m, 'data-tables').filter((b): b is TableBlock => b.kind === 'table');
    const site = data.find((t) => t.id === 'data-emissions-site');
    expect(site?.caption.en).toBe('Emissions: Demo Mine');
    expect(site?.head.map((h) => h.en)).not.toContain('Entity');
    expect(cells(site as TableBlock).filter((r) => r.startsWith('Scope 1 GHG'))).toHaveLength(1);
  });
});

describe('change explanations', () => {
  it('a swing above 30 % without an explanation prints a sentence and blocks publication', () => {
    const m = build(demo(false));
    const water = blocksOf(m, 'water').filter((b) => b.kind === 'note');
    expect(water.map((b) => (b.kind === 'note' ? b.text : null))).toEqual([
      {
        'zh-Hant': '用水量較上年變動+100.0%，尚未提供說明。',
        en: 'Water withdrawal changed by +100.0% against the prior year; no explanation has been given.',
      },
    ]);
    expect(m.status.state).toBe('draft');
    if (m.status.state !== 'draft') return;
    expect(m.status.blockers.map((b) => [b.kind, b.count])).toEqual([['unexplained', 1]]);
  });

  it('with the explanation the note prints it and nothing blocks', () => {
    const m = build(demo(true));
    const note = blocksOf(m, 'water').find((b) => b.kind === 'note');
    expect(note?.kind === 'note' && note.text.en).toBe(
      'Change explained (Water withdrawal, +100.0% against the prior year): A new pit was dewatered.',
    );
    expect(m.status.state).toBe('final');
  });

  it('the threshold is configurable: at 150 % the doubling needs no explanation', () => {
    const b = demo(false);
    const m = buildReport({
      bundle: b,
      figures: evaluateBundle(b).figures,
      status: { state: 'final', units: 0 },
      changeThreshold: '1.5',
    });
    expect(m.status.state).toBe('final');
  });
});
