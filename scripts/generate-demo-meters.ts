/**
 * DEMONSTRATION DATA for the demo group (examples/xinxin-2025/meters/; issue #22): made up by us,
 * not the company's. Deterministic (a seeded generator, integer arithmetic for every register):
 * running it again writes the same CSV bytes and an XLSX with the same cells.
 *
 *   npx tsx scripts/generate-demo-meters.ts [--print] [--out <dir>]
 *
 * Three sites, all at +08:00 (Beijing time, as the group reports):
 * - kalatongke (mine + concentrator), on the energy platform, daily register readings at local
 *   midnight: KLT-E-MAIN (110 kV intake, CT/PT ×42000) with sub-meters KLT-E-CONC (×12000; four
 *   readings missing 11–14 March: a gap), KLT-E-MINE (×2000, five-digit register rolling over at
 *   100000 at the end of June) and KLT-E-CAMP (×1; one day, 21 August, about 17× its usual use: a spike).
 * - fukang (refinery), on the platform: FK-E-MAIN (×66000, replaced on 18 June 10:00, old last
 *   reading and new first reading in meter-replacements.csv) with FK-E-TANK and FK-E-AUX, and the
 *   natural-gas meter FK-G-MAIN (m³).
 * - hami-zhongxin, no platform: a monthly manual reading round (one XLSX for the year) of
 *   HM-E-MAIN (×8000) and its sub-meters HM-E-PLANT (×4000) and HM-E-OFFICE (×1).
 * Utility bills per month for the three main electricity meters and the gas meter: the metered
 * quantity within ±0.35 %, except Fukang's June electricity bill, which the utility estimated
 * across the meter swap (+3.1 %: beyond the 2 % tolerance, so the reconciliation flags it).
 *
 * `--print` also prints each meter's consumption per month (the numbers the tests' hand sums use).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METER_COLUMNS, REPLACEMENT_COLUMNS } from '@assay/core';
import { filledReadingRoundWorkbook } from '@assay/io';

const DEFAULT_OUT = join(import.meta.dirname, '..', 'examples', 'xinxin-2025', 'meters');
/** `--out <dir>`: write elsewhere (the test compares a fresh run with the committed files). */
const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 && process.argv[outAt + 1] ? (process.argv[outAt + 1] as string) : DEFAULT_OUT;
const DAY = 86_400;
const OFFSET = 8 * 3600;
/** 2025-01-01T00:00:00+08:00 as epoch seconds. */
const YEAR_START = Date.UTC(2024, 11, 31, 16) / 1000;
const DAYS = 365;

