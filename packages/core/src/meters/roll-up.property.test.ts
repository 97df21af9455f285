/**
 * Properties of the roll-up (fast-check): interval readings roll up to the same lines however
 * they are split into files and ordered, and, without gaps or rejected readings, to exactly the
 * hand sum of their values times the multiplier.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { readingsOf, registerOf } from './meters-test-helpers.js';
import type { MeterReading } from './reading.js';
import { rollUpReadings } from './roll-up-readings.js';
import { daysFromCivil, formatInstant } from './timestamp.js';

const meters =
  registerOf(`id,site,carrier,unit,multiplier,mode,interval_minutes,rollover_at,parent,utility_account,utc_offset,installed,removed
a,plant,electricity,kWh,2.5,interval,15,,,,+08:00,,
b,plant,electricity,MWh,1,interval,60,,,,+08:00,,
c,plant,water,m³,1,cumulative,,1000,,,+08:00,,`);
const START = daysFromCivil(2025, 1, 31) * 86400 - 8 * 3600; // 2025-01-31T00:00+08:00
const value = fc.integer({ min: 0, max: 99999 }).map((n) => new Decimal(n).dividedBy(100));

/** A gap-free series per meter crossing the January/February boundary. */
const series = fc
  .tuple(fc.array(value, { minLength: 1, maxLength: 300 }), fc.array(value, { minLength: 1, maxLength: 60 }))
  .map(([as, bs]) => [
    ...as.map(
      (v, i): MeterReading => ({ meterId: 'a', at: START + (i + 1) * 900, offsetMinutes: 480, value: v }),
    ),
    ...bs.map(
      (v, i): MeterReading => ({ meterId: 'b', at: START + (i + 1) * 3600, offsetMinutes: 480, value: v }),
    ),
  ]);

const snapshot = (r: ReturnType<typeof rollUpReadings>) =>
  JSON.stringify({ f: r.findings, m: r.months, l: r.lines.map((l) => ({ ...l, unit: l.unit.symbol })) });

describe('roll-up properties', () => {
  it('does not depend on how readings are split into files or ordered', () => {
    fc.assert(
      fc.property(
        series,
        fc.array(fc.nat(), { minLength: 0, maxLength: 400 }),
        fc.integer({ min: 1, max: 5 }),
        (rs, keys, files) => {
          const whole = rollUpReadings(meters, rs);
          // split into `files` parts by a random key each, then shuffle within each part by the keys
          const parts: MeterReading[][] = Array.from({ length: files }, () => []);
          for (const [i, r] of rs.entries()) parts[(keys[i] ?? i) % files]?.push(r);
          const shuffled = parts.flatMap((p, j) => (j % 2 === 0 ? p.reverse() : p));
          expect(snapshot(rollUpReadings(meters, shuffled))).toBe(snapshot(whole));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('equals the hand sum of interval values times the multiplier, across months', () => {
    fc.assert(
      fc.property(series, (rs) => {
        const r = rollUpReadings(meters, rs);
        // a (kWh ×2.5) and b (MWh) are both electricity at plant: lines are in kWh, the first meter's unit
        const want = rs.reduce(
          (s, x) => s.plus(x.meterId === 'a' ? x.value.times('2.5') : x.value.times(1000)),
          new Decimal(0),
        );
        const got = r.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0));
        expect(got.toString()).toBe(want.toString());
        expect(r.lines.every((l) => !l.isEstimated)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a cumulative register sums its differences across any roll-overs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 499 }), { minLength: 2, maxLength: 80 }), (steps) => {
        // register starts at 900 and wraps at 1000; each step (< half the register) is the consumption
        let reg = 900;
        const rs = steps.map((d, i) => {
          reg = i === 0 ? reg : (reg + d) % 1000;
          return `c,${formatInstant(START + i * 86400, 480)},${reg}`;
        });
        const r = rollUpReadings(meters, readingsOf(rs.join('\n')));
        const want = steps.slice(1).reduce((s, d) => s + d, 0);
        expect(r.months.reduce((s, m) => s.plus(m.measured), new Decimal(0)).toString()).toBe(String(want));
      }),
      { numRuns: 60 },
    );
  });
});
