/**
 * loadDataPoints against the loader it replaced (issue #15: one map of (entity, indicator,
 * breakdown) groups instead of a map of keys and a map of years; rows read by column position
 * instead of a record per row). The previous body is kept below as the model, unchanged but for
 * its row reader; both get the same random tables (repeated ids, repeated keys, a year given as
 * a whole and as months or quarters, bad cells of every column, rows of the wrong width, optional
 * columns left out) and must give the same data points, field for field, and the same issues in
 * the same order. Runs: LOAD_MODEL_RUNS (default 400).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../catalogue/catalogue.js';
import { type DataPoint, disaggregationKey } from '../model/fact.js';
import { rawSettings } from '../testing/raw-bundle.js';
import { quantity } from '../units/quantity.js';
import { unitDimension } from '../units/unit.js';
import { validateBundle } from '../validate/validate-bundle.js';
import { columnOrder, DATA_POINT_COLUMNS } from './columns.js';
import { loadDataPoints, optional } from './load-facts.js';
import type { BundleIssue, RawTable } from './raw.js';
import { RowChecker, type RowContext } from './row-context.js';
import { parsePairs, readTable, TableRow } from './table-rows.js';

const RUNS = Number(process.env.LOAD_MODEL_RUNS ?? 400);

/** The loader before issue #15's rewrite (load-facts.ts at 26ba97e), as the model. */
function modelLoad(table: RawTable, ctx: RowContext, issues: BundleIssue[]): DataPoint[] {
  const out: DataPoint[] = [];
  const keys = new Map<string, number>();
  const ids = new Map<string, number>();
  const granularity = new Map<string, { kind: string; id: string; line: number }>();
  for (const row of readTable(table, DATA_POINT_COLUMNS, issues)) {
    const c = new RowChecker(table.file, row, issues);
    const entityId = c.entity(ctx);
    const period = c.period(ctx);
    const indicatorId = c.required('indicator');
    const indicator = indicatorId === undefined ? undefined : ctx.catalogue.get(indicatorId);
    if (indicatorId !== undefined && !indicator) c.fail('indicator', `unknown indicator "${indicatorId}"`);
    const value = c.decimal('value');
    const unit = c.unit('unit');
    const source = c.required('source');
    const pairs = parsePairs(c.cell('disaggregation'));
    if (!pairs.ok) c.fail('disaggregation', pairs.reason);
    if (indicator && value?.lessThan(0) && indicator.signed !== true) {
      c.fail(
        'value',
        `"${c.cell('value')}" is below zero, but ${indicator.id} cannot be negative (only an indicator declared "signed: true" can)`,
      );
    }
    const missingAxes = pairs.ok ? (indicator?.nonAdditiveAxes ?? []).filter((a) => !(a in pairs.value)) : [];
    if (indicator && missingAxes.length > 0) {
      c.fail(
        'disaggregation',
        `${indicator.id} is not additive over ${missingAxes.join(', ')} (its categories are different substances): name one, e.g. "${missingAxes[0]}=nox"; a total over them means nothing`,
      );
    }
    if (indicator && unit && unitDimension(unit) !== indicator.dimension) {
      c.fail(
        'unit',
        `unit "${unit.symbol}" is ${unitDimension(unit)}, but ${indicator.id} is ${indicator.dimension} (e.g. ${indicator.unit})`,
      );
    }
    if (indicator && pairs.ok) {
      for (const axis of Object.keys(pairs.value)) {
        if (!(indicator.axes as readonly string[]).includes(axis)) {
          c.fail(
            'disaggregation',
            `${indicator.id} has no axis "${axis}" (axes: ${indicator.axes.join(', ') || 'none'})`,
          );
        }
      }
    }
    const id = c.cell('id') || `dp-${row.line}`;
    if (ids.has(id)) c.fail('id', `duplicate id "${id}" (also on line ${ids.get(id)})`);
    ids.set(id, row.line);
    if (c.failed || !entityId || !period || !indicatorId || !value || !unit || !source || !pairs.ok) continue;
    const split = disaggregationKey(pairs.value);
    const key = `${entityId}|${period.id}|${indicatorId}|${split}`;
    const dup = keys.get(key);
    if (dup !== undefined) {
      c.fail(
        undefined,
        `duplicate data point: same entity, period, indicator and disaggregation as line ${dup}`,
      );
      continue;
    }
    keys.set(key, row.line);
    const yearKey = `${entityId}|${period.year}|${indicatorId}|${split}`;
    const other = granularity.get(yearKey);
    if (other && other.kind !== period.kind) {
      c.fail(
        'period',
        `${period.id} overlaps ${other.id} on line ${other.line}: a year must be given as one value or as its months or quarters, not both`,
      );
      continue;
    }
    granularity.set(yearKey, { kind: period.kind, id: period.id, line: row.line });
    out.push({
      id,
      entityId,
      periodId: period.id,
      indicatorId,
      disaggregation: pairs.value,
      quantity: quantity(value, unit),
      source,
      ...optional('evidence', c.cell('evidence')),
      ...optional('comment', c.cell('comment')),
    });
  }
  return out;
}

