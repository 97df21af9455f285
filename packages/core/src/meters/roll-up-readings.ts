/**
 * The whole pure pipeline: register + readings → findings, meter months and activity lines.
 * Readings of meters not in the register are returned as unknown, not dropped silently.
 */
import { type AnalyseOptions, analyseMeter } from './analyse-meter.js';
import type { Meter } from './meter.js';
import { type MeterMonth, meterMonths } from './meter-months.js';
import type { MeterFinding, MeterReading } from './reading.js';
import { type MeterActivityLine, rollUpMeterMonths } from './roll-up.js';

export type MeterRollUp = {
  readonly findings: readonly MeterFinding[];
  readonly months: readonly MeterMonth[];
  readonly lines: readonly MeterActivityLine[];
  /** Meter ids that have readings but are not in the register. */
  readonly unknownMeters: readonly string[];
};

export function rollUpReadings(
  meters: readonly Meter[],
  readings: readonly MeterReading[],
  options: AnalyseOptions = {},
): MeterRollUp {
  const byMeter = new Map<string, MeterReading[]>();
  for (const r of readings) {
    const l = byMeter.get(r.meterId);
    if (l) l.push(r);
    else byMeter.set(r.meterId, [r]);
  }
  const findings: MeterFinding[] = [];
  const months: MeterMonth[] = [];
  for (const m of [...meters].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const a = analyseMeter(m, byMeter.get(m.id) ?? [], options);
    findings.push(...a.findings);
    months.push(...meterMonths(a));
  }
  const known = new Set(meters.map((m) => m.id));
  return {
    findings,
    months,
    lines: rollUpMeterMonths(meters, months),
    unknownMeters: [...byMeter.keys()].filter((id) => !known.has(id)).sort(),
  };
}
