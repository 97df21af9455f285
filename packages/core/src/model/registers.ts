/**
 * Registers: the qualitative lists a report is built around. Material-topic scores may be
 * placeholders (isPlaceholder) when the source gives only a picture of the matrix.
 */
import type { Hazard, SavingProject, Supplier } from './register-rows.js';
import type { Certification, TailingsFacility } from './site-registers.js';
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
};

export type ClimateRisk = {
  readonly id: string;
  readonly kind:
    | 'physical-acute'
    | 'physical-chronic'
    | 'transition-policy'
    | 'transition-technology'
    | 'transition-market'
    | 'transition-reputation'
    | 'opportunity';
  readonly name: LocalisedText;
  readonly description: LocalisedText;
  readonly horizon: 'short' | 'medium' | 'long';
  readonly financialEffect: LocalisedText;
  readonly response: LocalisedText;
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
};
