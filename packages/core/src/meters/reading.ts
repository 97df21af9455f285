/**
 * A meter reading as read from a file: the register value (cumulative) or the consumption of the
 * interval ending at the timestamp (interval), in the meter's unit before its multiplier.
 */
import type { Decimal } from '../decimal.js';

export type MeterReading = {
  readonly meterId: string;
  /** Seconds since 1970-01-01T00:00Z. */
  readonly at: number;
  /** The UTC offset the timestamp was written with (minutes). */
  readonly offsetMinutes: number;
  readonly value: Decimal;
};

/** What a quality check found: a meter, a time range, a code and the values behind it. */
export type MeterFindingCode =
  | 'duplicate'
  | 'conflicting-duplicate'
  | 'outside-service'
  | 'gap'
  | 'overlap'
  | 'negative-consumption'
  | 'register-drop'
  | 'roll-over'
  | 'replacement'
  | 'spike'
  | 'utc-offset'
  | 'offset-change';

export type MeterFinding = {
  readonly code: MeterFindingCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly meterId: string;
  /** The time range concerned (seconds since epoch, inclusive), written in the site's offset too. */
  readonly from: number;
  readonly to: number;
  readonly fromText: string;
  readonly toText: string;
  /** Code-specific values (readings, counts, limits) as text, for the message. */
  readonly values: Readonly<Record<string, string>>;
};

export const FINDING_SEVERITY: Readonly<Record<MeterFindingCode, MeterFinding['severity']>> = {
  duplicate: 'info',
  'conflicting-duplicate': 'error',
  'outside-service': 'warning',
  gap: 'warning',
  overlap: 'error',
  'negative-consumption': 'error',
  'register-drop': 'error',
  'roll-over': 'info',
  replacement: 'info',
  spike: 'warning',
  'utc-offset': 'warning',
  'offset-change': 'info',
};
