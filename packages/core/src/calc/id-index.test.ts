/**
 * IdIndex against a plain Map, over random sequences of adds (one at a time, or deferred in
 * batches and settled), look-ups and reservations, ids drawn from a small alphabet so that
 * duplicates and hash-table clusters are common. A duplicate is refused (-1) when added one at a
 * time and named by settle() when deferred.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Arena } from './arena.js';
import { IdIndex } from './id-index.js';

const idGen = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ':', '1', '中'), maxLength: 4 }),
  fc.nat({ max: 3000 }).map((n) => `dp:${n}`),
);
const opGen = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: idGen }),
  fc.record({ kind: fc.constant('batch' as const), ids: fc.array(idGen, { maxLength: 300 }) }),
  fc.record({ kind: fc.constant('get' as const), id: idGen }),
  fc.record({ kind: fc.constant('reserve' as const), n: fc.nat({ max: 5000 }), arena: fc.boolean() }),
);

describe('IdIndex', () => {
  it('agrees with a Map over random histories of adds, deferred batches, look-ups and reservations', () => {
    fc.assert(
      fc.property(fc.array(opGen, { maxLength: 60 }), (ops) => {
        const index = new IdIndex();
        const model = new Map<string, number>();
        for (const op of ops) {
          if (op.kind === 'add') {
            const i = index.add(op.id);
            if (model.has(op.id)) expect(i).toBe(-1);
            else {
              expect(i).toBe(model.size);
              model.set(op.id, i);
            }
          } else if (op.kind === 'batch') {
            const firstDuplicate = op.ids.find((id, k) => model.has(id) || op.ids.indexOf(id) !== k);
            index.defer();
            for (const id of op.ids) index.add('', id);
            if (firstDuplicate === undefined) {
              expect(index.settle()).toBe(-1);
              for (const id of op.ids) model.set(id, model.size);
            } else {
              // the index is thrown away after a duplicate: the message names one of them
              expect(() => index.settleOrThrow()).toThrow('duplicate node id');
              return;
            }
          } else if (op.kind === 'get') expect(index.get(op.id)).toBe(model.get(op.id) ?? -1);
          else
            index.reserve(
              op.n,
              op.n * 4,
              op.arena ? new Arena(IdIndex.reserveBytes(op.n, op.n * 4)) : undefined,
            );
          expect(index.size).toBe(model.size);
        }
        for (const [id, i] of model) {
          expect(index.get(id)).toBe(i);
          expect(index.idAt(i)).toBe(id);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('names the duplicate among deferred ids, and look-ups settle first', () => {
    const index = new IdIndex();
    index.add('dp:', 'a');
    index.defer();
    index.add('dp:', 'b');
    index.add('dp:', 'c');
    expect(index.settle()).toBe(-1);
    expect(index.get('dp:c')).toBe(2);
    index.defer();
    index.add('dp:', 'd');
    expect(index.get('dp:d')).toBe(3); // settles the deferred id
    index.defer();
    index.add('dp:', 'e');
    index.add('dp:', 'a');
    expect(() => index.get('dp:e')).toThrow('duplicate node id dp:a');
  });
});
