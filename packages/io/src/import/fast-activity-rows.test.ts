/**
 * The fast path against core: for generated batches of awkward activity lines, either the fast
 * path declines (undefined) or it gives exactly core's activityLineFields of the lines
 * validateSlice yields, and validateSlice reported nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activityLineFields, parseDecimal, type RawRow } from '@assay/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRawBundle } from '../bundle-folder.js';
import { BATCH_ROWS, readFactsCsv } from './csv-facts.js';
import { type ImportContext, validateSlice } from './fact-slice.js';
import { activityRowsFast, plainDecimal, prepareActivityRows } from './fast-activity-rows.js';
import { unneutralise } from './unneutralise.js';

const MINIMAL = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
let ctx: ImportContext;
beforeAll(async () => {
  const { raw, issues } = await readRawBundle(MINIMAL);
  if (!raw || issues.length > 0) throw new Error(JSON.stringify(issues));
  ctx = { settings: raw.settings, ...(raw.indicators ? { indicators: raw.indicators } : {}) };
});

/** A small seeded generator (mulberry32), so a failure names a reproducible corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per column: values core accepts (for some activity), and awkward ones, valid or not. */
const VALUES: Record<string, { ok: string[]; odd: string[] }> = {
  id: { ok: ['', '', '', 'x1', 'x2', 'line-9', 'al-act-2'], odd: [' x1 ', 'al-3', 'al-4', "'=id", '編號'] },
  entity: {
    ok: ['smelter', 'mine', 'group'],
    odd: [' mine ', 'atlantis', '冶煉廠', 'Demo Smelter', '', "'=mine"],
  },
  period: {
    ok: ['2025', '2025-01', '2025-Q3', '2024-12', '2024'],
    odd: [' 2025-02 ', '2023', '2026-01', '2025-13', '2025-Q5', '25', '', 'FY2025', '2025-1', "'-2025"],
  },
  activity: {
    ok: ['fuel', 'fuel', 'electricity-purchased', 'green-certificate', 'heat-purchased', 'scope3'],
    odd: ['Fuel', ' fuel ', 'steam', '', "'=fuel"],
  },
  subject: {
    ok: ['diesel', 'grid', '柴油', 'natural gas'],
    odd: ['', '  ', "'=cmd", "'-diesel", 'a, "b"', '\t煤\t'],
  },
  use: {
    ok: ['', '', 'combustion', 'reductant', 'unspecified'],
    odd: ['Combustion', 'heating', ' combustion ', "'-combustion"],
  },
  amount: {
    ok: ['0.000', '7919.010', '007', '12.5', '3', '-0', '0', '100'],
    odd: [
      '-4.20',
      '-1',
      '-0.000001',
      '-1e-3',
      '-1E2',
      `-${'9'.repeat(300)}`,
      "'-0",
      '-0',
      '-0.000',
      '+1',
      '1e3',
      '1E-3',
      '.5',
      '1.',
      '-.5',
      '-',
      '.',
      '',
      'NaN',
      'Infinity',
      '1,234.5',
      ' 12.5 ',
      "'-5",
      "'+5",
      '-007.50',
      '000.000100',
      '1e301',
      '1e300',
      '9'.repeat(300),
      '9'.repeat(301),
      `1${'0'.repeat(299)}.5`,
      `0.${'0'.repeat(60)}1`,
      '1234567890123456789012345678901234567890.123456789',
      '١٢',
      '12abc',
      '1e',
      '--1',
      '0x10',
      '1_000',
      '１２',
    ],
  },
  unit: { ok: ['t', 'MWh', 'kWh', 'GJ', 'm³'], odd: ['furlongs', '', ' t ', 'tCO2e/t', '噸', 'mwh', "'=t"] },
  attributes: {
    ok: ['', '', 'grade=a', 'b=2;a=1', 'a=1;b=2'],
    odd: [
      ' a = 1 ; b=2 ',
      'a',
      'a=',
      '=1',
      'a=1;a=2',
      'constructor=1',
      '__proto__=x',
      '10=a;2=b',
      'k=中文;j=x',
      'a=1;',
      "'=a=1",
    ],
  },
  source: { ok: ['meter', 'fuel card 1', '電費單'], odd: ['', ' ', "'@src", '"quoted"'] },
  evidence: { ok: ['', '', 'invoice.pdf'], odd: [' ', "'=x", ' doc '] },
  comment: { ok: ['', '', 'checked'], odd: [' ', "'=SUM(A1)", '說明, 有逗號'] },
};

