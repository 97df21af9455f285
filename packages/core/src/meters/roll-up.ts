/**
 * Meter months → monthly activity lines per site and carrier, with lineage to the meters and
 * reading ranges. Only root meters (no parent) are summed: a sub-meter's consumption is already
 * in its parent's, and is used for reconciliation (reconcile.ts). A line is in the unit of its
 * meters when they share one, else in the unit of its first meter by id (exact conversion).
 */
import { Decimal } from '../decimal.js';
import { convert, isQuantity, quantity } from '../units/quantity.js';
import type { Unit } from '../units/unit.js';
import type { Meter, MeterCarrier } from './meter.js';
import type { MeterMonth } from './meter-months.js';
import { formatInstant } from './timestamp.js';

export type MeterLineage = {
  readonly meterId: string;
  /** Reading range (site's offset) and the meter's share in the line's unit. */
  readonly from: string;
  readonly to: string;
  readonly measured: Decimal;
  readonly estimated: Decimal;
  readonly segments: number;
};

export type MeterActivityLine = {
  readonly siteId: string;
  readonly carrier: MeterCarrier;
  readonly month: string;
  readonly unit: Unit;
  /** measured + estimated. */
  readonly amount: Decimal;
  readonly estimated: Decimal;
  /** True when any part is estimated (docs/meters.md, "Estimation"). */
  readonly isEstimated: boolean;
  /** Seconds of the month's readings with unknown consumption and no estimate, over all meters. */
  readonly unestimatedSeconds: number;
  readonly lineage: readonly MeterLineage[];
};

export function rollUpMeterMonths(
  meters: readonly Meter[],
  months: readonly MeterMonth[],
): MeterActivityLine[] {
  const byId = new Map(meters.map((m) => [m.id, m]));
  const groups = new Map<
    string,
    { site: string; carrier: MeterCarrier; month: string; rows: [Meter, MeterMonth][] }
  >();
  for (const mm of months) {
    const m = byId.get(mm.meterId);
    if (!m || m.parentId !== null) continue;
    const key = `${m.siteId}\u0000${m.carrier}\u0000${mm.month}`;
    const g = groups.get(key) ?? { site: m.siteId, carrier: m.carrier, month: mm.month, rows: [] };
    g.rows.push([m, mm]);
    groups.set(key, g);
  }
  const lines: MeterActivityLine[] = [];
  for (const g of groups.values()) {
    g.rows.sort(([a], [b]) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const unit = (g.rows[0] as [Meter, MeterMonth])[0].unit;
    let measured = new Decimal(0);
    let estimated = new Decimal(0);
    let unestimated = 0;
    const lineage: MeterLineage[] = [];
    for (const [m, mm] of g.rows) {
      const me = inUnit(mm.measured, m.unit, unit);
      const es = inUnit(mm.estimated, m.unit, unit);
      measured = measured.plus(me);
      estimated = estimated.plus(es);
      unestimated += mm.unestimatedSeconds;
      lineage.push({
        meterId: m.id,
        from: formatInstant(mm.from, m.utcOffsetMinutes),
        to: formatInstant(mm.to, m.utcOffsetMinutes),
        measured: me,
        estimated: es,
        segments: mm.segments,
      });
    }
    lines.push({
      siteId: g.site,
      carrier: g.carrier,
      month: g.month,
      unit,
      amount: measured.plus(estimated),
      estimated,
      isEstimated: !estimated.isZero(),
      unestimatedSeconds: unestimated,
      lineage,
    });
  }
  return lines.sort((a, b) => cmp(a.siteId, b.siteId) || cmp(a.carrier, b.carrier) || cmp(a.month, b.month));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Convert between units of one dimension (the register validated the dimensions). */
export function inUnit(v: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return v;
  const c = convert(quantity(v, from), to);
  if (!isQuantity(c)) throw new Error(`meter units ${from.symbol} and ${to.symbol} do not convert`);
  return c.value;
}
