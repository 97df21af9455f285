/** Row rules of data-points.csv and activity-lines.csv added for issue #14 (items 6 and 12). */
import { describe, expect, it } from 'vitest';
import { issuesOf, rawSettings, rawTable, withDataPoints } from '../testing/raw-bundle.js';
import { validateBundle } from '../validate/validate-bundle.js';
import type { RawBundle } from './raw.js';
import { serializeBundle } from './serialize-bundle.js';

describe('negative values (issue #14, item 12)', () => {
  const activity = (amount: string, activityType = 'fuel'): RawBundle => ({
    settings: { file: 'assay.yaml', data: rawSettings() },
    activityLines: rawTable(
      'activity-lines.csv',
      ['entity', 'period', 'activity', 'subject', 'amount', 'unit', 'source'],
      [['smelter', '2025', activityType, activityType === 'fuel' ? 'diesel' : 'grid', amount, 't', 'x']],
    ),
  });

  it('refuses a negative value of an indicator that cannot be negative, naming row and column', () => {
    const issues = issuesOf(
      withDataPoints([
        ['smelter', '2025', 'employees.headcount', '', '-3', 'person', 'HR'],
        ['smelter', '2025', 'water.withdrawal', '', '-0.5', 'm³', 'meter'],
        ['smelter', '2025', 'waste.hazardous', '', '-1e-3', 't', 'ledger'],
      ]),
    );
    expect(issues).toEqual([
      {
        file: 'data-points.csv',
        row: 2,
        column: 'value',
        reason:
          '"-3" is below zero, but employees.headcount cannot be negative (only an indicator declared "signed: true" can)',
      },
      {
        file: 'data-points.csv',
        row: 3,
        column: 'value',
        reason:
          '"-0.5" is below zero, but water.withdrawal cannot be negative (only an indicator declared "signed: true" can)',
      },
      {
        file: 'data-points.csv',
        row: 4,
        column: 'value',
        reason:
          '"-1e-3" is below zero, but waste.hazardous cannot be negative (only an indicator declared "signed: true" can)',
      },
    ]);
  });

  it('accepts zero written "-0", and negative values of signed indicators (net profit, a declared one)', () => {
    const raw: RawBundle = {
      ...withDataPoints([
        ['smelter', '2025', 'employees.headcount', '', '-0', 'person', 'HR'],
        ['group', '2025', 'net-profit', '', '-12.5', 'CNY million', 'accounts'],
        ['group', '2025', 'inventory.change', '', '-40', 't', 'stock count'],
      ]),
      indicators: {
        file: 'indicators.yaml',
        data: {
          indicators: [
            {
              id: 'inventory.change',
              name: { 'zh-Hant': '庫存變動', en: 'Change in inventory' },
              topic: 'materials',
              dimension: 'mass',
              unit: 't',
              aggregation: 'sum',
              precision: 0,
              signed: true,
            },
          ],
        },
      },
    };
    const r = validateBundle(raw);
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    const again = validateBundle(serializeBundle(r.bundle));
    expect(again.ok && again.bundle.indicators[0]?.signed).toBe(true);
  });

  it('refuses a negative activity amount for every activity type, naming row and column', () => {
    for (const type of ['fuel', 'electricity-exported', 'scope3']) {
      const raw = activity('-4.2', type);
      const unit = type === 'fuel' ? 't' : type === 'scope3' ? 'tCO2e' : 'MWh';
      const cells = raw.activityLines?.rows[0]?.cells as string[];
      cells[5] = unit;
      expect(issuesOf(raw)).toEqual([
        {
          file: 'activity-lines.csv',
          row: 2,
          column: 'amount',
          reason:
            '"-4.2" is below zero: an activity amount cannot be negative (exports and recovered heat have activity types of their own; a correction is a new revision of the line)',
        },
      ]);
    }
    expect(issuesOf(activity('-0.000'))).toEqual([]);
  });
});

describe('unit labels in rows are case-sensitive (issue #14, item 6)', () => {
  it('refuses "MT" (metric ton or megatonne), naming row and column', () => {
    const issues = issuesOf(
      withDataPoints([
        ['group', '2025', 'production.output', 'product=nickel', '1', 'MT', 'x'],
        ['group', '2025', 'production.output', 'product=copper', '1', 'Mt', 'x'],
      ]),
    );
    expect(issues).toEqual([
      {
        file: 'data-points.csv',
        row: 2,
        column: 'unit',
        reason:
          'unit "MT" is ambiguous (metric ton or megatonne): write "t" for tonnes or "Mt" for million tonnes',
      },
    ]);
  });
});
