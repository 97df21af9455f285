/**
 * A finding: one thing the checker noticed about a bundle, with where it is, what was expected,
 * what was printed or entered, and a message in both report languages. Findings are data; the
 * checker never changes the bundle.
 */
import type { LocalisedText } from '../model/text.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The rule families, in the order docs/checks.md describes them. */
export const RULE_IDS = [
  'units',
  'recompute',
  'rounding',
  'reconciliation',
  'implied-denominator',
  'year-on-year',
  'plausibility',
  'completeness',
  'master-data',
  'instruments',
  'unit-slip',
  'narrative',
  'narrative-arithmetic',
  'name-variants',
  'registers',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Where = {
  readonly indicatorId?: string;
  readonly entityId?: string;
  readonly periodId?: string;
  readonly figureId?: string;
  readonly publishedId?: string;
  readonly table?: string;
  readonly section?: string;
};

export type Finding = {
  readonly ruleId: RuleId;
  /** Finer kind within the rule family, e.g. "intensity-denominator", "truncated". */
  readonly code: string;
  readonly severity: Severity;
  readonly where: Where;
  readonly expected?: string;
  readonly actual?: string;
  /**
   * Expected and actual as a reader sees them, in both report languages (units as labels, words
   * translated). Where absent, expected/actual read the same in both. expected/actual stay as
   * they were: finding inputs (finding-id.ts) and the CLI's JSON read them.
   */
  readonly expectedText?: LocalisedText;
  readonly actualText?: LocalisedText;
  readonly message: LocalisedText;
  /** Brief lineage of the computed side: leaf facts and factors. */
  readonly lineage?: readonly string[];
};

/**
 * How much of the printed layer the checker can tie to figures: printed numbers (published
 * entries with a numeric value), those that claim a figure (figure id or indicator), and those
 * whose claimed figure Assay computes. Numbers tied to nothing are checked only by the rules that
 * read untied numbers (unit slips, bounds by other numbers, shares above 100 %).
 */
export type Coverage = { readonly printed: number; readonly tied: number; readonly computable: number };

export type CheckSummary = {
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byRule: Readonly<Partial<Record<RuleId, Readonly<Record<Severity, number>>>>>;
  readonly coverage?: Coverage;
};

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const ruleRank = (r: RuleId) => RULE_IDS.indexOf(r);
const whereText = (w: Where) =>
  [w.publishedId, w.figureId, w.entityId, w.periodId, w.indicatorId, w.section].map((x) => x ?? '').join('|');

/** Severity first (errors first), then rule family order, then place. Stable for equal keys. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      ruleRank(a.ruleId) - ruleRank(b.ruleId) ||
      (whereText(a.where) < whereText(b.where) ? -1 : whereText(a.where) > whereText(b.where) ? 1 : 0),
  );
}

export function summarise(findings: readonly Finding[], coverage?: Coverage): CheckSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Partial<Record<RuleId, Record<Severity, number>>> = {};
  for (const f of findings) {
    bySeverity[f.severity] += 1;
    const r = byRule[f.ruleId] ?? { error: 0, warning: 0, info: 0 };
    r[f.severity] += 1;
    byRule[f.ruleId] = r;
  }
  return { total: findings.length, bySeverity, byRule, ...(coverage ? { coverage } : {}) };
}

/** Findings at or above a severity (error ⊂ warning ⊂ info). */
export function atOrAbove(findings: readonly Finding[], level: Severity): Finding[] {
  return findings.filter((f) => rank(f.severity) <= rank(level));
}
