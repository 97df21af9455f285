/**
 * The CSV fast path for activity lines: raw rows → the stored text fields (core's
 * activityLineFields, in ACTIVITY_LINE_FIELDS order) without building ActivityLine objects or
 * Decimals. It accepts a batch only when every row is certainly valid and otherwise returns
 * undefined, so that the caller validates that batch with validateSlice (core's validateBundle),
 * which alone words the issues. Invariant (tested differentially against validateSlice): it
 * never accepts a batch core would reject, and every row it gives equals
 * activityLineFields(a) for the line `a` validateSlice yields for that row.
 */
import {
  ACTIVITY_LINE_COLUMNS,
  ACTIVITY_TYPES,
  type ActivityLineCheck,
  type ActivityType,
  activityLineCheck,
  columnOrder,
  type FactFields,
  FUEL_USES,
  type FuelUse,
  formatPairs,
  parseDecimal,
  parsePairs,
  parsePeriod,
  parseUnit,
  quantity,
  type RawRow,
  type Unit,
  validateBundle,
} from '@assay/core';
import { generatedIdPrefix, generatedLineId, type ImportContext, standardIndicators } from './fact-slice.js';
import { unneutralise } from './unneutralise.js';

/** What one file's rows are checked against, worked out once per file from its header and the store's settings. */
export type ActivityRowPlan = {
  readonly width: number;
  /** Column positions in the header; -1 for an absent optional column. */
  readonly at: Readonly<Record<Column, number>>;
  /** Entity id → the same id (the settings' string, so rows keep no cell text alive). */
  readonly entities: ReadonlyMap<string, string>;
  readonly years: readonly string[];
  /** Ids of rows without one: this prefix and the row's line (validateSlice's rule). */
  readonly idPrefix: string;
  /** Period text → itself when accepted, null when not; for the few distinct periods of a file (bounded). */
  readonly periods: Map<string, string | null>;
  /** Attributes text → its formatPairs text, or null when core rejects it (bounded). */
  readonly attributes: Map<string, string | null>;
  /** Core's check of what a line's method needs (validate/ activityLineCheck), under the store's methods. */
  readonly lineCheck: ActivityLineCheck;
  /** activity, subject, unit and attributes text → whether lineCheck passes such a line (bounded). */
  readonly measures: Map<string, boolean>;
};

type Column =
  | 'id'
  | 'entity'
  | 'period'
  | 'activity'
  | 'subject'
  | 'use'
  | 'amount'
  | 'unit'
  | 'attributes'
  | 'source'
  | 'evidence'
  | 'comment';
/** Core's columns of activity-lines.csv (the names Column lists). */
const COLUMNS = columnOrder(ACTIVITY_LINE_COLUMNS) as readonly Column[];

/** Each known value → the same text (core's constant, so rows keep no cell text alive). */
const ACTIVITIES: ReadonlyMap<string, string> = new Map(ACTIVITY_TYPES.map((a) => [a, a]));
const USES: ReadonlyMap<string, string> = new Map(FUEL_USES.map((u) => [u, u]));
/** Entries kept in a plan's period and attribute caches before they are cleared. */
const MAX_CACHED = 10_000;

/**
 * The plan for a file of activity lines, or undefined when core would report anything with no
 * row at all (bad store settings or catalogue additions, an unknown, repeated or missing column):
 * then every batch takes the validateSlice path.
 */
export function prepareActivityRows(
  ctx: ImportContext,
  file: string,
  header: readonly string[],
): ActivityRowPlan | undefined {
  const v = validateBundle(
    {
      settings: ctx.settings,
      ...(ctx.indicators ? { indicators: ctx.indicators } : {}),
      activityLines: { file, header, rows: [] },
    },
    standardIndicators(),
  );
  if (!v.ok) return undefined;
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;
  return {
    width: header.length,
    at,
    entities: new Map(v.bundle.organisation.entities.map((e) => [e.id, e.id])),
    years: [v.bundle.reporting.current, ...v.bundle.reporting.prior],
    idPrefix: generatedIdPrefix(file),
    periods: new Map(),
    attributes: new Map(),
    lineCheck: activityLineCheck({
      methods: v.bundle.methods,
      factors: v.bundle.factors,
      ...(v.bundle.registers.suppliers === undefined ? {} : { suppliers: v.bundle.registers.suppliers }),
    }),
    measures: new Map(),
  };
}

