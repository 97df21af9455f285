import { describe, expect, it } from 'vitest';
import { explain, type Lineage } from '../calc/lineage.js';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import { bundle, dp, fuel, line, sub, text } from '../testing/bundle-builder.js';
import { calcKindText, lineageLabeller, localiseLineage, periodText } from './lineage-text.js';

const b = bundle({
  name: text('示例集團', 'Demo Group'),
  entities: [sub('smelter', { name: text('示例冶煉廠', 'Demo Smelter') })],
  lines: [
    fuel('smelter', 'diesel', '100 t', 'unspecified'),
    fuel('smelter', 'natural-gas', '2 10⁴ m³'),
    line('smelter', 'electricity-purchased', 'grid', '1000 MWh'),
    line('smelter', 'steam-purchased', 'steam', '50 tce'),
    line('smelter', 'electricity-green-trade', 'unspecified', '10 10⁴ kWh'),
  ],
  data: [
    dp('smelter', 'employees.headcount', '100 person', { gender: 'female' }),
    dp('smelter', 'employees.headcount', '300 person', { gender: 'male' }),
    dp('group', 'revenue', '1000 CNY million'),
  ],
});
const { graph } = evaluateBundle(b);
const labelOf = lineageLabeller(b);

function nodes(t: Lineage, out = new Map<string, Lineage>()): Map<string, Lineage> {
  out.set(t.id, t);
  for (const c of t.children) nodes(c, out);
  return out;
}
const tree = (id: string) => nodes(localiseLineage(explain(graph, id), labelOf));
const zh = (id: string, node: string) => tree(id).get(node)?.text?.['zh-Hant'];

describe('derivation labels in each report language', () => {
  it('every node under the GHG, energy and intensity figures has a Chinese label without English', () => {
    const ids = [
      'ghg.total.market@group/2025',
      'ghg.total.location@group/2025',
      'energy.total.tce@group/2025',
      'energy.total@group/2025',
      'ghg.intensity.revenue@group/2025',
      'employees.headcount[gender=female]@group/2025',
    ];
    let count = 0;
    for (const id of ids) {
      expect(graph.has(id), id).toBe(true);
      for (const [nodeId, n] of tree(id)) {
        count++;
        const words = (n.text?.['zh-Hant'] ?? n.label).replace(/GB\/T/g, '').match(/[A-Za-z]+/g);
        expect(words, `${nodeId}: ${n.text?.['zh-Hant']}`).toBeNull();
        expect(n.text?.en, nodeId).toBeTruthy();
      }
    }
    expect(count).toBeGreaterThan(25);
  });

  it('names figures, facts, factors and derived activity nodes from what they are', () => {
    const s1 = 'ghg.scope1@group/2025';
    const diesel = [...tree(s1).keys()].find((k) => /^act:l\d+$/.test(k) && tree(s1).get(k)?.fact);
    expect(diesel && zh(s1, diesel)).toBe('燃料：柴油（未分項計量），示例冶煉廠，2025年');
    expect(zh(s1, s1)).toBe('範圍一溫室氣體排放，示例集團，2025年');
    expect(zh(s1, 'factor:constants/co2-per-carbon')).toBe('二氧化碳與碳的分子量之比（44/12）');
    expect(zh(s1, 'factor:ndrc-nf-2015/ncv/diesel')).toBe('柴油低位發熱量（2015年）');
    expect(zh(s1, `${diesel}:co2`)).toBe(
      '柴油燃燒二氧化碳排放（低位發熱量 × 單位熱值含碳量 × 碳氧化率 × 44/12）',
    );
    // English keeps the graph's own label for derived nodes, and names figures in full
    expect(tree(s1).get(`${diesel}:co2`)?.text?.en).toBe(
      'CO2 of diesel (NDRC NF 2015: NCV × CC × OF × 44/12)',
    );
    expect(tree(s1).get(s1)?.text?.en).toBe('Scope 1 GHG emissions, Demo Group, 2025');
    const f = 'employees.headcount[gender=female]@group/2025';
    expect(zh(f, f)).toBe('年末員工人數（女性），示例集團，2025年');
    expect(tree(f).get(f)?.text?.en).toMatch(/\(Female\), Demo Group, 2025$/);
  });

  it('a node it does not know keeps its graph label in every language', () => {
    const n: Lineage = { id: 'x', kind: 'derived', label: 'something new', value: undefined, children: [] };
    expect(labelOf(n)).toEqual({ 'zh-Hant': 'something new', en: 'something new' });
    const keyed: Lineage = { ...n, labelKey: { key: 'no-such-key' } };
    expect(labelOf(keyed)).toEqual({ 'zh-Hant': 'something new', en: 'something new' });
  });

  it('prints periods and node kinds in Chinese', () => {
    expect(periodText('2025')['zh-Hant']).toBe('2025年');
    expect(periodText('2025-03')['zh-Hant']).toBe('2025年3月');
    expect(periodText('2025-Q2')['zh-Hant']).toBe('2025年第2季度');
    expect(calcKindText({ kind: 'derived', op: 'weighted-sum' })['zh-Hant']).toBe('合併（加權合計）');
    expect(calcKindText({ kind: 'fact' })['zh-Hant']).toBe('數據');
  });
});
