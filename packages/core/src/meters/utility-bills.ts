/**
 * Utility bills (issue #22; docs/meters.md, "Utility bills"): what the utility billed an account
 * for one month of the site's calendar, checked row by row. A bill's quantity is reconciled with
 * the main meter of its account (reconcile.ts); its amount (money, optional) is shown beside it
 * and not used in any calculation. Rows are text fields as entered; every problem is named by
 * file, row and field, and no bill is returned unless every row is valid.
 */
import { Decimal, parseDecimal } from '../decimal.js';
import { dimensionKey } from '../units/dimension.js';
import { quantity } from '../units/quantity.js';
import { parseUnit } from '../units/unit.js';
import type { Meter, MeterIssue } from './meter.js';
import type { UtilityBill } from './reconcile.js';

export const UTILITY_BILL_COLUMNS = ['account', 'month', 'quantity', 'unit', 'amount', 'currency'] as const;
export type UtilityBillRow = Readonly<Partial<Record<(typeof UTILITY_BILL_COLUMNS)[number], string>>>;

/** A bill as validated: the reconciled quantity, and the billed amount (money) as given. */
export type CheckedUtilityBill = UtilityBill & {
  /** Exact decimal text of the amount billed, or null when not given. */
  readonly amount: string | null;
  /** ISO 4217 code of the amount (CNY, HKD…), null without an amount. */
  readonly currency: string | null;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
const CURRENCY = /^[A-Z]{3}$/;

export type UtilityBillsCheck =
  | { readonly ok: true; readonly bills: readonly CheckedUtilityBill[] }
  | { readonly ok: false; readonly issues: readonly MeterIssue[] };

/**
 * Check bill rows against the register: the account must be a meter's `utility_account`, and
 * the unit must convert into that meter's (the reconciliation is in the main meter's unit). The
 * same account and month twice is refused (a correction replaces the row).
 */
export function validateUtilityBills(
  rows: readonly UtilityBillRow[],
  meters: readonly Meter[],
  file = 'utility-bills',
): UtilityBillsCheck {
  const issues: MeterIssue[] = [];
  const bills: CheckedUtilityBill[] = [];
  const accountMeter = new Map<string, Meter>();
  for (const m of meters)
    if (m.utilityAccount && !accountMeter.has(m.utilityAccount)) accountMeter.set(m.utilityAccount, m);
  const seen = new Map<string, number>();
  rows.forEach((r, k) => {
    const row = k + 2;
    const fail = (field: string, message: string) => issues.push({ file, row, field, message });
    const account = (r.account ?? '').trim();
    const month = (r.month ?? '').trim();
    const meter = accountMeter.get(account);
    if (!ACCOUNT.test(account))
      fail('account', account === '' ? 'no account' : `"${account}" is not an account id`);
    else if (!meter) fail('account', `no meter of the register reconciles with account "${account}"`);
    if (!MONTH.test(month)) fail('month', `"${month}" is not a month YYYY-MM`);
    const key = `${account}\u0000${month}`;
    const before = seen.get(key);
    if (before !== undefined)
      fail('month', `account "${account}" is billed for ${month} on row ${before} already`);
    else seen.set(key, row);
    const q = parseDecimal(r.quantity ?? '');
    if (!q.ok) fail('quantity', q.reason);
    else if (q.value.isNegative()) fail('quantity', `"${r.quantity}" is below zero`);
    const u = parseUnit((r.unit ?? '').trim());
    if (!u.ok) fail('unit', u.reason);
    else if (meter && dimensionKey(u.unit.dims) !== dimensionKey(meter.unit.dims))
      fail('unit', `"${r.unit}" does not convert into the unit of meter ${meter.id} (${meter.unit.symbol})`);
    const amountText = (r.amount ?? '').trim();
    const currency = (r.currency ?? '').trim();
    let amount: Decimal | null = null;
    if (amountText !== '') {
      const a = parseDecimal(amountText);
      if (!a.ok) fail('amount', a.reason);
      else if (a.value.isNegative()) fail('amount', `"${amountText}" is below zero`);
      else amount = a.value;
      if (!CURRENCY.test(currency)) fail('currency', `"${currency}" is not a currency code such as CNY`);
    } else if (currency !== '') fail('currency', 'a currency without an amount');
    if (q.ok && u.ok && !q.value.isNegative())
      bills.push({
        utilityAccount: account,
        month,
        quantity: quantity(q.value, u.unit),
        amount: amount === null ? null : amount.toFixed(),
        currency: amount === null ? null : currency,
      });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, bills };
}

/** 100 × difference ÷ base, exact (null when there is no base or it is zero). */
export function percentOf(difference: Decimal | null, base: Decimal | null): Decimal | null {
  if (difference === null || base === null || base.isZero()) return null;
  return difference.times(100).dividedBy(base);
}

/** Whether |percent| exceeds the tolerance (both in %); a null percent never does. */
export function beyondTolerance(percent: Decimal | null, tolerancePercent: Decimal): boolean {
  return percent?.abs().greaterThan(tolerancePercent) ?? false;
}

/** The default tolerance of a reconciliation difference, in % (a stated choice, not a standard). */
export const DEFAULT_RECONCILIATION_TOLERANCE = new Decimal(2);
