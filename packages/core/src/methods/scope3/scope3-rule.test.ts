/** Validation of Scope 3 lines (issue #21): category, method, unit, factor key, price year, data quality. */
import { describe, expect, it } from 'vitest';
import type { RawBundle } from '../../bundle/raw.js';
import { rawSettings, rawTable } from '../../testing/raw-bundle.js';
import { validateBundle } from '../../validate/validate-bundle.js';
import { SCOPE3_CATEGORIES } from './categories.js';

const HEADER = ['entity', 'period', 'activity', 'subject', 'amount', 'unit', 'attributes', 'source'];
const FACTOR_HEADER = [
  'id',
  'kind',
  'method',
  'value',
  'unit',
  'vintage',
  'document',
  'status',
  'keys',
  'price_year',
];

function raw(rows: string[][], factorSets?: Record<string, string>): RawBundle {
  const settings = rawSettings();
  return {
    settings: {
      file: 'assay.yaml',
      data: factorSets === undefined ? settings : { ...settings, methods: { scope3: { factorSets } } },
    },
    activityLines: rawTable(
      'activity-lines.csv',
      HEADER,
      rows.map((r) => ['group', '2025', 'scope3', ...r, 'ledger']),
    ),
    factors: rawTable('factors.csv', FACTOR_HEADER, [
      [
        't/eeio/mining',
        'scope3-spend',
        'test-set',
        '0.5',
        'kgCO2e/CNY',
        '2024',
        'test fixture',
        'UNVERIFIED',
        'sector=mining',
        '2023',
      ],
      [
        't/transport/rail',
        'scope3-transport',
        'test-set',
        '0.02',
        'kgCO2e/t·km',
        '2024',
        'test fixture',
        'UNVERIFIED',
        'mode=rail',
        '',
      ],
    ]),
  };
}
const issues = (r: RawBundle) => {
  const v = validateBundle(r);
  return v.ok ? [] : v.issues.map((i) => ({ row: i.row, column: i.column, reason: i.reason }));
};

