/**
 * One meter's readings (any order, from any number of files) → the quality findings and the
 * consumption segments the roll-up sums (docs/meters.md, "Checks" and "Estimation").
 *
 * A segment is a time range (from, to] with its consumption in the meter's unit before the
 * multiplier: measured (an interval value, or a register difference, across a roll-over or a
 * replacement), or unknown (a gap, a rejected reading), which the stated rule estimates.
 * Invariant: the result depends only on the set of readings, not on their order or files.
 */
import { Decimal } from '../decimal.js';
import type { Meter } from './meter.js';
import { FINDING_SEVERITY, type MeterFinding, type MeterFindingCode, type MeterReading } from './reading.js';
import { formatInstant } from './timestamp.js';

export type SegmentKind = 'interval' | 'register' | 'roll-over' | 'replacement' | 'unknown';

export type Segment = {
  /** Seconds since epoch: the segment is (from, to]. */
  readonly from: number;
  readonly to: number;
  readonly kind: SegmentKind;
  /** Measured consumption (meter unit, before the multiplier); null for an unknown segment. */
  readonly consumption: Decimal | null;
  /** For an unknown segment: the rule's estimate, or null when no neighbour allows one. */
  readonly estimate: Decimal | null;
};

export type MeterAnalysis = {
  readonly meter: Meter;
  readonly findings: readonly MeterFinding[];
  /** In time order, not overlapping except where an 'overlap' finding says so. */
  readonly segments: readonly Segment[];
  /** Readings used (after duplicates and out-of-service readings are set aside). */
  readonly readingsUsed: number;
};

export type AnalyseOptions = {
  /** A segment whose rate exceeds this multiple of the meter's median rate is a spike. Default 10. */
  readonly spikeMultiple?: Decimal;
};

const DEFAULT_SPIKE = new Decimal(10);
const HALF = new Decimal('0.5');

export function analyseMeter(
  meter: Meter,
  readings: readonly MeterReading[],
  options: AnalyseOptions = {},
): MeterAnalysis {
  const findings: MeterFinding[] = [];
  const find = (
    code: MeterFindingCode,
    from: number,
    to: number,
    values: Record<string, string> = {},
  ): void => {
    findings.push({
      code,
      severity: FINDING_SEVERITY[code],
      meterId: meter.id,
      from,
      to,
      fromText: formatInstant(from, meter.utcOffsetMinutes),
      toText: formatInstant(to, meter.utcOffsetMinutes),
      values,
    });
  };
  const used = dedupe(meter, readings, find);
  checkOffsets(meter, used, find);
  const segments =
    meter.mode === 'interval' ? intervalSegments(meter, used, find) : registerSegments(meter, used, find);
  checkSpikes(segments, options.spikeMultiple ?? DEFAULT_SPIKE, find);
  const estimated = estimateUnknown(segments);
  findings.sort((a, b) => a.from - b.from || a.to - b.to || a.code.localeCompare(b.code));
  return { meter, findings, segments: estimated, readingsUsed: used.length };
}

type Find = (code: MeterFindingCode, from: number, to: number, values?: Record<string, string>) => void;

/** Sort; one reading per instant (equal values: a duplicate; different: both set aside); in service only. */
function dedupe(meter: Meter, readings: readonly MeterReading[], find: Find): MeterReading[] {
  const sorted = [...readings].sort(
    (a, b) => a.at - b.at || a.value.comparedTo(b.value) || a.offsetMinutes - b.offsetMinutes,
  );
  const out: MeterReading[] = [];
  let outside: { from: number; to: number; n: number } | null = null;
  const flushOutside = (): void => {
    if (outside) find('outside-service', outside.from, outside.to, { readings: String(outside.n) });
    outside = null;
  };
  for (let i = 0; i < sorted.length; ) {
    const r = sorted[i] as MeterReading;
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as MeterReading).at === r.at) j++;
    const group = sorted.slice(i, j);
    i = j;
    const inService =
      (meter.installed === null || r.at >= meter.installed) &&
      (meter.removed === null || r.at <= meter.removed);
    if (!inService) {
      outside = outside
        ? { from: outside.from, to: r.at, n: outside.n + group.length }
        : { from: r.at, to: r.at, n: group.length };
      continue;
    }
    flushOutside();
    if (group.length > 1) {
      const values = [...new Set(group.map((g) => g.value.toString()))];
      if (values.length > 1) {
        find('conflicting-duplicate', r.at, r.at, { values: values.join(' / ') });
        continue;
      }
      find('duplicate', r.at, r.at, { copies: String(group.length), value: values[0] as string });
    }
    out.push(r);
  }
  flushOutside();
  return out;
}

