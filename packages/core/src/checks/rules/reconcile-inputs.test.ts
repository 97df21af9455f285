/**
 * The grouping of inputDisaggregations (entity × period × indicator, only groups with a
 * disaggregated value) against the plain grouping it replaced (one key string and one array per
 * data point), over random bundles: same groups, same members in bundle order, same group order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataPoint } from '../../model/fact.js';
import { dp } from '../../testing/bundle-builder.js';
import { splitGroups } from './reconcile-inputs.js';

/** What the rule grouped before: every data point, keyed by text, then groups without a split value dropped. */
function plainGroups(points: readonly DataPoint[]): DataPoint[][] {
  const groups = new Map<string, DataPoint[]>();
  for (const d of points) {
    const k = `${d.entityId}|${d.periodId}|${d.indicatorId}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  return [...groups.values()].filter((ds) => ds.some((d) => Object.keys(d.disaggregation).length > 0));
}

const pointGen = fc.record({
  entity: fc.constantFrom('s1', 's2', 'group'),
  period: fc.constantFrom('2024', '2025'),
  indicator: fc.constantFrom('employees.headcount', 'training.hours'),
  split: fc.constantFrom<Record<string, string>>(
    {},
    {},
    { gender: 'male' },
    { gender: 'female' },
    { gender: 'male', age: 'under-30' },
  ),
  amount: fc.integer({ min: 0, max: 500 }),
});

describe('inputDisaggregations grouping', () => {
  it('equals the plain grouping over random bundles', () => {
    fc.assert(
      fc.property(fc.array(pointGen, { maxLength: 40 }), (gen) => {
        const points = gen.map((g, k) => ({
          ...dp(
            g.entity,
            g.indicator,
            `${g.amount} ${g.indicator === 'training.hours' ? 'h' : 'person'}`,
            g.split,
            g.period,
          ),
          id: `d${k}`,
        }));
        const ids = (gs: DataPoint[][]) => gs.map((g) => g.map((d) => d.id));
        expect(ids(splitGroups(points))).toEqual(ids(plainGroups(points)));
      }),
      { numRuns: 1000 },
    );
  });
});