/** mulberry32: a small seeded generator, one per meter (its id is the seed). */
function rng(seedText: string): () => number {
  let a = 0;
  for (const ch of seedText) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const localText = (t: number): string => `${new Date((t + OFFSET) * 1000).toISOString().slice(0, 19)}+08:00`;
const localMonth = (t: number): number => new Date((t + OFFSET) * 1000).getUTCMonth(); // 0–11
const WINTER = new Set([0, 1, 2, 10, 11]);

type Spec = {
  readonly id: string;
  readonly site: string;
  readonly carrier: 'electricity' | 'natural-gas';
  readonly unit: 'kWh' | 'm³'; // the unit table's symbols (the web page labels a symbol in Chinese)
  readonly multiplier: number;
  /** Register decimals (2: hundredths, 1: tenths). */
  readonly decimals: 1 | 2;
  readonly start: number; // register at the first reading, in units of 10^-decimals
  readonly rollover?: number; // in register units
  readonly parent?: string;
  readonly account?: string;
  readonly platform: boolean;
  /** kWh (or m3) per day: the parent's day × share, or a base. */
  readonly share?: number;
  readonly base?: number;
  readonly winter: number; // factor in Nov–Mar
  readonly noise: number; // ± fraction per day
};

const SPECS: readonly Spec[] = [
  {
    id: 'KLT-E-MAIN',
    site: 'kalatongke',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 42000,
    decimals: 2,
    start: 1_523_456,
    account: 'XJ-GRID-KLT-6501',
    platform: true,
    base: 318_000,
    winter: 1.08,
    noise: 0.04,
  },
  {
    id: 'KLT-E-CONC',
    site: 'kalatongke',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 12000,
    decimals: 2,
    start: 4_087_120,
    parent: 'KLT-E-MAIN',
    platform: true,
    share: 0.556,
    winter: 1,
    noise: 0.006,
  },
  {
    id: 'KLT-E-MINE',
    site: 'kalatongke',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 2000,
    decimals: 2,
    start: 8_801_235,
    rollover: 100_000,
    parent: 'KLT-E-MAIN',
    platform: true,
    share: 0.404,
    winter: 1,
    noise: 0.006,
  },
  {
    id: 'KLT-E-CAMP',
    site: 'kalatongke',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 1,
    decimals: 1,
    start: 12_034_567,
    parent: 'KLT-E-MAIN',
    platform: true,
    share: 0.022,
    winter: 1.35,
    noise: 0.02,
  },
  {
    id: 'FK-E-MAIN',
    site: 'fukang',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 66000,
    decimals: 2,
    start: 5_032_145,
    account: 'XJ-GRID-FK-6502',
    platform: true,
    base: 540_000,
    winter: 1.03,
    noise: 0.03,
  },
  {
    id: 'FK-E-TANK',
    site: 'fukang',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 30000,
    decimals: 2,
    start: 2_210_480,
    parent: 'FK-E-MAIN',
    platform: true,
    share: 0.72,
    winter: 1,
    noise: 0.004,
  },
  {
    id: 'FK-E-AUX',
    site: 'fukang',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 6000,
    decimals: 2,
    start: 3_377_802,
    parent: 'FK-E-MAIN',
    platform: true,
    share: 0.265,
    winter: 1,
    noise: 0.006,
  },
  {
    id: 'FK-G-MAIN',
    site: 'fukang',
    carrier: 'natural-gas',
    unit: 'm³',
    multiplier: 1,
    decimals: 1,
    start: 87_654_321,
    account: 'FK-GAS-0388',
    platform: true,
    base: 36_000,
    winter: 1.25,
    noise: 0.05,
  },
  {
    id: 'HM-E-MAIN',
    site: 'hami-zhongxin',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 8000,
    decimals: 2,
    start: 987_650,
    account: 'XJ-GRID-HM-6503',
    platform: false,
    base: 82_000,
    winter: 1.05,
    noise: 0.03,
  },
  {
    id: 'HM-E-PLANT',
    site: 'hami-zhongxin',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 4000,
    decimals: 2,
    start: 1_204_410,
    parent: 'HM-E-MAIN',
    platform: false,
    share: 0.968,
    winter: 1,
    noise: 0.004,
  },
  {
    id: 'HM-E-OFFICE',
    site: 'hami-zhongxin',
    carrier: 'electricity',
    unit: 'kWh',
    multiplier: 1,
    decimals: 1,
    start: 3_456_780,
    parent: 'HM-E-MAIN',
    platform: false,
    share: 0.015,
    winter: 1.3,
    noise: 0.02,
  },
];

/** The one replacement: Fukang's main meter, 18 June 2025 10:00 local; the new register starts at 0. */
const SWAP = {
  meter: 'FK-E-MAIN',
  at: YEAR_START + (31 + 28 + 31 + 30 + 31 + 17) * DAY + 10 * 3600,
  newFirst: 0,
};
/** Readings left out (the platform lost them): KLT-E-CONC, 11–14 March at midnight. */
const MISSING = { meter: 'KLT-E-CONC', days: [69, 70, 71, 72] };
/** KLT-E-CAMP on 21 August (day 232): +118,000 kWh in one day. */
const SPIKE = { meter: 'KLT-E-CAMP', day: 232, extra: 118_000 };
/** The bill the utility estimated across the swap: Fukang electricity, June, +3.1 %. */
const ESTIMATED_BILL = { meter: 'FK-E-MAIN', month: 5, factor: 1.031 };
const PRICE_CENTS: Record<Spec['unit'], number> = { kWh: 38, 'm³': 205 }; // CNY 0.38/kWh, CNY 2.05/m³

/** Daily use of every meter (kWh or m³), day 0 = 1 January 2025. */
function dailyUse(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of SPECS) {
    const r = rng(s.id);
    const days: number[] = [];
    for (let d = 0; d < DAYS; d++) {
      const season = WINTER.has(localMonth(YEAR_START + d * DAY)) ? s.winter : 1;
      const wobble = 1 + (r() * 2 - 1) * s.noise;
      const parent = s.parent ? out.get(s.parent)?.[d] : undefined;
      const base = parent !== undefined ? parent * (s.share ?? 0) : (s.base ?? 0);
      let use = Math.round(base * season * wobble);
      if (s.id === SPIKE.meter && d === SPIKE.day) use += SPIKE.extra;
      days.push(use);
    }
    out.set(s.id, days);
  }
  return out;
}

