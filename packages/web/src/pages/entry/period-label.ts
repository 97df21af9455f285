/**
 * Period ids (2026, 2026-Q1, 2026-01) as a person reads them, and the two periods an entry form
 * compares with: the previous period of the same kind (2025-12 for 2026-01, 2025-Q4 for 2026-Q1,
 * 2025 for 2026) and the same period last year (2025-01). The same rules as the server's
 * (app/src/use-cases/list-activity-lines.ts previousPeriod, samePeriodLastYear).
 */
import type { Lang } from '../../i18n';

type Parsed = { kind: 'year'; year: number } | { kind: 'quarter' | 'month'; year: number; index: number };

export function parsePeriod(id: string): Parsed | undefined {
  let m = /^(\d{4})$/.exec(id);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (m) return { kind: 'month', year: Number(m[1]), index: Number(m[2]) };
  return undefined;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function previousPeriod(id: string): string | undefined {
  const p = parsePeriod(id);
  if (!p) return undefined;
  if (p.kind === 'year') return String(p.year - 1);
  if (p.kind === 'quarter') return p.index === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${p.index - 1}`;
  return p.index === 1 ? `${p.year - 1}-12` : `${p.year}-${pad2(p.index - 1)}`;
}

export function samePeriodLastYear(id: string): string | undefined {
  const p = parsePeriod(id);
  if (!p) return undefined;
  if (p.kind === 'year') return String(p.year - 1);
  return p.kind === 'quarter' ? `${p.year - 1}-Q${p.index}` : `${p.year - 1}-${pad2(p.index)}`;
}

const QUARTER_ZH = ['', '第一季', '第二季', '第三季', '第四季'];

/** The name of a month in the UI language ("January", "1月"). */
function monthName(index: number, lang: Lang): string {
  return lang === 'en'
    ? new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
        Date.UTC(2000, index - 1, 1),
      )
    : `${index}月`;
}

/** "January 2026" / "2026年1月"; "Q1 2026" / "2026年第一季"; "2026" / "2026年"; else the id. */
export function periodName(id: string, lang: Lang): string {
  const p = parsePeriod(id);
  if (!p) return id;
  if (p.kind === 'year') return lang === 'en' ? String(p.year) : `${p.year}年`;
  if (p.kind === 'quarter')
    return lang === 'en' ? `Q${p.index} ${p.year}` : `${p.year}年${QUARTER_ZH[p.index]}`;
  return lang === 'en' ? `${monthName(p.index, lang)} ${p.year}` : `${p.year}年${p.index}月`;
}

/**
 * A comparison period as a warning names it: the previous period by its name ("December 2025"),
 * last year's as "last January" / "去年1月", "Q1 last year" / "去年第一季", "last year" / "去年".
 */
export function referenceName(against: 'previous' | 'lastYear', id: string, lang: Lang): string {
  if (against === 'previous') return periodName(id, lang);
  const p = parsePeriod(id);
  if (!p) return id;
  if (p.kind === 'year') return lang === 'en' ? 'last year' : '去年';
  if (p.kind === 'quarter') return lang === 'en' ? `Q${p.index} last year` : `去年${QUARTER_ZH[p.index]}`;
  return lang === 'en' ? `last ${monthName(p.index, lang)}` : `去年${p.index}月`;
}
