/**
 * Golden tests of the iron-and-steel pack (issue #24): the carbon mass balance on a small made-up
 * iron producer. Every carbon content below is test data stated on the line, as a bundle must
 * state it (no library default exists); the diesel factors are the library's NDRC 2015-batch
 * defaults (42.652 GJ/t, 0.0202 tC/GJ, 0.98).
 */
import { describe, expect, it } from 'vitest';
import { factorLibrary } from '../factors/library.js';
import { aboutBlocks } from '../report/about-blocks.js';
import { bundle, fuel, line, sub } from '../testing/bundle-builder.js';
import { unitOf } from '../units/unit.js';
import { activityEntryProblems } from './activity-entry.js';
import { evaluateBundle } from './evaluate-bundle.js';

const cb = (e: string, subject: string, amount: string, direction: 'in' | 'out', carbon: string) =>
  line(e, 'carbon-balance', subject, amount, {
    attributes: { direction, carbon, 'carbon-source': 'test data (made up)' },
  });

/** The made-up iron works: one year of a blast furnace. */
const ironWorksLines = () => [
  cb('iron', 'coke', '1000 t', 'in', '0.85 tC/t'), //            850    tC
  cb('iron', 'bituminous-coal', '200 t', 'in', '0.75 tC/t'), //   150    tC (pulverised coal injection)
  cb('iron', 'limestone', '100 t', 'in', '0.12 tC/t'), //          12    tC
  cb('iron', 'hot-metal', '3000 t', 'out', '0.045 tC/t'), //      135    tC
  cb('iron', 'slag', '900 t', 'out', '0.002 tC/t'), //              1.8  tC
  cb('iron', 'blast-furnace-gas', '150 萬立方米', 'out', '2.4 tC/10⁴ m³'), // 360 tC, sold to a power plant
  fuel('iron', 'blast-furnace-gas', '500 萬立方米'), // burned in the hot stoves: recorded, not counted
  fuel('iron', 'diesel', '10 t'), //                               mobile plant, outside the balance
];

function value(b: ReturnType<typeof bundle>, id: string, places = 6): string {
  const v = evaluateBundle(b).graph.value(id);
  if (!v) throw new Error(`no figure ${id}`);
  return v.kind === 'quantity'
    ? `${v.value.toDecimalPlaces(places).toString()} ${v.unit.symbol}`
    : `${v.code}: ${v.message}`;
}

