/**
 * Reconciliation per main meter and month: the main meter's consumption against the sum of its
 * direct sub-meters (the difference is losses and unmetered use) and against the utility bill of
 * its account (the difference is what the bill does not explain). All in the main meter's unit.
 */
import { Decimal } from '../decimal.js';
import type { Quantity } from '../units/quantity.js';
import type { Unit } from '../units/unit.js';
import type { Meter } from './meter.js';
import type { MeterMonth } from './meter-months.js';
import { inUnit } from './roll-up.js';
import { meterChildren } from './validate-meters.js';

export type UtilityBill = {
  readonly utilityAccount: string;
  readonly month: string;
  readonly quantity: Quantity;
};

export type Reconciliation = {
  readonly meterId: string;
  readonly month: string;
  readonly unit: Unit;
  /** measured + estimated of the main meter. */
  readonly main: Decimal;
  /** Sum of the direct sub-meters (null: the meter has none); subMetersMissing: those without data this month. */
  readonly subMeters: Decimal | null;
  readonly subMetersMissing: readonly string[];
  /** main − subMeters. */
  readonly subMeterDifference: Decimal | null;
  readonly bill: Decimal | null;
  /** main − bill. */
  readonly billDifference: Decimal | null;
  /** Whether any input is estimated. */
  readonly includesEstimates: boolean;
};

export function reconcile(
  meters: readonly Meter[],
  months: readonly MeterMonth[],
  bills: readonly UtilityBill[],
): Reconciliation[] {
  const children = meterChildren(meters);
  const mm = new Map(months.map((m) => [`${m.meterId}\u0000${m.month}`, m]));
  const byId = new Map(meters.map((m) => [m.id, m]));
  const billMap = new Map<string, Quantity[]>();
  for (const b of bills) {
    const k = `${b.utilityAccount}\u0000${b.month}`;
    billMap.set(k, [...(billMap.get(k) ?? []), b.quantity]);
  }
  const out: Reconciliation[] = [];
  for (const main of months) {
    const m = byId.get(main.meterId);
    if (!m) continue;
    const kids = children.get(m.id) ?? [];
    const billQs = m.utilityAccount ? billMap.get(`${m.utilityAccount}\u0000${main.month}`) : undefined;
    if (kids.length === 0 && !billQs) continue;
    const total = main.measured.plus(main.estimated);
    let estimates = !main.estimated.isZero();
    let subs: Decimal | null = null;
    const missing: string[] = [];
    if (kids.length > 0) {
      subs = new Decimal(0);
      for (const k of kids) {
        const km = mm.get(`${k.id}\u0000${main.month}`);
        if (!km) {
          missing.push(k.id);
          continue;
        }
        estimates ||= !km.estimated.isZero();
        subs = subs.plus(inUnit(km.measured.plus(km.estimated), k.unit, m.unit));
      }
    }
    const bill = billQs
      ? billQs.reduce((s, q) => s.plus(inUnit(q.value, q.unit, m.unit)), new Decimal(0))
      : null;
    out.push({
      meterId: m.id,
      month: main.month,
      unit: m.unit,
      main: total,
      subMeters: subs,
      subMetersMissing: missing.sort(),
      subMeterDifference: subs ? total.minus(subs) : null,
      bill,
      billDifference: bill ? total.minus(bill) : null,
      includesEstimates: estimates,
    });
  }
  return out.sort((a, b) =>
    a.meterId < b.meterId
      ? -1
      : a.meterId > b.meterId
        ? 1
        : a.month < b.month
          ? -1
          : a.month > b.month
            ? 1
            : 0,
  );
}
