/**
 * Fuzzing bundle validation (issue #14): generated hostile RawBundles (random headers and cells,
 * long and odd Unicode strings, numbers such as 1e309, -0 and 0x10, deeply nested documents,
 * "__proto__" and "constructor" keys) must never make validateBundle throw, and every issue must
 * name a file of the input; generated valid bundles must survive bundle → raw → bundle.
 * parseUnit and parseDecimal get arbitrary strings. Runs per property: FUZZ_RUNS (default 500; the parsers get 5 times as many);
 * the long run and its figures are in docs/bundle-format.md ("Fuzzing").
 * This file is over 300 lines: the generators belong to the one property set they serve.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../decimal.js';
import { parseUnit, unitDimension } from '../units/unit.js';
import { ATOMIC_UNITS } from '../units/unit-table.js';
import { validateBundle } from '../validate/validate-bundle.js';
import {
  ACTIVITY_LINE_COLUMNS,
  columnOrder,
  DATA_POINT_COLUMNS,
  FACTOR_COLUMNS,
  PUBLISHED_COLUMNS,
} from './columns.js';
import { BUNDLE_FILES, type RawBundle, type RawDocument, type RawTable } from './raw.js';
import { serializeBundle } from './serialize-bundle.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
/** Per test: the 60 s default, or more for a long run (about 15 ms a run on a busy 2-core machine). */
const TIMEOUT = Math.max(60_000, RUNS * 50);

// ---- hostile text and values -------------------------------------------------------------

const NASTY_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '1e309',
  '-1e309',
  '-0',
  '0x10',
  '0b11',
  '1_000',
  'NaN',
  'Infinity',
  '1e-400',
  '9'.repeat(400),
  `0.${'0'.repeat(400)}1`,
  '１２',
  '١٢',
  '=cmd|" /C calc"!A0',
  "'=1+1",
  '\u0000',
  '\u202e',
  '\ud800',
  '🙂',
  'a\r\nb',
  'MT',
  'mWh',
  'kwh',
  '10^999999 t',
  '0 t',
  'per',
  '/',
  'hkex:',
  ':',
  '@/',
  '[@]/',
  'gender=female;gender=male',
  'constructor=1',
  '__proto__=x',
];

/** Cells that are sometimes valid, so that rows get past the first checks. */
const PLAUSIBLE_CELLS = [
  'group',
  'smelter',
  '2025',
  '2024',
  '2025-Q1',
  '2025-03',
  'revenue',
  'employees.headcount',
  'net-profit',
  'fuel',
  'diesel',
  'electricity-purchased',
  'grid',
  'combustion',
  't',
  'MWh',
  'person',
  'CNY million',
  '萬元',
  '12.5',
  '-3',
  '0',
  'gender=female',
  'meter',
  'VERIFIED',
  'grid-ef',
];

const longString = fc
  .tuple(fc.constantFrom('a', '9', '噸', '🙂', ' ', ',', '\n'), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([c, n]) => c.repeat(n));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE_CELLS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: longString },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e308,
    5e-324,
    2 ** 53 + 1,
  ),
  fc.double(),
  fc.integer(),
);

const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.date());

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'en', 'zh-Hant', 'id', 'subject', 'indicators'),
  fc.string({ maxLength: 8 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.anything({
  key: hostileKey,
  values: [hostileScalar],
  maxDepth: 4,
  maxKeys: 6,
  withNullPrototype: true,
  withSparseArray: true,
  withDate: true,
});

/** A value nested `depth` times in arrays or objects (what a deep YAML or JSON document gives). */
const deeplyNested = fc
  .tuple(fc.integer({ min: 100, max: 5_000 }), fc.boolean(), hostileScalar)
  .map(([depth, asArray, leaf]) => {
    let v: unknown = leaf;
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { sections: v };
    return v;
  });

/** An object whose own key is "__proto__" (as JSON.parse and YAML parsers produce it). */
const protoKeyed = hostileValue.map((v) =>
  JSON.parse(`{"__proto__": ${JSON.stringify(v) ?? 'null'}, "constructor": {"prototype": {"polluted": 1}}}`),
);

// ---- a valid bundle, and mutations of it -------------------------------------------------

const text = (en: string) => ({ 'zh-Hant': `${en}（中）`, en });

const baseSettings = () => ({
  schemaVersion: 1,
  organisation: {
    id: 'demo',
    name: text('Demo Group'),
    issuerType: 'main-board',
    entities: [
      { id: 'group', kind: 'group', name: text('Group') },
      { id: 'smelter', kind: 'subsidiary', parent: 'group', name: text('Smelter') },
    ],
  },
  reporting: { current: '2025', prior: ['2024'] },
  frameworks: ['hkex', 'gri'],
});

/** Replace one field at a random path of the settings by a hostile value. */
const mutatedSettings = fc
  .tuple(
    fc.constantFrom(
      ['schemaVersion'],
      ['organisation'],
      ['organisation', 'name'],
      ['organisation', 'entities'],
      ['organisation', 'entities', '0'],
      ['organisation', 'entities', '1', 'parent'],
      ['organisation', 'issuerType'],
      ['reporting', 'current'],
      ['reporting', 'prior'],
      ['frameworks'],
      ['methods'],
      ['__proto__'],
    ),
    fc.oneof(hostileValue, deeplyNested, protoKeyed),
  )
  .map(([path, value]) => {
    const s = baseSettings() as Record<string, unknown>;
    let at = s;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    Object.defineProperty(at, path[path.length - 1] as string, { value, enumerable: true, writable: true });
    return s;
  });

const settingsData = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).map(baseSettings) },
  { weight: 3, arbitrary: mutatedSettings },
  { weight: 1, arbitrary: hostileValue },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: protoKeyed },
);

