/**
 * Golden tests of the sector packs added beside non-ferrous and iron-steel (issue #24): coal
 * mining, cement and lime, power and heat, GB/T 32150; a blast furnace whose gas is partly flared
 * and partly burned in the group's power plant; a mixed group (smelter + iron works + coal mine).
 * Every entity and amount is made-up test data; the factors are the library's, each named in the
 * arithmetic with its value (statuses in docs/methods.md).
 */
import { describe, expect, it } from 'vitest';
import { fuelParameterQuery } from '../factors/factor-queries.js';
import { factorLibrary } from '../factors/library.js';
import { selectFactor } from '../factors/select-factor.js';
import type { SectorPackId } from '../model/methods.js';
import { aboutBlocks } from '../report/about-blocks.js';
import { bundle, fuel, line, sub } from '../testing/bundle-builder.js';
import { unitOf } from '../units/unit.js';
import { activityEntryProblems } from './activity-entry.js';
import { evaluateBundle } from './evaluate-bundle.js';
import { SECTOR_PACKS } from './sector-packs.js';

function value(b: ReturnType<typeof bundle>, id: string, places = 6): string {
  const v = evaluateBundle(b).graph.value(id);
  if (!v) throw new Error(`no figure ${id}`);
  return v.kind === 'quantity'
    ? `${v.value.toDecimalPlaces(places).toString()} ${v.unit.symbol}`
    : `${v.code}: ${v.message}`;
}
const packs = (p: Record<string, SectorPackId>) => ({ sectorPacks: p });
const mined = (e: string, mine: string, amount: string, attributes: Record<string, string> = {}) =>
  line(e, 'coal-mined', mine, amount, { attributes });

describe('coal-mining pack: fugitive CH4, IPCC 2006 Vol. 2 Ch. 4 Tier 1', () => {
  it('underground: coal × (18 + 2.5) m³/t × 0.67 kg/m³ × GWP 28', () => {
    const coal = mined('mine', 'underground', '100000 t');
    const b = bundle({ entities: [sub('mine')], lines: [coal], methods: packs({ mine: 'coal-mining' }) });
    // mining:      100,000 t × 18 m³/t × 0.67 kg/m³ = 1,206,000 kg = 1,206 t CH4
    // post-mining: 100,000 t × 2.5 m³/t × 0.67 kg/m³ = 167,500 kg = 167.5 t CH4
    // (1,206 + 167.5) t CH4 × 28 tCO2e/t = 1,373.5 × 28 = 38,458 tCO2e
    expect(value(b, `act:${coal.id}:ch4-mining`)).toBe('1206 t');
    expect(value(b, `act:${coal.id}:ch4-post-mining`)).toBe('167.5 t');
    expect(value(b, 'ghg.scope1.fugitive@mine/2025')).toBe('38458 tCO2e');
    expect(value(b, 'ghg.scope1@mine/2025')).toBe('38458 tCO2e');
  });

  it('surface plus diesel: (1.2 + 0.1) m³/t, and the mine’s diesel by the NDRC defaults', () => {
    const b = bundle({
      entities: [sub('pit')],
      lines: [mined('pit', 'surface', '200000 t'), fuel('pit', 'diesel', '100 t')],
      methods: packs({ pit: 'coal-mining' }),
    });
    // 200,000 × 1.2 × 0.67 kg = 160.8 t; 200,000 × 0.1 × 0.67 kg = 13.4 t; 174.2 t × 28 = 4,877.6
    expect(value(b, 'ghg.scope1.fugitive@pit/2025')).toBe('4877.6 tCO2e');
    // diesel 100 t × 42.652 × 0.0202 × 0.98 × 44/12 = 309.590964; Scope 1 = 4,877.6 + 309.590964
    expect(value(b, 'ghg.scope1@pit/2025')).toBe('5187.190964 tCO2e');
  });

  it('takes a mine-specific factor stated on the line over the Tier 1 average', () => {
    const b = bundle({
      entities: [sub('mine')],
      lines: [
        mined('mine', 'underground', '100000 t', {
          'mining-ef': '12 m³/t',
          'ef-source': 'ventilation survey (test)',
        }),
      ],
      methods: packs({ mine: 'coal-mining' }),
    });
    // 100,000 × 12 × 0.67 kg = 804 t; post-mining default 167.5 t; 971.5 t × 28 = 27,202 tCO2e
    expect(value(b, 'ghg.scope1.fugitive@mine/2025')).toBe('27202 tCO2e');
  });

  it('refuses coal-mined lines in an entity that does not follow the pack, naming the setting', () => {
    const b = bundle({ entities: [sub('mine')], lines: [mined('mine', 'underground', '100 t')] });
    expect(value(b, 'ghg.scope1@mine/2025')).toMatch(/set methods\.sectorPacks\.mine: coal-mining/);
  });
});