/** Use from the first reading to instant t (linear within a day). */
function cumulative(days: readonly number[], t: number): number {
  const x = (t - YEAR_START) / DAY;
  const whole = Math.floor(x);
  let sum = 0;
  for (let d = 0; d < Math.min(whole, DAYS); d++) sum += days[d] ?? 0;
  if (whole < DAYS) sum += (days[whole] ?? 0) * (x - whole);
  return sum;
}

const scale = (s: Spec) => 10 ** s.decimals;
/** The register at t, in register units × 10^decimals (an integer). */
function register(s: Spec, days: readonly number[], t: number): number {
  const units = (use: number) => Math.floor((use / s.multiplier) * scale(s));
  if (s.id === SWAP.meter && t > SWAP.at)
    return SWAP.newFirst + units(cumulative(days, t) - cumulative(days, SWAP.at));
  const raw = s.start + units(cumulative(days, t));
  return s.rollover ? raw % (s.rollover * scale(s)) : raw;
}
const text = (s: Spec, v: number) => (v / scale(s)).toFixed(s.decimals);

/** The manual round's instants: midnight at the turn of the year, else the 1st–3rd at 09:00–10:40. */
function roundInstants(): number[] {
  const r = rng('hami-round');
  const out = [YEAR_START];
  for (let m = 1; m < 12; m++) {
    const first = Date.UTC(2025, m, 1) / 1000 - OFFSET;
    out.push(first + Math.floor(r() * 3) * DAY + 9 * 3600 + Math.floor(r() * 10) * 600);
  }
  out.push(YEAR_START + DAYS * DAY);
  return out;
}

/** Consumption per month (0–11), as the roll-up counts it (segments apportioned by seconds). */
function monthly(s: Spec, days: readonly number[], instants: readonly number[]): number[] {
  const out = Array.from({ length: 12 }, () => 0);
  const consumed = (a: number, b: number): number => {
    let ra = register(s, days, a);
    const rb = register(s, days, b);
    if (s.id === SWAP.meter && a <= SWAP.at && b > SWAP.at)
      return (register(s, days, SWAP.at) - ra + (rb - SWAP.newFirst)) / scale(s);
    if (rb < ra && s.rollover) ra -= s.rollover * scale(s);
    return (rb - ra) / scale(s);
  };
  for (let k = 1; k < instants.length; k++) {
    const a = instants[k - 1] as number;
    const b = instants[k] as number;
    const c = consumed(a, b) * s.multiplier;
    for (let t = a; t < b; ) {
      const m = localMonth(t);
      const next = Math.min(b, Date.UTC(2025, m + 1, 1) / 1000 - OFFSET);
      out[m] = (out[m] ?? 0) + (c * (next - t)) / (b - a);
      t = next;
    }
  }
  return out;
}

