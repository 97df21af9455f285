/**
 * Case counts for a year (HKEX B7.1: concluded legal cases regarding corrupt practices and
 * their outcomes; docs/registers.md, "Compliance cases"): what everyone without the compliance
 * role, and the report, see of the cases. A case concluded in the year counts under its
 * outcome; a case opened by the year's end and not concluded by then counts as 'open'. Only
 * counts leave this function: no id, date, entity or text of a case.
 */
import type { CaseKind, CaseOutcome, CaseType, ComplianceCase } from '../model/compliance-case.js';
import { CASE_KINDS, CASE_OUTCOMES, CASE_TYPES } from '../model/compliance-case.js';

export type CaseCount = {
  readonly kind: CaseKind;
  readonly type: CaseType;
  readonly outcome: CaseOutcome | 'open';
  readonly count: number;
};

/** Counts by kind, type and outcome for calendar year `year` (four digits), zero counts left out, in a fixed order. */
export function caseCounts(cases: readonly ComplianceCase[], year: string): CaseCount[] {
  const end = `${year}-12-31`;
  const start = `${year}-01-01`;
  const n = new Map<string, number>();
  for (const c of cases) {
    let outcome: CaseOutcome | 'open' | undefined;
    if (
      c.concludedOn !== undefined &&
      c.outcome !== undefined &&
      c.concludedOn >= start &&
      c.concludedOn <= end
    )
      outcome = c.outcome;
    else if (c.openedOn <= end && (c.concludedOn === undefined || c.concludedOn > end)) outcome = 'open';
    if (outcome === undefined) continue;
    const key = `${c.kind}|${c.type}|${outcome}`;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  const out: CaseCount[] = [];
  for (const kind of CASE_KINDS)
    for (const type of CASE_TYPES)
      for (const outcome of [...CASE_OUTCOMES, 'open' as const]) {
        const count = n.get(`${kind}|${type}|${outcome}`);
        if (count) out.push({ kind, type, outcome, count });
      }
  return out;
}
