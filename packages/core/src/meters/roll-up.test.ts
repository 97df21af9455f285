/** Roll-up against hand sums (issue #22): roll-over, mid-month replacement, gaps, apportioning, reconciliation. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { q } from '../units/quantity.js';
import { readingsOf, registerOf } from './meters-test-helpers.js';
import { reconcile } from './reconcile.js';
import { rollUpReadings } from './roll-up-readings.js';

const HEAD =
  'id,site,carrier,unit,multiplier,mode,interval_minutes,rollover_at,parent,utility_account,utc_offset,installed,removed';
const REGISTER = `${HEAD}
main,plant,electricity,kWh,40,cumulative,,100000,,acct-1,+08:00,2024-01-01,
sub-a,plant,electricity,kWh,1,interval,15,,main,,+08:00,,
gas,plant,natural-gas,m³,1,cumulative,,,,,+08:00,,`;
const REPLACEMENTS = `meter,at,old_last_reading,new_first_reading
gas,2025-01-15T12:00:00+08:00,1300,0`;

const meters = registerOf(REGISTER, REPLACEMENTS);
const month = (r: ReturnType<typeof rollUpReadings>, id: string, m: string) =>
  r.months.find((x) => x.meterId === id && x.month === m);

describe('monthly roll-up from readings, against hand sums', () => {
  it('counts a cumulative register across its roll-over, times the multiplier', () => {
    const r = rollUpReadings(
      meters,
      readingsOf(`
      main,2025-01-01T00:00:00+08:00,99990
      main,2025-01-15T00:00:00+08:00,99995
      main,2025-01-20T00:00:00+08:00,5
      main,2025-02-01T00:00:00+08:00,25`),
    );
    // (99995 − 99990) + (100000 − 99995 + 5) + (25 − 5) = 5 + 10 + 20 = 35 register units × 40 = 1400 kWh
    expect(month(r, 'main', '2025-01')?.measured.toString()).toBe('1400');
    expect(r.findings.map((f) => f.code)).toEqual(['roll-over']);
    const line = r.lines.find((l) => l.carrier === 'electricity' && l.month === '2025-01');
    expect(line?.amount.toString()).toBe('1400');
    expect(line?.unit.symbol).toBe('kWh');
    expect(line?.isEstimated).toBe(false);
    expect(line?.lineage).toEqual([
      {
        meterId: 'main',
        from: '2025-01-01T00:00:00+08:00',
        to: '2025-02-01T00:00:00+08:00',
        measured: new Decimal(1400),
        estimated: new Decimal(0),
        segments: 3,
      },
    ]);
  });

  it('counts a meter replaced mid-month: old last − previous, then next − new first', () => {
    const r = rollUpReadings(
      meters,
      readingsOf(`
      gas,2025-01-01T00:00:00+08:00,1000
      gas,2025-01-10T00:00:00+08:00,1200
      gas,2025-01-20T00:00:00+08:00,50
      gas,2025-02-01T00:00:00+08:00,150`),
    );
    // 200 + (1300 − 1200) + (50 − 0) + 100 = 450 m³
    expect(month(r, 'gas', '2025-01')?.measured.toString()).toBe('450');
    expect(r.findings.map((f) => f.code)).toEqual(['replacement']);
  });

  it('tells a drop from a roll-over and estimates the dropped interval by the rule', () => {
    const r = rollUpReadings(
      meters,
      readingsOf(`
      gas,2025-03-01T00:00:00+08:00,100
      gas,2025-03-02T00:00:00+08:00,110
      gas,2025-03-03T00:00:00+08:00,90
      gas,2025-03-04T00:00:00+08:00,120`),
    );
    // measured 10 + 30; the drop day is estimated at the mean rate of its neighbours: (10 + 30) / 2 = 20
    const m = month(r, 'gas', '2025-03');
    expect(m?.measured.toString()).toBe('40');
    expect(m?.estimated.toString()).toBe('20');
    expect(r.findings.map((f) => f.code)).toEqual(['register-drop']);
    expect(r.lines.find((l) => l.month === '2025-03')?.isEstimated).toBe(true);
  });

  it('apportions a reading round that crosses a month boundary by time', () => {
    const r = rollUpReadings(
      meters,
      readingsOf(`
      gas,2025-05-16T00:00:00+08:00,0
      gas,2025-06-16T00:00:00+08:00,310`),
    );
    // 31 days, 310 m³: 16 days (16 May – 1 June) in May, 15 in June
    expect(month(r, 'gas', '2025-05')?.measured.toString()).toBe('160');
    expect(month(r, 'gas', '2025-06')?.measured.toString()).toBe('150');
  });

  it('estimates an interval gap from its neighbours and marks it estimated', () => {
    const r = rollUpReadings(
      meters,
      readingsOf(`
      sub-a,2025-01-10T00:15:00+08:00,4
      sub-a,2025-01-10T00:30:00+08:00,4
      sub-a,2025-01-10T01:15:00+08:00,8
      sub-a,2025-01-10T01:30:00+08:00,8`),
    );
    // 00:45 and 01:00 missing: 30 minutes at the mean rate of 4 and 8 per 15 minutes = 12
    const m = month(r, 'sub-a', '2025-01');
    expect(m?.measured.toString()).toBe('24');
    expect(m?.estimated.toString()).toBe('12');
    expect(r.findings).toMatchObject([
      {
        code: 'gap',
        meterId: 'sub-a',
        fromText: '2025-01-10T00:45:00+08:00',
        toText: '2025-01-10T01:00:00+08:00',
        values: { missing: '2' },
      },
    ]);
  });

  it('sums only root meters per site and carrier, and reconciles main, sub-meters and bill', () => {
    const r = rollUpReadings(
      meters,
      readingsOf(`
      main,2025-01-01T00:00:00+08:00,99990
      main,2025-02-01T00:00:00+08:00,25
      sub-a,2025-01-10T00:15:00+08:00,500
      sub-a,2025-01-10T00:30:00+08:00,400`),
    );
    // main: (100000 − 99990 + 25) × 40 = 1400; sub-a: 900 (not added to the line)
    expect(r.lines.filter((l) => l.carrier === 'electricity').map((l) => l.amount.toString())).toEqual([
      '1400',
    ]);
    const rec = reconcile(meters, r.months, [
      { utilityAccount: 'acct-1', month: '2025-01', quantity: q('1.5 MWh') },
    ]);
    expect(rec).toHaveLength(1);
    expect(rec[0]?.main.toString()).toBe('1400');
    expect(rec[0]?.subMeters?.toString()).toBe('900');
    expect(rec[0]?.subMeterDifference?.toString()).toBe('500');
    expect(rec[0]?.bill?.toString()).toBe('1500');
    expect(rec[0]?.billDifference?.toString()).toBe('-100');
  });
});