/**
 * Activity, subject, unit (and attributes) as a method uses them, and some it refuses: diesel
 * by volume without a density, a Scope 3 line in kWh, of an unknown category, or by a method its
 * category does not allow.
 */
const COHERENT: readonly (readonly [string, string, string, string?])[] = [
  ['fuel', 'diesel', 't'],
  ['fuel', 'diesel', 'kg'],
  ['fuel', 'natural-gas', 'm³'],
  ['fuel', 'diesel', 'L', 'density=0.84 kg/L'],
  ['electricity-purchased', 'grid', 'MWh'],
  ['electricity-purchased', 'grid', 'kWh'],
  ['heat-purchased', 'steam', 'GJ'],
  ['scope3', 'cat-1', 'tCO2e'],
  ['scope3', 'cat-4', 't·km', 'method=distance-based;mode=road'],
];
const REFUSED: readonly (readonly [string, string, string, string?])[] = [
  ['fuel', 'diesel', 'L'],
  ['fuel', 'diesel', 'L', 'density=0.84 kg'],
  ['scope3', 'cat-1', 'kWh'],
  ['scope3', 'cat-99', 'tCO2e'],
  ['scope3', 'cat-11', 'CNY', 'method=spend-based;sector=x;price-year=2025'],
];

const REQUIRED = ['entity', 'period', 'activity', 'subject', 'amount', 'unit', 'source'];
const OPTIONAL = ['id', 'use', 'attributes', 'evidence', 'comment'];

/** Headers: every column, required ones only, and a shuffled mix. */
const HEADERS: string[][] = [
  [...REQUIRED.slice(0, 4), 'use', ...REQUIRED.slice(4)],
  ['id', ...REQUIRED, ...OPTIONAL.slice(1)],
  REQUIRED,
  ['comment', 'source', 'unit', 'amount', 'attributes', 'subject', 'activity', 'id', 'period', 'entity'],
];

function corpus(
  seed: number,
  header: readonly string[],
  rows: number,
  oddRate: number,
  firstLine = 2,
): RawRow[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const out: RawRow[] = [];
  let line = firstLine;
  for (let r = 0; r < rows; r++) {
    const cells = header.map((col) => {
      const v = VALUES[col] as { ok: string[]; odd: string[] };
      return next() < oddRate ? pick(v.odd) : pick(v.ok);
    });
    // mostly an activity, subject and unit its method can use (core's method check, issue #24),
    // else the independent picks above, which that check often refuses
    if (next() < 0.95) {
      const [activity, subject, unit, attributes] = pick(next() < oddRate / 5 ? REFUSED : COHERENT);
      const set = (col: string, v: string) => {
        const at = header.indexOf(col);
        if (at >= 0) cells[at] = v;
      };
      set('activity', activity);
      set('subject', subject);
      set('unit', unit);
      if (attributes !== undefined) set('attributes', attributes);
    }
    // now and then a row of the wrong length
    if (next() < oddRate / 10) cells.push('');
    out.push({ line, cells });
    line += next() < 0.1 ? 2 : 1; // a skipped blank line or a quoted line break
  }
  return out;
}

type Outcome = 'fast' | 'declined';

