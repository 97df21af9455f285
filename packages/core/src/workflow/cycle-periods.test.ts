/** Cycles' entry periods, overlap and due dates (no clock: days are counted by hand here). */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  entryPeriods,
  isCalendarDate,
  isOverdue,
  periodEndDate,
  periodsOverlap,
  utcDayOf,
} from './cycle-periods.js';

describe('entry periods of a cycle', () => {
  it('splits the cycle period at its frequency, refusing a frequency coarser than the period', () => {
    expect(entryPeriods('2026', 'month')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(entryPeriods('2026', 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(entryPeriods('2026', 'year')).toEqual(['2026']);
    expect(entryPeriods('2026-Q2', 'month')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(entryPeriods('2026-Q2', 'quarter')).toEqual(['2026-Q2']);
    expect(entryPeriods('2026-Q2', 'year')).toBeUndefined();
    expect(entryPeriods('2026-03', 'quarter')).toBeUndefined();
    expect(entryPeriods('FY26', 'year')).toBeUndefined();
  });

  it('finds overlapping periods (cycles may not overlap)', () => {
    const cases: [string, string, boolean][] = [
      ['2026', '2026', true],
      ['2026', '2026-Q1', true],
      ['2026-03', '2026-Q1', true],
      ['2026-Q1', '2026-Q2', false],
      ['2026', '2027-01', false],
      ['FY26', 'FY26', true],
      ['FY26', '2026', false],
    ];
    expect(cases.map(([a, b]) => [a, b, periodsOverlap(a, b)])).toEqual(cases);
    expect(cases.map(([a, b]) => periodsOverlap(b, a))).toEqual(cases.map(([, , x]) => x));
  });
});

describe('due dates', () => {
  it('knows calendar days, leap years included', () => {
    for (const ok of ['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])
      expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-1',
      '20260210',
      '',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('ends periods on their last day', () => {
    expect(['2026-02', '2028-02', '2026-Q1', '2026-Q4', '2026', '2026-11'].map(periodEndDate)).toEqual([
      '2026-02-28',
      '2028-02-29',
      '2026-03-31',
      '2026-12-31',
      '2026-12-31',
      '2026-11-30',
    ]);
    expect(periodEndDate('FY26')).toBeUndefined();
  });

  it('adds days across months, years and leap days, and agrees with counting one day at a time', () => {
    expect(addDays('2026-01-31', 10)).toBe('2026-02-10');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-02-10', 0)).toBe('2026-02-10');
    // Walk 3,000 days by hand-made successor and compare.
    let [y, m, d] = [2024, 1, 1];
    const dim = (yy: number, mm: number) =>
      [
        31,
        yy % 4 === 0 && (yy % 100 !== 0 || yy % 400 === 0) ? 29 : 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
      ][mm - 1] as number;
    const text = () => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    for (let i = 0; i < 3000; i++) {
      expect(addDays('2024-01-01', i)).toBe(text());
      d++;
      if (d > dim(y, m)) [d, m] = [1, m + 1];
      if (m > 12) [m, y] = [1, y + 1];
    }
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a calendar date/);
    expect(daysBetween('2026-02-10', '2026-03-01')).toBe(19);
    expect(daysBetween('2028-03-01', '2028-02-28')).toBe(-2);
    for (const n of [0, 1, 59, 365, 1461])
      expect(daysBetween('2027-12-30', addDays('2027-12-30', n))).toBe(n);
  });

  it('is overdue once the due day has ended in UTC', () => {
    expect(isOverdue('2026-02-10', '2026-02-10T23:59:59.999Z')).toBe(false);
    expect(isOverdue('2026-02-10', '2026-02-11T00:00:00.000Z')).toBe(true);
    expect(isOverdue('2026-02-10', '2026-01-01T00:00:00Z')).toBe(false);
    expect(utcDayOf('2026-02-11T00:00:00.000Z')).toBe('2026-02-11');
    expect(() => utcDayOf('2026-02-11T08:00:00+08:00')).toThrow(/UTC instant/);
    expect(() => utcDayOf('yesterday')).toThrow(/UTC instant/);
  });
});