function hostileTable(file: string, columns: readonly string[]): fc.Arbitrary<RawTable> {
  const header = fc.oneof(
    fc.shuffledSubarray([...columns], { minLength: 0 }),
    fc.constant([...columns]),
    fc.array(fc.oneof(fc.constantFrom(...columns), hostileString), { maxLength: 14 }),
  );
  return header.chain((h) =>
    fc
      .array(fc.array(hostileString, { minLength: h.length, maxLength: h.length + (h.length > 0 ? 0 : 2) }), {
        maxLength: 8,
      })
      .chain((rows) =>
        fc.array(fc.array(hostileString, { maxLength: h.length + 3 }), { maxLength: 2 }).map((ragged) => ({
          file,
          header: h,
          rows: [...rows, ...ragged].map((cells, i) => ({ line: i + 2, cells })),
        })),
      ),
  );
}

const documentData = fc.oneof(hostileValue, deeplyNested, protoKeyed, fc.constant(undefined));

const optionalDoc = (file: string) =>
  fc.option(
    documentData.map((data): RawDocument => ({ file, data })),
    { nil: undefined },
  );
const optionalTable = (file: string, columns: readonly string[]) =>
  fc.option(hostileTable(file, columns), { nil: undefined });

const hostileBundle: fc.Arbitrary<RawBundle> = fc
  .record({
    settings: settingsData.map((data): RawDocument => ({ file: BUNDLE_FILES.settings, data })),
    dataPoints: optionalTable(BUNDLE_FILES.dataPoints, columnOrder(DATA_POINT_COLUMNS)),
    activityLines: optionalTable(BUNDLE_FILES.activityLines, columnOrder(ACTIVITY_LINE_COLUMNS)),
    published: optionalTable(BUNDLE_FILES.published, columnOrder(PUBLISHED_COLUMNS)),
    factors: optionalTable(BUNDLE_FILES.factors, columnOrder(FACTOR_COLUMNS)),
    indicators: optionalDoc(BUNDLE_FILES.indicators),
    registers: optionalDoc(BUNDLE_FILES.registers),
    narrative: optionalDoc(BUNDLE_FILES.narrative),
  })
  .map((r) => dropUndefined(r) as RawBundle);

/** exactOptionalPropertyTypes: absent, not undefined. */
function dropUndefined(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
}

/** Files a bundle's issues may name: those of its parts. */
function filesOf(raw: RawBundle): Set<string> {
  return new Set(
    Object.values(raw)
      .filter((p): p is RawDocument | RawTable => typeof p === 'object' && p !== null && 'file' in p)
      .map((p) => p.file),
  );
}

/**
 * What an issue's reason must never show: a stack line, a JS runtime error, an object dump.
 * (" +at ", not "\s+at ": reasons quote cells of 100,000 newlines, and "\n\s+" would backtrack.)
 */