/** The differential check for one batch; says whether the fast path took it. */
function compare(file: string, header: readonly string[], rows: readonly RawRow[]): Outcome {
  const plan = prepareActivityRows(ctx, file, header);
  expect(plan).toBeDefined();
  if (!plan) throw new Error('no plan');
  const fast = activityRowsFast(plan, rows);
  const core = validateSlice(
    ctx,
    'activityLines',
    file,
    header,
    rows.map((r) => ({ line: r.line, cells: r.cells.map(unneutralise) })),
  );
  const context = JSON.stringify({ header, rows, issues: core.issues.slice(0, 3) });
  if (fast === undefined) {
    // Today the fast path declines only what core rejects (every unusual form goes through
    // core's own parsers); a deliberate conservative fallback would relax this line.
    expect(core.issues.length, context).toBeGreaterThan(0);
    return 'declined';
  }
  expect(core.issues, context).toEqual([]);
  expect(fast, context).toEqual(core.activityLines.map(activityLineFields));
  return 'fast';
}

describe('activityRowsFast against validateSlice', () => {
  it('agrees row by row on awkward cells (one row per batch)', () => {
    const seen = { fast: 0, declined: 0 };
    HEADERS.forEach((header, h) => {
      for (const row of corpus(100 + h, header, 1500, 0.25)) seen[compare('act.csv', header, [row])]++;
    });
    // both outcomes happen often, so neither side of the comparison is vacuous
    expect(seen.fast).toBeGreaterThan(1000);
    expect(seen.declined).toBeGreaterThan(1000);
  });

  it('agrees on batches: duplicate ids, generated ids that collide with given ones, one bad row', () => {
    const seen = { fast: 0, declined: 0 };
    HEADERS.forEach((header, h) => {
      const rows = corpus(200 + h, header, 3000, 0.01);
      for (let i = 0, size = 1; i < rows.length; i += size, size = (size * 7) % 23 || 1)
        seen[compare('fuel.lines.csv', header, rows.slice(i, i + size))]++;
    });
    expect(seen.fast).toBeGreaterThan(100);
    expect(seen.declined).toBeGreaterThan(20);
  });

  it('declines a batch whose only fault is a repeated id or an id equal to a row\'s "al-<line>"', () => {
    const header = ['id', ...REQUIRED];
    const row = (line: number, id: string): RawRow => ({
      line,
      cells: [id, 'smelter', '2025-01', 'fuel', 'diesel', '1', 't', 'card'],
    });
    expect(compare('a.csv', header, [row(2, 'x'), row(3, 'x')])).toBe('declined');
    expect(compare('a.csv', header, [row(2, 'al-3'), row(3, '')])).toBe('declined');
    expect(compare('a.csv', header, [row(2, ''), row(3, 'al-2')])).toBe('declined');
    expect(compare('a.csv', header, [row(2, 'al-4'), row(3, '')])).toBe('fast');
  });

  it('takes the plain rows of a bulk file (so the comparison above is not all fallbacks)', () => {
    const header = ['entity', 'period', 'activity', 'subject', 'use', 'amount', 'unit', 'source'];
    const rows: RawRow[] = [];
    for (let i = 0; i < 5000; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const amount = `${(i * 7919) % 100000}.${String(i % 1000).padStart(3, '0')}`;
      rows.push({
        line: i + 2,
        cells:
          i % 3 === 0
            ? [
                i % 2 ? 'mine' : 'smelter',
                `2025-${month}`,
                'electricity-purchased',
                'grid',
                '',
                amount,
                'MWh',
                'meter',
              ]
            : [
                i % 2 ? 'mine' : 'smelter',
                `2025-${month}`,
                'fuel',
                'diesel',
                '',
                amount,
                't',
                `card ${i % 89}`,
              ],
      });
    }
    expect(compare('act.csv', header, rows)).toBe('fast');
    const plan = prepareActivityRows(ctx, 'act.csv', header);
    const out = plan && activityRowsFast(plan, rows.slice(0, 2));
    expect(out).toEqual([
      [
        'al-act-0000002',
        'smelter',
        '2025-01',
        'electricity-purchased',
        'grid',
        null,
        '0',
        'MWh',
        '',
        'meter',
        null,
        null,
      ],
      [
        'al-act-0000003',
        'mine',
        '2025-02',
        'fuel',
        'diesel',
        'unspecified',
        '7919.001',
        't',
        '',
        'card 1',
        null,
        null,
      ],
    ]);
  });

  it('has no plan when core would reject the header or the store settings', () => {
    expect(prepareActivityRows(ctx, 'a.csv', [...REQUIRED, 'colour'])).toBeUndefined();
    expect(prepareActivityRows(ctx, 'a.csv', REQUIRED.slice(1))).toBeUndefined();
    expect(prepareActivityRows(ctx, 'a.csv', [...REQUIRED, 'source'])).toBeUndefined();
    const broken = { settings: { file: 'assay.yaml', data: { schemaVersion: 1 } } };
    expect(prepareActivityRows(broken, 'a.csv', REQUIRED)).toBeUndefined();
  });
});

