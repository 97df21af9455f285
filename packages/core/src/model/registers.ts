/**
 * Registers: the qualitative lists a report is built around. Material-topic scores may be
 * placeholders (isPlaceholder) when the source gives only a picture of the matrix.
 */
import type {
  ClimateFinancialAmount,
  ClimateHorizon,
  ClimateRiskKind,
  ClimateScaleLevel,
  HazardScreening,
  PhysicalHazard,
} from './climate-register.js';
import type { MaterialityApproval } from './materiality.js';
import type { Hazard, SavingProject, Supplier } from './register-rows.js';
import type { Certification, TailingsFacility } from './site-registers.js';
import type { SupplierPractice } from './supplier-practices.js';
import type { LocalisedText } from './text.js';

export type Stakeholder = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly expectations: readonly LocalisedText[];
  readonly channels: readonly LocalisedText[];
};

export type MaterialTopic = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly category: 'environmental' | 'social' | 'governance' | 'economic';
  /** 0..5 importance to stakeholders and to the business. */
  readonly stakeholderScore: number;
  readonly businessScore: number;
  readonly isPlaceholder: boolean;
  readonly hkex?: readonly string[];
  /** Scores computed from a demonstration survey (made-up respondents). */
  readonly isDemonstration?: boolean;
};

/**
 * Where the material topics' scores come from when computed from a survey (app
 * reportRegisters; core report/materiality-matrix.ts): printed under the matrix. Never in
 * registers.yaml: the survey lives in materiality.yaml and the store's tables.
 */
export type MaterialityBasis = {
  readonly surveyId: string;
  readonly title: LocalisedText;
  readonly doubleMateriality: boolean;
  readonly threshold: string;
  readonly responses: number;
  readonly groups: readonly {
    readonly name: LocalisedText;
    readonly weight: string;
    readonly responses: number;
  }[];
  readonly approval?: MaterialityApproval;
  readonly isDemonstration?: boolean;
};

/**
 * A climate-related risk or opportunity (IFRS S2 §10; HKEX C2 Part D; docs/registers.md).
 * The fields after `response` are optional so older registers still load: `likelihood` and
 * `impact` are ids of the company's scale levels (climate-register.ts), `entityIds` the sites
 * affected, `hazard` the physical hazard a physical risk is about (ties it to the screening),
 * `financialAmount` the quantified effect where known, `scenarios` the scenario references
 * (free ids such as "ssp2-4.5" or "iea-nze-2050").
 */
export type ClimateRisk = {
  readonly id: string;
  readonly kind: ClimateRiskKind;
  readonly name: LocalisedText;
  readonly description: LocalisedText;
  readonly horizon: ClimateHorizon;
  readonly financialEffect: LocalisedText;
  readonly response: LocalisedText;
  readonly likelihood?: string;
  readonly impact?: string;
  readonly entityIds?: readonly string[];
  readonly hazard?: PhysicalHazard;
  readonly financialAmount?: ClimateFinancialAmount;
  readonly scenarios?: readonly string[];
  readonly owner?: string;
  readonly source?: string;
  readonly isDemonstration?: boolean;
};

/** An interim milestone of a target: the value to reach by `year` (exact decimal text, the target's unit). */
export type TargetMilestone = { readonly year: string; readonly value: string };

/**
 * A target (issue #18; docs/registers.md): what to reach for an indicator of an entity, by when,
 * from which base. `comparator` says which way is better: 'max' a cap or reduction (at or below
 * the value), 'min' a floor or increase (at or above), 'equal' exactly the value. A target
 * without an indicator or value is qualitative: listed, never scored. Rules: bundle/validate-target.ts;
 * progress and status: report/target-progress.ts.
 */
export type Target = {
  readonly id: string;
  readonly name: LocalisedText;
  /** The indicator the target is measured by, when quantitative. */
  readonly indicatorId?: string;
  readonly entityId?: string;
  readonly comparator?: 'max' | 'min' | 'equal';
  /** Target value and unit as text (exact decimal string and unit label). */
  readonly value?: string;
  readonly unit?: string;
  readonly baseYear?: string;
  /** The indicator's value in the base year, in `unit` (exact decimal text). */
  readonly baseValue?: string;
  readonly targetYear?: string;
  /** Interim milestones, by year between the base and target years. */
  readonly milestones?: readonly TargetMilestone[];
  readonly source?: string;
};

export type Policy = {
  readonly id: string;
  readonly topic: string;
  readonly name: LocalisedText;
  readonly count?: number;
  readonly source?: string;
};

/** An explanation for an omission (comply-or-explain) or for a year-on-year change. */
export type Explanation = {
  /** A framework provision code ("hkex:D.MT.GHG.e") or a figure id (for YoY swings). */
  readonly subject: string;
  readonly text: LocalisedText;
};

export type Registers = {
  readonly stakeholders: readonly Stakeholder[];
  readonly materialTopics: readonly MaterialTopic[];
  readonly climateRisks: readonly ClimateRisk[];
  readonly targets: readonly Target[];
  readonly policies: readonly Policy[];
  readonly explanations: readonly Explanation[];
  /** Kept row by row (register-rows.ts); absent in a bundle that has none. */
  readonly suppliers?: readonly Supplier[];
  readonly hazards?: readonly Hazard[];
  readonly projects?: readonly SavingProject[];
  /** Site registers (site-registers.ts); absent in a bundle that has none. */
  readonly certifications?: readonly Certification[];
  readonly tailingsFacilities?: readonly TailingsFacility[];
  /** The climate register's scales and per-site hazard screening (climate-register.ts). */
  readonly climateScales?: readonly ClimateScaleLevel[];
  readonly hazardScreening?: readonly HazardScreening[];
  /** HKEX B5.2–B5.4 practice texts (supplier-practices.ts). */
  readonly supplierPractices?: readonly SupplierPractice[];
  /** Set for the report when the material topics were computed from a survey (never in a bundle file). */
  readonly materialityBasis?: MaterialityBasis;
};

export const emptyRegisters: Registers = {
  stakeholders: [],
  materialTopics: [],
  climateRisks: [],
  targets: [],
  policies: [],
  explanations: [],
};

export type NarrativeSection = {
  readonly id: string;
  readonly title: LocalisedText;
  readonly body: LocalisedText;
  /**
   * Issuer sections (report/issuer-sections.ts; ids `chairman-statement`, `company-profile`,
   * `highlights`, `case-study-…`, `board-statement`): the date the board approved the report
   * (ISO, on `board-statement`), …
   */
  readonly approvedOn?: string;
  /** … the KPI tiles of `highlights`, each bound to a figure ({{figure:…}} reference without braces), … */
  readonly tiles?: readonly { readonly figure: string; readonly label: LocalisedText }[];
  /** … a case study's picture (a PNG as a data: URI, so the text file carries it) with its description. */
  readonly image?: { readonly dataUri: string; readonly alt: LocalisedText };
  /** Our own demonstration text (the demo bundles): a publication-gate item like demonstration register rows. */
  readonly isDemonstration?: boolean;
};
