/**
 * Facts: what a company enters. Data points are keyed by entity × period × indicator ×
 * disaggregation; activity lines are GHG/energy activity (fuel burned, electricity bought,
 * certificates retired) keyed by activity type and subject. Both are append-only: a
 * correction is a new revision that names the one it supersedes and says why.
 */
import type { Quantity } from '../units/quantity.js';

export type Disaggregation = Readonly<Record<string, string>>;

export type Revision = {
  /** 1 for the first entry; each correction adds one. */
  readonly rev: number;
  readonly supersedes?: string;
  readonly reason?: string;
  readonly author: string;
  /** ISO-8601 timestamp, supplied by the adapter (the core has no clock). */
  readonly at: string;
};

export type Provenance = {
  /** Where the value came from: system, document, or the report section it was read from. */
  readonly source: string;
  /** Evidence reference: a SHA-256 of a stored file, or a document reference. */
  readonly evidence?: string;
  readonly comment?: string;
};

export type DataPoint = Provenance & {
  readonly id: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly indicatorId: string;
  readonly disaggregation: Disaggregation;
  readonly quantity: Quantity;
  readonly revision?: Revision;
};

export const ACTIVITY_TYPES = [
  'fuel',
  'electricity-purchased',
  'electricity-green-trade',
  'electricity-self-generated',
  'electricity-exported',
  'green-certificate',
  'heat-purchased',
  'steam-purchased',
  'heat-exported',
  'waste-heat-recovered',
  'carbonate',
  'oxalic-acid',
  'scope3',
  'carbon-balance',
  'coal-mined', // raw coal mined, for fugitive methane (coal-mining pack; methods/sector-lines.ts)
  'clinker', // clinker produced, for its calcination CO2 (cement pack; methods/sector-lines.ts)
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** How a fuel was used. "unspecified": not metered separately as fuel or reductant; counted as combustion. */
export const FUEL_USES = ['combustion', 'reductant', 'unspecified'] as const;
export type FuelUse = (typeof FUEL_USES)[number];

export type ActivityLine = Provenance & {
  readonly id: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly activity: ActivityType;
  /** Fuel id ("diesel"), mineral ("CaCO3"), renewable source ("solar"), scope-3 category ("cat-1")… */
  readonly subject: string;
  readonly use?: FuelUse;
  readonly amount: Quantity;
  /** Free attributes, e.g. certificate batch, claim ("scope2-market" | "offset"), mobile/stationary. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly revision?: Revision;
};

/** Canonical text of a disaggregation: axes sorted, "gender=female;rank=senior"; "" when none. */
export function disaggregationKey(d: Disaggregation): string {
  for (const _ in d) return keyOfAxes(d);
  return ''; // no axis (most facts): no key array built
}

function keyOfAxes(d: Disaggregation): string {
  const keys = Object.keys(d);
  if (keys.length === 0) return '';
  if (keys.length === 1) return `${keys[0]}=${d[keys[0] as string]}`;
  return keys
    .sort()
    .map((k) => `${k}=${d[k]}`)
    .join(';');
}