const INTERNALS =
  /\n +at |TypeError|RangeError|Cannot (read|set) propert|undefined \(reading|\[object Object\]/;

// ---- valid bundles for the round trip ------------------------------------------------------

const decimalText = (signed: boolean) =>
  fc.oneof(
    fc.bigInt({ min: signed ? -(10n ** 15n) : 0n, max: 10n ** 15n }).map(String),
    fc
      .tuple(
        fc.nat(10 ** 6),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }),
      )
      .map(([i, f]) => `${i}.${f}`),
    fc.constantFrom('0', '-0', '0.000', '1e-30', '1.5E+3', '007.50', '+3', '.5', '1e300'),
    ...(signed ? [fc.constantFrom('-12.5', '-1e-3', '-0.000001')] : []),
  );

const DATA_POINT_KINDS = [
  { indicator: 'employees.headcount', units: ['person', '人'], axes: ['', 'gender=female', 'gender=male'] },
  { indicator: 'revenue', units: ['CNY million', '萬元', '百萬元', 'CNY'], axes: [''] },
  { indicator: 'net-profit', units: ['CNY million'], axes: [''], signed: true },
  { indicator: 'water.withdrawal', units: ['m³', 'm3', '萬立方米', '10^4 m3'], axes: ['', 'source=river'] },
  { indicator: 'waste.hazardous', units: ['t', 'kt', '噸', 'kg'], axes: ['', 'category=sludge'] },
  { indicator: 'training.hours', units: ['h', '小時'], axes: [''] },
  { indicator: 'stock.change', units: ['t'], axes: [''], signed: true },
] as const;

const ACTIVITY_KINDS = [
  { activity: 'fuel', subject: 'diesel', units: ['t', 'kg', '噸'], use: ['', 'combustion', 'reductant'] },
  { activity: 'electricity-purchased', subject: 'grid', units: ['MWh', 'kWh', 'KWh', '萬千瓦時'], use: [''] },
  { activity: 'heat-purchased', subject: 'steam', units: ['GJ', 'MJ'], use: [''] },
  { activity: 'scope3', subject: 'cat-1', units: ['tCO2e', 'ktCO2e'], use: [''] },
] as const;

/** Free text where any text is valid: comments survive the round trip exactly. */
const hostileNote = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.trim()),
  fc.constantFrom('=SUM(A1)', '說明, 有逗號', '🙂', '__proto__'),
);

const PERIODS = ['2025', '2024', '2025-Q1', '2025-Q2', '2025-03', '2024-11'];
const ENTITIES = ['group', 'smelter'];

const dataPointRow = fc
  .tuple(fc.constantFrom(...DATA_POINT_KINDS), fc.constantFrom(...ENTITIES), fc.constantFrom(...PERIODS))
  .chain(([k, entity, period]) =>
    fc
      .tuple(decimalText('signed' in k), fc.constantFrom(...k.units), fc.constantFrom(...k.axes), hostileNote)
      .map(([value, unit, d, note]) => [entity, period, k.indicator, d, value, unit, 'ledger', note]),
  );

const activityRow = fc
  .tuple(fc.constantFrom(...ACTIVITY_KINDS), fc.constantFrom(...ENTITIES), fc.constantFrom(...PERIODS))
  .chain(([k, entity, period]) =>
    fc
      .tuple(decimalText(false), fc.constantFrom(...k.units), fc.constantFrom(...k.use), hostileNote)
      .map(([amount, unit, use, note]) => [
        entity,
        period,
        k.activity,
        k.subject,
        use,
        amount,
        unit,
        'meter',
        note,
      ]),
  );

const validBundle: fc.Arbitrary<RawBundle> = fc
  .record({
    dataPoints: fc.array(dataPointRow, { maxLength: 12 }),
    activityLines: fc.array(activityRow, { maxLength: 12 }),
    subjects: fc.uniqueArray(
      fc.constantFrom(
        'hkex:A1.1',
        'hkex:D.MT.GHG.e',
        'gri:305-1',
        'ghg.scope1@group/2025',
        'revenue@smelter/2024',
      ),
    ),
    sections: fc.uniqueArray(fc.constantFrom('emissions', 'energy', 'water', 'community'), { maxLength: 3 }),
    body: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  })
  .map(({ dataPoints, activityLines, subjects, sections, body }) => ({
    settings: { file: BUNDLE_FILES.settings, data: baseSettings() },
    dataPoints: {
      file: BUNDLE_FILES.dataPoints,
      header: ['entity', 'period', 'indicator', 'disaggregation', 'value', 'unit', 'source', 'comment'],
      rows: dataPoints.map((cells, i) => ({ line: i + 2, cells })),
    },
    activityLines: {
      file: BUNDLE_FILES.activityLines,
      header: ['entity', 'period', 'activity', 'subject', 'use', 'amount', 'unit', 'source', 'comment'],
      rows: activityLines.map((cells, i) => ({ line: i + 2, cells })),
    },
    indicators: {
      file: BUNDLE_FILES.indicators,
      data: {
        indicators: [
          {
            id: 'stock.change',
            name: text('Change in stock'),
            topic: 'materials',
            dimension: 'mass',
            unit: 't',
            aggregation: 'sum',
            precision: 0,
            signed: true,
          },
        ],
      },
    },
    registers: {
      file: BUNDLE_FILES.registers,
      data: { explanations: subjects.map((subject) => ({ subject, text: text(body) })) },
    },
    narrative: {
      file: BUNDLE_FILES.narrative,
      data: {
        sections: sections.map((id) => ({ id, title: text(id), body: { 'zh-Hant': body, en: body } })),
      },
    },
  }));

