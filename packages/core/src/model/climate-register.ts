/**
 * The climate risks and opportunities register's companions (issue #18; IFRS S2 §10 and HKEX
 * C2 Part D; docs/registers.md "Climate risks and opportunities"): the company's own scales
 * (what short, medium and long term mean in years; its likelihood and impact levels; its
 * physical-hazard score levels and from which one a hazard needs a register row) and the per-site
 * physical-hazard screening (hazard × site scores). IFRS S2 §10(d) leaves the horizons to the
 * entity ("no fixed years"), so they are data, not constants. Rules:
 * bundle/validate-climate-register.ts; screening → register: methods/climate-screening.ts.
 */
import type { LocalisedText } from './text.js';

/** IFRS S2 §10(a)–(b): physical (acute, chronic), transition (four kinds), or an opportunity. */
export const CLIMATE_RISK_KINDS = [
  'physical-acute',
  'physical-chronic',
  'transition-policy',
  'transition-technology',
  'transition-market',
  'transition-reputation',
  'opportunity',
] as const;
export type ClimateRiskKind = (typeof CLIMATE_RISK_KINDS)[number];

export const CLIMATE_HORIZONS = ['short', 'medium', 'long'] as const;
export type ClimateHorizon = (typeof CLIMATE_HORIZONS)[number];

/**
 * Physical hazards a site is screened for (acute: events; chronic: long-term shifts; the
 * examples of IFRS S2's definition: storms, floods, heatwaves, temperature, precipitation, sea
 * level, water; plus those of the arid inland sites of the demo: dust storms, cold waves).
 */
export const PHYSICAL_HAZARDS = [
  'flood',
  'extreme-heat',
  'cold-wave',
  'storm-wind',
  'dust-storm',
  'wildfire',
  'landslide',
  'drought',
  'water-stress',
  'rising-temperature',
  'precipitation-change',
  'sea-level-rise',
] as const;
export type PhysicalHazard = (typeof PHYSICAL_HAZARDS)[number];

/** What a scale level measures. */
export const CLIMATE_SCALE_AXES = ['horizon', 'likelihood', 'impact', 'hazard-score'] as const;
export type ClimateScaleAxis = (typeof CLIMATE_SCALE_AXES)[number];

/**
 * One level of one of the company's scales. Horizon levels have the ids `short`, `medium`,
 * `long` and say in years from the reporting year where they start and end (`fromYears`
 * inclusive, `toYears` exclusive; `toYears` absent for an open-ended long term). Likelihood,
 * impact and hazard-score levels are ranked by `rank` (1 the lowest). A hazard-score level with
 * `needsRisk` makes a screening score at or above it call for a register row.
 */
export type ClimateScaleLevel = {
  readonly id: string;
  readonly axis: ClimateScaleAxis;
  readonly name: LocalisedText;
  readonly description?: LocalisedText;
  /** Integer ≥ 1; the order within the axis (not used for horizons). */
  readonly rank?: number;
  /** Horizons: years from the reporting year, integers ≥ 0. */
  readonly fromYears?: number;
  readonly toYears?: number;
  /** Hazard scores: this level and those above it need a register row. */
  readonly needsRisk?: boolean;
  readonly isDemonstration?: boolean;
};

/** A hazard's score at a site: the rank of a `hazard-score` level of the scales. */
export type HazardScreening = {
  readonly id: string;
  /** The site (an entity of the organisation). */
  readonly entityId: string;
  readonly hazard: PhysicalHazard;
  readonly score: number;
  /** The scenario the score was read under (an id of the register's scenario references). */
  readonly scenario?: string;
  /** Where the score comes from (a study, a data set, a site walk). */
  readonly source?: string;
  readonly isDemonstration?: boolean;
};

/** A quantified financial effect: exact decimal text in a currency (ISO 4217 code). */
export type ClimateFinancialAmount = {
  readonly value: string;
  readonly currency: string;
  /** What the amount is (a year's cost, a one-off loss, a capital outlay…). */
  readonly basis?: LocalisedText;
};
