/**
 * Restatement and the base year (issue #17; docs/workflow.md, "Restatement and base year").
 * GHG Protocol Corporate Standard ch. 5: a company chooses a base year and a written policy for
 * recalculating it; structural changes (acquisitions, divestments), methodology changes and
 * errors trigger a recalculation when significant (alone or together), organic growth never.
 * The Standard sets no threshold; 5 % of base-year emissions is the common convention
 * (../shared/reference/phase2-domain.md §1.1), so it is the default and configurable.
 * GRI 2-4 asks the report to state every restatement with its reason and effect.
 * These are the shapes; the rules are in methods/base-year.ts (the significance test, the
 * acquisition prompt) and workflow/restatement.ts (the request's approval).
 */
import type { Decimal } from '../decimal.js';
import type { LocalisedText } from './text.js';

/** What a restatement changes, the three triggers of GHG Protocol ch. 5. */
export const RESTATEMENT_CHANGES = ['structural-change', 'methodology', 'error-correction'] as const;
export type RestatementChange = (typeof RESTATEMENT_CHANGES)[number];

export const CHANGE_LABEL: Readonly<Record<RestatementChange, LocalisedText>> = {
  'structural-change': {
    'zh-Hant': '結構變動（收購、出售）',
    en: 'structural change (acquisition, divestment)',
  },
  methodology: { 'zh-Hant': '計算方法或排放因子變更', en: 'change of methodology or emission factors' },
  'error-correction': { 'zh-Hant': '更正錯誤', en: 'correction of an error' },
};

/**
 * The base year and when it is recalculated: a change of a type in `triggers` that moves the
 * base year's Scope 1 + 2 emissions by `thresholdPercent` per cent or more (alone or together
 * with the earlier changes not yet significant) asks for a recalculation.
 */
export type BaseYearPolicy = {
  /** A year id, "2020". */
  readonly year: string;
  /** Per cent of the base year's Scope 1 + 2 (exact decimal; 5 means 5 %), > 0 and ≤ 100. */
  readonly thresholdPercent: Decimal;
  readonly triggers: readonly RestatementChange[];
};

/** The default policy's threshold, in per cent: the common convention (not set by the Standard). */
export const DEFAULT_THRESHOLD_PERCENT = '5';
/** The default triggers: a structural change or a correction (of data, factors or method). */
export const DEFAULT_TRIGGERS: readonly RestatementChange[] = RESTATEMENT_CHANGES;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A calendar date "YYYY-MM-DD" (proleptic Gregorian), or undefined when the text is not one
 * ("2025-02-29" is not: 2025 is no leap year). Core has no Date object: checked by hand.
 */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && leap ? 29 : DAYS[month - 1];
  if (last === undefined || day < 1 || day > last) return undefined;
  return { year, month, day };
}
