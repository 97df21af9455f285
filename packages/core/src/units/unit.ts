/**
 * A unit is a dimension vector, an exact scale to the base units and a display symbol.
 * Two units are interchangeable only by conversion: "per CNY" and "per CNY million" share
 * a dimension but differ in scale by 10⁶, so they are different units.
 */
import { Decimal } from '../decimal.js';
import { combineDimensions, type DimensionVector, dimensionKey } from './dimension.js';
import { AMBIGUOUS_LABELS, type AmbiguousLabel, ATOMIC_UNITS, type AtomicUnitSpec } from './unit-table.js';

export type Unit = {
  readonly symbol: string;
  readonly dims: DimensionVector;
  /** Value of one of this unit in base units (t, GJ, m³, tCO2e, CNY, 1, h, m², m). */
  readonly scale: Decimal;
};

export type UnitParse = { ok: true; unit: Unit } | { ok: false; reason: string };

function atomic(spec: AtomicUnitSpec): Unit {
  return {
    symbol: spec.symbol,
    dims: spec.dim === 'ratio' ? {} : { [spec.dim]: 1 },
    scale: new Decimal(spec.scale),
  };
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/**
 * Normalise a label for lookup. Powers of ten written with superscripts ("10⁴") become "10^4"
 * first, because NFKC alone would fold "10⁴" into "104".
 */
const normalise = (s: string): string =>
  s
    .replace(
      /10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g,
      (_, exp: string) => `10^${[...exp].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('')}`,
    )
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Lookup keyed by normalised label, case-sensitive: "mWh" is not "MWh" and "MT" is not "Mt".
 * SPELLING_BY_LOWER only words the error for a label that differs from a declared one by case.
 */
const BY_LABEL = new Map<string, Unit>();
const SPELLING_BY_LOWER = new Map<string, string>();
for (const spec of ATOMIC_UNITS) {
  const u = atomic(spec);
  for (const label of [spec.symbol, spec.zh, ...spec.aliases]) {
    const n = normalise(label);
    BY_LABEL.set(n, u);
    if (!SPELLING_BY_LOWER.has(n.toLowerCase())) SPELLING_BY_LOWER.set(n.toLowerCase(), label);
  }
}
/** Code points in the longest declared spelling (nearestSpellings skips labels far longer). */
const LONGEST_SPELLING = Math.max(...[...SPELLING_BY_LOWER.keys()].map((k) => [...k].length));
const AMBIGUOUS = new Map<string, AmbiguousLabel>(
  AMBIGUOUS_LABELS.flatMap((a) => a.labels.map((l) => [l, a] as const)),
);

/** The unit for a known atomic symbol; throws on a typo in code (a bug, not bad input). */
export function unitOf(symbol: string): Unit {
  const parsed = parseUnit(symbol);
  if (!parsed.ok) throw new Error(`unknown unit symbol in code: ${symbol}`);
  return parsed.unit;
}

function lookupAtomic(label: string): Unit | undefined {
  return BY_LABEL.get(normalise(label));
}

/** A multiplier, then the unit: "1,000 employees", "10^4 kWh" (normalised). */
const SCALED = /^(10\^\d+|\d[\d,]*)\s*(.+)$/;
/** Largest multiplier accepted before a unit; a zero or larger multiplier is not a unit. */
const MAX_MULTIPLIER = new Decimal('1e15');

/** "1,000 employees", "10⁴ kWh" when not in the table: a numeric multiplier before an atomic unit. */
function lookupScaled(label: string): Unit | undefined {
  const m = SCALED.exec(normalise(label));
  if (!m?.[1] || !m[2]) return undefined;
  const base = lookupAtomic(m[2]);
  if (!base) return undefined;
  const factor = parseMultiplier(m[1]);
  if (factor.isZero() || factor.greaterThan(MAX_MULTIPLIER)) return undefined;
  return { symbol: `${m[1]} ${base.symbol}`, dims: base.dims, scale: base.scale.times(factor) };
}

/** "10^4" (superscripts were rewritten by normalise) or a plain number such as "1,000". */
function parseMultiplier(text: string): Decimal {
  // Exponents beyond 15 are refused by the caller; cap here so pow stays small.
  if (text.startsWith('10^')) return new Decimal(10).pow(Math.min(Number(text.slice(3)), 16));
  return new Decimal(text.replace(/,/g, ''));
}

function lookupPart(label: string): Unit | undefined {
  return lookupAtomic(label) ?? lookupScaled(label);
}

/**
 * Parse a unit label: one atomic unit, or numerator "/" denominator where each side is an
 * atomic unit ("tCO2e/CNY million", "噸二氧化碳當量/百萬元", "kgce per kWh", "MWh/t").
 * A bare "per X" or "/X" means 1/X. Unknown labels are an error naming the label.
 */
export function parseUnit(label: string): UnitParse {
  // Imports parse the same few labels millions of times: remember the results (units are
  // immutable and shared already). Bounded, so arbitrary input cannot grow it without limit.
  let r = PARSED.get(label);
  if (r === undefined) {
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    r = parseUnitUncached(label);
    PARSED.set(label, r);
  }
  return r;
}

const PARSED = new Map<string, UnitParse>();
const MAX_PARSED = 10_000;

function parseUnitUncached(label: string): UnitParse {
  // A declared label is itself before "per" is read as "/" ("per mille" is ‰, not 1/mille).
  const declared = lookupPart(normalise(label));
  if (declared) return { ok: true, unit: declared };
  const text = normalise(label)
    .replace(/／/g, '/')
    .replace(/\s+per\s+/gi, '/')
    .replace(/^per\s+/i, '/');
  if (text === '') return { ok: false, reason: 'empty unit' };
  const whole = lookupPart(text);
  if (whole) return { ok: true, unit: whole };
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: unknownReason(text, `"${label}"`) };
  const numText = text.slice(0, slash).trim();
  const denText = text.slice(slash + 1).trim();
  const num = numText === '' || numText === '1' ? dimensionless : lookupPart(numText);
  const den = lookupPart(denText);
  if (!num) return { ok: false, reason: unknownReason(numText, `"${numText}" in "${label}"`) };
  if (!den) return { ok: false, reason: unknownReason(denText, `"${denText}" in "${label}"`) };
  return { ok: true, unit: divideUnits(num, den) };
}