function context(): RowContext {
  const v = validateBundle({ settings: { file: 'assay.yaml', data: rawSettings() } });
  if (!v.ok) throw new Error('settings');
  const catalogue = new Map(standardCatalogue().map((i) => [i.id, i]));
  return { organisation: v.bundle.organisation, reporting: v.bundle.reporting, catalogue };
}

const COLUMN_VALUES: Record<string, readonly string[]> = {
  id: ['', '', '', '', '', '', 'a', 'b', ' a ', 'dp-3', 'dp-4'],
  entity: ['smelter', 'smelter', 'smelter', 'group', ' group', 'group', 'Smelter', 'nope', ''],
  period: ['2025', '2025-Q1', '2025-01', '2025-02', '2025-03', '2024', '2024-03', '2024-Q4', '2023', 'x', ''],
  indicator: ['employees.headcount', 'water.withdrawal', 'air.emissions', 'net-profit', 'nope', ''],
  disaggregation: [
    '',
    '',
    'gender=female',
    'gender=male',
    'pollutant=nox',
    'pollutant=sox',
    'bad',
    'gender=female;age-band=under-30',
  ],
  value: ['1', '2.50', '0', '1e3', '1', '2.50', '0', '1e3', '-1', 'x', ''],
  unit: ['person', 'm³', 't', 'CNY million', 'kWh', 'bad', ''],
  source: ['HR', 'meter', ' ledger ', 'HR', 'meter', ''],
  evidence: ['', '', 'E-1'],
  comment: ['', 'checked'],
};
const ALL = columnOrder(DATA_POINT_COLUMNS);
const OPTIONAL_LEFT_OUT = ['id', 'disaggregation', 'evidence', 'comment'];

/** Coherent rows (indicator, unit and breakdown that fit), so most rows reach the key rules. */
const FITTING = [
  { indicator: 'employees.headcount', unit: 'person', breakdowns: ['', 'gender=female', 'gender=male'] },
  { indicator: 'water.withdrawal', unit: 'm³', breakdowns: [''] },
  { indicator: 'air.emissions', unit: 't', breakdowns: ['pollutant=nox', 'pollutant=sox'] },
  { indicator: 'net-profit', unit: 'CNY million', breakdowns: [''] },
] as const;

const rowArb = fc.record({
  fit: fc.nat(),
  breakdown: fc.nat(),
  picks: fc.array(fc.nat(), { minLength: ALL.length, maxLength: ALL.length }),
  // columns taken from the random pool instead of the fitting row (none, most of the time)
  spoiled: fc.oneof(
    fc.constant([] as string[]),
    fc.constant([] as string[]),
    fc.subarray(ALL, { maxLength: 2 }),
  ),
  width: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1),
});

const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length] as T;

const tableArb = fc
  .record({
    dropped: fc.subarray(OPTIONAL_LEFT_OUT),
    rows: fc.array(rowArb, { minLength: 10, maxLength: 40 }),
  })
  .map(({ dropped, rows }): RawTable => {
    const header = ALL.filter((c) => !dropped.includes(c));
    return {
      file: 'data-points.csv',
      header,
      rows: rows.map(({ fit, breakdown, picks, spoiled, width }, i) => {
        const f = pick(FITTING, fit);
        const fitting: Record<string, string> = {
          indicator: f.indicator,
          unit: f.unit,
          disaggregation: pick(f.breakdowns, breakdown),
        };
        const cells = header.map((col, k) => {
          const random = pick(COLUMN_VALUES[col] ?? [''], picks[k] ?? 0);
          return spoiled.includes(col) ? random : (fitting[col] ?? random);
        });
        if (width > 0) cells.push('extra');
        if (width < 0) cells.pop();
        return { line: i + 2, cells };
      }),
    };
  });

describe('loadDataPoints against its previous implementation', () => {
  const ctx = context();

  it('gives the same data points and issues on random tables', () => {
    let withFindings = 0;
    let withPoints = 0;
    fc.assert(
      fc.property(tableArb, (table) => {
        const expectedIssues: BundleIssue[] = [];
        const expected = modelLoad(table, ctx, expectedIssues);
        const issues: BundleIssue[] = [];
        const got = loadDataPoints(table, ctx, issues);
        expect(issues).toEqual(expectedIssues);
        expect(got).toEqual(expected);
        // the same fields present (evidence and comment only where given)
        expect(got.map((d) => Object.keys(d).sort())).toEqual(expected.map((d) => Object.keys(d).sort()));
        if (issues.some((i) => /duplicate data point|overlaps/.test(i.reason))) withFindings++;
        if (got.length > 3) withPoints++;
      }),
      { numRuns: RUNS },
    );
    // the generator reaches the rules that changed, not only rows that fail early
    expect(withFindings).toBeGreaterThan(RUNS / 20);
    expect(withPoints).toBeGreaterThan(RUNS / 20);
  });

  it('reads each cell as a record per row did (trimmed; absent column: empty)', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const positions = new Map(table.header.map((h, i) => [h, i]));
        for (const raw of table.rows) {
          if (raw.cells.length !== table.header.length) continue;
          const row = new TableRow(raw.line, raw.cells, positions);
          const record: Record<string, string> = Object.create(null);
          table.header.forEach((h, i) => {
            record[h] = (raw.cells[i] ?? '').trim();
          });
          for (const col of [...ALL, '__proto__', 'constructor'])
            expect(row.cell(col)).toBe(record[col] ?? '');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
