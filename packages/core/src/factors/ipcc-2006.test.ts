/**
 * IPCC 2006 is its own method: EF per t = NCV (GJ/t) × CO2 EF (kgCO2/TJ), oxidation 1. It must
 * never pick up a Chinese oxidation rate (domain-reference §5).
 */
import { describe, expect, it } from 'vitest';
import { Decimal, formatFixed } from '../decimal.js';
import { convert, multiply } from '../units/quantity.js';
import { unitOf } from '../units/unit.js';
import { factorToQuantity } from './factor-quantity.js';
import { fuelParameterQuery } from './factor-queries.js';
import { factorLibrary } from './library.js';
import { selectFactor } from './select-factor.js';

const lib = factorLibrary();
const get = (
  method: 'ipcc-2006' | 'ndrc-nf-2015',
  kind: Parameters<typeof fuelParameterQuery>[1],
  fuel: string,
) => {
  const r = selectFactor(lib, fuelParameterQuery(method, kind, fuel));
  if (!r.ok) throw new Error(r.error.message);
  return r.factor;
};

describe('IPCC 2006 combustion factors', () => {
  it('diesel: 43.0 GJ/t × 74,100 kgCO2/TJ = 3.1863 tCO2/t, with no oxidation rate applied', () => {
    const ncv = factorToQuantity(get('ipcc-2006', 'ncv', 'diesel'));
    const ef = factorToQuantity(get('ipcc-2006', 'co2-ef-per-energy', 'diesel'));
    const perTonne = convert(multiply(ncv, ef), unitOf('tCO2e/t'));
    if (perTonne.kind !== 'quantity') throw new Error(perTonne.message);
    // 43.0 × 74,100 kg/TJ = 3,186,300 kg/TJ·GJ/t = 3,186.3 kg/t = 3.1863 t/t
    expect(perTonne.value.toString()).toBe('3.1863');
    // NDRC gives 3.0959 for the same fuel: the methods differ and are not interchangeable.
    expect(perTonne.value.equals(get('ndrc-nf-2015', 'combustion-ef', 'diesel').value)).toBe(false);
    // And the IPCC figure is not the IPCC one times the Chinese 0.98 oxidation rate either.
    const ndrcOf = new Decimal(get('ndrc-nf-2015', 'oxidation-rate', 'diesel').value);
    expect(formatFixed(perTonne.value.times(ndrcOf), 4)).toBe('3.1226');
  });

  it('has oxidation 1 for every IPCC fuel and no IPCC record in a Chinese method', () => {
    const ipccOf = lib.filter((f) => f.method === 'ipcc-2006' && f.kind === 'oxidation-rate');
    expect(ipccOf.length).toBeGreaterThanOrEqual(15);
    expect(ipccOf.every((f) => f.value === '1')).toBe(true);
    expect(lib.filter((f) => f.method === 'ipcc-2006' && f.kind === 'carbon-content')).toEqual([]);
  });

  it('gives NCV per mass for natural gas (48.0 GJ/t), unlike the Chinese 389.31 GJ/10⁴ m³', () => {
    expect(get('ipcc-2006', 'ncv', 'natural-gas')).toMatchObject({ value: '48.0', unit: 'GJ/t' });
    expect(get('ndrc-nf-2015', 'ncv', 'natural-gas').unit).toBe('GJ/10⁴ m³');
  });

  it('keeps statuses per value: diesel CORROBORATED, gasoline EF UNVERIFIED', () => {
    expect(get('ipcc-2006', 'co2-ef-per-energy', 'diesel').status).toBe('CORROBORATED');
    expect(get('ipcc-2006', 'ncv', 'gasoline').status).toBe('CORROBORATED');
    expect(get('ipcc-2006', 'co2-ef-per-energy', 'gasoline').status).toBe('UNVERIFIED');
  });
});
