/** Heat, process, standard-coal and certificate factors, and how bundle factors take precedence. */
import { describe, expect, it } from 'vitest';
import { Decimal, formatFixed } from '../decimal.js';
import { convert } from '../units/quantity.js';
import { unitOf } from '../units/unit.js';
import type { FactorRecord } from './factor.js';
import { factorToQuantity } from './factor-quantity.js';
import {
  fuelParameterQuery,
  gecEnergyQuery,
  heatEfQuery,
  processEfQuery,
  tceCoefficientQuery,
} from './factor-queries.js';
import { factorLibrary, withOverrides } from './library.js';
import { type FactorQuery, selectFactor } from './select-factor.js';

const lib = factorLibrary();
const value = (q: FactorQuery, library: readonly FactorRecord[] = lib) => {
  const r = selectFactor(library, q);
  if (!r.ok) throw new Error(r.error.message);
  return r;
};

describe('GB/T 2589-2020 standard-coal coefficients', () => {
  it('electricity defaults to the equivalent value 0.1229 kgce/kWh without a caution', () => {
    const r = value(tceCoefficientQuery('electricity', 'equivalent'));
    expect(r.factor).toMatchObject({ value: '0.1229', unit: 'kgce/kWh', status: 'CORROBORATED' });
    expect(r.note).toBeUndefined();
    // 3,600 kJ/kWh ÷ 29,307.6 kJ/kgce = 0.12283…, printed 0.1229 by the standard (not 0.1228)
    expect(formatFixed(new Decimal(3600).dividedBy('29307.6'), 5)).toBe('0.12284');
  });

  it('flags the equal value (等价值) whenever it is selected', () => {
    const r = value(tceCoefficientQuery('electricity', 'equal'));
    expect(r.factor.status).toBe('UNVERIFIED');
    expect(r.note).toContain('等价值');
    expect(r.note).toContain('must not be mixed');
  });

  it('gives fuels whatever the electricity basis: diesel 1.4571 kgce/kg', () => {
    expect(value(tceCoefficientQuery('diesel', 'equal')).factor.value).toBe('1.4571');
    expect(value(tceCoefficientQuery('diesel', 'equivalent')).factor.value).toBe('1.4571');
  });

  it('heat: 1 ÷ 29.3076 = 0.03412 kgce/MJ (COMPUTED)', () => {
    const heat = value(tceCoefficientQuery('heat', 'equivalent')).factor;
    expect(heat).toMatchObject({ unit: 'kgce/MJ', status: 'COMPUTED' });
    expect(formatFixed(new Decimal(1).dividedBy('29.3076'), 5)).toBe(heat.value);
  });

  it('natural gas 1.3300 kgce/m³ agrees with the GHG NCV 389.31 GJ/10⁴ m³', () => {
    // 389.31 GJ/10⁴ m³ = 38,931 kJ/m³; ÷ 29,307.6 kJ/kgce = 1.32836… ≈ 1.3300 (GB/T 2589 rounding)
    const ncv = factorToQuantity(value(fuelParameterQuery('ndrc-nf-2015', 'ncv', 'natural-gas')).factor);
    const asTce = convert(ncv, unitOf('kgce/m³'));
    expect(asTce.kind === 'quantity' && formatFixed(asTce.value, 2)).toBe('1.33');
  });
});

describe('heat, process and certificate factors', () => {
  it('purchased heat 0.11 tCO2e/GJ', () => {
    expect(value(heatEfQuery()).factor).toMatchObject({ value: '0.11', unit: 'tCO2e/GJ', kind: 'heat-ef' });
  });

  it('process EFs are stoichiometric: CaCO3 44.009/100.086, oxalic acid 2×44.009/90.034', () => {
    const [C, O, Ca, H] = ['12.011', '15.999', '40.078', '1.008'].map((x) => new Decimal(x)) as [
      Decimal,
      Decimal,
      Decimal,
      Decimal,
    ];
    const co2 = C.plus(O.times(2)); // 44.009
    const caco3 = Ca.plus(C).plus(O.times(3)); // 100.086
    const oxalic = H.times(2).plus(C.times(2)).plus(O.times(4)); // 90.034
    const water = H.times(2).plus(O); // 18.015
    expect(value(processEfQuery('CaCO3')).factor.value).toBe(formatFixed(co2.dividedBy(caco3), 4));
    expect(value(processEfQuery('H2C2O4')).factor.value).toBe(formatFixed(co2.times(2).dividedBy(oxalic), 4));
    expect(value(processEfQuery('H2C2O4.2H2O')).factor.value).toBe(
      formatFixed(co2.times(2).dividedBy(oxalic.plus(water.times(2))), 4),
    );
    expect(value(processEfQuery('CaCO3')).factor.status).toBe('COMPUTED');
  });

  it('one green certificate is 1 MWh = 1,000 kWh', () => {
    const gec = factorToQuantity(value(gecEnergyQuery()).factor);
    const kwh = convert(gec, unitOf('kWh/count'));
    expect(kwh.kind === 'quantity' && kwh.value.toString()).toBe('1000');
  });
});

describe('bundle factors take precedence', () => {
  it('a factors.csv row with a library id replaces the value that is selected', () => {
    const own: FactorRecord = {
      id: 'ndrc-nf-2015/heat-ef/purchased-heat',
      kind: 'heat-ef',
      method: 'ndrc-nf-2015',
      value: '0.096',
      unit: 'tCO2e/GJ',
      keys: { carrier: 'heat' },
      vintage: 2025,
      document: 'heat supplier certificate 2025',
      status: 'VERIFIED',
    };
    expect(value(heatEfQuery(), withOverrides(lib, [own])).factor.value).toBe('0.096');
  });

  it('a new id with the same keys and vintage wins over the library record', () => {
    const own: FactorRecord = {
      id: 'bundle/grid/2023/xinjiang',
      kind: 'grid-ef',
      method: 'mee-nbs',
      value: '0.6',
      unit: 'tCO2e/MWh',
      keys: { level: 'provincial', province: 'xinjiang' },
      vintage: 2023,
      calibre: 'average',
      document: 'own estimate',
      status: 'UNVERIFIED',
    };
    const q: FactorQuery = { kind: 'grid-ef', vintage: 2023, calibre: 'average', keys: own.keys };
    expect(value(q, withOverrides(lib, [own])).factor.id).toBe(own.id);
  });
});
