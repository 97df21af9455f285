/** The Scope 3 table by category in the report model (issue #21). */
import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import { scope3Quality } from '../methods/scope3/scope3-quality.js';
import type { FactorRecord } from '../model/factor-record.js';
import { bundle, fuel, line, sub } from '../testing/bundle-builder.js';
import { buildReport } from './build-report.js';
import type { Block, Section, TableBlock } from './model.js';

const WTT: FactorRecord = {
  id: 'test-set/wtt/diesel',
  kind: 'scope3-wtt',
  method: 'test-set',
  value: '0.6',
  unit: 'tCO2e/t',
  keys: { fuel: 'diesel' },
  vintage: 2024,
  document: 'test fixture (made-up value)',
  status: 'UNVERIFIED',
};

function tableOf(b: ReturnType<typeof bundle>, weighted = true): TableBlock | undefined {
  const { figures, graph } = evaluateBundle(b);
  const model = buildReport({
    bundle: b,
    figures,
    status: { state: 'draft', units: 1, unapproved: 1 },
    ...(weighted ? { scope3Quality: scope3Quality(b, graph) } : {}),
  });
  const all = (s: Section): Block[] => [...s.blocks, ...s.sections.flatMap(all)];
  return model.sections
    .flatMap(all)
    .find((x): x is TableBlock => x.kind === 'table' && x.id === 'scope3-by-category');
}

describe('Scope 3 by category in the report', () => {
  it('lists each category with its methods, figure and emissions-weighted data quality, in category order', () => {
    const s3 = (c: string, amount: string, attributes: Record<string, string>) =>
      line('s', 'scope3', c, amount, { attributes });
    const b = {
      ...bundle({
        entities: [sub('s')],
        lines: [
          s3('cat-10', '5200 tCO2e', { dq: '5' }),
          s3('cat-1', '200 t', { method: 'supplier-specific', factor: '0.85 tCO2e/t', dq: '2' }),
          s3('cat-1', '12.5 tCO2e', { dq: '4' }),
          fuel('s', 'diesel', '100 t'),
        ],
        methods: { scope3: { factorSets: { 'cat-3': 'test-set' } } },
      }),
      factors: [WTT],
    };
    const table = tableOf(b);
    const cells = table?.rows.map((r) =>
      r.map((c) => (c.kind === 'text' ? c.text.en : c.kind === 'number' ? c.value.text : '')),
    );
    expect(cells).toEqual([
      // 200 × 0.85 = 170; + 12.5 = 182.5; quality (170 × 2 + 12.5 × 4) ÷ 182.5 = 390 ÷ 182.5 = 2.137 → 2.1
      ['1. Purchased goods and services', 'upstream', 'supplier-specific, as given', '182.50', '2.1 (2–4)'],
      // 100 t diesel × 0.6 = 60, from the Scope 1 line
      [
        '3. Fuel- and energy-related activities (not included in Scope 1 or 2)',
        'upstream',
        'from Scope 1 and 2 activity data',
        '60.00',
        '—',
      ],
      ['10. Processing of sold products', 'downstream', 'as given', '5,200.00', '5.0 (5)'],
    ]);
    // without the graph's weights (a caller that has none) the range alone
    expect(tableOf(b, false)?.rows[0]?.[4]).toEqual({ kind: 'text', text: { 'zh-Hant': '2–4', en: '2–4' } });
    const q = scope3Quality(b, evaluateBundle(b).graph).find((x) => x.category === 'cat-1');
    expect(q?.score.toDecimalPlaces(6).toString()).toBe('2.136986');
    expect(q?.covered.toString()).toBe('182.5');
    expect(table?.rows[0]?.[0]).toEqual({
      kind: 'text',
      text: { 'zh-Hant': '1. 外購商品及服務', en: '1. Purchased goods and services' },
    });
  });

  it('notes the categories the screening excluded, with their justification; screening lines add no method', () => {
    const s3 = (c: string, amount: string, attributes: Record<string, string> = {}) =>
      line('s', 'scope3', c, amount, { attributes });
    const why = (en: string, zh: string) => ({ en, 'zh-Hant': zh });
    const b = bundle({
      entities: [sub('s')],
      lines: [
        s3('cat-1', '12.5 tCO2e'),
        s3('cat-1', '3 tCO2e', { screening: 'yes', dq: '5' }),
        s3('cat-7', '2 tCO2e', { screening: 'yes' }),
      ],
      methods: {
        scope3: {
          factorSets: {},
          screening: {
            thresholdPercent: '5',
            excluded: { 'cat-1': why('ignored: reported', '不適用'), 'cat-7': why('below 5 %', '低於5%') },
          },
        },
      },
    });
    const { figures, graph } = evaluateBundle(b);
    const model = buildReport({
      bundle: b,
      figures,
      status: { state: 'draft', units: 1, unapproved: 1 },
      scope3Quality: scope3Quality(b, graph),
    });
    const all = (s: Section): Block[] => [...s.blocks, ...s.sections.flatMap(all)];
    const blocks = model.sections.flatMap(all);
    const at = blocks.findIndex((x) => x.kind === 'table' && x.id === 'scope3-by-category');
    const table = blocks[at] as TableBlock;
    // the screening line (3 tCO2e, dq 5) is neither added nor weighted: 12.5 as given, no score
    expect(
      table.rows[0]?.map((c) => (c.kind === 'text' ? c.text.en : c.kind === 'number' ? c.value.text : '')),
    ).toEqual(['1. Purchased goods and services', 'upstream', 'as given', '12.50', '—']);
    expect(blocks[at + 1]).toEqual({
      kind: 'note',
      text: {
        en: 'Categories excluded after screening: 7. Employee commuting (below 5 %).',
        'zh-Hant': '經篩選後未計入的類別：7. 員工通勤（低於5%）。',
      },
    });
  });

  it('is left out when the group reports no Scope 3', () => {
    expect(tableOf(bundle({ entities: [sub('s')], lines: [fuel('s', 'diesel', '1 t')] }))).toBeUndefined();
  });
});
