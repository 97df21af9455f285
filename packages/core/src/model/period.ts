/**
 * Reporting periods. Ids: "2025" (year), "2025-Q1".."2025-Q4" (quarters), "2025-01".."2025-12"
 * (months). Months and quarters lie inside their year; a calendar year end is assumed
 * (the reference issuer reports January–December).
 */
export type PeriodKind = 'year' | 'quarter' | 'month';
export type Period = {
  readonly id: string;
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
};

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(id: string): Period | undefined {
  let m = YEAR.exec(id);
  if (m) return { id, kind: 'year', year: Number(m[1]), index: 0 };
  m = QUARTER.exec(id);
  if (m) return { id, kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = MONTH.exec(id);
  if (m) return { id, kind: 'month', year: Number(m[1]), index: Number(m[2]) };
  return undefined;
}

/** The year a period belongs to, as a period id. */
export function yearOf(p: Period): string {
  return String(p.year);
}

export function isWithin(inner: Period, outer: Period): boolean {
  if (inner.year !== outer.year) return false;
  if (outer.kind === 'year') return true;
  if (outer.kind === 'quarter') return inner.kind === 'month' && Math.ceil(inner.index / 3) === outer.index;
  return inner.id === outer.id;
}

export type ReportingYear = {
  /** Current reporting year, e.g. "2025". */
  readonly current: string;
  /** Comparative years, most recent first, e.g. ["2024"]. */
  readonly prior: readonly string[];
};

export function priorYear(periodId: string): string | undefined {
  const p = parsePeriod(periodId);
  return p?.kind === 'year' ? String(p.year - 1) : undefined;
}
