import { describe, expect, it } from 'vitest';
import { validateBundle } from '../validate/validate-bundle.js';
import type { RawBundle, RawTable } from './raw.js';
import { parsePairs } from './table-rows.js';

const settings = () => ({
  schemaVersion: 1,
  organisation: {
    id: 'demo',
    name: { 'zh-Hant': '示例集團', en: 'Demo Group' },
    issuerType: 'main-board',
    entities: [
      { id: 'group', kind: 'group', name: { 'zh-Hant': '示例集團', en: 'Demo Group' } },
      {
        id: 'smelter',
        kind: 'subsidiary',
        parent: 'group',
        name: { 'zh-Hant': '冶煉廠', en: 'Smelter' },
        aliases: ['冶煉分廠'],
      },
    ],
  },
  reporting: { current: '2025', prior: ['2024'] },
});

const dpHeader = ['entity', 'period', 'indicator', 'disaggregation', 'value', 'unit', 'source'];
const table = (file: string, header: string[], rows: string[][]): RawTable => ({
  file,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const withData = (rows: string[][], header = dpHeader): RawBundle => ({
  settings: { file: 'assay.yaml', data: settings() },
  dataPoints: table('data-points.csv', header, rows),
});
const issuesOf = (raw: RawBundle) => {
  const r = validateBundle(raw);
  return r.ok ? [] : r.issues;
};

describe('bundle validation', () => {
  it('accepts a clean bundle', () => {
    const r = validateBundle(
      withData([['smelter', '2025', 'employees.headcount', 'gender=female', '12', 'person', 'HR']]),
    );
    expect(r.ok).toBe(true);
  });

  it('reports every bad row with file, row and column, not just the first', () => {
    const issues = issuesOf(
      withData([
        ['nowhere', '2025', 'revenue', '', '1', 'CNY million', 'x'],
        ['group', '2031', 'revenue', '', '1', 'CNY million', 'x'],
        ['group', '2025', 'no.such', '', '1', 't', 'x'],
        ['group', '2025', 'revenue', '', 'NaN', 'CNY million', 'x'],
        ['group', '2025', 'revenue', '', '1,234.5', 'CNY million', 'x'],
        ['group', '2025', 'revenue', '', '1e309', 'CNY million', 'x'],
        ['group', '2025', 'revenue', '', '5', 'furlongs', 'x'],
        ['group', '2025', 'revenue', '', '5', 'MWh', 'x'],
        ['group', '2025', 'employees.headcount', 'colour=blue', '5', 'person', 'x'],
        ['group', '2025', 'revenue', '', '5', 'CNY million', ''],
        ['冶煉分廠', '2025', 'revenue', '', '5', 'CNY million', 'x'],
        ['group', '2025-13', 'revenue', '', '5', 'CNY million', 'x'],
      ]),
    );
    expect(issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, 'entity', 'unknown entity "nowhere"'],
      [3, 'period', 'period 2031 is outside the reporting years 2025, 2024'],
      [4, 'indicator', 'unknown indicator "no.such"'],
      [5, 'value', '"NaN" is not a number'],
      [
        6,
        'value',
        '"1,234.5" contains a comma; write numbers without thousands separators, with "." as the decimal point',
      ],
      [7, 'value', '"1e309" is out of range'],
      [8, 'unit', 'unknown unit "furlongs"'],
      [9, 'unit', 'unit "MWh" is energy, but revenue is currency (e.g. CNY million)'],
      [
        10,
        'disaggregation',
        'employees.headcount has no axis "colour" (axes: gender, age-band, employment-type, rank, region)',
      ],
      [11, 'source', '"source" is empty'],
      [12, 'entity', 'use the entity id "smelter" instead of the name "冶煉分廠"'],
      [13, 'period', '"2025-13" is not a period (use 2025, 2025-Q1 or 2025-01)'],
    ]);
    expect(issues.every((i) => i.file === 'data-points.csv')).toBe(true);
  });

  it('rejects Infinity and "1.234,5"', () => {
    const issues = issuesOf(
      withData([
        ['group', '2025', 'revenue', '', 'Infinity', 'CNY million', 'x'],
        ['group', '2024', 'revenue', '', '1.234,5', 'CNY million', 'x'],
      ]),
    );
    expect(issues.map((i) => i.column)).toEqual(['value', 'value']);
  });

  it('rejects duplicate facts', () => {
    const row = ['group', '2025', 'revenue', '', '1', 'CNY million', 'x'];
    expect(issuesOf(withData([row, row]))).toEqual([
      {
        file: 'data-points.csv',
        row: 3,
        reason: 'duplicate data point: same entity, period, indicator and disaggregation as line 2',
      },
    ]);
  });

  it('rejects a year value beside month values of the same fact (counted twice)', () => {
    const issues = issuesOf(
      withData([
        ['group', '2025', 'revenue', '', '12', 'CNY million', 'x'],
        ['group', '2025-03', 'revenue', '', '1', 'CNY million', 'x'],
        ['group', '2024-03', 'revenue', '', '1', 'CNY million', 'x'],
      ]),
    );
    expect(issues).toEqual([
      {
        file: 'data-points.csv',
        row: 3,
        column: 'period',
        reason:
          '2025-03 overlaps 2025 on line 2: a year must be given as one value or as its months or quarters, not both',
      },
    ]);
  });

  it('rejects unknown, duplicate and missing columns, including __proto__', () => {
    const issues = issuesOf(
      withData([], ['entity', 'period', 'indicator', 'value', 'unit', '__proto__', 'unit']),
    );
    expect(issues.map((i) => i.reason)).toEqual([
      'unknown column "__proto__"; allowed: entity, period, indicator, value, unit, source, id, disaggregation, evidence, comment',
      'column "unit" appears twice',
      'required column "source" is missing',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects rows with the wrong number of cells', () => {
    expect(issuesOf(withData([['group', '2025']]))[0]).toEqual({
      file: 'data-points.csv',
      row: 2,
      reason: 'expected 7 cells, found 2',
    });
  });

  it('reports settings errors by field path', () => {
    const s = settings();
    (s.organisation as Record<string, unknown>).issuerType = 'nasdaq';
    s.organisation.entities.push({
      id: 'orphan',
      kind: 'subsidiary',
      name: { 'zh-Hant': '孤兒', en: 'Orphan' },
    } as never);
    const r1 = issuesOf({ settings: { file: 'assay.yaml', data: s } });
    expect(r1.map((i) => i.column)).toContain('organisation.issuerType');
    (s.organisation as Record<string, unknown>).issuerType = 'gem';
    const r2 = issuesOf({ settings: { file: 'assay.yaml', data: s } });
    expect(r2).toEqual([
      {
        file: 'assay.yaml',
        column: 'organisation.entities.2.parent',
        reason: 'entity "orphan" needs a parent',
      },
    ]);
  });

  it('rejects an alias shared by two entities and an unknown settings key', () => {
    const s = settings();
    s.organisation.entities[1] = { ...s.organisation.entities[1]!, aliases: ['示例集團'] } as never;
    (s as Record<string, unknown>).colour = 'red';
    const issues = issuesOf({ settings: { file: 'assay.yaml', data: s } });
    expect(issues.map((i) => i.reason).join('\n')).toMatch(/Unrecognized key|unrecognized/i);
    delete (s as Record<string, unknown>).colour;
    expect(issuesOf({ settings: { file: 'assay.yaml', data: s } })[0]?.reason).toBe(
      'name or alias "示例集團" is used by both "group" and "smelter"',
    );
  });

  it('checks activity lines: activity, use and amount', () => {
    const raw: RawBundle = {
      settings: { file: 'assay.yaml', data: settings() },
      activityLines: table(
        'activity-lines.csv',
        ['entity', 'period', 'activity', 'subject', 'use', 'amount', 'unit', 'source'],
        [
          ['smelter', '2025', 'fuel', 'diesel', 'combustion', '12.5', 't', 'x'],
          ['smelter', '2025', 'teleport', 'diesel', '', '1', 't', 'x'],
          ['smelter', '2025', 'fuel', 'diesel', 'eaten', '1', 't', 'x'],
          ['smelter', '2025', 'electricity-purchased', 'grid', 'combustion', '1', 'MWh', 'x'],
        ],
      ),
    };
    expect(issuesOf(raw).map((i) => [i.row, i.column])).toEqual([
      [3, 'activity'],
      [4, 'use'],
      [5, 'use'],
    ]);
  });

  it('reads "constructor" as an attribute key given once, not as "given twice"', () => {
    expect(parsePairs('constructor=1;toString=2')).toEqual({
      ok: true,
      value: { constructor: '1', toString: '2' },
    });
    expect(parsePairs('a=1;a=2')).toEqual({ ok: false, reason: '"a" given twice' });
  });

  it('checks published figures and factors', () => {
    const raw: RawBundle = {
      settings: { file: 'assay.yaml', data: settings() },
      published: table(
        'published.csv',
        ['id', 'section', 'label_zh', 'entity', 'period', 'printed', 'unit', 'indicator'],
        [['p1', '環境', '範圍一', 'group', '2025', '109.82', '千噸二氧化碳當量', 'nope']],
      ),
      factors: table(
        'factors.csv',
        ['id', 'kind', 'method', 'value', 'unit', 'vintage', 'document', 'status'],
        [['f1', 'grid-ef', 'mee-nbs', '0.6', 'tCO2e/MWh', '20x3', 'doc', 'GUESSED']],
      ),
    };
    expect(issuesOf(raw).map((i) => [i.file, i.column])).toEqual([
      ['factors.csv', 'vintage'],
      ['factors.csv', 'status'],
      ['published.csv', 'indicator'],
    ]);
  });
});