/**
 * The stored fields of every row, or undefined unless every row is certainly valid (then the
 * caller validates the batch with validateSlice). Cells are raw CSV text: unneutralised and
 * trimmed here as core reads them. Lines must increase (they do in a file), so that rows
 * without an id cannot share one.
 */
export function activityRowsFast(plan: ActivityRowPlan, rows: readonly RawRow[]): FactFields[] | undefined {
  const { width, at, entities, idPrefix } = plan;
  const out: FactFields[] = new Array(rows.length);
  // Ids given in the id column; core also counts "al-<line>" as the id of a row without one.
  const given = at.id >= 0 ? new Set<string>() : undefined;
  let givenLike = false; // some given id starts "al-", so it might equal a row's "al-<line>"
  let lastLine = -1;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as RawRow;
    const cells = row.cells;
    if (cells.length !== width || row.line <= lastLine) return undefined;
    lastLine = row.line;
    const entity = entities.get(cell(cells, at.entity));
    if (entity === undefined || entity === '') return undefined;
    const period = periodId(plan, cell(cells, at.period));
    if (period === null) return undefined;
    const activity = ACTIVITIES.get(cell(cells, at.activity));
    if (activity === undefined) return undefined;
    const subject = cell(cells, at.subject);
    if (subject === '') return undefined;
    const useText = cell(cells, at.use);
    let use: string | null;
    if (useText === '') use = activity === 'fuel' ? 'unspecified' : null;
    else if (activity === 'fuel') {
      use = USES.get(useText) ?? null;
      if (use === null) return undefined;
    } else return undefined;
    const amount = amountText(cell(cells, at.amount));
    // core refuses an amount below zero; amountText prints zero unsigned ("-0" → "0")
    if (amount === undefined || amount.charCodeAt(0) === MINUS) return undefined;
    const unitText = cell(cells, at.unit);
    if (unitText === '') return undefined;
    const unit = parseUnit(unitText);
    if (!unit.ok) return undefined;
    const attributes = attributesText(plan, cell(cells, at.attributes));
    if (attributes === null) return undefined;
    const source = cell(cells, at.source);
    if (source === '') return undefined;
    if (!measurable(plan, activity, subject, use, unit.unit, attributes)) return undefined;
    const evidence = cell(cells, at.evidence);
    const comment = cell(cells, at.comment);
    let id = cell(cells, at.id);
    if (id === '') id = generatedLineId(idPrefix, row.line);
    else if (given) {
      if (given.has(id)) return undefined;
      given.add(id);
      if (id.startsWith('al-')) givenLike = true;
    }
    out[k] = [
      id,
      entity,
      period,
      activity,
      subject,
      use,
      amount,
      unit.unit.symbol,
      attributes,
      source,
      evidence === '' ? null : evidence,
      comment === '' ? null : comment,
    ];
  }
  if (given && givenLike) {
    for (const row of rows)
      if (cell(row.cells, at.id) === '' && given.has(`al-${row.line}`)) return undefined;
  }
  return out;
}

const APOSTROPHE = 39;

/**
 * A cell as core reads it: the export's formula guard removed (unneutralise.ts: an apostrophe
 * before a formula start), then trimmed; '' for an absent column.
 */
function cell(cells: readonly string[], at: number): string {
  if (at < 0) return '';
  const raw = cells[at] as string;
  const first = raw.charCodeAt(0);
  if (first === APOSTROPHE) return unneutralise(raw).trim();
  // Printable ASCII at both ends (the usual cell): nothing to trim.
  return isPrintableAscii(first) && isPrintableAscii(raw.charCodeAt(raw.length - 1)) ? raw : raw.trim();
}

/** "!" to "~": not whitespace for String.prototype.trim (NaN, for an empty cell, is not either). */
function isPrintableAscii(c: number): boolean {
  return c > 32 && c < 127;
}