describe('cement pack: clinker calcination, IPCC 2006 Vol. 3 Ch. 2', () => {
  it('from the stated CaO and MgO: EF = 0.65 × 0.7848 + 0.015 × 1.0919, × 1.02 for kiln dust', () => {
    const clinker = line('kiln', 'clinker', 'clinker', '1000000 t', {
      attributes: { cao: '0.65', mgo: '0.015', 'ckd-correction': '1.02' },
    });
    const b = bundle({ entities: [sub('kiln')], lines: [clinker], methods: packs({ kiln: 'cement' }) });
    // 0.65 × 0.7848 = 0.51012; 0.015 × 1.0919 = 0.0163785; sum 0.5264985 tCO2/t clinker
    // × 1.02 = 0.53702847; × 1,000,000 t = 537,028.47 tCO2e
    expect(value(b, `act:${clinker.id}:ef`, 8)).toBe('0.53702847 tCO2e/t');
    expect(value(b, 'ghg.scope1.process@kiln/2025')).toBe('537028.47 tCO2e');
  });

  it('without CaO, the Tier 1 default 0.52; lime from its carbonate; the kiln coal by NDRC raw-coal defaults', () => {
    const b = bundle({
      entities: [sub('kiln')],
      lines: [
        line('kiln', 'clinker', 'clinker', '1000000 t'),
        line('kiln', 'carbonate', 'CaCO3', '10000 t', { attributes: { purity: '0.95' } }),
        fuel('kiln', 'raw-coal', '100000 t'),
      ],
      methods: packs({ kiln: 'cement' }),
    });
    // clinker 1,000,000 × 0.52 = 520,000; lime kiln CaCO3 10,000 × 0.4397 × 0.95 = 4,177.15
    expect(value(b, 'ghg.scope1.process@kiln/2025')).toBe('524177.15 tCO2e');
    // raw coal 100,000 t × 20.908 GJ/t × 0.02637 tC/GJ × 0.94 × 44/12 = 190,029.88488
    expect(value(b, 'ghg.scope1.combustion@kiln/2025')).toBe('190029.88488 tCO2e');
    expect(value(b, 'ghg.scope1@kiln/2025')).toBe('714207.03488 tCO2e');
  });
});

describe('power-heat pack and GB/T 32150', () => {
  it('power plant under IPCC 2006: raw coal 20.908 GJ/t × 94,600 kgCO2/TJ, plus desulfurisation CaCO3', () => {
    const b = bundle({
      entities: [sub('plant')],
      lines: [fuel('plant', 'raw-coal', '100000 t'), line('plant', 'carbonate', 'CaCO3', '5000 t')],
      methods: { ghg: 'ipcc-2006', ...packs({ plant: 'power-heat' }) },
    });
    // 100,000 t × 20.908 GJ/t = 2,090,800 GJ × 0.0946 tCO2/GJ = 197,789.68; CaCO3 5,000 × 0.4397 = 2,198.5
    expect(value(b, 'ghg.scope1.combustion@plant/2025')).toBe('197789.68 tCO2e');
    expect(value(b, 'ghg.scope1@plant/2025')).toBe('199988.18 tCO2e');
    const cells = JSON.stringify(aboutBlocks(b).find((x) => x.kind === 'table' && x.id === 'about-methods'));
    expect(cells).toContain('Chinese power generation enterprise GHG accounting guideline (trial)');
    expect(cells).toContain('Fuel combustion factors');
    expect(cells).not.toContain('outside the mass balance');
  });

  it('GB/T 32150 names its guideline and computes as the factor set does', () => {
    const b = bundle({
      entities: [sub('works')],
      lines: [fuel('works', 'diesel', '100 t')],
      methods: packs({ works: 'general' }),
    });
    expect(value(b, 'ghg.scope1@works/2025')).toBe('309.590964 tCO2e');
    const note = evaluateBundle(b).figures.find((f) => f.id === 'ghg.scope1@works/2025')?.method ?? '';
    expect(note).toContain('GB/T 32150-2015 general industrial guideline (fuel combustion: NDRC');
  });
});

