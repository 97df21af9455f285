/**
 * Reporting cycles' periods and due dates (issue #17; docs/workflow.md "Cycles and assignments").
 * A cycle is opened for a period (normally a year) with an entry frequency: a 2026 cycle with
 * monthly entry collects 2026-01 … 2026-12, each an entry period whose units (entity × entry
 * period × topic) go through the approval workflow. Due dates are calendar days (YYYY-MM-DD);
 * an assignment is overdue once its due day has ended in UTC (isOverdue). Pure: "now" is passed in.
 */
import { isWithin, type PeriodKind, parsePeriod } from '../model/period.js';

export const CYCLE_FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type CycleFrequency = (typeof CYCLE_FREQUENCIES)[number];

/** Coarse to fine: a frequency may not be coarser than the cycle's period. */
const FINENESS: Readonly<Record<PeriodKind, number>> = { year: 0, quarter: 1, month: 2 };

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The entry periods of a cycle, in order: its period split at the frequency (2026 monthly →
 * 2026-01 … 2026-12; 2026-Q2 monthly → 2026-04, 2026-05, 2026-06; 2026 yearly → 2026).
 * Undefined when the period is not one (see model/period.ts) or the frequency is coarser
 * than it (a quarter cycle with yearly entry).
 */
export function entryPeriods(cyclePeriod: string, frequency: CycleFrequency): string[] | undefined {
  const p = parsePeriod(cyclePeriod);
  if (!p || FINENESS[frequency] < FINENESS[p.kind]) return undefined;
  if (frequency === p.kind) return [p.id];
  if (frequency === 'quarter') return [1, 2, 3, 4].map((q) => `${p.year}-Q${q}`);
  const first = p.kind === 'year' ? 1 : (p.index - 1) * 3 + 1;
  const count = p.kind === 'year' ? 12 : 3;
  return Array.from({ length: count }, (_, i) => `${p.year}-${pad2(first + i)}`);
}

/** Whether two periods overlap (the same, or one lies in the other): cycles may not overlap. */
export function periodsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return pa !== undefined && pb !== undefined && (isWithin(pa, pb) || isWithin(pb, pa));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;

/** Whether `s` is a real calendar day written YYYY-MM-DD (2026-02-29 is not; 2028-02-29 is). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** The last day of a period (2026-02 → 2026-02-28; 2026-Q1 → 2026-03-31; 2026 → 2026-12-31). */
export function periodEndDate(periodId: string): string | undefined {
  const p = parsePeriod(periodId);
  if (!p) return undefined;
  const month = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.index * 3 : p.index;
  return `${p.year}-${pad2(month)}-${pad2(daysIn(p.year, month))}`;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), so days
 * can be added without a clock or Date.
 */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of dayNumber (civil_from_days). */
function dateOfDay(z0: number): string {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** `date` (YYYY-MM-DD, a calendar day) plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new Error(`addDays: "${date}" is not a calendar date`);
  return dateOfDay(dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) + days);
}

/** Days from `from` to `to` (both YYYY-MM-DD calendar days; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = DATE.exec(from);
  const b = DATE.exec(to);
  if (!a || !b || !isCalendarDate(from) || !isCalendarDate(to))
    throw new Error(`daysBetween: "${from}" or "${to}" is not a calendar date`);
  return (
    dayNumber(Number(b[1]), Number(b[2]), Number(b[3])) - dayNumber(Number(a[1]), Number(a[2]), Number(a[3]))
  );
}

/**
 * The UTC calendar day of an instant written as ISO-8601 in UTC ("2026-02-11T03:00:00.000Z" →
 * "2026-02-11"), as the adapters stamp times (Date.toISOString).
 */
export function utcDayOf(instant: string): string {
  const day = instant.slice(0, 10);
  if (!isCalendarDate(day) || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(instant))
    throw new Error(`utcDayOf: "${instant}" is not an ISO-8601 UTC instant`);
  return day;
}

/** Overdue: the due day (YYYY-MM-DD) has ended in UTC at `now` (ISO-8601 UTC). */
export function isOverdue(dueDate: string, now: string): boolean {
  return utcDayOf(now) > dueDate;
}