describe('iron-and-steel pack: carbon mass balance', () => {
  const ironOnly = () =>
    bundle({
      entities: [sub('iron')],
      lines: ironWorksLines(),
      methods: { sectorPacks: { iron: 'iron-steel' } },
    });

  it('E = (C_in − C_out) × 44/12: (1012 − 496.8) tC × 44/12 = 1889.066667 tCO2e, plus diesel outside the balance', () => {
    // C_in = 1000 × 0.85 + 200 × 0.75 + 100 × 0.12 = 850 + 150 + 12 = 1012 tC
    // C_out = 3000 × 0.045 + 900 × 0.002 + 150 (10⁴ m³) × 2.4 = 135 + 1.8 + 360 = 496.8 tC
    // E = 515.2 tC × 44/12 = 1889.0666… tCO2e (ghg.scope1.process)
    const b = ironOnly();
    expect(value(b, 'mb:iron/2025:carbon-in')).toBe('1012 tC');
    expect(value(b, 'mb:iron/2025:carbon-out')).toBe('496.8 tC');
    expect(value(b, 'ghg.scope1.process@iron/2025')).toBe('1889.066667 tCO2e');
    // diesel: 10 t × 42.652 × 0.0202 × 0.98 × 44/12 = 30.959096 tCO2e (combustion)
    expect(value(b, 'ghg.scope1.combustion@iron/2025')).toBe('30.959096 tCO2e');
    // Scope 1 = 1889.066667 + 30.959096 = 1920.025763; the gas burned on site adds nothing
    expect(value(b, 'ghg.scope1@iron/2025')).toBe('1920.025763 tCO2e');
  });

  it('counts the coke and coal as energy, not the blast-furnace gas burned from them', () => {
    // coke 1000 t × 28.435 GJ/t = 28435 GJ; bituminous coal 200 t × 19.570 GJ/t = 3914 GJ;
    // diesel 10 t × 42.652 = 426.52 GJ; total 32775.52 GJ = 9104.311111 MWh (÷ 3.6)
    expect(value(ironOnly(), 'energy.direct@iron/2025')).toBe('9104.311111 MWh');
  });

  it('counts by-product gas on top of the coke under the non-ferrous guideline, which is why the pack exists', () => {
    const nf = bundle({
      entities: [sub('iron')],
      lines: [fuel('iron', 'coke', '1000 t', 'reductant'), fuel('iron', 'blast-furnace-gas', '500 萬立方米')],
    });
    // coke 2860.418825 tCO2e (methods.test.ts) + the gas again at the library's UNVERIFIED 8.4811 tCO2e/10⁴ m³
    const total = Number(value(nf, 'ghg.scope1@iron/2025').split(' ')[0]);
    expect(total).toBeGreaterThan(2860.42 + 4000);
  });

  it('is an error, never a negative emission, when more carbon leaves than enters', () => {
    const b = bundle({
      entities: [sub('iron')],
      lines: [
        cb('iron', 'coke', '100 t', 'in', '0.85 tC/t'),
        cb('iron', 'hot-metal', '3000 t', 'out', '0.045 tC/t'),
      ],
      methods: { sectorPacks: { iron: 'iron-steel' } },
    });
    // 85 tC in, 135 tC out
    expect(value(b, 'ghg.scope1@iron/2025')).toMatch(/^(negative-remainder|upstream): /);
  });

  it('refuses a balance in an entity that does not follow the pack, naming the setting', () => {
    const b = bundle({ entities: [sub('iron')], lines: [cb('iron', 'coke', '100 t', 'in', '0.85 tC/t')] });
    expect(value(b, 'ghg.scope1.process@iron/2025')).toContain('set methods.sectorPacks.iron: iron-steel');
  });

  it('is chosen per entity: a group with a smelter and an iron works consolidates both and names both methods', () => {
    const b = bundle({
      entities: [sub('smelter'), sub('iron')],
      lines: [fuel('smelter', 'diesel', '100 t'), ...ironWorksLines()],
      methods: { sectorPacks: { iron: 'iron-steel' } },
    });
    // 309.590964 (smelter diesel, methods.test.ts) + 1920.025763 = 2229.616727 tCO2e
    expect(value(b, 'ghg.scope1@group/2025')).toBe('2229.616727 tCO2e');
    const figures = evaluateBundle(b).figures;
    const note = (id: string) => figures.find((f) => f.id === id)?.method ?? '';
    expect(note('ghg.scope1@iron/2025')).toContain('iron and steel guideline, carbon mass balance');
    expect(note('ghg.scope1@iron/2025')).not.toContain('non-ferrous smelting guideline (2015) defaults;');
    expect(note('ghg.scope1@smelter/2025')).not.toContain('iron and steel');
    expect(note('ghg.scope1@group/2025')).toContain('iron and steel');
    expect(note('ghg.scope1@group/2025')).toContain('non-ferrous');
    // the report's methods table names each entity's method
    const table = aboutBlocks(b).find((x) => x.kind === 'table' && x.id === 'about-methods');
    const cells = JSON.stringify(table);
    expect(cells).toContain('carbon mass balance (iron)');
    expect(cells).toContain('non-ferrous metal smelters (2015) (smelter)');
  });

  it('names the iron-steel method alone for an iron producer, with the factor set for fuels outside the balance', () => {
    const cells = JSON.stringify(
      aboutBlocks(ironOnly()).find((x) => x.kind === 'table' && x.id === 'about-methods'),
    );
    expect(cells).toContain(
      'Chinese iron and steel enterprise GHG accounting guideline (trial): carbon mass balance (iron)',
    );
    expect(cells).toContain('Fuel combustion outside the mass balance');
    expect(cells).not.toContain('non-ferrous metal smelters (2015) (');
  });
});

describe('carbon-balance lines at validation', () => {
  const ctx = { ghgMethod: 'ndrc-nf-2015' as const, library: factorLibrary() };
  const problems = (unit: string, attributes: Record<string, string>) =>
    activityEntryProblems(
      { activity: 'carbon-balance', subject: 'coke', use: '', unit: unitOf(unit), attributes },
      ctx,
    ).map((p) => p.message);
  it('needs a direction, a carbon content per unit of the amount and its source', () => {
    expect(
      problems('t', { direction: 'in', carbon: '0.85 tC/t', 'carbon-source': 'lab report 2025-03' }),
    ).toEqual([]);
    expect(problems('t', { direction: 'in', 'carbon-source': 'x' })[0]).toContain('needs its carbon content');
    expect(problems('t', { direction: 'in', carbon: '0.85 tC/t' })[0]).toContain('carbon-source=');
    expect(problems('t', { direction: 'sideways', carbon: '0.85 tC/t', 'carbon-source': 'x' })[0]).toContain(
      'direction=in or direction=out',
    );
    // 85 % of a tonne is a mass, not a mass of carbon: the unit must say tC
    expect(problems('t', { direction: 'in', carbon: '85 %', 'carbon-source': 'x' })[0]).toContain(
      'not a mass of carbon',
    );
  });
});