/** The made-up iron works of iron-steel.test.ts, with its gas carbon at the library's BFG content. */
const cb = (e: string, subject: string, amount: string, direction: 'in' | 'out', carbon: string) =>
  line(e, 'carbon-balance', subject, amount, {
    attributes: { direction, carbon, 'carbon-source': 'test data (made up)' },
  });

describe('blast-furnace gas partly flared, partly burned in the group’s power plant', () => {
  it('counts the flared gas in the iron works’ balance and the exported gas once, at the power plant', () => {
    const b = bundle({
      entities: [sub('iron'), sub('power')],
      lines: [
        cb('iron', 'coke', '1000 t', 'in', '0.85 tC/t'), //             850    tC
        cb('iron', 'bituminous-coal', '200 t', 'in', '0.75 tC/t'), //    150    tC
        cb('iron', 'limestone', '100 t', 'in', '0.12 tC/t'), //           12    tC
        cb('iron', 'hot-metal', '3000 t', 'out', '0.045 tC/t'), //       135    tC
        cb('iron', 'slag', '900 t', 'out', '0.002 tC/t'), //               1.8  tC
        // 150 × 10⁴ m³ piped to the power plant: 33 GJ/10⁴ m³ × 0.0708 tC/GJ = 2.3364 tC/10⁴ m³
        cb('iron', 'blast-furnace-gas', '150 萬立方米', 'out', '2.3364 tC/10⁴ m³'), // 350.46 tC
        fuel('iron', 'blast-furnace-gas', '150 萬立方米'), // flared: recorded, its carbon never left
        fuel('power', 'blast-furnace-gas', '150 萬立方米'), // burned in the boilers
      ],
      methods: packs({ iron: 'iron-steel', power: 'power-heat' }),
    });
    // iron works: (1,012 − (135 + 1.8 + 350.46)) tC = 524.74 tC × 44/12 = 1,924.046667 tCO2e;
    // the flared 150 × 10⁴ m³ is inside it (not out), so it adds nothing on top
    expect(value(b, 'ghg.scope1@iron/2025')).toBe('1924.046667 tCO2e');
    // power plant: 150 × 33 GJ × 0.0708 tC/GJ × 0.99 × 44/12 = 1,272.1698 tCO2e (NDRC BFG, UNVERIFIED)
    expect(value(b, 'ghg.scope1@power/2025')).toBe('1272.1698 tCO2e');
    // group: 1,924.046667 + 1,272.1698 = 3,196.216467; the exported gas's carbon counted once
    expect(value(b, 'ghg.scope1@group/2025')).toBe('3196.216467 tCO2e');
  });
});

describe('a mixed group: smelter + iron works + coal mine', () => {
  it('consolidates each entity by its own pack', () => {
    const b = bundle({
      entities: [sub('smelter'), sub('iron'), sub('mine')],
      lines: [
        fuel('smelter', 'diesel', '100 t'), // 309.590964 tCO2e (non-ferrous, the default)
        cb('iron', 'coke', '1000 t', 'in', '0.85 tC/t'),
        cb('iron', 'hot-metal', '3000 t', 'out', '0.045 tC/t'), // (850 − 135) × 44/12 = 2,621.666667
        mined('mine', 'underground', '100000 t'), // 38,458 tCO2e (above)
      ],
      methods: packs({ iron: 'iron-steel', mine: 'coal-mining' }),
    });
    expect(value(b, 'ghg.scope1@iron/2025')).toBe('2621.666667 tCO2e');
    // group: 309.5909642666… + 2,621.6666666… + 38,458 = 41,389.2576309… tCO2e
    expect(value(b, 'ghg.scope1@group/2025', 4)).toBe('41389.2576 tCO2e');
    expect(value(b, 'ghg.scope1.fugitive@group/2025')).toBe('38458 tCO2e');
    const note = evaluateBundle(b).figures.find((f) => f.id === 'ghg.scope1@group/2025')?.method ?? '';
    for (const p of ['NDRC non-ferrous', 'iron and steel', 'coal mining, fugitive CH4'])
      expect(note).toContain(p);
  });
});

