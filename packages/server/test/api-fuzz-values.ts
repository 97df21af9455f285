/**
 * Hostile values for the API fuzz (api-fuzz.test.ts): text (tokens the example bundle knows,
 * control and format characters, lone surrogates, 1 MB runs), numbers beyond double range,
 * 10,000-deep nesting, decimals right and wrong, CSV plausible and hostile, and encoders for URL
 * parts and header values.
 */
import fc from 'fast-check';

export const MB = 1_000_000;
/**
 * Ids and words the example bundle knows, so that requests get past validation. No "pdf": a PDF
 * prints with Chromium in seconds (web-journeys.test.ts downloads one); the other report formats
 * are fuzzed.
 */
export const TOKENS = [
  'group',
  'mine',
  'smelter',
  '2025',
  '2024',
  '2025-Q1',
  'revenue',
  'employees.headcount',
  'CNY million',
  'person',
  'rev-25',
  'hc-m-f',
  'hkex:A1.1',
  'html',
  'json',
  'en',
  'zh-Hant',
  'true',
  '1000',
  '-1',
  '0',
  'revenue@group/2025',
];
export const HOSTILE_TEXT = [
  '',
  ' ',
  '..',
  '.',
  '/',
  '\u0000',
  '__proto__',
  'constructor',
  'prototype',
  '=cmd|"/c calc"!A1',
  '\u001b[31mred',
  '１２３',
  '1e999999',
  '-'.concat('9'.repeat(400)),
  '0x10',
  'NaN',
  'Infinity',
  '\ud800',
  '<script>alert(1)</script>',
  "' or 1=1 --",
];
export const text = fc.oneof(
  { arbitrary: fc.constantFrom(...TOKENS), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.nat({ max: 3 }).map((k) => 'x'.repeat([2001, 10_000, 100_000, MB][k] ?? 1)), weight: 1 },
);
export const value: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: text, weight: 4 },
  { arbitrary: fc.integer({ min: -3, max: 5 }), weight: 2 },
  { arbitrary: fc.constantFrom(1.5, -0, 1e300, Number.MAX_SAFE_INTEGER + 2, 2 ** 31), weight: 1 },
  { arbitrary: fc.constantFrom(null, true, false), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);
/** Raw JSON literals JSON.stringify cannot make: numbers beyond double range, long digit runs. */
export const HUGE_NUMBERS = [
  '1e999999',
  '-1e400',
  '9'.repeat(5000),
  `0.${'0'.repeat(5000)}1`,
  '1E+308',
  '-0',
];
export const deep = fc
  .record({ n: fc.integer({ min: 1000, max: 10_000 }), array: fc.boolean() })
  .map(({ n, array }) =>
    array ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
  );

export const decimal = fc.oneof(
  fc.integer({ min: -5, max: 5000 }).map(String),
  fc.constantFrom('1000.5', '-0', '0.000001', '1,000', '1e5', '١٢٣', ' 1', ...HUGE_NUMBERS),
);
/** Plausible values by field name, so that some generated writes pass validation and reach the store. */
export const NAMED: Record<string, readonly string[]> = {
  entity: ['group', 'mine', 'smelter'],
  period: ['2025', '2024', '2025-Q1', '2026'],
  indicator: ['revenue', 'employees.headcount', 'production.output', 'water.recycled'],
  unit: ['CNY million', 'person', 't', 'MT', 'mt'],
  disaggregation: ['', 'gender=male', 'gender=female', 'product=nickel'],
  source: ['ledger', 'HR system'],
  reason: ['audited accounts', 'typo'],
  'zh-Hant': ['不適用'],
  en: ['not applicable'],
};

export const DATA_POINT_CSV_HEADER =
  'id,entity,period,indicator,disaggregation,value,unit,source,evidence,comment';
export const csvCell = fc.oneof(
  text,
  fc.constantFrom('"', '""', '"a,b"', '\r', '\n', '=1+1', '@SUM(A1)', ...HUGE_NUMBERS),
);
export const plausibleCsv = fc
  .array(
    fc.tuple(
      fc.constantFrom('', 'rev-25', 'hc-m-f', 'new-1', '=1+1'),
      fc.constantFrom('group', 'mine', 'smelter', 'nowhere'),
      fc.constantFrom('2025', '2024', '2025-Q1', '2023', '2025-13'),
      fc.constantFrom('revenue', 'employees.headcount', 'production.output', 'revenue-typo'),
      fc.constantFrom('', 'gender=male', 'gender=female', 'product=nickel', 'x=y'),
      decimal,
      fc.constantFrom('CNY million', 'person', 't', 'MT', 'mt', 'kg', ''),
      fc.constantFrom('ledger', '', '"quoted, source"'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) => [DATA_POINT_CSV_HEADER, ...rows.map((r) => `${r.join(',')},,`)].join('\n'));
export const hostileCsv = fc.oneof(
  fc
    .array(fc.array(csvCell, { maxLength: 12 }), { maxLength: 20 })
    .map((rows) => [DATA_POINT_CSV_HEADER, ...rows.map((r) => r.join(','))].join('\n')),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.constant(`${DATA_POINT_CSV_HEADER}\n${',mine,2025,revenue,,1,CNY million,x,,\n'.repeat(2000)}`),
);

/** Percent-encode the UTF-8 bytes of any string (lone surrogates too, as U+FFFD). */
export const pct = (t: string) =>
  [...Buffer.from(t, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
/** A header value as a client would send it: UTF-8 bytes, no CR, LF or NUL (HTTP forbids them). */
export const headerText = (t: string) =>
  Buffer.from(t.slice(0, 3000), 'utf8')
    .toString('latin1')
    .replace(/[\r\n\0]/g, '');
