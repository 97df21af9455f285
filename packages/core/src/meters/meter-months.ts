/**
 * A meter's segments → its consumption per month of the site's calendar, after the multiplier.
 * A segment that crosses a month boundary is apportioned by time (seconds in each month; the
 * last month takes the remainder, so the parts add up to the segment exactly).
 */
import { Decimal } from '../decimal.js';
import type { MeterAnalysis, Segment } from './analyse-meter.js';
import { monthAt, monthBounds, nextMonth } from './timestamp.js';

export type MeterMonth = {
  readonly meterId: string;
  /** "YYYY-MM" in the site's offset. */
  readonly month: string;
  /** Consumption in the meter's unit, after the multiplier. */
  readonly measured: Decimal;
  readonly estimated: Decimal;
  /** Seconds of unknown time with no estimate (no measured neighbour). */
  readonly unestimatedSeconds: number;
  /** The reading range the month draws on: first segment start and last segment end (seconds since epoch). */
  readonly from: number;
  readonly to: number;
  /** Segments (intervals between or of readings) that contributed. */
  readonly segments: number;
};

type Acc = {
  measured: Decimal;
  estimated: Decimal;
  unestimated: number;
  from: number;
  to: number;
  segments: number;
};

export function meterMonths(analysis: MeterAnalysis): MeterMonth[] {
  const { meter } = analysis;
  const off = meter.utcOffsetMinutes;
  const acc = new Map<string, Acc>();
  const add = (
    month: string,
    s: Segment,
    measured: Decimal | null,
    estimated: Decimal | null,
    unestimated: number,
  ): void => {
    let a = acc.get(month);
    if (!a) {
      a = {
        measured: new Decimal(0),
        estimated: new Decimal(0),
        unestimated: 0,
        from: s.from,
        to: s.to,
        segments: 0,
      };
      acc.set(month, a);
    }
    if (measured) a.measured = a.measured.plus(measured);
    if (estimated) a.estimated = a.estimated.plus(estimated);
    a.unestimated += unestimated;
    a.from = Math.min(a.from, s.from);
    a.to = Math.max(a.to, s.to);
    a.segments++;
  };
  for (const s of analysis.segments) {
    const first = monthAt(s.from, off);
    const value = s.consumption ?? s.estimate;
    const isMeasured = s.consumption !== null;
    const { end } = monthBounds(first, off);
    if (s.to <= end || s.to === s.from) {
      // within one month (the usual case): no apportioning
      add(first, s, isMeasured ? value : null, isMeasured ? null : value, value === null ? s.to - s.from : 0);
      continue;
    }
    const total = s.to - s.from;
    let month = first;
    let start = s.from;
    let given = new Decimal(0);
    while (start < s.to) {
      const stop = Math.min(monthBounds(month, off).end, s.to);
      const part =
        value === null
          ? null
          : stop === s.to
            ? value.minus(given)
            : value.times(stop - start).dividedBy(total);
      if (part) given = given.plus(part);
      add(
        month,
        { ...s, from: start, to: stop },
        isMeasured ? part : null,
        isMeasured ? null : part,
        value === null ? stop - start : 0,
      );
      start = stop;
      month = nextMonth(month);
    }
  }
  return [...acc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, a]) => ({
      meterId: meter.id,
      month,
      measured: a.measured.times(meter.multiplier),
      estimated: a.estimated.times(meter.multiplier),
      unestimatedSeconds: a.unestimated,
      from: a.from,
      to: a.to,
      segments: a.segments,
    }));
}
