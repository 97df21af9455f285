/**
 * The meter register (issue #22; docs/meters.md): a meter is a metering point at a site (an
 * entity) for one energy carrier, read either as a cumulative register or as interval
 * consumption. Replacing the device keeps the meter id; the replacement records the old device's
 * last reading and the new one's first, so consumption across it is (old last − previous
 * reading) + (next reading − new first).
 */
import type { Decimal } from '../decimal.js';
import type { Unit } from '../units/unit.js';

export type MeterMode = 'cumulative' | 'interval';

/** Energy carriers a meter may measure, and the dimensions its unit may have. */
export const METER_CARRIERS = [
  'electricity',
  'natural-gas',
  'steam',
  'heat',
  'chilled-water',
  'water',
  'diesel',
  'gasoline',
  'lpg',
  'fuel-oil',
] as const;
export type MeterCarrier = (typeof METER_CARRIERS)[number];

export type MeterReplacement = {
  /** When the device was swapped (seconds since epoch) and the text it was given as. */
  readonly at: number;
  readonly atText: string;
  /** The old device's register at removal and the new one's at installation (register units). */
  readonly oldLastReading: Decimal;
  readonly newFirstReading: Decimal;
};

export type Meter = {
  readonly id: string;
  /** The site: an entity id of the organisation. */
  readonly siteId: string;
  readonly carrier: MeterCarrier;
  /** Unit of the register or interval values, before the multiplier. */
  readonly unit: Unit;
  /** CT/PT ratio or pulse weight: consumption = register difference × multiplier. */
  readonly multiplier: Decimal;
  readonly mode: MeterMode;
  /** Expected minutes between readings (15 for a 15-minute series); null: irregular (manual rounds). */
  readonly intervalMinutes: number | null;
  /** A cumulative register wraps to 0 at this value (e.g. 100000 for five digits); null: never. */
  readonly rolloverAt: Decimal | null;
  readonly parentId: string | null;
  readonly utilityAccount: string | null;
  /** The site's UTC offset in minutes: months are cut at its midnight. */
  readonly utcOffsetMinutes: number;
  /** Service dates (seconds since epoch); null: open. */
  readonly installed: number | null;
  readonly removed: number | null;
  /** In time order. */
  readonly replacements: readonly MeterReplacement[];
};

/** One problem found in the register, named by file, row and field. */
export type MeterIssue = {
  readonly file: string;
  /** 1-based data row (the header is row 1, so the first meter is row 2); 0: the file as a whole. */
  readonly row: number;
  readonly field: string;
  readonly message: string;
};