describe('plainDecimal', () => {
  it('prints plain decimals as decimal.js toFixed() does, without a Decimal', () => {
    const cases: [string, string][] = [
      ['0.000', '0'],
      ['7919.010', '7919.01'],
      ['007', '7'],
      ['-0', '0'],
      ['-0.000', '0'],
      ['-007.50', '-7.5'],
      ['00.0500', '0.05'],
      ['10.00', '10'],
      ['100', '100'],
      ['-12.5', '-12.5'],
    ];
    for (const [text, printed] of cases) expect([text, plainDecimal(text)]).toEqual([text, printed]);
  });

  it('leaves every other form to parseDecimal', () => {
    for (const t of ['', '+1', '1e3', '.5', '1.', '-', '-.5', ' 1', '1,000', 'NaN', '9'.repeat(301)])
      expect([t, plainDecimal(t)]).toEqual([t, undefined]);
  });

  it('agrees with parseDecimal(...).toFixed() on generated digit strings', () => {
    const next = random(7);
    const digits = (n: number) =>
      Array.from({ length: n }, () => (next() < 0.4 ? '0' : String(Math.floor(next() * 10)))).join('');
    let plain = 0;
    for (let k = 0; k < 5000; k++) {
      const int = digits(1 + Math.floor(next() * (next() < 0.05 ? 320 : 12)));
      const frac = next() < 0.6 ? `.${digits(Math.floor(next() * 12))}` : '';
      const text = `${next() < 0.3 ? '-' : ''}${int}${frac}`;
      const p = plainDecimal(text);
      const d = parseDecimal(text);
      if (p === undefined) continue;
      plain++;
      expect([text, d.ok && d.value.toFixed()]).toEqual([text, p]);
    }
    expect(plain).toBeGreaterThan(4000);
  });
});

describe('readFactsCsv with the fast path', () => {
  it('flattens clean batches and leaves a batch with a bad row to core, which names it', async () => {
    const lines = ['entity,period,activity,subject,use,amount,unit,source,comment'];
    for (let i = 0; i < BATCH_ROWS + 1000; i++)
      lines.push(
        i === BATCH_ROWS + 500
          ? 'mine,2025-01,fuel,diesel,,1e3,furlongs,card,'
          : `mine,2025-01,fuel,diesel,,'+0${i}.10,t,card,"'=a, b"`,
      );
    const path = join(mkdtempSync(join(tmpdir(), 'assay-fast-')), 'fuel.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const slices = [];
    for await (const s of readFactsCsv(path, ctx)) slices.push(s);
    expect(slices).toHaveLength(2);
    const [clean, bad] = slices;
    expect(clean?.issues).toEqual([]);
    expect(clean?.activityLineLines).toHaveLength(BATCH_ROWS);
    expect(clean?.activityLineRows?.[1]).toEqual([
      'al-fuel-0000003',
      'mine',
      '2025-01',
      'fuel',
      'diesel',
      'unspecified',
      '1.1',
      't',
      '',
      'card',
      null,
      '=a, b',
    ]);
    expect(bad?.activityLineRows).toBeUndefined();
    expect(bad?.issues).toEqual([
      { file: 'fuel.csv', row: BATCH_ROWS + 502, column: 'unit', reason: 'unknown unit "furlongs"' },
    ]);
  });
});
