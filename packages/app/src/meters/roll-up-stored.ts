/**
 * The roll-up over stored readings (docs/meters.md, "Roll-up"): the database sums each interval
 * meter's readings per month (exact numeric); a month whose every interval is present (as many
 * readings as intervals, all on the interval grid, none below zero, the meter in service all
 * month) is taken from that sum, which is then what core's roll-up gives for it. Every other
 * meter (a gap, a rejected reading, a cumulative register) is read back and rolled up by core,
 * with the checks and the estimation rule. Lines are core's rollUpMeterMonths either way.
 */
import {
  type AnalyseOptions,
  analyseMeter,
  Decimal,
  type Meter,
  type MeterActivityLine,
  type MeterMonth,
  type MeterReading,
  meterMonths,
  monthBounds,
  rollUpMeterMonths,
} from '@assay/core';
import { intervalMonthSums, readingsOfMeters, type Sql } from '@assay/store';

export type StoredRollUp = {
  readonly lines: readonly MeterActivityLine[];
  readonly months: readonly MeterMonth[];
  /** Meter months taken from the database's sums, and meters rolled up by core from their readings. */
  readonly summedInDatabase: number;
  readonly metersReadBack: readonly string[];
};

export async function rollUpStoredReadings(
  sql: Sql,
  meters: readonly Meter[],
  options: AnalyseOptions = {},
): Promise<StoredRollUp> {
  const interval = meters.filter(
    (m): m is Meter & { intervalMinutes: number } => m.mode === 'interval' && m.intervalMinutes !== null,
  );
  const sums = await intervalMonthSums(sql, interval);
  const byId = new Map(meters.map((m) => [m.id, m]));
  const fast: MeterMonth[] = [];
  const slow = new Set(
    meters.filter((m) => m.mode !== 'interval' || m.intervalMinutes === null).map((m) => m.id),
  );
  for (const s of sums) {
    const m = byId.get(s.meterId);
    if (!m || m.intervalMinutes === null) continue;
    const step = m.intervalMinutes * 60;
    const { start, end } = monthBounds(s.month, m.utcOffsetMinutes);
    const inService =
      (m.installed === null || m.installed <= start) && (m.removed === null || m.removed >= end);
    const complete =
      s.count === (end - start) / step &&
      s.aligned === s.count &&
      !new Decimal(s.min).isNegative() &&
      inService;
    if (!complete) {
      slow.add(m.id);
      continue;
    }
    fast.push({
      meterId: m.id,
      month: s.month,
      measured: new Decimal(s.sum).times(m.multiplier),
      estimated: new Decimal(0),
      unestimatedSeconds: 0,
      from: s.first - step,
      to: s.last,
      segments: s.count,
    });
  }
  const months = fast.filter((mm) => !slow.has(mm.meterId));
  const readBack = [...slow].sort();
  // read back a group of meters per scan (store readingsOfMeters), analysed one meter at a time:
  // about a million readings a scan when every meter's count is known from the sums, else 16 meters
  const counted = new Map<string, number>();
  for (const s of sums) counted.set(s.meterId, (counted.get(s.meterId) ?? 0) + s.count);
  const most = Math.max(1, ...readBack.map((id) => counted.get(id) ?? Number.POSITIVE_INFINITY));
  const perScan = Number.isFinite(most) ? Math.max(16, Math.floor(1_000_000 / most)) : 16;
  for await (const { meterId: id, readings: rows } of readingsOfMeters(
    sql,
    readBack.filter((id) => byId.has(id)),
    perScan,
  )) {
    const m = byId.get(id);
    if (!m) continue;
    const readings: MeterReading[] = rows.map((r) => ({
      meterId: id,
      at: r.epochSeconds,
      offsetMinutes: r.offsetMinutes,
      value: new Decimal(r.value),
    }));
    months.push(...meterMonths(analyseMeter(m, readings, options)));
  }
  return {
    lines: rollUpMeterMonths(meters, months),
    months,
    summedInDatabase: months.length - months.filter((x) => slow.has(x.meterId)).length,
    metersReadBack: readBack,
  };
}
