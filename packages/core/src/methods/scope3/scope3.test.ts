/**
 * Golden tests of the Scope 3 methods, with the arithmetic written out. The factor set here is a
 * test fixture ("test-set", round made-up values, no source): what is tested is the arithmetic,
 * the units and the lineage, not any published factor.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../calc/lineage.js';
import type { FactorRecord } from '../../model/factor-record.js';
import { bundle, fuel, line, sub } from '../../testing/bundle-builder.js';
import { evaluateBundle } from '../evaluate-bundle.js';

const f = (
  kind: string,
  keys: Record<string, string>,
  value: string,
  unit: string,
  extra: Partial<FactorRecord> = {},
): FactorRecord => ({
  id: `test-set/${kind}/${Object.values(keys).join('-') || 'all'}`,
  kind,
  method: 'test-set',
  value,
  unit,
  keys,
  vintage: 2024,
  document: 'test fixture (made-up values)',
  status: 'UNVERIFIED',
  ...extra,
});

const SET: FactorRecord[] = [
  f('scope3-average', { item: 'nickel-concentrate' }, '1.2', 'tCO2e/t'),
  f('scope3-average', { item: 'matte-refining' }, '2.5', 'tCO2e/t'),
  f('scope3-supplier', { item: 'acme-coke' }, '0.4', 'tCO2e/t'),
  f('scope3-spend', { sector: 'mining-services' }, '0.5', 'kgCO2e/CNY', { priceYear: 2023 }),
  f('scope3-spend', { sector: 'us-services' }, '0.3', 'kgCO2e/USD', { priceYear: 2025 }),
  f('scope3-transport', { mode: 'rail' }, '0.02', 'kgCO2e/t·km'),
  f('scope3-transport', { mode: 'air-short' }, '0.15', 'kgCO2e/passenger·km'),
  f('scope3-waste', { route: 'landfill' }, '0.5', 'tCO2e/t'),
  f('scope3-wtt', { fuel: 'diesel' }, '0.6', 'tCO2e/t'),
  f('scope3-wtt', { fuel: 'natural-gas' }, '0.01', 'tCO2e/GJ'),
  f('scope3-electricity-upstream', {}, '0.05', 'tCO2e/MWh'),
  f('scope3-td-loss', {}, '0.02', 'tCO2e/MWh'),
];

const s3 = (category: string, amount: string, attributes: Record<string, string> = {}) =>
  line('s', 'scope3', category, amount, { attributes });

function evaluate(lines: ReturnType<typeof line>[], factorSets: Record<string, string> = {}) {
  const b = {
    ...bundle({ entities: [sub('s')], lines, methods: { scope3: { factorSets } } }),
    factors: SET,
  };
  return evaluateBundle(b).graph;
}

function text(graph: ReturnType<typeof evaluate>, id: string): string {
  const v = graph.value(id);
  if (!v) throw new Error(`no node ${id}`);
  return v.kind === 'quantity' ? `${v.value.toString()} ${v.unit.symbol}` : `${v.code}: ${v.message}`;
}

const cat = (c: string) => `ghg.scope3[category=${c}]@s/2025`;

describe('Scope 3 methods', () => {
  it('given: 12.5 tCO2e is reported as given', () => {
    const g = evaluate([s3('cat-1', '12.5 tCO2e')]);
    expect(text(g, cat('cat-1'))).toBe('12.5 tCO2e');
  });

  it('average-data: 500 t nickel concentrate × 1.2 tCO2e/t = 600 tCO2e', () => {
    const g = evaluate([s3('cat-1', '500 t', { method: 'average-data', item: 'nickel-concentrate' })], {
      'cat-1': 'test-set',
    });
    expect(text(g, cat('cat-1'))).toBe('600 tCO2e');
  });

  it('processing of sold products (cat-10, average-data): 800 t of matte sold × 2.5 tCO2e/t = 2,000 tCO2e, the assumption on the node', () => {
    const l = s3('cat-10', '800 t', {
      method: 'average-data',
      item: 'matte-refining',
      assumption: 'all matte refined by customers in China',
      dq: '4',
    });
    const g = evaluate([l], { 'cat-10': 'test-set' });
    expect(text(g, cat('cat-10'))).toBe('2000 tCO2e');
    expect([...g.nodes()].find((n) => n.id === `act:${l.id}:co2e`)?.note).toBe(
      'data quality 4 (1 best … 5 poorest); assumed: all matte refined by customers in China',
    );
  });

  it('supplier-specific: 200 t × 0.85 tCO2e/t stated on the line = 170 tCO2e; 50 t × 0.4 from the set = 20', () => {
    const l1 = s3('cat-1', '200 t', { method: 'supplier-specific', factor: '0.85 tCO2e/t', dq: '2' });
    const l2 = s3('cat-1', '50 t', {
      method: 'supplier-specific',
      item: 'acme-coke',
      'factor-set': 'test-set',
    });
    const g = evaluate([l1, l2]);
    expect(text(g, `act:${l1.id}:co2e`)).toBe('170 tCO2e');
    expect(text(g, `act:${l2.id}:co2e`)).toBe('20 tCO2e');
    // 170 + 20 = 190
    expect(text(g, cat('cat-1'))).toBe('190 tCO2e');
    expect(text(g, `act:${l1.id}:factor`)).toBe('0.85 tCO2e/t');
    expect([...g.nodes()].find((n) => n.id === `act:${l1.id}:co2e`)?.note).toBe(
      'data quality 2 (1 best … 5 poorest)',
    );
  });

  it('spend-based with a price-year deflator: 2,000,000 CNY (2025) × 0.95 × 0.5 kgCO2e/CNY (2023) = 950 tCO2e', () => {
    const l = s3('cat-1', '2000000 CNY', {
      method: 'spend-based',
      sector: 'mining-services',
      'price-year': '2025',
      deflator: '0.95',
    });
    const g = evaluate([l], { 'cat-1': 'test-set' });
    // 2,000,000 × 0.95 = 1,900,000 CNY of 2023; × 0.5 kg = 950,000 kgCO2e = 950 tCO2e
    expect(text(g, `act:${l.id}:co2e`)).toBe('950 tCO2e');
    expect(g.inputIds(`act:${l.id}:co2e`)).toEqual([
      `act:${l.id}`,
      `act:${l.id}:deflator`,
      'factor:test-set/scope3-spend/mining-services',
    ]);
  });

  it('spend-based in USD of the factor’s own price year: 100 USD thousand × 0.3 kgCO2e/USD = 30 tCO2e', () => {
    const l = s3('cat-2', '100 USD thousand', {
      method: 'spend-based',
      sector: 'us-services',
      'price-year': '2025',
    });
    const g = evaluate([l], { 'cat-2': 'test-set' });
    // 100,000 USD × 0.3 kg = 30,000 kg = 30 t
    expect(text(g, cat('cat-2'))).toBe('30 tCO2e');
  });

  it('distance-based freight: 1,500,000 t·km by rail × 0.02 kgCO2e/t·km = 30 tCO2e', () => {
    const g = evaluate([s3('cat-4', '1500000 t·km', { method: 'distance-based', mode: 'rail' })], {
      'cat-4': 'test-set',
    });
    expect(text(g, cat('cat-4'))).toBe('30 tCO2e');
  });

  it('business travel: 20,000 passenger·km short-haul air × 0.15 kgCO2e/passenger·km = 3 tCO2e', () => {
    const g = evaluate([s3('cat-6', '20000 passenger·km', { method: 'distance-based', mode: 'air-short' })], {
      'cat-6': 'test-set',
    });
    expect(text(g, cat('cat-6'))).toBe('3 tCO2e');
  });

  it('waste by treatment route: 40 t to landfill × 0.5 tCO2e/t = 20 tCO2e', () => {
    const g = evaluate([s3('cat-5', '40 t', { method: 'waste-type', route: 'landfill' })], {
      'cat-5': 'test-set',
    });
    expect(text(g, cat('cat-5'))).toBe('20 tCO2e');
  });

  it('a factor the set does not have is a figure error naming it', () => {
    const g = evaluate([s3('cat-5', '40 t', { method: 'waste-type', route: 'incineration' })], {
      'cat-5': 'test-set',
    });
    expect(text(g, cat('cat-5'))).toMatch(/scope3-waste factor \(method test-set\).*route=incineration/);
  });
});

describe('category 3 from the Scope 1 and 2 lines (nothing typed twice)', () => {
  const lines = () => [
    fuel('s', 'diesel', '100 t'),
    fuel('s', 'natural-gas', '50 萬立方米'),
    line('s', 'electricity-purchased', 'grid', '1000 MWh'),
  ];

  it('derives well-to-tank, upstream and T&D losses only when a factor set is chosen for cat-3', () => {
    const g = evaluate(lines(), { 'cat-3': 'test-set' });
    // diesel: 100 t × 0.6 tCO2e/t = 60
    // natural gas: 50 × 10⁴ m³ × 389.31 GJ/10⁴ m³ = 19,465.5 GJ × 0.01 tCO2e/GJ = 194.655
    // electricity: 1000 MWh × 0.05 = 50 upstream; 1000 MWh × 0.02 = 20 T&D losses
    // 60 + 194.655 + 50 + 20 = 324.655 tCO2e
    expect(text(g, cat('cat-3'))).toBe('324.655 tCO2e');
    const tree = explain(g, cat('cat-3'));
    expect(JSON.stringify(tree)).toContain('well-to-tank of natural-gas');
    // Scope 1 and 2 are unchanged by it
    expect(text(evaluate(lines()), 'ghg.scope1@s/2025')).toBe(text(g, 'ghg.scope1@s/2025'));
    expect(evaluate(lines()).has(cat('cat-3'))).toBe(false);
  });
});
