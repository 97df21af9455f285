/**
 * checkDataPointRows (the row checked against what it touches) against parseDataPointRows (the
 * row as the data-points table of a bundle with the workspace's settings, through the whole
 * validateBundle): on random tables of 1–4 rows over examples/minimal and examples/xinxin-2025,
 * good and bad cells in every column (unknown or aliased entities, periods outside the reporting
 * years or malformed, unknown indicators, bad disaggregations and axes, negative or malformed
 * values, units of another dimension, empty required cells, repeated ids and keys, a year given
 * as months and as a whole), both must give the same rows (line and data point) and the same
 * issues (file, row, column, reason), in the same order.
 */
import { join } from 'node:path';
import { type Bundle, bundleCatalogue, columnOrder, DATA_POINT_COLUMNS, type RawTable } from '@assay/core';
import { loadBundle } from '@assay/io';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDataPointRows, parseDataPointRows } from './parse-data-point-rows.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'examples');
const RUNS = Number(process.env.ASSAY_ROW_RUNS ?? 400);

async function load(name: string): Promise<Bundle> {
  const r = await loadBundle(join(EXAMPLES, name));
  if (!r.ok) throw new Error(`examples/${name} should load`);
  return r.bundle;
}

/** Cells drawn mostly from what the bundle knows, sometimes from what it does not. */
function rowOf(b: Bundle): fc.Arbitrary<Record<string, string>> {
  const entities = b.organisation.entities;
  const catalogue = [...bundleCatalogue(b).values()];
  const years = [b.reporting.current, ...b.reporting.prior];
  const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
  const entity = fc.oneof(
    { weight: 8, arbitrary: pick(entities.map((e) => e.id)) },
    {
      weight: 1,
      arbitrary: pick(entities.flatMap((e) => [...e.aliases, e.name.en]).filter((x) => x !== '')),
    },
    { weight: 1, arbitrary: fc.constantFrom('', 'nowhere', ' ') },
  );
  const period = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(pick(years), fc.integer({ min: 0, max: 12 }))
        .map(([y, m]) => (m === 0 ? y : `${y}-${String(m).padStart(2, '0')}`)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(pick(years), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('', '1999', '2025-13', 'soon', '2025-Q5') },
  );
  const indicator = fc.oneof(
    { weight: 8, arbitrary: pick(catalogue.map((i) => i.id)) },
    { weight: 1, arbitrary: fc.constantFrom('', 'no.such.indicator') },
  );
  const axes = [...new Set(catalogue.flatMap((i) => i.axes))];
  const disaggregation = fc.oneof(
    { weight: 6, arbitrary: fc.constant('') },
    {
      weight: 2,
      arbitrary:
        axes.length === 0
          ? fc.constant('')
          : fc.tuple(pick(axes), fc.constantFrom('a', 'b', '男', 'x y')).map(([a, v]) => `${a}=${v}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('colour=red', '=x', 'a=1;a=2', 'nokey') },
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('-1', '-0', '1.5e3', '', 'abc', '1,000', '0.000001') },
  );
  const unit = fc.oneof(
    { weight: 6, arbitrary: pick([...new Set(catalogue.map((i) => i.unit))]) },
    { weight: 1, arbitrary: fc.constantFrom('', 'kg', 'MWh', 'h', 'furlong', '萬元') },
  );
  // Most rows take the unit and an axis of their own indicator, so that many are valid.
  const fitting = fc.constantFrom(...catalogue).chain((ind) =>
    fc.record({
      indicator: fc.oneof({ weight: 8, arbitrary: fc.constant(ind.id) }, { weight: 1, arbitrary: indicator }),
      unit: fc.oneof({ weight: 8, arbitrary: fc.constant(ind.unit) }, { weight: 1, arbitrary: unit }),
      disaggregation: fc.oneof(
        { weight: 6, arbitrary: fc.constant('') },
        {
          weight: 2,
          arbitrary:
            ind.axes.length === 0
              ? fc.constant('')
              : fc.tuple(pick(ind.axes), fc.constantFrom('a', 'b')).map(([a, v]) => `${a}=${v}`),
        },
        { weight: 1, arbitrary: disaggregation },
      ),
    }),
  );
  return fc
    .record({
      id: fc.oneof(fc.constantFrom('', 'dp-1', 'dp-2'), fc.uuid()),
      entity,
      period,
      fitting,
      value,
      source: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('meter', '台賬') },
        { weight: 1, arbitrary: fc.constant('') },
      ),
      evidence: fc.constantFrom('', 'ev.pdf'),
      comment: fc.constantFrom('', 'checked'),
    })
    .map(({ fitting: f, ...rest }) => ({ ...rest, ...f }));
}

describe.each(['minimal', 'xinxin-2025'])('checkDataPointRows on examples/%s', (name) => {
  it('gives the rows and issues of the whole validation, on random rows good and bad', async () => {
    const bundle = await load(name);
    // What write-data-point.ts validated before: the settings and catalogue, no facts.
    const settings = { ...bundle, dataPoints: [], activityLines: [], published: [] };
    const header = columnOrder(DATA_POINT_COLUMNS);
    let good = 0;
    let bad = 0;
    fc.assert(
      fc.property(fc.array(rowOf(bundle), { minLength: 1, maxLength: 4 }), (rows) => {
        const table: RawTable = {
          file: 'data point',
          header,
          rows: rows.map((cells, i) => ({
            line: i + 2,
            cells: header.map((h) => cells[h] ?? ''),
          })),
        };
        const want = parseDataPointRows(settings, table, 'data point');
        const got = checkDataPointRows(bundle, table, 'data point');
        expect(got.issues).toEqual(want.issues);
        expect(got.rows).toEqual(want.rows);
        good += want.rows.length;
        bad += want.issues.length;
      }),
      { numRuns: RUNS, seed: Number(process.env.ASSAY_ROW_SEED ?? Date.now() % 2 ** 31) },
    );
    // Not vacuous: both accepted rows and issues were compared.
    expect(good).toBeGreaterThan(0);
    expect(bad).toBeGreaterThan(0);
  }, 300_000);

  it('reports a missing column as the whole validation does', async () => {
    const bundle = await load(name);
    const settings = { ...bundle, dataPoints: [], activityLines: [], published: [] };
    const header = columnOrder(DATA_POINT_COLUMNS).filter((h) => h !== 'unit');
    const table: RawTable = {
      file: 'data point',
      header,
      rows: [{ line: 2, cells: header.map((h) => (h === 'entity' ? 'x' : '')) }],
    };
    const want = parseDataPointRows(settings, table, 'data point');
    expect(want.issues.length).toBeGreaterThan(0);
    expect(checkDataPointRows(bundle, table, 'data point')).toEqual(want);
  });
});