function main(): void {
  const use = dailyUse();
  const csv = (rows: readonly (readonly (string | number)[])[]) =>
    `${rows.map((r) => r.join(',')).join('\n')}\n`;
  writeFileSync(
    join(OUT, 'meters.csv'),
    csv([
      // the register's own columns (core validate-meters.ts), so the demo file always reads back
      [...METER_COLUMNS],
      ...SPECS.map((s) => [
        s.id,
        s.site,
        s.carrier,
        s.unit,
        s.multiplier,
        'cumulative',
        s.platform ? 1440 : '',
        s.rollover ?? '',
        s.parent ?? '',
        s.account ?? '',
        '+08:00',
        '',
        '',
      ]),
    ]),
  );
  const swapSpec = SPECS.find((s) => s.id === SWAP.meter) as Spec;
  const swapDays = use.get(SWAP.meter) as number[];
  const oldLast =
    swapSpec.start + Math.floor((cumulative(swapDays, SWAP.at) / swapSpec.multiplier) * scale(swapSpec));
  writeFileSync(
    join(OUT, 'meter-replacements.csv'),
    csv([
      [...REPLACEMENT_COLUMNS],
      [SWAP.meter, localText(SWAP.at), text(swapSpec, oldLast), text(swapSpec, SWAP.newFirst)],
    ]),
  );
  // The platform export: time-major (every meter at one instant, then the next instant).
  const platform = SPECS.filter((s) => s.platform);
  const rows: (string | number)[][] = [['meter', 'timestamp', 'value']];
  for (let d = 0; d <= DAYS; d++) {
    const t = YEAR_START + d * DAY;
    for (const s of platform) {
      if (s.id === MISSING.meter && MISSING.days.includes(d)) continue;
      rows.push([s.id, localText(t), text(s, register(s, use.get(s.id) as number[], t))]);
    }
  }
  writeFileSync(join(OUT, 'demo-energy-platform-readings-2025.csv'), csv(rows));
  const round = roundInstants();
  const manual = SPECS.filter((s) => !s.platform);
  const roundRows = round.flatMap((t) =>
    manual.map((s) => ({
      meter: s.id,
      timestamp: localText(t),
      reading: text(s, register(s, use.get(s.id) as number[], t)),
      note: '示範數據 demonstration data',
    })),
  );
  void filledReadingRoundWorkbook(roundRows).then((bytes) =>
    writeFileSync(join(OUT, 'demo-reading-round-hami-zhongxin-2025.xlsx'), bytes),
  );
  // Bills: the month as metered (rounded to a whole unit), within ±0.35 %, one estimated.
  const dailyInstants = Array.from({ length: DAYS + 1 }, (_, d) => YEAR_START + d * DAY);
  const bills: (string | number)[][] = [['account', 'month', 'quantity', 'unit', 'amount', 'currency']];
  const printed: string[] = [];
  for (const s of SPECS) {
    const months = monthly(s, use.get(s.id) as number[], s.platform ? dailyInstants : round);
    printed.push(`${s.id}\t${months.map((m) => m.toFixed(3)).join('\t')}`);
    if (!s.account) continue;
    const r = rng(`${s.id} bills`);
    months.forEach((metered, m) => {
      const factor =
        s.id === ESTIMATED_BILL.meter && m === ESTIMATED_BILL.month
          ? ESTIMATED_BILL.factor
          : 1 + (r() * 2 - 1) * 0.0035;
      const quantity = Math.round(metered * factor);
      const cents = quantity * PRICE_CENTS[s.unit];
      bills.push([
        s.account as string,
        `2025-${String(m + 1).padStart(2, '0')}`,
        quantity,
        s.unit,
        (cents / 100).toFixed(2),
        'CNY',
      ]);
    });
  }
  writeFileSync(join(OUT, 'utility-bills.csv'), csv(bills));
  if (process.argv.includes('--print')) console.log(printed.join('\n'));
}

main();