describe('Scope 3 lines at validation', () => {
  it('the 15 categories are data: ids cat-1…cat-15, names in both languages, "given" always allowed', () => {
    expect(SCOPE3_CATEGORIES.map((c) => c.id)).toEqual(Array.from({ length: 15 }, (_, i) => `cat-${i + 1}`));
    expect(SCOPE3_CATEGORIES.filter((c) => c.direction === 'upstream').length).toBe(8);
    for (const c of SCOPE3_CATEGORIES) {
      expect(c.name.en.length * c.name['zh-Hant'].length * c.minimumBoundary.length).toBeGreaterThan(0);
      expect(c.methods[0]).toBe('given');
    }
  });

  it('refuses cat-99, listing the categories', () => {
    const [i] = issues(raw([['cat-99', '5', 'tCO2e', '']]));
    expect(i).toMatchObject({ row: 2, column: 'subject' });
    expect(i?.reason).toContain(
      '"cat-99" is not a Scope 3 category of the GHG Protocol; use one of cat-1 (Purchased goods and services), cat-2 (Capital goods)',
    );
    expect(i?.reason).toContain('cat-15 (Investments)');
  });

  it('refuses a line in kWh by the given method (it is tCO2e), and says how to name a method', () => {
    expect(issues(raw([['cat-1', '500', 'kWh', '']]))).toEqual([
      {
        row: 2,
        column: 'unit',
        reason:
          '"kWh" measures energy, but a cat-1 line by the given method is entered as emissions in CO2e: use a unit such as tCO2e, or name its method with the attribute method=<…>',
      },
    ]);
  });

  it('refuses a method the category does not allow, and an unknown method', () => {
    expect(issues(raw([['cat-11', '5', 'CNY', 'method=spend-based;sector=mining;price-year=2023']]))).toEqual(
      [
        {
          row: 2,
          column: 'attributes',
          reason:
            'cat-11 (Use of sold products) does not allow the method "spend-based"; it allows given, average-data',
        },
      ],
    );
    expect(issues(raw([['cat-1', '5', 't', 'method=hybrid']]))[0]?.reason).toBe(
      'method "hybrid" is not a Scope 3 method; cat-1 allows given, supplier-specific, average-data, spend-based',
    );
  });

  it('refuses a computed downstream estimate (categories 10–12) that states no assumption', () => {
    expect(issues(raw([['cat-12', '40', 't', 'method=average-data;item=matte']]))[0]).toEqual({
      row: 2,
      column: 'attributes',
      reason:
        'cat-12 (End-of-life treatment of sold products) by the average-data method rests on assumptions about the products sold: state them with assumption=<words> (e.g. the process, lifetime or treatment route assumed)',
    });
    // Given as a figure, the assumptions are the provider's: nothing more is asked.
    expect(issues(raw([['cat-10', '5200', 'tCO2e', 'dq=5']]))).toEqual([]);
  });

  it('refuses a unit of the wrong dimension for the method and for the factor', () => {
    expect(issues(raw([['cat-4', '30', 't', 'method=distance-based;mode=rail']]))[0]).toEqual({
      row: 2,
      column: 'unit',
      reason:
        '"t" measures a mass, but a cat-4 line by the distance-based method is entered as freight moved or passenger distance: use a unit such as t·km or passenger·km',
    });
    expect(
      issues(
        raw([['cat-4', '30', 'passenger·km', 'method=distance-based;mode=rail']], { 'cat-4': 'test-set' }),
      )[0],
    ).toEqual({
      row: 2,
      column: 'unit',
      reason:
        '"passenger·km" measures passenger distance (passenger·km), but the factor t/transport/rail (kgCO2e/t·km) is per freight: enter the amount in a unit of freight',
    });
  });

  it('refuses a spend line without a price year, and one whose price year differs from the factor’s without a deflator', () => {
    expect(issues(raw([['cat-1', '5', 'CNY', 'method=spend-based;sector=mining']]))[0]?.reason).toBe(
      'a spend-based line states the year its money is in: add price-year=<year> (e.g. price-year=2025)',
    );
    expect(
      issues(
        raw([['cat-1', '5', 'CNY', 'method=spend-based;sector=mining;price-year=2025']], {
          'cat-1': 'test-set',
        }),
      )[0]?.reason,
    ).toBe(
      'the spend is in 2025 prices but the factor t/eeio/mining (kgCO2e/CNY) is per 2023 prices: add deflator=<ratio> (the price level of 2023 over that of 2025, from a stated price index)',
    );
    expect(
      issues(
        raw([['cat-1', '5', 'CNY', 'method=spend-based;sector=mining;price-year=2025;deflator=0.95']], {
          'cat-1': 'test-set',
        }),
      ),
    ).toEqual([]);
    // money of another currency than the factor's: no conversion without a dated rate
    expect(
      issues(
        raw([['cat-1', '5', 'HKD', 'method=spend-based;sector=mining;price-year=2023']], {
          'cat-1': 'test-set',
        }),
      )[0]?.reason,
    ).toBe(
      '"HKD" measures money (HKD), but the factor t/eeio/mining (kgCO2e/CNY) is per currency: enter the amount in a unit of currency',
    );
  });

  it('refuses a factor-based line without its key, a bad line factor and a data-quality score outside 1–5', () => {
    expect(issues(raw([['cat-1', '5', 't', 'method=average-data']]))[0]?.reason).toBe(
      'a line by the average-data method names its factor with the attribute item=<…> (the key of a scope3-average factor in the factor set)',
    );
    expect(issues(raw([['cat-1', '5', 't', 'method=supplier-specific;factor=2 t']]))[0]?.reason).toBe(
      'factor "2 t" is not emissions per unit (e.g. tCO2e/t or kgCO2e/kWh)',
    );
    expect(issues(raw([['cat-1', '5', 'kWh', 'method=supplier-specific;factor=2 tCO2e/t']]))[0]?.reason).toBe(
      '"kWh" measures energy, but the factor 2 tCO2e/t is per mass: enter the amount in a unit of mass',
    );
    expect(issues(raw([['cat-1', '5', 'tCO2e', 'dq=7']]))).toEqual([
      {
        row: 2,
        column: 'attributes',
        reason: 'data quality dq=7 is not a score from 1 (best) to 5 (docs/methods.md, "Scope 3")',
      },
    ]);
  });

  it('accepts good lines of every method', () => {
    expect(
      issues(
        raw(
          [
            ['cat-1', '12.5', 'tCO2e', 'dq=4'],
            ['cat-1', '200', 't', 'method=supplier-specific;factor=0.85 tCO2e/t;dq=2'],
            ['cat-1', '500', 't', 'method=average-data;item=nickel-concentrate'],
            ['cat-4', '1500000', 't·km', 'method=distance-based;mode=rail'],
            ['cat-6', '20000', 'passenger·km', 'method=distance-based;mode=air'],
            ['cat-5', '40', 't', 'method=waste-type;route=landfill'],
            ['cat-1', '5', 'CNY', 'method=spend-based;sector=mining;price-year=2023'],
          ],
          { 'cat-1': 'test-set', 'cat-4': 'test-set' },
        ),
      ),
    ).toEqual([]);
  });
});