/** The period id (core's Period.id: the text itself), or null when core rejects the text. */
function periodId(plan: ActivityRowPlan, text: string): string | null {
  let id = plan.periods.get(text);
  if (id === undefined) {
    const p = parsePeriod(text);
    id = p !== undefined && plan.years.includes(String(p.year)) ? p.id : null;
    if (plan.periods.size >= MAX_CACHED) plan.periods.clear();
    plan.periods.set(text, id);
  }
  return id;
}

/** '' for none; null when core would reject the text. */
function attributesText(plan: ActivityRowPlan, text: string): string | null {
  if (text === '') return '';
  let t = plan.attributes.get(text);
  if (t === undefined) {
    const pairs = parsePairs(text);
    t = pairs.ok ? formatPairs(pairs.value) : null;
    if (plan.attributes.size >= MAX_CACHED) plan.attributes.clear();
    plan.attributes.set(text, t);
  }
  return t;
}

/**
 * Whether core's method check (units a method can convert, Scope 3 category and method) passes
 * a line of this activity, subject, unit and attributes; the amount and the rest do not matter to it.
 */
function measurable(
  plan: ActivityRowPlan,
  activity: string,
  subject: string,
  use: string | null,
  unit: Unit,
  attributes: string,
): boolean {
  const key = `${activity}\u0000${subject}\u0000${use ?? ''}\u0000${unit.symbol}\u0000${attributes}`;
  let ok = plan.measures.get(key);
  if (ok === undefined) {
    const pairs = parsePairs(attributes);
    ok =
      pairs.ok &&
      plan.lineCheck({
        id: '',
        entityId: '',
        periodId: '',
        activity: activity as ActivityType,
        subject,
        ...(use === null ? {} : { use: use as FuelUse }),
        amount: quantity('0', unit),
        attributes: pairs.value,
        source: '',
      }).length === 0;
    if (plan.measures.size >= MAX_CACHED) plan.measures.clear();
    plan.measures.set(key, ok);
  }
  return ok;
}

/**
 * An amount as decimal.js `toFixed()` prints it, or undefined when core would reject it.
 * Plain forms are canonicalised as text; anything else goes through core's parseDecimal.
 */
export function amountText(text: string): string | undefined {
  const plain = plainDecimal(text);
  if (plain !== undefined) return plain;
  if (text === '') return undefined;
  const d = parseDecimal(text);
  return d.ok ? d.value.toFixed() : undefined;
}

/**
 * Longest text canonicalised without a Decimal: a plain form this long has at most 300 integer
 * digits, so it stays below core's limit of 1e300 in magnitude.
 */
const MAX_PLAIN = 300;
const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const POINT = 46;

/**
 * Text of the form -?digits(.digits)? in decimal.js `toFixed()` form: leading zeros of the
 * integer part and trailing zeros of the fraction dropped, the point too when no fraction is
 * left, and zero unsigned ("-0.00" → "0"). Undefined for any other form.
 */
export function plainDecimal(t: string): string | undefined {
  const n = t.length;
  if (n === 0 || n > MAX_PLAIN) return undefined;
  const neg = t.charCodeAt(0) === MINUS;
  let i = neg ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(t.charCodeAt(i))) i++;
  const intEnd = i;
  if (intEnd === intStart) return undefined;
  let end = n; // end of the significant text
  if (i < n) {
    if (t.charCodeAt(i) !== POINT) return undefined;
    i++;
    if (i === n) return undefined; // "1." is valid for core; left to parseDecimal
    while (i < n && isDigit(t.charCodeAt(i))) i++;
    if (i !== n) return undefined;
    while (t.charCodeAt(end - 1) === ZERO) end--;
    if (end === intEnd + 1) end = intEnd; // no fraction digit left: drop the point
  }
  let start = intStart;
  while (start < intEnd - 1 && t.charCodeAt(start) === ZERO) start++;
  if (end === intEnd && start === intEnd - 1 && t.charCodeAt(start) === ZERO) return '0';
  if (!neg) return start === 0 && end === n ? t : t.slice(start, end);
  return start === 1 && end === n ? t : `-${t.slice(start, end)}`;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
