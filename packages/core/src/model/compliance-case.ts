/**
 * Anti-corruption and whistleblowing cases (issue #18; docs/registers.md, "Compliance cases";
 * docs/security.md, "Compliance cases"). A case row is confidential: it is NOT part of the
 * Bundle or its registers, so no bundle export, workbook or report can carry one. The store
 * keeps cases in their own table (024-compliance-cases.sql), read and written only with the
 * compliance role; everyone else, and the report, see counts by kind, type and outcome
 * (report/compliance-case-counts.ts; HKEX B7.1 "concluded legal cases regarding corrupt
 * practices … and the outcomes").
 */

/** A legal case brought against the issuer or its employees, or a report through the whistleblowing channel. */
export const CASE_KINDS = ['legal-case', 'whistleblowing'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The corrupt practice alleged (HKEX B7: bribery, extortion, fraud and money laundering). */
export const CASE_TYPES = ['bribery', 'extortion', 'fraud', 'money-laundering', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/**
 * How a concluded case ended: 'substantiated' (proven: a conviction, or a report found true),
 * 'unsubstantiated' (not proven, dismissed, acquitted), 'withdrawn'. An open case has none.
 */
export const CASE_OUTCOMES = ['substantiated', 'unsubstantiated', 'withdrawn'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export type ComplianceCase = {
  readonly id: string;
  readonly kind: CaseKind;
  readonly type: CaseType;
  /** The entity concerned (the group when organisation-wide). */
  readonly entityId: string;
  /** YYYY-MM-DD. */
  readonly openedOn: string;
  /** YYYY-MM-DD, when concluded; with an outcome. */
  readonly concludedOn?: string;
  readonly outcome?: CaseOutcome;
  /** What happened, in the compliance officer's words (confidential). */
  readonly summary: string;
  /** Actions taken (disciplinary, reported to authorities, controls changed). */
  readonly actions?: string;
};
