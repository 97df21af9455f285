/**
 * Draft or final (issue #17, "a report generated while anything is unapproved is marked DRAFT
 * on every page"; docs/report.md, "Draft and final"). The report's workflow units are the
 * entity × period × topic of every data point and activity line of the current reporting year
 * (the year itself, its quarters and months; each fact's own period, as the workflow keys
 * units). A data point's topic is its catalogue indicator's; an activity line's is ACTIVITY_TOPIC.
 * The report is final when every one of those units is approved, else a draft counting those
 * that are not; a unit nobody has acted on has no record and counts as a draft. Units with no
 * data in the year are not counted; prior years are not counted (their report was published).
 * Core prints the status (report/status.ts); this reads the records (I/O) and counts.
 */
import {
  type ActivityType,
  type Bundle,
  bundleCatalogue,
  isWithin,
  parsePeriod,
  type ReportStatusInput,
} from '@assay/core';
import type { CycleRecords, UnitKey, UnitRecord } from '../workspace/cycle-records.js';
import type { Snapshot } from '../workspace/workspace.js';

/** The catalogue topic an activity line's unit is approved under: energy use, or emissions without energy. */
export const ACTIVITY_TOPIC: Readonly<Record<ActivityType, 'energy' | 'emissions'>> = {
  fuel: 'energy',
  'electricity-purchased': 'energy',
  'electricity-green-trade': 'energy',
  'electricity-self-generated': 'energy',
  'electricity-exported': 'energy',
  'green-certificate': 'energy',
  'heat-purchased': 'energy',
  'steam-purchased': 'energy',
  'heat-exported': 'energy',
  'waste-heat-recovered': 'energy',
  carbonate: 'emissions',
  'oxalic-acid': 'emissions',
  scope3: 'emissions',
  'carbon-balance': 'emissions',
  'coal-mined': 'emissions',
  clinker: 'emissions',
};

const keyOf = (k: UnitKey) => JSON.stringify([k.entityId, k.periodId, k.topic]);

/** The units the report's current year holds data in, each once, in key order. */
export function reportUnits(bundle: Bundle): UnitKey[] {
  const year = parsePeriod(bundle.reporting.current);
  const inYear = (periodId: string) => {
    const p = parsePeriod(periodId);
    return year !== undefined && p !== undefined && isWithin(p, year);
  };
  const catalogue = bundleCatalogue(bundle);
  const found = new Map<string, UnitKey>();
  const add = (entityId: string, periodId: string, topic: string | undefined) => {
    if (topic === undefined || !inYear(periodId)) return;
    const key = { entityId, periodId, topic };
    found.set(keyOf(key), key);
  };
  for (const d of bundle.dataPoints) add(d.entityId, d.periodId, catalogue.get(d.indicatorId)?.topic);
  for (const a of bundle.activityLines) add(a.entityId, a.periodId, ACTIVITY_TOPIC[a.activity]);
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
}

/** The status given the workflow records of those units (records of other units are ignored). */
export function statusOfUnits(bundle: Bundle, records: readonly UnitRecord[]): ReportStatusInput {
  const approved = new Set(records.filter((r) => r.state === 'approved').map(keyOf));
  const units = reportUnits(bundle);
  const unapproved = units.filter((u) => !approved.has(keyOf(u))).length;
  return unapproved === 0
    ? { state: 'final', units: units.length }
    : { state: 'draft', units: units.length, unapproved };
}

/**
 * The status of a snapshot's report. `cycle`: the workspace's records; undefined for a source
 * that has none (a bundle folder), whose units are then all drafts.
 */
export async function reportStatus(s: Snapshot, cycle: CycleRecords | undefined): Promise<ReportStatusInput> {
  const periods = [...new Set(reportUnits(s.bundle).map((u) => u.periodId))];
  const records = cycle ? (await Promise.all(periods.map((p) => cycle.units(p)))).flat() : [];
  return statusOfUnits(s.bundle, records);
}