// ---- properties ----------------------------------------------------------------------------

describe('fuzzing validateBundle', () => {
  it(
    'never throws on hostile input; every issue names a file of the input and a plain reason',
    () => {
      fc.assert(
        fc.property(hostileBundle, (raw) => {
          const r = validateBundle(raw);
          if (r.ok) return;
          expect(r.issues.length).toBeGreaterThan(0);
          const files = filesOf(raw);
          for (const issue of r.issues) {
            expect(files.has(issue.file), JSON.stringify(issue).slice(0, 300)).toBe(true);
            expect(typeof issue.reason === 'string' && issue.reason.length > 0).toBe(true);
            expect(INTERNALS.test(issue.reason), issue.reason.slice(0, 300)).toBe(false);
            if (issue.row !== undefined) expect(Number.isInteger(issue.row)).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    'round-trips valid bundles: bundle → raw → bundle gives the same bundle',
    () => {
      let valid = 0;
      fc.assert(
        fc.property(validBundle, (raw) => {
          const first = validateBundle(raw);
          if (!first.ok) return; // generated conflicts (a year beside its months, duplicates) are refused
          valid++;
          const again = validateBundle(serializeBundle(first.bundle));
          expect(again.ok ? [] : again.issues).toEqual([]);
          if (!again.ok) return;
          expect(serializeBundle(again.bundle)).toEqual(serializeBundle(first.bundle));
          expect(again.bundle).toEqual(first.bundle);
        }),
        { numRuns: RUNS },
      );
      // the property is not vacuous: most generated bundles are valid
      expect(valid).toBeGreaterThan(RUNS / 4);
    },
    TIMEOUT,
  );
});

describe('fuzzing the unit and number parsers', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    hostileString,
    fc
      .array(
        fc.constantFrom('t', 'MWh', 'kWh', '/', ' per ', '10^', '10⁴', '1,000', '萬', 'CO2e', 'M', 'm', ' '),
        {
          maxLength: 8,
        },
      )
      .map((parts) => parts.join('')),
  );

  it(
    'parseUnit and parseDecimal never throw and answer a value or a reason',
    () => {
      fc.assert(
        fc.property(anyText, (s) => {
          const u = parseUnit(s);
          if (u.ok) expect(u.unit.scale.isFinite() && u.unit.scale.greaterThan(0)).toBe(true);
          else expect(u.reason.length).toBeGreaterThan(0);
          const d = parseDecimal(s);
          if (d.ok) expect(d.value.isFinite() && d.value.abs().lessThanOrEqualTo('1e300')).toBe(true);
          else expect(d.reason.length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS * 5 },
      );
    },
    TIMEOUT,
  );

  it(
    'a label written in another case is refused or names the same unit (never another scale)',
    () => {
      const labels = ATOMIC_UNITS.flatMap((u) => [u.symbol, ...u.aliases]);
      const flipped = fc
        .tuple(fc.constantFrom(...labels), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
        .map(([label, flips]) => ({
          label,
          variant: [...label].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
        }));
      fc.assert(
        fc.property(flipped, ({ label, variant }) => {
          const a = parseUnit(label);
          const b = parseUnit(variant);
          if (!a.ok) throw new Error(a.reason);
          if (!b.ok) return;
          expect([variant, unitDimension(b.unit), b.unit.scale.toString()]).toEqual([
            variant,
            unitDimension(a.unit),
            a.unit.scale.toString(),
          ]);
        }),
        { numRuns: RUNS * 5 },
      );
    },
    TIMEOUT,
  );
});
