/**
 * examples/scope3-demo (DEMONSTRATION DATA and a DEMONSTRATION factor set, both made up) read from
 * its folder, factors.csv included, and calculated end to end: every Scope 3 method, the factor
 * set chosen per category in assay.yaml, category 3 derived from the Scope 1 and 2 lines.
 */
import { join } from 'node:path';
import { evaluateBundle, explain } from '@assay/core';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './bundle-folder.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'examples', 'scope3-demo');

describe('examples/scope3-demo', async () => {
  const loaded = await loadBundle(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const { graph } = evaluateBundle(loaded.bundle);
  const value = (id: string) => {
    const v = graph.value(id);
    return v?.kind === 'quantity' ? `${v.value.toString()} ${v.unit.symbol}` : JSON.stringify(v);
  };
  const cat = (c: string, e = 'group') => value(`ghg.scope3[category=${c}]@${e}/2025`);

  it('reads the factor set with its provenance and price year', () => {
    const spend = loaded.bundle.factors.find((f) => f.id === 'demo/spend/mining-support-services');
    expect(spend).toMatchObject({ priceYear: 2023, status: 'UNVERIFIED', method: 'demonstration-scope3' });
    expect(spend?.document).toContain('DEMONSTRATION');
  });

  it('computes each category with the arithmetic written out', () => {
    // cat-1: 12,000 t × 0.9 = 10,800; 3,000 t × 0.42 (supplier's) = 1,260;
    //        8 CNY million × 0.97 (2025 → 2023 prices) × 0.35 kgCO2e/CNY = 2,716 → 14,776
    expect(cat('cat-1')).toBe('14776 tCO2e');
    // cat-3: smelter diesel 100 t × 0.6 = 60; gas 50 × 389.31 GJ = 19,465.5 GJ × 0.01 = 194.655;
    //        electricity 20,000 MWh × (0.05 + 0.03) = 1,600 → 1,854.655
    //        mine diesel 24,000 L × 0.84 kg/L = 20.16 t × 0.6 = 12.096; 5,000 MWh × 0.08 = 400 → 412.096
    expect(cat('cat-3', 'smelter')).toBe('1854.655 tCO2e');
    expect(cat('cat-3', 'mine')).toBe('412.096 tCO2e');
    expect(cat('cat-3')).toBe('2266.751 tCO2e');
    // cat-4: 1,800,000 t·km × 0.03 kg = 54; cat-9: 2,400,000 t·km × 0.1 kg = 240
    expect(cat('cat-4')).toBe('54 tCO2e');
    expect(cat('cat-9')).toBe('240 tCO2e');
    // cat-5: 350 t × 0.5 = 175; cat-6: 420,000 passenger·km × 0.15 kg = 63; cat-10: 5,200 as given
    expect(cat('cat-5')).toBe('175 tCO2e');
    expect(cat('cat-6')).toBe('63 tCO2e');
    expect(cat('cat-10')).toBe('5200 tCO2e');
    // 14,776 + 2,266.751 + 54 + 240 + 175 + 63 + 5,200 = 22,774.751
    expect(value('ghg.scope3@group/2025')).toBe('22774.751 tCO2e');
  });

  it('explains a category down to each line, its factor and its data-quality score', () => {
    const text = JSON.stringify(explain(graph, 'ghg.scope3[category=cat-1]@smelter/2025'));
    expect(text).toContain('demo/avg/nickel-concentrate');
    expect(text).toContain('0.42');
    expect(text).toContain('data quality 2');
    expect(text).toContain('DEMONSTRATION');
  });
});
