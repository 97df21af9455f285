/**
 * Utility bills and the reconciliation of main meters (issue #22; docs/meters.md, "Utility bills"
 * and "Reconciliation"). Bills are one document in versions (store utility-bills.ts, migration
 * 027), saved whole after core's validateUtilityBills against the meter register (every bad
 * cell named by row and field; nothing saved) and refused when the version edited is not the
 * latest. The reconciliation is core's `reconcile` over the stored roll-up and the bills: per
 * main meter and month the main meter, the sum of its sub-meters and the bill of its account,
 * each difference absolute and in % (sub-meters: of the main meter; bill: of the bill), and a
 * finding for each difference beyond the tolerance (default 2 %, a stated choice). Reading needs
 * read-meters, saving bills write-meters.
 */
import {
  beyondTolerance,
  type CheckedUtilityBill,
  DEFAULT_RECONCILIATION_TOLERANCE,
  Decimal,
  percentOf,
  type Reconciliation,
  reconcile,
  unitLabelZh,
  validateUtilityBills,
} from '@assay/core';
import { type Store, saveUtilityBills as storeBills, utilityBills } from '@assay/store';
import { failure, type Result, success } from '../outcome.js';
import { loadMeters, type MetersInput, type RollUpQuery, rolledUp } from './meters.js';

const NO_STORE = 'this server keeps no meters (a bundle served in memory has no store)';

export type UtilityBillsView = {
  /** 0 while none was saved (save with version 0 to create the first). */
  readonly version: number;
  readonly bills: readonly Record<string, string>[];
};

export async function readUtilityBills(i: MetersInput): Promise<Result<UtilityBillsView>> {
  if (!i.store) return failure('not-found', NO_STORE);
  const b = await utilityBills(i.store);
  return success({ version: b?.version ?? 0, bills: b?.bills ?? [] });
}

/** The stored bills, checked against today's register (a bill no meter reconciles with any more is refused). */
async function checkedBills(i: MetersInput): Promise<Result<readonly CheckedUtilityBill[]>> {
  const meters = await loadMeters(i);
  if (!meters.ok) return meters;
  const stored = await utilityBills(i.store as Store);
  if (!stored) return success([]);
  const v = validateUtilityBills(stored.bills, meters.value);
  if (v.ok) return success(v.bills);
  const first = v.issues[0];
  return failure(
    'invalid-data',
    `the stored utility bills (version ${stored.version}) no longer match the meter register${first ? `; first: row ${first.row} ${first.field}: ${first.message}` : ''}; save corrected bills`,
    { issues: v.issues.map((x) => ({ file: x.file, row: x.row, column: x.field, reason: x.message })) },
  );
}

export type SaveUtilityBillsInput = MetersInput & {
  readonly bills: readonly Record<string, string>[];
  readonly version: number;
  readonly reason?: string;
  readonly author: string;
  readonly at: string;
};

/** Save all bills as a new version; all or nothing. */
export async function saveUtilityBills(
  i: SaveUtilityBillsInput,
): Promise<Result<{ version: number; bills: number }>> {
  const meters = await loadMeters(i);
  if (!meters.ok) return meters;
  const v = validateUtilityBills(i.bills, meters.value);
  if (!v.ok) {
    const first = v.issues[0];
    return failure(
      'invalid-data',
      `${v.issues.length} problem(s) in the utility bills${first ? `; first: row ${first.row} ${first.field}: ${first.message}` : ''}; nothing was saved`,
      {
        ...(first ? { field: first.field } : {}),
        issues: v.issues.map((x) => ({ file: x.file, row: x.row, column: x.field, reason: x.message })),
      },
    );
  }
  const out = await storeBills(i.store as Store, i.bills, i.version, {
    actor: i.author,
    reason: i.reason ?? `utility bills: ${v.bills.length} bill(s)`,
    at: i.at,
  });
  if (!out.ok)
    return failure(
      'stale-version',
      `the utility bills are at version ${out.currentVersion}, not ${i.version}; reload and reapply`,
      { field: 'version' },
    );
  return success({ version: out.version, bills: v.bills.length });
}

export type ReconciliationFinding = {
  readonly code: 'sub-meter-difference' | 'bill-difference';
  readonly meterId: string;
  readonly month: string;
  readonly message: { readonly en: string; readonly 'zh-Hant': string };
};

export type ReconciliationView = Omit<
  Reconciliation,
  'unit' | 'main' | 'subMeters' | 'subMeterDifference' | 'bill' | 'billDifference'
> & {
  readonly siteId: string;
  readonly unit: string;
  readonly main: string;
  readonly subMeters: string | null;
  readonly subMeterDifference: string | null;
  /** 100 × difference ÷ main meter, rounded half-up to 2 decimals (null without sub-meters or at zero). */
  readonly subMeterDifferencePercent: string | null;
  readonly bill: string | null;
  readonly billDifference: string | null;
  /** 100 × difference ÷ bill, rounded half-up to 2 decimals. */
  readonly billDifferencePercent: string | null;
  /** The bill's amount of money and currency as given. */
  readonly billAmount: string | null;
  readonly billCurrency: string | null;
  /** Differences beyond the tolerance (compared unrounded). */
  readonly subMeterBeyondTolerance: boolean;
  readonly billBeyondTolerance: boolean;
};