/**
 * Why a (normalised) label part is not a unit: ambiguous, a case variant of a declared spelling
 * (suggested, never accepted), or unknown. `where` quotes it for the message.
 */
function unknownReason(text: string, where: string): string {
  const scaled = SCALED.exec(text);
  const prefix = scaled?.[1] && scaled[2] ? `${scaled[1]} ` : '';
  const rest = prefix === '' ? text : (scaled?.[2] as string);
  const ambiguous = AMBIGUOUS.get(text.toLowerCase()) ?? AMBIGUOUS.get(rest.toLowerCase());
  if (ambiguous) return `unit ${where} is ambiguous (${ambiguous.meanings}): write ${ambiguous.advice}`;
  const whole = SPELLING_BY_LOWER.get(text.toLowerCase());
  const base = SPELLING_BY_LOWER.get(rest.toLowerCase());
  const hint = whole ?? (prefix !== '' && base !== undefined ? `${prefix}${base}` : undefined);
  if (hint !== undefined && normalise(hint) !== text) return `unknown unit ${where}: did you mean "${hint}"?`;
  const near = nearestSpellings(text);
  return near.length === 0
    ? `unknown unit ${where}`
    : `unknown unit ${where}; nearest known: ${near.map((n) => `"${n}"`).join(', ')}`;
}

/**
 * Up to three declared spellings within a small edit distance of an unknown label (case
 * ignored): 1 for labels of 3–5 characters, 2 for longer ones, none for shorter ones, so that
 * "tonns" names "tons" and "tonnes" but "xyz" names nothing. Closest first, then alphabetical.
 */
export function nearestSpellings(text: string): string[] {
  const lower = [...text.toLowerCase()];
  const length = lower.length;
  const limit = length < 3 ? 0 : length <= 5 ? 1 : 2;
  // No declared spelling is that long: a hostile 100,000-character label took 2–5 s here when
  // each candidate split it into code points again (validate-bundle.fuzz.test.ts).
  if (limit === 0 || length > LONGEST_SPELLING + limit) return [];
  const found: { label: string; distance: number }[] = [];
  for (const [candidate, label] of SPELLING_BY_LOWER) {
    const d = boundedEditDistance(lower, [...candidate], limit);
    if (d <= limit) found.push({ label, distance: d });
  }
  return found
    .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label))
    .slice(0, 3)
    .map((f) => f.label);
}

/** Levenshtein distance by code point, or limit + 1 as soon as it must exceed limit. */
function boundedEditDistance(x: readonly string[], y: readonly string[], limit: number): number {
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[y.length] as number;
}

const dimensionless: Unit = { symbol: '1', dims: {}, scale: new Decimal(1) };

/** Compound units are cached per operand pair, so equal compounds are the same object. */
const PRODUCTS = new WeakMap<Unit, Map<Unit, Unit>>();
const QUOTIENTS = new WeakMap<Unit, Map<Unit, Unit>>();

function cached(table: WeakMap<Unit, Map<Unit, Unit>>, a: Unit, b: Unit, make: () => Unit): Unit {
  let m = table.get(a);
  if (!m) {
    m = new Map();
    table.set(a, m);
  }
  let u = m.get(b);
  if (!u) {
    u = make();
    m.set(b, u);
  }
  return u;
}

export function multiplyUnits(a: Unit, b: Unit): Unit {
  if (a.symbol === '1') return b;
  if (b.symbol === '1') return a;
  return cached(PRODUCTS, a, b, () => ({
    symbol: `${a.symbol}·${b.symbol}`,
    dims: combineDimensions(a.dims, b.dims, 1),
    scale: a.scale.times(b.scale),
  }));
}

export function divideUnits(a: Unit, b: Unit): Unit {
  return cached(QUOTIENTS, a, b, () => ({
    symbol: b.symbol === '1' ? a.symbol : `${a.symbol === '1' ? '1' : a.symbol}/${b.symbol}`,
    dims: combineDimensions(a.dims, b.dims, -1),
    scale: a.scale.dividedBy(b.scale),
  }));
}

const DIMENSION_KEYS = new WeakMap<Unit, string>();

export function unitDimension(u: Unit): string {
  let k = DIMENSION_KEYS.get(u);
  if (k === undefined) {
    k = dimensionKey(u.dims);
    DIMENSION_KEYS.set(u, k);
  }
  return k;
}

/** Same dimension and same scale: the numbers can be compared without conversion. */
export function unitsEqual(a: Unit, b: Unit): boolean {
  return unitDimension(a) === unitDimension(b) && a.scale.equals(b.scale);
}

/** Chinese label of a unit built from atomic symbols, for bilingual output. */
export function unitLabelZh(u: Unit): string {
  return u.symbol
    .split('/')
    .map((part) => ATOMIC_UNITS.find((s) => s.symbol === part)?.zh ?? part)
    .join('/');
}