/** Runs of readings written in another offset than the site's; each change of offset between readings. */
function checkOffsets(meter: Meter, rs: readonly MeterReading[], find: Find): void {
  let run: { from: number; to: number; offset: number; n: number } | null = null;
  const flush = (): void => {
    if (run)
      find('utc-offset', run.from, run.to, {
        offset: String(run.offset),
        site: String(meter.utcOffsetMinutes),
        readings: String(run.n),
      });
    run = null;
  };
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i] as MeterReading;
    const prev = rs[i - 1];
    if (prev && prev.offsetMinutes !== r.offsetMinutes)
      find('offset-change', prev.at, r.at, {
        before: String(prev.offsetMinutes),
        after: String(r.offsetMinutes),
      });
    if (r.offsetMinutes === meter.utcOffsetMinutes) {
      flush();
      continue;
    }
    const cur = run as { from: number; to: number; offset: number; n: number } | null;
    if (cur && cur.offset === r.offsetMinutes) run = { ...cur, to: r.at, n: cur.n + 1 };
    else {
      flush();
      run = { from: r.at, to: r.at, offset: r.offsetMinutes, n: 1 };
    }
  }
  flush();
}

/** Interval values: each covers (t − interval, t]; a longer distance is a gap, a shorter one an overlap. */
function intervalSegments(meter: Meter, rs: readonly MeterReading[], find: Find): Segment[] {
  const step = (meter.intervalMinutes ?? 0) * 60;
  const out: Segment[] = [];
  let negative: { from: number; to: number; n: number } | null = null;
  const flushNegative = (): void => {
    if (negative) find('negative-consumption', negative.from, negative.to, { readings: String(negative.n) });
    negative = null;
  };
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i] as MeterReading;
    const prev = rs[i - 1];
    if (prev) {
      const d = r.at - prev.at;
      if (d > step) {
        find('gap', prev.at + step, r.at - step, {
          missing: String(Math.floor(d / step) - 1),
          minutes: String((d - step) / 60),
        });
        out.push({ from: prev.at, to: r.at - step, kind: 'unknown', consumption: null, estimate: null });
      } else if (d < step) find('overlap', prev.at - step, r.at, { minutes: String((step - d) / 60) });
    }
    if (r.value.isNegative()) {
      negative = negative
        ? { from: negative.from, to: r.at, n: negative.n + 1 }
        : { from: r.at - step, to: r.at, n: 1 };
      out.push({ from: r.at - step, to: r.at, kind: 'unknown', consumption: null, estimate: null });
      continue;
    }
    flushNegative();
    out.push({ from: r.at - step, to: r.at, kind: 'interval', consumption: r.value, estimate: null });
  }
  flushNegative();
  return out;
}

/**
 * Register differences between consecutive readings. A replacement between them splits the
 * difference at the swap; a fall without one is a roll-over when wrapping forward is shorter
 * than half the register (rollover_at), and otherwise a drop, whose interval is unknown.
 */
