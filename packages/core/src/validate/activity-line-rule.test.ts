/**
 * Method-aware validation of activity lines (issues #24 and #21): a line whose unit its method
 * cannot convert is refused at validation, naming file, row and column, instead of passing and
 * blanking every dependent figure in the calculation ("result is L·GJ/t, declared GJ").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawBundle } from '../bundle/raw.js';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import { rawSettings, rawTable } from '../testing/raw-bundle.js';
import { validateBundle } from './validate-bundle.js';

const HEADER = ['entity', 'period', 'activity', 'subject', 'amount', 'unit', 'attributes', 'source'];
const lines = (rows: string[][], settings: Record<string, unknown> = rawSettings()): RawBundle => ({
  settings: { file: 'assay.yaml', data: settings },
  activityLines: rawTable('activity-lines.csv', HEADER, rows),
});
const issuesOf = (raw: RawBundle) => {
  const r = validateBundle(raw);
  return r.ok ? [] : r.issues;
};

describe('fuel by volume (issue #24)', () => {
  it('refuses diesel in L without a density, saying what is missing', () => {
    expect(issuesOf(lines([['smelter', '2025', 'fuel', 'diesel', '1000', 'L', '', 'meter']]))).toEqual([
      {
        file: 'activity-lines.csv',
        row: 2,
        column: 'unit',
        reason:
          "diesel under ndrc-nf-2015 is measured by mass (NCV in GJ/t); 'L' needs a density: give the amount in t, or add the attribute density=<value> <unit> (e.g. density=0.84 kg/L)",
      },
    ]);
  });

  it('names the GHG method the bundle chose (IPCC 2006)', () => {
    const settings = { ...rawSettings(), methods: { ghg: 'ipcc-2006' } };
    const [issue] = issuesOf(lines([['smelter', '2025', 'fuel', 'diesel', '5', 'm³', '', 'm']], settings));
    expect(issue?.reason).toMatch(
      /^diesel under ipcc-2006 is measured by mass \(NCV in GJ\/t\); 'm³' needs a density/,
    );
  });

  it('accepts the line with a density, and refuses a density that is not a mass per volume', () => {
    expect(
      issuesOf(lines([['smelter', '2025', 'fuel', 'diesel', '1000', 'L', 'density=0.84 kg/L', 'm']])),
    ).toEqual([]);
    expect(
      issuesOf(lines([['smelter', '2025', 'fuel', 'diesel', '1000', 'L', 'density=0.84 kg', 'm']])),
    ).toEqual([
      {
        file: 'activity-lines.csv',
        row: 2,
        column: 'attributes',
        reason: 'density "0.84 kg" is not a mass per volume (e.g. kg/L or t/m³)',
      },
    ]);
    expect(
      issuesOf(lines([['smelter', '2025', 'fuel', 'diesel', '1000', 'L', 'density=0 kg/L', 'm']])),
    ).toEqual([
      {
        file: 'activity-lines.csv',
        row: 2,
        column: 'attributes',
        reason: 'density "0 kg/L" must be above zero',
      },
    ]);
  });

  it('refuses energy for a fuel measured by mass, and leaves an unknown fuel to the calculation', () => {
    expect(issuesOf(lines([['smelter', '2025', 'fuel', 'diesel', '3', 'MWh', '', 'm']]))).toEqual([
      {
        file: 'activity-lines.csv',
        row: 2,
        column: 'unit',
        reason:
          '"MWh" measures energy, but diesel is entered as a mass (its calorific value is per t): use a unit such as t, kg or 噸',
      },
    ]);
    // a bundle's own factors.csv may add the fuel; without it the calculation names the missing factor
    expect(issuesOf(lines([['smelter', '2025', 'fuel', 'peat', '3', 't', '', 'm']]))).toEqual([]);
  });

  it('refuses electricity in tonnes (row 3 of two lines)', () => {
    const issues = issuesOf(
      lines([
        ['smelter', '2025', 'electricity-purchased', 'grid', '10', 'MWh', '', 'bill'],
        ['smelter', '2025', 'electricity-purchased', 'grid', '10', 't', '', 'bill'],
      ]),
    );
    expect(issues).toEqual([
      {
        file: 'activity-lines.csv',
        row: 3,
        column: 'unit',
        reason:
          '"t" measures a mass, but electricity-purchased is entered as energy: use a unit such as MWh, kWh or 萬千瓦時',
      },
    ]);
  });

  it('calculates 1000 L at 0.84 kg/L through a visible mass node: 0.84 t × 42.652 GJ/t × 0.0202 × 0.98 × 44/12', () => {
    const v = validateBundle(
      lines([['smelter', '2025', 'fuel', 'diesel', '1000', 'L', 'density=0.84 kg/L', 'm']]),
    );
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const { graph } = evaluateBundle(v.bundle);
    const at = (id: string) => {
      const x = graph.value(id);
      return x?.kind === 'quantity' ? `${x.value.toString()} ${x.unit.symbol}` : JSON.stringify(x);
    };
    const id = v.bundle.activityLines[0]?.id as string;
    // 1000 L = 1 m³; × 0.84 kg/L = 840 kg = 0.84 t
    expect(at(`act:${id}:mass`)).toBe('0.84 t');
    expect(at(`act:${id}:density`)).toBe('0.84 kg/L');
    // 0.84 × 42.652 = 35.82768 GJ
    expect(at(`act:${id}:energy`)).toBe('35.82768 GJ');
    // 35.82768 × 0.0202 = 0.723719136; × 0.98 = 0.70924475328; × 44/12 = 2.60056409536 tCO2e
    const co2 = graph.value(`act:${id}:co2`);
    expect(co2?.kind === 'quantity' && co2.value.toDecimalPlaces(11).toString()).toBe('2.60056409536');
    // 0.84 t × 1.4571 kgce/kg = 1.223964 tce
    expect(at(`act:${id}:tce`)).toBe('1.223964 tce');
    expect(graph.inputIds(`act:${id}:mass`)).toEqual([`act:${id}`, `act:${id}:density`]);
  });

  it('property: a fuel line that validates never leaves its Scope 1 figure in error', () => {
    const fuels = ['diesel', 'gasoline', 'natural-gas', 'coke', 'fuel-oil'];
    const units = ['t', 'kg', 'L', 'm³', '萬立方米', 'GJ', 'MWh', 'tce', 'kWh'];
    const densities = ['', 'density=0.84 kg/L', 'density=0.72 t/m³'];
    fc.assert(
      fc.property(
        fc.constantFrom(...fuels),
        fc.constantFrom(...units),
        fc.constantFrom(...densities),
        (f, u, d) => {
          const v = validateBundle(lines([['smelter', '2025', 'fuel', f, '12.5', u, d, 'm']]));
          if (!v.ok) {
            expect(
              v.issues.every((i) => i.row === 2 && (i.column === 'unit' || i.column === 'attributes')),
            ).toBe(true);
            return;
          }
          const value = evaluateBundle(v.bundle).graph.value('ghg.scope1@smelter/2025');
          expect(value?.kind, `${f} in ${u} ${d}: ${JSON.stringify(value)}`).toBe('quantity');
        },
      ),
      { numRuns: 200 },
    );
  });
});
