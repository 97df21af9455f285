/**
 * Calendar dates as text (YYYY-MM-DD, proleptic Gregorian), checked and compared without a
 * clock (core has none). Text order is date order for valid dates.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function leap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The reason a text is not a date, or undefined when it is one (2025-02-29 is not). */
export function calendarDateProblem(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return `"${text}" is not a date (YYYY-MM-DD)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (days === undefined || d < 1 || d > days) return `"${text}" is not a day of the calendar`;
  return undefined;
}

/** Days from 0000-03-01 (a day count for differences); the date must be valid. */
export function dayNumber(text: string): number {
  const [ys, ms, ds] = text.split('-');
  let y = Number(ys);
  const m = Number(ms);
  if (m <= 2) y -= 1;
  const mm = (m + 9) % 12; // March = 0
  return (
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) +
    Math.floor((153 * mm + 2) / 5) +
    Number(ds) -
    1
  );
}
