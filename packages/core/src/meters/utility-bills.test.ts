/** Utility bills checked against the register, and the reconciliation's % and tolerance, by hand. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { registerOf } from './meters-test-helpers.js';
import { reconcile } from './reconcile.js';
import { beyondTolerance, percentOf, validateUtilityBills } from './utility-bills.js';

const meters = registerOf(`id,site,carrier,unit,mode,utility_account,utc_offset
main,plant,electricity,kWh,cumulative,ACC-1,+08:00
gas,plant,natural-gas,m3,cumulative,ACC-2,+08:00`);

describe('utility bills', () => {
  it('reads valid rows and converts a bill into the main meter’s unit in the reconciliation', () => {
    const v = validateUtilityBills(
      [
        {
          account: 'ACC-1',
          month: '2025-01',
          quantity: '1.25',
          unit: 'MWh',
          amount: '812.50',
          currency: 'CNY',
        },
        { account: 'ACC-2', month: '2025-01', quantity: '300', unit: 'm3' },
      ],
      meters,
    );
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.bills.map((b) => [b.utilityAccount, b.quantity.value.toFixed(), b.amount, b.currency])).toEqual([
      ['ACC-1', '1.25', '812.5', 'CNY'],
      ['ACC-2', '300', null, null],
    ]);
    const months = [
      {
        meterId: 'main',
        month: '2025-01',
        measured: new Decimal(1300),
        estimated: new Decimal(0),
        unestimatedSeconds: 0,
        from: 0,
        to: 1,
        segments: 1,
      },
    ];
    const [r] = reconcile(meters, months, v.bills);
    // 1300 kWh measured, 1.25 MWh = 1250 kWh billed: 50 kWh, 4 % of the bill
    expect(r?.bill?.toFixed()).toBe('1250');
    expect(r?.billDifference?.toFixed()).toBe('50');
    const pct = percentOf(r?.billDifference ?? null, r?.bill ?? null);
    expect(pct?.toFixed()).toBe('4');
    expect(beyondTolerance(pct, new Decimal(2))).toBe(true);
    expect(beyondTolerance(pct, new Decimal(4))).toBe(false); // at the tolerance is within it
    expect(beyondTolerance(new Decimal(-4.5), new Decimal(4))).toBe(true); // either direction
    expect(percentOf(new Decimal(5), new Decimal(0))).toBeNull();
  });

  it('names every bad row and field and returns no bill', () => {
    const v = validateUtilityBills(
      [
        { account: 'ACC-9', month: '2025-01', quantity: '1', unit: 'kWh' },
        { account: 'ACC-1', month: '2025-1', quantity: '-2', unit: 'm3' },
        { account: 'ACC-1', month: '2025-02', quantity: '1', unit: 'kWh', amount: '10' },
        { account: 'ACC-1', month: '2025-02', quantity: '1', unit: 'kWh', currency: 'CNY' },
      ],
      meters,
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => `${i.row}:${i.field}`)).toEqual([
      '2:account',
      '3:month',
      '3:quantity',
      '3:unit',
      '4:currency',
      '5:month',
      '5:currency',
    ]);
    expect(v.issues[5]?.message).toBe('account "ACC-1" is billed for 2025-02 on row 4 already');
  });
});
