/**
 * Calendar dates without a clock (calendar-date.ts): the validity rule and day counts, with
 * anchors worked out by hand and properties over generated dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateProblem, dayNumber } from './calendar-date.js';

const date = fc
  .record({
    y: fc.integer({ min: 1600, max: 2400 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
  .filter((t) => calendarDateProblem(t) === undefined);

describe('calendar dates', () => {
  it('knows the leap years (divisible by 4, not by 100 unless by 400) and refuses non-days', () => {
    expect(calendarDateProblem('2024-02-29')).toBeUndefined();
    expect(calendarDateProblem('2000-02-29')).toBeUndefined();
    expect(calendarDateProblem('2025-02-29')).toMatch(/not a day/);
    expect(calendarDateProblem('1900-02-29')).toMatch(/not a day/);
    expect(calendarDateProblem('2025-04-31')).toMatch(/not a day/);
    expect(calendarDateProblem('2025-13-01')).toMatch(/not a day/);
    expect(calendarDateProblem('2025-1-01')).toMatch(/YYYY-MM-DD/);
  });

  it('counts days as by hand', () => {
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(dayNumber('2027-03-17') - dayNumber('2025-12-20')).toBe(452); // 11 + 365 + 31 + 28 + 17
    expect(dayNumber('2026-01-01') - dayNumber('2025-01-01')).toBe(365);
    expect(dayNumber('2025-01-01') - dayNumber('2024-01-01')).toBe(366);
  });

  it('orders days as their text orders them', () => {
    fc.assert(
      fc.property(
        date,
        date,
        (a, b) => Math.sign(dayNumber(a) - dayNumber(b)) === (a < b ? -1 : a > b ? 1 : 0),
      ),
    );
  });

  it('a year is 366 days exactly when its February has a 29th', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), (y) => {
        const length = dayNumber(`${y + 1}-01-01`) - dayNumber(`${y}-01-01`);
        return length === (calendarDateProblem(`${y}-02-29`) === undefined ? 366 : 365);
      }),
    );
  });
});
