/**
 * The bundle: one group's reporting data for a reporting year, as loaded from the portable
 * folder format (docs/bundle-format.md). Facts are the current revision of each.
 */

import type { ActivityLine, DataPoint } from './fact.js';
import type { FactorRecord } from './factor-record.js';
import type { Indicator } from './indicator.js';
import type { Methods } from './methods.js';
import type { Organisation } from './organisation.js';
import type { ReportingYear } from './period.js';
import type { PublishedFigure } from './published.js';
import type { NarrativeSection, Registers } from './registers.js';

export const BUNDLE_SCHEMA_VERSION = 1;

export type FrameworkSettings = {
  /** Framework ids the group reports against, e.g. ["hkex", "gri", "sasac"]. */
  readonly frameworks: readonly string[];
};

export type Bundle = {
  readonly schemaVersion: number;
  readonly organisation: Organisation;
  readonly reporting: ReportingYear;
  readonly methods: Methods;
  readonly frameworks: FrameworkSettings;
  /** Indicators the bundle adds to (or overrides in) the standard catalogue. */
  readonly indicators: readonly Indicator[];
  readonly dataPoints: readonly DataPoint[];
  readonly activityLines: readonly ActivityLine[];
  readonly published: readonly PublishedFigure[];
  /** Factors the bundle adds or overrides (same id replaces the library's). */
  readonly factors: readonly FactorRecord[];
  readonly registers: Registers;
  readonly narrative: readonly NarrativeSection[];
};
