/**
 * assay.yaml's base year, recalculation policy and entity acquisition/disposal dates: loaded with
 * their defaults (5 %, every trigger), written back unchanged (load → save → load), and bad
 * values refused naming the field.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, rawSettings } from '../testing/raw-bundle.js';
import { validateBundle } from '../validate/validate-bundle.js';
import { serializeBundle } from './serialize-bundle.js';

type Settings = ReturnType<typeof rawSettings>;
const withSettings = (edit: (s: Settings & Record<string, unknown>) => void) => {
  const s = rawSettings() as Settings & Record<string, unknown>;
  edit(s);
  return { settings: { file: 'assay.yaml', data: s } };
};
const entity = (s: Settings, i: number) => s.organisation.entities[i] as Record<string, unknown>;
const organisation = (s: Settings) => s.organisation as Record<string, unknown>;

describe('base year and entity dates in assay.yaml', () => {
  it('default policy: 5 % and every trigger; dates kept; load → save → load is the same', () => {
    const raw = withSettings((s) => {
      organisation(s).baseYear = { year: '2020' };
      entity(s, 1).acquiredOn = '2024-02-29';
      entity(s, 1).disposedOn = '2025-07-01';
    });
    const r = validateBundle(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const o = r.bundle.organisation;
    expect(o.baseYear?.year).toBe('2020');
    expect(o.baseYear?.thresholdPercent.toFixed()).toBe('5');
    expect(o.baseYear?.triggers).toEqual(['structural-change', 'methodology', 'error-correction']);
    expect(o.entities[1]).toMatchObject({ acquiredOn: '2024-02-29', disposedOn: '2025-07-01' });
    const again = validateBundle(serializeBundle(r.bundle));
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.bundle.organisation).toEqual(o);
    expect(serializeBundle(again.bundle).settings).toEqual(serializeBundle(r.bundle).settings);
  });

  it('a configured threshold and triggers', () => {
    const r = validateBundle(
      withSettings((s) => {
        organisation(s).baseYear = { year: '2023', thresholdPercent: '2.5', triggers: ['structural-change'] };
      }),
    );
    expect(r.ok && r.bundle.organisation.baseYear).toMatchObject({
      year: '2023',
      triggers: ['structural-change'],
    });
    expect(r.ok && r.bundle.organisation.baseYear?.thresholdPercent.toFixed()).toBe('2.5');
  });

  it('refuses a date that is not one, disposal before acquisition, a base year after the reporting year, a bad threshold', () => {
    const cases: [(s: Settings) => void, string, RegExp][] = [
      [
        (s) => {
          entity(s, 1).acquiredOn = '2025-02-29';
        },
        'organisation.entities.1.acquiredOn',
        /not a calendar date/,
      ],
      [
        (s) => {
          entity(s, 1).acquiredOn = '1 July 2025';
        },
        'organisation.entities.1.acquiredOn',
        /a date such as/,
      ],
      [
        (s) => {
          entity(s, 1).acquiredOn = '2025-07-01';
          entity(s, 1).disposedOn = '2025-06-30';
        },
        'organisation.entities.1.disposedOn',
        /disposed of \(2025-06-30\) before it was acquired \(2025-07-01\)/,
      ],
      [
        (s) => {
          entity(s, 0).acquiredOn = '2025-07-01';
        },
        'organisation.entities.0.acquiredOn',
        /the group itself/,
      ],
      [
        (s) => {
          organisation(s).baseYear = { year: '2026' };
        },
        'organisation.baseYear.year',
        /after the reporting year 2025/,
      ],
      [
        (s) => {
          organisation(s).baseYear = { year: '2020', thresholdPercent: '0' };
        },
        'organisation.baseYear.thresholdPercent',
        /above 0 and at most 100/,
      ],
      [
        (s) => {
          organisation(s).baseYear = { year: '2020', triggers: ['growth'] };
        },
        'organisation.baseYear.triggers.0',
        /./,
      ],
    ];
    for (const [edit, column, reason] of cases) {
      const issues = issuesOf(withSettings(edit));
      expect(
        issues.map((i) => i.column),
        column,
      ).toContain(column);
      expect(issues.find((i) => i.column === column)?.reason, column).toMatch(reason);
    }
  });
});