describe('hk-building pack: Hong Kong offices (EPD/EMSD building guidelines)', () => {
  it('prices purchased electricity at the territory-wide default, not a mainland grid factor', () => {
    const b = bundle({
      entities: [sub('smelter'), sub('hk-office', { province: 'hong-kong' })],
      lines: [
        line('hk-office', 'electricity-purchased', 'grid', '1000 MWh'),
        line('smelter', 'electricity-purchased', 'grid', '1000 MWh'),
      ],
      methods: packs({ 'hk-office': 'hk-building' }),
    });
    // 1,000 MWh × 0.7 tCO2e/MWh (0.7 kg/kWh) = 700 tCO2e, location- and market-based alike
    expect(value(b, 'ghg.scope2.location@hk-office/2025')).toBe('700 tCO2e');
    expect(value(b, 'ghg.scope2.market@hk-office/2025')).toBe('700 tCO2e');
    // the smelter stays on the MEE/NBS factor: 1,000 MWh × 0.6021 (Xinjiang 2023) = 602.1
    expect(value(b, 'ghg.scope2.location@smelter/2025')).toBe('602.1 tCO2e');
    const note = (id: string) => evaluateBundle(b).figures.find((f) => f.id === id)?.method ?? '';
    expect(note('ghg.scope2.location@hk-office/2025')).toContain('EPD/EMSD territory-wide default');
    expect(note('ghg.scope2.location@hk-office/2025')).not.toContain('MEE/NBS');
    expect(note('ghg.scope2.location@group/2025')).toContain('MEE/NBS');
    expect(note('ghg.scope2.location@group/2025')).toContain('EPD/EMSD');
  });
});

describe('IPCC 2006 Tier 1 is complete for every fuel the packs name', () => {
  it('has an NCV, a CO2 EF and an oxidation factor for each, raw coal included', () => {
    const lib = factorLibrary();
    const missing: string[] = [];
    for (const pack of Object.values(SECTOR_PACKS))
      for (const f of pack.fuels)
        for (const kind of ['ncv', 'co2-ef-per-energy', 'oxidation-rate'] as const)
          if (!selectFactor(lib, fuelParameterQuery('ipcc-2006', kind, f)).ok)
            missing.push(`${pack.id}: ${f} ${kind}`);
    expect(missing).toEqual([]);
  });
});

describe('coal-mined and clinker lines at validation', () => {
  const ctx = { ghgMethod: 'ndrc-nf-2015' as const, library: factorLibrary() };
  const problems = (activity: 'coal-mined' | 'clinker', subject: string, unit: string, attributes = {}) =>
    activityEntryProblems({ activity, subject, use: '', unit: unitOf(unit), attributes }, ctx).map(
      (p) => p.message,
    );
  it('names what is wrong', () => {
    expect(problems('coal-mined', 'underground', 't')).toEqual([]);
    expect(problems('coal-mined', 'open-pit', 't')[0]).toContain('underground or surface');
    expect(problems('coal-mined', 'surface', 'm³')[0]).toContain('a mass of raw coal');
    expect(problems('coal-mined', 'surface', 't', { 'mining-ef': '2 m³' })[0]).toContain(
      'e.g. mining-ef=12 m³/t',
    );
    expect(problems('coal-mined', 'surface', 't', { 'mining-ef': '2 m³/t' })[0]).toContain('ef-source=');
    expect(problems('clinker', 'clinker', 't', { cao: '65' })[0]).toContain('between 0 and 1');
    expect(problems('clinker', 'clinker', 't', { 'ckd-correction': '1.02' })[0]).toContain(
      'already includes',
    );
  });
});
