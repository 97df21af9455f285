/**
 * Raw meter register rows → validated meters, naming every problem (file, row, field) rather
 * than stopping at the first. Nothing is returned unless the register is wholly valid.
 */
import { Decimal, parseDecimal } from '../decimal.js';
import { parseUnit, type Unit, unitDimension, unitOf } from '../units/unit.js';
import {
  METER_CARRIERS,
  type Meter,
  type MeterCarrier,
  type MeterIssue,
  type MeterMode,
  type MeterReplacement,
} from './meter.js';
import { parseInstant, parseOffset } from './timestamp.js';

/** Columns of meters.csv (the register's meter table). */
export const METER_COLUMNS = [
  'id',
  'site',
  'carrier',
  'unit',
  'multiplier',
  'mode',
  'interval_minutes',
  'rollover_at',
  'parent',
  'utility_account',
  'utc_offset',
  'installed',
  'removed',
] as const;
/** Columns of meter-replacements.csv. */
export const REPLACEMENT_COLUMNS = ['meter', 'at', 'old_last_reading', 'new_first_reading'] as const;

export type MeterRow = Readonly<Partial<Record<(typeof METER_COLUMNS)[number], string>>>;
export type ReplacementRow = Readonly<Partial<Record<(typeof REPLACEMENT_COLUMNS)[number], string>>>;

export type MeterRegisterInput = {
  readonly meters: readonly MeterRow[];
  readonly replacements: readonly ReplacementRow[];
  /** File names used in issues. */
  readonly metersFile?: string;
  readonly replacementsFile?: string;
  /** The organisation's entity ids; when given, every site must be one. */
  readonly siteIds?: ReadonlySet<string>;
};

export type MeterRegisterResult =
  | { ok: true; meters: readonly Meter[] }
  | { ok: false; issues: readonly MeterIssue[] };

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const dim = (symbol: string): string => unitDimension(unitOf(symbol));
const ENERGY = dim('GJ');
const VOLUME = dim('m³');
const MASS = dim('t');
/** Which unit dimensions each carrier's meter may read in. */
const CARRIER_DIMENSIONS: Readonly<Record<MeterCarrier, readonly string[]>> = {
  electricity: [ENERGY],
  'natural-gas': [VOLUME, ENERGY, MASS],
  steam: [MASS, ENERGY],
  heat: [ENERGY],
  'chilled-water': [ENERGY],
  water: [VOLUME],
  diesel: [VOLUME, MASS],
  gasoline: [VOLUME, MASS],
  lpg: [VOLUME, MASS],
  'fuel-oil': [VOLUME, MASS],
};

type Draft = {
  row: number;
  id: string;
  siteId: string;
  carrier: MeterCarrier;
  unit: Unit;
  multiplier: Decimal;
  mode: MeterMode;
  intervalMinutes: number | null;
  rolloverAt: Decimal | null;
  parentId: string | null;
  utilityAccount: string | null;
  utcOffsetMinutes: number;
  installed: number | null;
  removed: number | null;
};

