/**
 * ownTotals (consolidate.ts) against a plain reference: the grouping it had before it looked only
 * at indicator × year groups holding a disaggregated set. Same totals, same order, same nodes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../model/indicator.js';
import { ownTotals } from './consolidate.js';
import type { ContributionSet } from './contributions.js';

/** The earlier implementation, kept as the model. */
function referenceTotals(own: readonly ContributionSet[], catalogue: ReadonlyMap<string, Indicator>) {
  const byIndYear = new Map<string, ContributionSet[]>();
  for (const set of own) {
    const k = `${set.indicatorId}|${set.year}`;
    byIndYear.set(k, [...(byIndYear.get(k) ?? []), set]);
  }
  const out: (ContributionSet & { totalOver: string })[] = [];
  for (const sets of byIndYear.values()) {
    if (sets.some((s) => Object.keys(s.disaggregation).length === 0)) continue;
    const first = sets[0] as ContributionSet;
    const ind = catalogue.get(first.indicatorId);
    const axes = (ind?.axes ?? []).filter((a) => !ind?.nonAdditiveAxes?.includes(a));
    const axis = axes.find((a) =>
      sets.some((s) => Object.keys(s.disaggregation).length === 1 && a in s.disaggregation),
    );
    if (axis === undefined) continue;
    const nodes = sets
      .filter((s) => Object.keys(s.disaggregation).length === 1 && axis in s.disaggregation)
      .flatMap((s) => s.nodes);
    out.push({
      indicatorId: first.indicatorId,
      year: first.year,
      disaggregation: {},
      nodes,
      totalOver: axis,
    });
  }
  return out;
}

const INDICATORS = ['i1', 'i2', 'i3'];
const catalogue = new Map<string, Indicator>(
  INDICATORS.map((id, k) => [
    id,
    {
      id,
      axes: k === 2 ? ['pollutant', 'fuel'] : ['fuel', 'gender'],
      ...(k === 2 ? { nonAdditiveAxes: ['pollutant'] } : {}),
    } as unknown as Indicator,
  ]),
);
const disaggregation = fc.oneof(
  fc.constant({}),
  fc.record({ fuel: fc.constantFrom('coal', 'diesel') }),
  fc.record({ gender: fc.constantFrom('f', 'm') }),
  fc.record({ pollutant: fc.constantFrom('NOx', 'SOx') }),
  fc.record({ fuel: fc.constantFrom('coal'), gender: fc.constantFrom('f') }),
);
const set = fc.record({
  indicatorId: fc.constantFrom(...INDICATORS, 'unknown'),
  year: fc.constantFrom('2024', '2025'),
  disaggregation,
  nodes: fc.array(fc.oneof(fc.nat(99), fc.constantFrom('x', 'y')), { minLength: 1, maxLength: 3 }),
});

describe('ownTotals', () => {
  it('gives the reference totals in the reference order', () => {
    fc.assert(
      fc.property(fc.array(set, { maxLength: 30 }), (own) => {
        expect(ownTotals(own, catalogue)).toEqual(referenceTotals(own, catalogue));
      }),
      { numRuns: 500 },
    );
  });
});
