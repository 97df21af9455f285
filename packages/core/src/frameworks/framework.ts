/**
 * Disclosure frameworks as data: provisions with their text (zh-Hant and en, each with its
 * verification status), an obligation schedule, and the evidence that satisfies them (the
 * crosswalk to indicators, narrative sections and registers). See docs/frameworks.md.
 */
import type { IssuerType } from '../model/organisation.js';
import type { LocalisedText } from '../model/text.js';

export const FRAMEWORK_IDS = ['hkex', 'ifrs-s2', 'gri', 'sasb', 'sasac'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** Same labels as the factor library and domain-reference.md. */
export type TextStatus = 'VERIFIED' | 'CORROBORATED' | 'UNVERIFIED';

/**
 * What a provision asks of the issuer in a given year. mandatory: must be disclosed, cannot be
 * explained away; comply-or-explain: disclose or explain the omission; encouraged/voluntary: no
 * finding when absent; withdrawn: deleted from the framework (citing it warns); not-effective:
 * the framework version does not apply to that year.
 */
export type Obligation =
  | 'mandatory'
  | 'comply-or-explain'
  | 'encouraged'
  | 'voluntary'
  | 'withdrawn'
  | 'not-effective';

/** First matching rule wins; no match means not-effective. Years are financial years. */
export type ScheduleRule = {
  readonly from?: number;
  readonly until?: number;
  readonly issuerTypes?: readonly IssuerType[];
  readonly obligation: Obligation;
};
export type Schedule = readonly ScheduleRule[];

/** Narrative section ids a crosswalk may cite (narrative.yaml section ids). */
export const SECTION_IDS = [
  'about-report',
  'board-statement',
  'esg-governance',
  'stakeholder-engagement',
  'materiality',
  'climate-governance',
  'climate-strategy',
  'climate-risk-management',
  'climate-metrics-targets',
  // Elements a broader section cannot prove (issue #19, honest content index): scenario
  // analysis (resilience) and the external assurance statement have narrative of their own.
  'climate-scenario-analysis',
  'external-assurance',
  'emissions',
  'energy',
  'water',
  'waste',
  'packaging',
  'employment',
  'health-safety',
  'training',
  'labour-standards',
  'supply-chain',
  'product-responsibility',
  'anti-corruption',
  'community',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const REGISTER_NAMES = [
  'stakeholders',
  'materialTopics',
  'climateRisks',
  'targets',
  'policies',
  'supplierPractices',
] as const;
export type RegisterName = (typeof REGISTER_NAMES)[number];

/**
 * One piece of evidence. A figure: an indicator at the group entity for the year, optionally
 * disaggregated by an axis ("figure:employees.headcount[gender]"). A section: a narrative
 * section with text. A register: a non-empty register.
 */
export type Evidence =
  | { readonly kind: 'figure'; readonly indicatorId: string; readonly axis?: string }
  | { readonly kind: 'section'; readonly sectionId: string }
  /** `item`: a row of the register answering one provision ("register:supplierPractices#B5.3"). */
  | { readonly kind: 'register'; readonly register: RegisterName; readonly item?: string };

/** One element of a provision: satisfied when any of its evidence is available. */
export type Requirement = {
  readonly id: string;
  readonly anyOf: readonly Evidence[];
  /** Overrides the provision's schedule for this element (HKEX D GHG (a): Scope 1/2 vs 3). */
  readonly schedule?: string;
};

export type Provision = {
  /** Code without framework prefix: "A1.1", "D.MT.GHG.e", "29(a)(i)", "305-1". */
  readonly code: string;
  /** Code as printed in an index ("KPI A1.1"). */
  readonly label: string;
  readonly section: string;
  readonly text: LocalisedText;
  readonly textStatus: { readonly 'zh-Hant': TextStatus; readonly en: TextStatus };
  readonly schedule: string;
  readonly requirements: readonly Requirement[];
  /** Codes in other frameworks this provision corresponds to ("hkex:D.MT.GHG.a"). */
  readonly related?: readonly string[];
  readonly deprecated?: { readonly since: string; readonly note: string };
};

export type Framework = {
  readonly id: FrameworkId;
  readonly version: string;
  readonly title: LocalisedText;
  /**
   * The financial years this edition governs (inclusive; an absent bound is open). Editions of
   * one framework do not overlap; a year none covers has no edition (registry.ts editionFor).
   */
  readonly years?: { readonly from?: number; readonly until?: number };
  /** How a report names this edition in its basis of preparation (HKEX: Guide or Code). */
  readonly citedAs?: LocalisedText;
  /** Where the texts come from and how far they were checked. */
  readonly source: string;
  readonly schedules: Readonly<Record<string, Schedule>>;
  readonly provisions: readonly Provision[];
};
