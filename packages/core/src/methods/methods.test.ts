/**
 * Golden tests of the GHG and energy methods, with the arithmetic written out. Factors are the
 * library's (packages/core/src/factors/data): NDRC NF 2015 defaults, MEE/NBS 2023 grid factors,
 * purchased heat 0.11 tCO2/GJ, CaCO3 0.4397 tCO2/t, GB/T 2589 coefficients.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../calc/lineage.js';
import { bundle, dp, fuel, line, sub } from '../testing/bundle-builder.js';
import { evaluateBundle } from './evaluate-bundle.js';

function figureText(b: ReturnType<typeof bundle>, id: string, places = 6): string {
  const { graph } = evaluateBundle(b);
  const v = graph.value(id);
  if (!v) throw new Error(`no figure ${id}`);
  return v.kind === 'quantity'
    ? `${v.value.toDecimalPlaces(places).toString()} ${v.unit.symbol}`
    : `${v.code}: ${v.message}`;
}

describe('Scope 1, NDRC non-ferrous guideline (default)', () => {
  it('diesel in tonnes: 100 t × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 = 309.590964 tCO2e', () => {
    const b = bundle({ entities: [sub('s')], lines: [fuel('s', 'diesel', '100 t')] });
    expect(figureText(b, 'ghg.scope1.combustion@s/2025')).toBe('309.590964 tCO2e');
    // energy: 100 × 42.652 = 4265.2 GJ = 1184.777778 MWh; tce by GB/T 2589: 100 t × 1.4571 kgce/kg = 145.71 tce
    expect(figureText(b, 'energy.direct@s/2025')).toBe('1184.777778 MWh');
    expect(figureText(b, 'energy.total.tce@s/2025')).toBe('145.71 tce');
  });

  it('natural gas in 10⁴ m³: 50 × 389.31 GJ/10⁴m³ × 0.0153 × 0.99 × 44/12 = 1081.094405 tCO2e', () => {
    const b = bundle({ entities: [sub('s')], lines: [fuel('s', 'natural-gas', '50 萬立方米')] });
    expect(figureText(b, 'ghg.scope1.combustion@s/2025')).toBe('1081.094405 tCO2e');
    // the same gas given in m³ gives the same result
    const b2 = bundle({ entities: [sub('s')], lines: [fuel('s', 'natural-gas', '500000 m³')] });
    expect(figureText(b2, 'ghg.scope1.combustion@s/2025')).toBe('1081.094405 tCO2e');
  });

  it('coke as reductant: 1000 t × 28.435 × 0.0295 × 0.93 × 44/12 = 2860.418825 tCO2e, reported as energy used as raw material', () => {
    const b = bundle({ entities: [sub('s')], lines: [fuel('s', 'coke', '1000 t', 'reductant')] });
    expect(figureText(b, 'ghg.scope1.reductant@s/2025')).toBe('2860.418825 tCO2e');
    expect(figureText(b, 'ghg.scope1@s/2025')).toBe('2860.418825 tCO2e');
    const { graph } = evaluateBundle(b);
    expect(graph.has('ghg.scope1.combustion@s/2025')).toBe(false);
  });

  it('fuel not metered separately counts as combustion and says so', () => {
    const b = bundle({ entities: [sub('s')], lines: [fuel('s', 'coke', '10 t', 'unspecified')] });
    expect(figureText(b, 'ghg.scope1.combustion@s/2025')).toBe('28.604188 tCO2e');
    const { graph } = evaluateBundle(b);
    const co2 = [...graph.nodes()].find((n) => n.id.endsWith(':co2'));
    expect(co2?.note).toBe('not metered separately as fuel or reductant: counted as combustion');
  });

  it('IPCC 2006 is a separate method, never with a Chinese oxidation rate: 100 t × 43.0 GJ/t × 74,100 kg/TJ = 318.63 tCO2e', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [fuel('s', 'diesel', '100 t')],
      methods: { ghg: 'ipcc-2006' },
    });
    expect(figureText(b, 'ghg.scope1.combustion@s/2025')).toBe('318.63 tCO2e');
  });

  it('a carbonate: 200 t CaCO3 × 0.4397 tCO2/t × purity 0.9 = 79.146 tCO2e', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [line('s', 'carbonate', 'CaCO3', '200 t', { attributes: { purity: '0.9' } })],
    });
    expect(figureText(b, 'ghg.scope1.process@s/2025')).toBe('79.146 tCO2e');
  });

  it('an unknown fuel is a factor-not-found error that reaches every dependent figure', () => {
    const b = bundle({ entities: [sub('s')], lines: [fuel('s', 'whale-oil', '1 t')] });
    const { graph } = evaluateBundle(b);
    expect(graph.value('ghg.scope1@group/2025')).toMatchObject({
      kind: 'error',
      code: 'upstream',
      cause: { code: 'factor-not-found' },
    });
  });
});

describe('Scope 2', () => {
  it('location-based at the provincial factor: 1000 MWh × 0.6021 (Xinjiang 2023) = 602.1 tCO2e', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [line('s', 'electricity-purchased', 'grid', '1000 MWh')],
    });
    expect(figureText(b, 'ghg.scope2.location@s/2025')).toBe('602.1 tCO2e');
  });

  it('location-based at the national factor: 1000 MWh × 0.5306 (national 2023) = 530.6 tCO2e', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [line('s', 'electricity-purchased', 'grid', '100 萬千瓦時')],
      methods: { gridFactor: { vintage: 2023, level: 'national', calibre: 'average' } },
    });
    expect(figureText(b, 'ghg.scope2.location@s/2025')).toBe('530.6 tCO2e');
  });

  it('falls back from a province without a factor to its region, and says so in lineage', () => {
    const b = bundle({
      entities: [sub('s', { province: 'gansu', region: 'northwest' })],
      lines: [line('s', 'electricity-purchased', 'grid', '1000 MWh')],
    });
    expect(figureText(b, 'ghg.scope2.location@s/2025')).toBe('554.3 tCO2e'); // 1000 × 0.5543 (northwest 2023)
    const { graph } = evaluateBundle(b);
    const factor = explain(graph, 'ghg.scope2.location@s/2025').children[0]?.children[1];
    expect(factor?.factor?.id).toBe('mee-nbs/grid/2023/regional/northwest/average');
    expect(factor?.note).toMatch(/no provincial .* gansu.*used northwest regional/);
  });

  it('market-based with a green-power trade and certificates', () => {
    // purchased 1000 MWh, of which 300 MWh green-power trade; 200 certificates × 1 MWh.
    // remainder 1000 − 300 − 200 = 500 MWh × 0.6096 (national excl. market-traded non-fossil, 2023;
    // no provincial value in that calibre) = 304.8 tCO2e. Location-based stays 1000 × 0.6021 = 602.1.
    const b = bundle({
      entities: [sub('s')],
      lines: [
        line('s', 'electricity-purchased', 'grid', '1000 MWh'),
        line('s', 'electricity-green-trade', 'wind', '300 MWh'),
        line('s', 'green-certificate', 'solar', '200 certificates', {
          attributes: { claim: 'scope2-market', batch: 'B1' },
        }),
      ],
    });
    expect(figureText(b, 'ghg.scope2.market@s/2025')).toBe('304.8 tCO2e');
    expect(figureText(b, 'ghg.scope2.location@s/2025')).toBe('602.1 tCO2e');
    expect(figureText(b, 'energy.renewable@s/2025')).toBe('500 MWh');
  });

  it('rejects certificates used for Scope 2 and again as an offset', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [
        line('s', 'electricity-purchased', 'grid', '1000 MWh'),
        line('s', 'green-certificate', 'wind', '100 certificates', {
          attributes: { claim: 'scope2-market', batch: 'B7' },
        }),
        line('s', 'green-certificate', 'wind', '100 certificates', {
          attributes: { claim: 'offset', batch: 'B7' },
        }),
      ],
    });
    const { graph } = evaluateBundle(b);
    expect(graph.value('ghg.scope2.market@s/2025')).toMatchObject({
      code: 'upstream',
      cause: { code: 'instrument-double-use' },
    });
    expect(figureText(b, 'ghg.scope2.location@s/2025')).toBe('602.1 tCO2e');
  });

  it('rejects instruments exceeding consumption', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [
        line('s', 'electricity-purchased', 'grid', '100 MWh'),
        line('s', 'electricity-green-trade', 'wind', '300 MWh'),
      ],
    });
    const { graph } = evaluateBundle(b);
    expect(graph.value('ghg.scope2.market@s/2025')).toMatchObject({
      code: 'upstream',
      cause: { code: 'negative-remainder' },
    });
  });

  it('purchased heat in both Scope 2 figures: 1000 GJ × 0.11 tCO2/GJ = 110 tCO2e', () => {
    const b = bundle({ entities: [sub('s')], lines: [line('s', 'heat-purchased', 'heat', '1000 GJ')] });
    expect(figureText(b, 'ghg.scope2.heat@s/2025')).toBe('110 tCO2e');
    expect(figureText(b, 'ghg.scope2.location@s/2025')).toBe('110 tCO2e');
    expect(figureText(b, 'energy.indirect@s/2025')).toBe('277.777778 MWh');
  });
});

describe('consolidation', () => {
  const lines = () => [
    line('a', 'electricity-purchased', 'grid', '1000 MWh'),
    line('b', 'electricity-purchased', 'grid', '1000 MWh'),
  ];
  const entities = () => [sub('a', { ownership: '1' }), sub('b', { ownership: '0.51', control: 'none' })];

  it('operational control: 100% of controlled entities only (b is not controlled)', () => {
    expect(
      figureText(bundle({ entities: entities(), lines: lines() }), 'ghg.scope2.location@group/2025'),
    ).toBe('602.1 tCO2e');
  });

  it('equity share: each entity by ownership: 602.1 + 0.51 × 602.1 = 909.171', () => {
    const b = bundle({ entities: entities(), lines: lines(), consolidation: 'equity-share' });
    expect(figureText(b, 'ghg.scope2.location@group/2025')).toBe('909.171 tCO2e');
    const { figures } = evaluateBundle(b);
    expect(figures.find((f) => f.id === 'ghg.scope2.location@group/2025')?.method).toMatch(/equity-share/);
  });

  it('sites roll up to subsidiaries and subsidiaries to the group', () => {
    const b = bundle({
      entities: [sub('a'), sub('a-site', { parent: 'a' })],
      lines: [
        line('a-site', 'electricity-purchased', 'grid', '10 MWh'),
        line('a', 'electricity-purchased', 'grid', '10 MWh'),
      ],
    });
    expect(figureText(b, 'energy.indirect@a/2025')).toBe('20 MWh');
    expect(figureText(b, 'energy.indirect@group/2025')).toBe('20 MWh');
  });
});

describe('intensities and social rates', () => {
  it('GHG intensity per CNY million: (309.590964 + 602.1) tCO2e ÷ 10 CNY million', () => {
    const b = bundle({
      entities: [sub('s')],
      lines: [fuel('s', 'diesel', '100 t'), line('s', 'electricity-purchased', 'grid', '1000 MWh')],
      data: [dp('group', 'revenue', '1000 萬元')],
    });
    expect(figureText(b, 'ghg.intensity.revenue@group/2025', 4)).toBe('91.1691 tCO2e/CNY million');
  });

  it('each rate over its own population', () => {
    const b = bundle({
      entities: [sub('s')],
      data: [
        dp('s', 'employees.headcount', '300 person', { gender: 'male' }),
        dp('s', 'employees.headcount', '100 person', { gender: 'female' }),
        dp('s', 'training.trained', '270 person', { gender: 'male' }),
        dp('s', 'training.trained', '80 person', { gender: 'female' }),
        dp('s', 'training.hours', '9000 h', { gender: 'male' }),
        dp('s', 'training.hours', '4000 h', { gender: 'female' }),
        dp('s', 'employees.leavers', '12 person', { gender: 'male' }),
        dp('s', 'employees.leavers', '8 person', { gender: 'female' }),
        dp('s', 'safety.lost-time-injuries', '3 person'),
        dp('s', 'safety.hours-worked', '800000 h'),
      ],
    });
    expect(figureText(b, 'training.coverage[gender=male]@s/2025')).toBe('90 %'); // 270 ÷ 300
    expect(figureText(b, 'training.coverage[gender=female]@s/2025')).toBe('80 %'); // 80 ÷ 100
    expect(figureText(b, 'training.coverage@s/2025')).toBe('87.5 %'); // 350 ÷ 400
    expect(figureText(b, 'training.average-hours[gender=female]@s/2025')).toBe('40 h/person'); // 4000 ÷ 100
    expect(figureText(b, 'employees.turnover-rate[gender=female]@s/2025')).toBe('8 %'); // 8 ÷ 100
    expect(figureText(b, 'employees.turnover-rate@s/2025')).toBe('5 %'); // 20 ÷ 400
    expect(figureText(b, 'safety.ltifr@s/2025')).toBe('3.75 person/million hours'); // 3 ÷ 0.8 million h
  });
});