const text = (d: Decimal | null) => (d === null ? null : d.toString());
const pct = (d: Decimal | null) => (d === null ? null : d.toFixed(2, Decimal.ROUND_HALF_UP));

/** `unitZh`: the unit's Chinese label (千瓦時 for kWh) for the zh-Hant sentence. */
function findingsOf(x: ReconciliationView, unitZh: string, tolerance: string): ReconciliationFinding[] {
  const out: ReconciliationFinding[] = [];
  const unit = x.unit;
  if (x.subMeterBeyondTolerance)
    out.push({
      code: 'sub-meter-difference',
      meterId: x.meterId,
      month: x.month,
      message: {
        en: `main meter ${x.meterId} measured ${x.main} ${unit} in ${x.month}, its sub-meters ${x.subMeters} ${unit}: a difference of ${x.subMeterDifference} ${unit} (${x.subMeterDifferencePercent} %), beyond the tolerance of ${tolerance} %`,
        'zh-Hant': `總表 ${x.meterId} 於 ${x.month} 計量 ${x.main} ${unitZh}，分表合計 ${x.subMeters} ${unitZh}，相差 ${x.subMeterDifference} ${unitZh}（${x.subMeterDifferencePercent} %），超出容許差 ${tolerance} %`,
      },
    });
  if (x.billBeyondTolerance)
    out.push({
      code: 'bill-difference',
      meterId: x.meterId,
      month: x.month,
      message: {
        en: `main meter ${x.meterId} measured ${x.main} ${unit} in ${x.month}, the utility billed ${x.bill} ${unit}: a difference of ${x.billDifference} ${unit} (${x.billDifferencePercent} % of the bill), beyond the tolerance of ${tolerance} %`,
        'zh-Hant': `總表 ${x.meterId} 於 ${x.month} 計量 ${x.main} ${unitZh}，公用事業帳單 ${x.bill} ${unitZh}，相差 ${x.billDifference} ${unitZh}（為帳單的 ${x.billDifferencePercent} %），超出容許差 ${tolerance} %`,
      },
    });
  return out;
}

/**
 * Main meter vs the sum of its sub-meters vs the utility bill per month, differences absolute
 * and in %, and a finding for each beyond `tolerancePercent` (default 2).
 */
export async function meterReconciliation(i: RollUpQuery & { readonly tolerancePercent?: string }): Promise<
  Result<{
    reconciliation: ReconciliationView[];
    findings: ReconciliationFinding[];
    tolerancePercent: string;
  }>
> {
  const r = await rolledUp(i);
  if (!r.ok) return r;
  const bills = await checkedBills(i);
  if (!bills.ok) return bills;
  const tolerance =
    i.tolerancePercent === undefined ? DEFAULT_RECONCILIATION_TOLERANCE : new Decimal(i.tolerancePercent);
  const meterOf = new Map(r.value.meters.map((m) => [m.id, m]));
  const billOf = new Map(bills.value.map((b) => [`${b.utilityAccount}\u0000${b.month}`, b]));
  const rows = reconcile(r.value.meters, r.value.months, bills.value)
    .filter((x) => {
      const m = meterOf.get(x.meterId);
      return (
        m !== undefined &&
        (i.siteId === undefined || m.siteId === i.siteId) &&
        (i.carrier === undefined || m.carrier === i.carrier) &&
        (i.fromMonth === undefined || x.month >= i.fromMonth) &&
        (i.toMonth === undefined || x.month <= i.toMonth)
      );
    })
    .map((x): ReconciliationView => {
      const m = meterOf.get(x.meterId);
      const b = m?.utilityAccount ? billOf.get(`${m.utilityAccount}\u0000${x.month}`) : undefined;
      const subPct = percentOf(x.subMeterDifference, x.main);
      const billPct = percentOf(x.billDifference, x.bill);
      return {
        ...x,
        siteId: m?.siteId ?? '',
        unit: x.unit.symbol,
        main: x.main.toString(),
        subMeters: text(x.subMeters),
        subMeterDifference: text(x.subMeterDifference),
        subMeterDifferencePercent: pct(subPct),
        bill: text(x.bill),
        billDifference: text(x.billDifference),
        billDifferencePercent: pct(billPct),
        billAmount: b?.amount ?? null,
        billCurrency: b?.currency ?? null,
        subMeterBeyondTolerance: beyondTolerance(subPct, tolerance),
        billBeyondTolerance: beyondTolerance(billPct, tolerance),
      };
    });
  const t = tolerance.toString();
  const unitZhOf = new Map(r.value.meters.map((m) => [m.unit.symbol, unitLabelZh(m.unit)]));
  return success({
    reconciliation: rows,
    findings: rows.flatMap((x) => findingsOf(x, unitZhOf.get(x.unit) ?? x.unit, t)),
    tolerancePercent: t,
  });
}
