/**
 * Three registers kept row by row (issue #18; docs/registers.md, "Suppliers", "Hazards and
 * rectification", "Energy-saving and emission-reduction projects"). Dates are ISO calendar dates
 * ("2025-03-14"); quantities are exact decimal text with the unit named by the field
 * (tce, MWh, tCO2e). Rules: bundle/validate-register-rows.ts; derived figures:
 * methods/register-figures.ts.
 */
import type { LocalisedText } from './text.js';

export const SUPPLIER_STATUSES = ['approved', 'suspended', 'blacklisted'] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];

export const ESG_RESULTS = ['pass', 'conditional', 'fail'] as const;
export type EsgResult = (typeof ESG_RESULTS)[number];

/** A supplier as one subsidiary (entityId) engages it; the same credit code may appear under several. */
export type Supplier = {
  readonly id: string;
  readonly name: LocalisedText;
  /** 統一社會信用代碼, GB 32100-2015: 18 characters, the last a check character. */
  readonly creditCode: string;
  /** The subsidiary (or site) that engages the supplier. */
  readonly entityId: string;
  /** Region id, the B5.1 breakdown ("xinjiang", "jiangsu", "overseas"…). */
  readonly region: string;
  /** Category id ("raw-materials", "equipment", "services"…). */
  readonly category: string;
  readonly esgResult?: EsgResult;
  /** Date of the ESG assessment (ISO). */
  readonly esgAssessedOn?: string;
  readonly status: SupplierStatus;
  readonly isDemonstration?: boolean;
};

export const HAZARD_GRADES = ['general', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

/** A hazard found in an inspection (隱患排查治理) and its rectification. */
export type Hazard = {
  readonly id: string;
  readonly foundOn: string;
  /** The site (an entity of the organisation). */
  readonly entityId: string;
  readonly grade: HazardGrade;
  readonly description: LocalisedText;
  readonly owner: string;
  readonly dueOn: string;
  /** When the rectification was completed; absent while open. */
  readonly rectifiedOn?: string;
  /** Where the rectification evidence is (a document id, file name or link). */
  readonly evidence?: string;
  readonly isDemonstration?: boolean;
};

export const PROJECT_STATUSES = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Savings of a project a year, exact decimal text in the unit each field names. */
export type ProjectSavings = {
  /** Tonnes of standard coal equivalent (噸標準煤). */
  readonly tce?: string;
  readonly MWh?: string;
  readonly tCO2e?: string;
};

/** An energy-saving or emission-reduction project (節能減排項目). */
export type SavingProject = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly entityId: string;
  /** The measure taken, in both languages. */
  readonly measure: LocalisedText;
  readonly status: ProjectStatus;
  readonly estimated?: ProjectSavings;
  /** Verified savings; only a completed project has them. */
  readonly verified?: ProjectSavings;
  readonly isDemonstration?: boolean;
};

export const SAVING_UNITS = ['tce', 'MWh', 'tCO2e'] as const;
