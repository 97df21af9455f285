/**
 * Contributions and FigureIndex as consolidation sees them (issue #15 changed both for speed:
 * one map per entity with a cache of the last set; figures in short lists per indicator and
 * entity). Each is held to the plain model it replaces on random sequences (fast-check): the
 * same sets in the same order with the same nodes; the same figure for every look-up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcGraph } from '../calc/graph.js';
import { disaggregationKey } from '../model/fact.js';
import { type ContributionSet, Contributions, keyText } from './contributions.js';
import { FigureIndex } from './figure-index.js';

/** Shared objects (as a bundle's rows share one empty disaggregation) and fresh equal ones. */
const SHARED = [{}, { gender: 'female' }, { gender: 'male', rank: 'senior' }] as const;
const disaggregation = fc.oneof(
  fc.constantFrom(...SHARED),
  fc.constantFrom(...SHARED).map((d) => ({ ...d })),
  fc.constantFrom({ rank: 'senior', gender: 'male' }),
);
const add = fc.record({
  entityId: fc.constantFrom('a', 'b', 'c'),
  indicatorId: fc.constantFrom('x', 'y', 'energy.total'),
  disaggregation,
  year: fc.constantFrom('2024', '2025'),
  node: fc.oneof(fc.nat(1000), fc.constantFrom('act:1:co2', 'act:2:tce')),
});

describe('Contributions', () => {
  it('groups as a map keyed by keyText per entity would, in the order first met', () => {
    fc.assert(
      fc.property(fc.array(add, { maxLength: 200 }), (adds) => {
        const c = new Contributions();
        const model = new Map<string, Map<string, ContributionSet>>();
        adds.forEach((x, k) => {
          const key = { indicatorId: x.indicatorId, disaggregation: x.disaggregation, year: x.year };
          if (k % 2) c.add(x.entityId, key, x.node);
          else c.addTo(x.entityId, x.indicatorId, x.disaggregation, x.year, x.node);
          let m = model.get(x.entityId);
          if (!m) {
            m = new Map();
            model.set(x.entityId, m);
          }
          const set = m.get(keyText(key));
          if (set) set.nodes.push(x.node);
          else m.set(keyText(key), { ...key, nodes: [x.node] });
        });
        for (const e of ['a', 'b', 'c', 'nobody'])
          expect(c.of(e)).toEqual([...(model.get(e)?.values() ?? [])]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('FigureIndex', () => {
  it('finds each figure by indicator, entity, year and disaggregation, and lists them in order', () => {
    fc.assert(
      fc.property(fc.array(add, { maxLength: 60 }), (adds) => {
        const graph = new CalcGraph();
        const figures = new FigureIndex(graph);
        const model = new Map<string, { id: string; node: number }>();
        const order: { key: string; id: string; d: object }[] = [];
        for (const x of adds) {
          const at = `${x.indicatorId}|${x.entityId}|${x.year}`;
          const key = `${at}|${disaggregationKey(x.disaggregation)}`;
          if (model.has(key)) continue; // a figure id is added once (the graph refuses a duplicate)
          const meta = {
            indicatorId: x.indicatorId,
            entityId: x.entityId,
            periodId: x.year,
            disaggregation: x.disaggregation,
            precision: 0,
          };
          const id = figures.addDerived(meta, 'f', { op: 'sum', inputs: [], unit: 't' });
          model.set(key, { id, node: graph.size - 1 });
          order.push({ key: at, id, d: x.disaggregation });
        }
        for (const x of adds) {
          const key = `${x.indicatorId}|${x.entityId}|${x.year}|${disaggregationKey(x.disaggregation)}`;
          expect(figures.get(x.indicatorId, x.entityId, x.year, x.disaggregation)).toBe(model.get(key)?.id);
          expect(figures.node(x.indicatorId, x.entityId, x.year, x.disaggregation)).toBe(
            model.get(key)?.node,
          );
          const at = `${x.indicatorId}|${x.entityId}|${x.year}`;
          expect(figures.all(x.indicatorId, x.entityId, x.year)).toEqual(
            order.filter((o) => o.key === at).map((o) => ({ id: o.id, disaggregation: o.d })),
          );
        }
        expect(figures.get('x', 'a', '2025', { gender: 'other' })).toBeUndefined();
        expect(figures.get('none', 'a', '2025')).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