function registerSegments(meter: Meter, rs: readonly MeterReading[], find: Find): Segment[] {
  const step = meter.intervalMinutes === null ? null : meter.intervalMinutes * 60;
  const out: Segment[] = [];
  for (let i = 1; i < rs.length; i++) {
    const a = rs[i - 1] as MeterReading;
    const b = rs[i] as MeterReading;
    if (step !== null && b.at - a.at > step)
      find('gap', a.at + step, b.at - step, {
        missing: String(Math.floor((b.at - a.at) / step) - 1),
        minutes: String((b.at - a.at - step) / 60),
      });
    const swaps = meter.replacements.filter((r) => r.at > a.at && r.at <= b.at);
    if (swaps.length > 0) {
      let from = a.at;
      let base = a.value;
      const parts: Segment[] = [];
      for (const s of swaps) {
        parts.push({
          from,
          to: s.at,
          kind: 'replacement',
          consumption: s.oldLastReading.minus(base),
          estimate: null,
        });
        from = s.at;
        base = s.newFirstReading;
        find('replacement', a.at, b.at, {
          at: s.atText,
          oldLast: s.oldLastReading.toString(),
          newFirst: s.newFirstReading.toString(),
        });
      }
      parts.push({ from, to: b.at, kind: 'replacement', consumption: b.value.minus(base), estimate: null });
      if (parts.some((p) => p.consumption?.isNegative())) {
        find('register-drop', a.at, b.at, { before: a.value.toString(), after: b.value.toString() });
        out.push({ from: a.at, to: b.at, kind: 'unknown', consumption: null, estimate: null });
      } else out.push(...parts);
      continue;
    }
    if (!b.value.lessThan(a.value)) {
      out.push({
        from: a.at,
        to: b.at,
        kind: 'register',
        consumption: b.value.minus(a.value),
        estimate: null,
      });
      continue;
    }
    const wrap = meter.rolloverAt?.minus(a.value).plus(b.value);
    if (
      meter.rolloverAt &&
      wrap &&
      !wrap.isNegative() &&
      wrap.lessThanOrEqualTo(meter.rolloverAt.times(HALF))
    ) {
      find('roll-over', a.at, b.at, {
        before: a.value.toString(),
        after: b.value.toString(),
        rolloverAt: meter.rolloverAt.toString(),
      });
      out.push({ from: a.at, to: b.at, kind: 'roll-over', consumption: wrap, estimate: null });
      continue;
    }
    find('register-drop', a.at, b.at, { before: a.value.toString(), after: b.value.toString() });
    out.push({ from: a.at, to: b.at, kind: 'unknown', consumption: null, estimate: null });
  }
  return out;
}

const rateOf = (s: Segment): Decimal | null =>
  s.consumption !== null && s.to > s.from ? s.consumption.dividedBy(s.to - s.from) : null;

/** A measured segment whose rate exceeds `multiple` × the meter's median rate (consecutive ones merged). */
function checkSpikes(segments: readonly Segment[], multiple: Decimal, find: Find): void {
  const rates = segments
    .map(rateOf)
    .filter((r): r is Decimal => r !== null)
    .sort((a, b) => a.comparedTo(b));
  if (rates.length < 3) return;
  const mid = rates.length >> 1;
  const median =
    rates.length % 2 === 1
      ? (rates[mid] as Decimal)
      : (rates[mid - 1] as Decimal).plus(rates[mid] as Decimal).times(HALF);
  if (!median.greaterThan(0)) return;
  const limit = median.times(multiple);
  let run: { from: number; to: number; max: Decimal } | null = null;
  const flush = (): void => {
    if (run)
      find('spike', run.from, run.to, {
        // rates per hour, in the meter's unit before the multiplier
        maxPerHour: run.max.times(3600).toSignificantDigits(6).toString(),
        medianPerHour: median.times(3600).toSignificantDigits(6).toString(),
        multiple: multiple.toString(),
      });
    run = null;
  };
  for (const s of segments) {
    const r = rateOf(s);
    if (r?.greaterThan(limit))
      run = run
        ? { from: run.from, to: s.to, max: Decimal.max(run.max, r) }
        : { from: s.from, to: s.to, max: r };
    else flush();
  }
  flush();
}

/**
 * The estimation rule: an unknown segment's consumption = the mean of the rates (consumption per
 * second) of the nearest measured segment before it and after it, times its duration; with only
 * one neighbour, that one's rate; with none, no estimate.
 */
function estimateUnknown(segments: readonly Segment[]): Segment[] {
  const out = [...segments];
  const before: (Decimal | null)[] = [];
  let last: Decimal | null = null;
  for (const s of segments) {
    before.push(last);
    last = rateOf(s) ?? last;
  }
  let next: Decimal | null = null;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i] as Segment;
    if (s.kind === 'unknown') {
      const b = before[i] ?? null;
      const rate = b && next ? b.plus(next).times(HALF) : (b ?? next);
      out[i] = { ...s, estimate: rate ? rate.times(s.to - s.from) : null };
    }
    next = rateOf(s) ?? next;
  }
  return out;
}
