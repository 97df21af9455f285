/**
 * NDRC NF 2015 combustion: EF = NCV × CC × OF × 44/12 (domain-reference §2.2). The COMPUTED
 * "combustion-ef" records are the reference's 4-d.p. values; here they are recomputed from the
 * parameter records.
 */
import { describe, expect, it } from 'vitest';
import { Decimal, formatFixed } from '../decimal.js';
import { fuelParameterQuery } from './factor-queries.js';
import { factorLibrary } from './library.js';
import { selectFactor } from './select-factor.js';

const lib = factorLibrary();
const CO2_PER_C = new Decimal(44).dividedBy(12);

function param(kind: 'ncv' | 'carbon-content' | 'oxidation-rate' | 'combustion-ef', fuel: string) {
  const r = selectFactor(lib, fuelParameterQuery('ndrc-nf-2015', kind, fuel));
  if (!r.ok) throw new Error(r.error.message);
  return r.factor;
}
const efOf = (fuel: string) =>
  new Decimal(param('ncv', fuel).value)
    .times(param('carbon-content', fuel).value)
    .times(param('oxidation-rate', fuel).value)
    .times(CO2_PER_C);

describe('NDRC non-ferrous 2015 combustion parameters', () => {
  it('diesel: 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 = 3.0959 tCO2/t', () => {
    expect(param('ncv', 'diesel')).toMatchObject({ value: '42.652', unit: 'GJ/t', status: 'VERIFIED' });
    expect(param('carbon-content', 'diesel')).toMatchObject({ value: '0.0202', unit: 'tC/GJ' });
    expect(param('oxidation-rate', 'diesel')).toMatchObject({ value: '0.98', unit: 'ratio' });
    // 42.652 × 0.0202 = 0.8615704; × 0.98 = 0.844338992; × 44/12 = 3.0959096373…
    expect(efOf('diesel').toSignificantDigits(11).toString()).toBe('3.0959096373');
    expect(param('combustion-ef', 'diesel')).toMatchObject({ value: '3.0959', status: 'COMPUTED' });
  });

  it('natural gas: 389.31 GJ/10⁴ m³ × 0.0153 × 0.99 × 44/12 = 21.6219 tCO2/10⁴ m³', () => {
    expect(param('ncv', 'natural-gas').unit).toBe('GJ/10⁴ m³');
    // 389.31 × 0.0153 = 5.956443; × 0.99 = 5.89687857; × 44/12 = 21.62188809
    expect(formatFixed(efOf('natural-gas'), 4)).toBe('21.6219');
    expect(param('combustion-ef', 'natural-gas')).toMatchObject({ value: '21.6219', unit: 'tCO2e/10⁴ m³' });
  });

  it('coke: 28.435 × 0.0295 × 0.93 × 44/12 = 2.8604 tCO2/t', () => {
    // 28.435 × 0.0295 = 0.8388325; × 0.93 = 0.780114225; × 44/12 = 2.860418825
    expect(formatFixed(efOf('coke'), 4)).toBe('2.8604');
  });

  it('every COMPUTED EF equals its parameters multiplied out, to 4 d.p.', () => {
    const efs = lib.filter((f) => f.method === 'ndrc-nf-2015' && f.kind === 'combustion-ef');
    expect(efs.length).toBeGreaterThanOrEqual(17);
    const off = efs
      .map((f) => ({ id: f.id, printed: f.value, recomputed: formatFixed(efOf(f.keys.fuel ?? ''), 4) }))
      .filter((x) => !new Decimal(x.printed).equals(x.recomputed));
    expect(off).toEqual([]);
  });

  it('keeps the 44/12 constant as its own COMPUTED record', () => {
    const c = lib.find((f) => f.id === 'constants/co2-per-carbon')!;
    expect(new Decimal(c.value).equals(CO2_PER_C)).toBe(true);
    expect(c).toMatchObject({ unit: 'tCO2e/tC', status: 'COMPUTED' });
  });

  it('keeps raw coal as a non-guideline default with its weaker statuses', () => {
    expect(param('ncv', 'raw-coal')).toMatchObject({ value: '20.908', status: 'CORROBORATED' });
    expect(param('carbon-content', 'raw-coal')).toMatchObject({ value: '0.02637', status: 'UNVERIFIED' });
  });

  it('marks kerosene carbon content UNVERIFIED while its NCV is CORROBORATED', () => {
    expect(param('ncv', 'kerosene').status).toBe('CORROBORATED');
    expect(param('carbon-content', 'kerosene').status).toBe('UNVERIFIED');
  });

  it('reports a fuel it does not know as factor-not-found, naming the fuel', () => {
    const r = selectFactor(lib, fuelParameterQuery('ndrc-nf-2015', 'ncv', 'peat'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('factor-not-found');
      expect(r.error.message).toContain('peat');
      expect(r.error.message).toContain('ndrc-nf-2015');
    }
  });
});