export function validateMeterRegister(input: MeterRegisterInput): MeterRegisterResult {
  const file = input.metersFile ?? 'meters.csv';
  const rfile = input.replacementsFile ?? 'meter-replacements.csv';
  const issues: MeterIssue[] = [];
  const drafts = new Map<string, Draft>();
  input.meters.forEach((raw, i) => {
    const row = i + 2;
    const bad = (field: string, message: string): void => {
      issues.push({ file, row, field, message });
    };
    const text = (f: (typeof METER_COLUMNS)[number]): string => (raw[f] ?? '').trim();
    const id = text('id');
    if (!ID.test(id))
      bad(
        'id',
        id === ''
          ? 'a meter needs an id'
          : `"${id}" is not a valid meter id (letters, digits, . _ : -; at most 100)`,
      );
    else if (drafts.has(id)) bad('id', `meter "${id}" is listed twice (first on row ${drafts.get(id)?.row})`);
    const siteId = text('site');
    if (siteId === '') bad('site', 'a meter needs a site (an entity id)');
    else if (input.siteIds && !input.siteIds.has(siteId))
      bad('site', `site "${siteId}" is not an entity of the organisation`);
    const carrierText = text('carrier');
    const carrier = (METER_CARRIERS as readonly string[]).includes(carrierText)
      ? (carrierText as MeterCarrier)
      : null;
    if (!carrier) bad('carrier', `"${carrierText}" is not a carrier (one of ${METER_CARRIERS.join(', ')})`);
    const unitText = text('unit');
    const unit = parseUnit(unitText);
    if (!unit.ok) bad('unit', unitText === '' ? 'a meter needs a unit' : unit.reason);
    else if (carrier && !CARRIER_DIMENSIONS[carrier].includes(unitDimension(unit.unit)))
      bad('unit', `a ${carrier} meter cannot read in ${unit.unit.symbol}`);
    const multText = text('multiplier') || '1';
    const mult = parseDecimal(multText);
    if (!mult.ok) bad('multiplier', mult.reason);
    else if (!mult.value.greaterThan(0)) bad('multiplier', `the multiplier must be above 0, not ${multText}`);
    const modeText = text('mode');
    const mode = modeText === 'cumulative' || modeText === 'interval' ? modeText : null;
    if (!mode) bad('mode', `mode must be "cumulative" or "interval", not "${modeText}"`);
    const ivText = text('interval_minutes');
    let intervalMinutes: number | null = null;
    if (ivText !== '') {
      intervalMinutes = /^\d{1,5}$/.test(ivText) ? Number(ivText) : Number.NaN;
      if (!(intervalMinutes >= 1 && intervalMinutes <= 1440 && 1440 % intervalMinutes === 0))
        bad('interval_minutes', `"${ivText}" is not a whole number of minutes dividing a day (1–1440)`);
    } else if (mode === 'interval')
      bad('interval_minutes', 'an interval meter needs its interval in minutes');
    const roText = text('rollover_at');
    let rolloverAt: Decimal | null = null;
    if (roText !== '') {
      const r = parseDecimal(roText);
      if (!r.ok) bad('rollover_at', r.reason);
      else if (!r.value.greaterThan(0)) bad('rollover_at', 'the roll-over value must be above 0');
      else if (mode === 'interval') bad('rollover_at', 'only a cumulative register rolls over');
      else rolloverAt = r.value;
    }
    const offText = text('utc_offset');
    const off = parseOffset(offText);
    if (off === null) bad('utc_offset', `"${offText}" is not a UTC offset (e.g. +08:00)`);
    const when = (f: 'installed' | 'removed'): number | null => {
      const t = text(f);
      if (t === '') return null;
      const p = parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00${offText || 'Z'}` : t);
      if (!p.ok) {
        bad(f, p.reason);
        return null;
      }
      return p.instant.epochSeconds;
    };
    const installed = when('installed');
    const removed = when('removed');
    if (installed !== null && removed !== null && removed <= installed)
      bad('removed', 'the meter is removed before it was installed');
    if (ID.test(id) && !drafts.has(id) && carrier && unit.ok && mult.ok && mode && off !== null)
      drafts.set(id, {
        row,
        id,
        siteId,
        carrier,
        unit: unit.unit,
        multiplier: mult.value,
        mode,
        intervalMinutes: Number.isNaN(intervalMinutes) ? null : intervalMinutes,
        rolloverAt,
        parentId: text('parent') || null,
        utilityAccount: text('utility_account') || null,
        utcOffsetMinutes: off,
        installed,
        removed,
      });
  });
  checkTree(drafts, file, issues);
  const replacements = validateReplacements(input.replacements, drafts, rfile, issues);
  if (issues.length > 0) return { ok: false, issues };
  const meters = [...drafts.values()].map(({ row: _row, ...d }) => ({
    ...d,
    replacements: replacements.get(d.id) ?? [],
  }));
  return { ok: true, meters };
}

/** Parents exist, are on the same site, carrier and dimension, and form no cycle; a site has one offset. */
function checkTree(drafts: ReadonlyMap<string, Draft>, file: string, issues: MeterIssue[]): void {
  const siteOffset = new Map<string, Draft>();
  const siteCarrier = new Map<string, Draft>();
  for (const d of drafts.values()) {
    // one line per site and carrier sums its meters: they must convert into one another
    const sc = siteCarrier.get(`${d.siteId}\u0000${d.carrier}`);
    if (!sc) siteCarrier.set(`${d.siteId}\u0000${d.carrier}`, d);
    else if (unitDimension(sc.unit) !== unitDimension(d.unit))
      issues.push({
        file,
        row: d.row,
        field: 'unit',
        message: `${d.carrier} on site "${d.siteId}" is read in ${sc.unit.symbol} on row ${sc.row}; ${d.unit.symbol} does not convert to it`,
      });
    const first = siteOffset.get(d.siteId);
    if (!first) siteOffset.set(d.siteId, d);
    else if (first.utcOffsetMinutes !== d.utcOffsetMinutes)
      issues.push({
        file,
        row: d.row,
        field: 'utc_offset',
        message: `site "${d.siteId}" has another UTC offset on row ${first.row}`,
      });
    if (d.parentId === null) continue;
    const p = drafts.get(d.parentId);
    const bad = (message: string): void => {
      issues.push({ file, row: d.row, field: 'parent', message });
    };
    if (!p) bad(`parent meter "${d.parentId}" is not in the register`);
    else if (p.id === d.id) bad('a meter cannot be its own parent');
    else if (p.siteId !== d.siteId) bad(`parent meter "${p.id}" is on site "${p.siteId}", not "${d.siteId}"`);
    else if (p.carrier !== d.carrier) bad(`parent meter "${p.id}" measures ${p.carrier}, not ${d.carrier}`);
    else if (unitDimension(p.unit) !== unitDimension(d.unit))
      bad(`parent meter "${p.id}" reads in ${p.unit.symbol}, which cannot be compared with ${d.unit.symbol}`);
    else {
      // walk up: a cycle returns to d
      const seen = new Set([d.id]);
      let cur: Draft | undefined = p;
      while (cur?.parentId) {
        if (seen.has(cur.id)) break;
        seen.add(cur.id);
        if (cur.parentId === d.id) {
          bad(`meter "${d.id}" is its own ancestor through "${cur.id}"`);
          break;
        }
        cur = drafts.get(cur.parentId);
      }
    }
  }
}

function validateReplacements(
  rows: readonly ReplacementRow[],
  drafts: ReadonlyMap<string, Draft>,
  file: string,
  issues: MeterIssue[],
): Map<string, MeterReplacement[]> {
  const out = new Map<string, MeterReplacement[]>();
  rows.forEach((raw, i) => {
    const row = i + 2;
    const bad = (field: string, message: string): void => {
      issues.push({ file, row, field, message });
    };
    const meterId = (raw.meter ?? '').trim();
    const m = drafts.get(meterId);
    if (!m) bad('meter', `meter "${meterId}" is not in the register (or its row has problems)`);
    else if (m.mode !== 'cumulative')
      bad(
        'meter',
        `meter "${meterId}" reads interval consumption; only a cumulative register is replaced with readings`,
      );
    const atText = (raw.at ?? '').trim();
    const at = parseInstant(atText);
    if (!at.ok) bad('at', at.reason);
    else if (
      m &&
      ((m.installed !== null && at.instant.epochSeconds <= m.installed) ||
        (m.removed !== null && at.instant.epochSeconds >= m.removed))
    )
      bad('at', `the replacement at ${atText} is outside the meter's service dates`);
    const num = (f: 'old_last_reading' | 'new_first_reading'): Decimal | null => {
      const p = parseDecimal(raw[f] ?? '');
      if (!p.ok) bad(f, p.reason);
      else if (p.value.isNegative()) bad(f, 'a register reading cannot be below 0');
      else return p.value;
      return null;
    };
    const oldLast = num('old_last_reading');
    const newFirst = num('new_first_reading');
    if (!m || !at.ok || !oldLast || !newFirst) return;
    const list = out.get(meterId) ?? [];
    if (list.some((r) => r.at === at.instant.epochSeconds))
      bad('at', `meter "${meterId}" already has a replacement at ${atText}`);
    list.push({ at: at.instant.epochSeconds, atText, oldLastReading: oldLast, newFirstReading: newFirst });
    out.set(meterId, list);
  });
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

/** The register's sub-meters by parent id. */
export function meterChildren(meters: readonly Meter[]): Map<string, Meter[]> {
  const out = new Map<string, Meter[]>();
  for (const m of meters) {
    if (m.parentId === null) continue;
    const l = out.get(m.parentId) ?? [];
    l.push(m);
    out.set(m.parentId, l);
  }
  return out;
}

export const ZERO = new Decimal(0);
