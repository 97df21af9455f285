/**
 * The long readings CSV read into columns (issue #22; docs/meters.md "Files"): the same file
 * format, the same rows and the same named bad rows as readMeterReadingsCsv (readings-csv.ts),
 * for the bulk import: no object or string per reading. Lines are scanned as bytes; a line of
 * only plain characters (letters, digits, `, . : + - _`) whose meter is known, whose timestamp
 * is the one of the line before (a time-major export writes one instant for every meter) or
 * parses, and whose value is a plain decimal goes straight into typed arrays. Any other line
 * (spaces, quotes, non-ASCII, a field count, an unknown meter, a bad timestamp or value, a long
 * line) is decoded and handled by readMeterReadingsCsv's own line logic, so the result and every
 * message are the same. All or nothing as there: after the first bad row nothing is yielded, the
 * rest is read to name the others, and MeterReadingsRejected is thrown.
 * A batch's arrays are reused: they stay as yielded until two more batches have been taken (the
 * import encodes each batch as it comes; a caller that keeps batches copies them).
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseInstant } from '@assay/core';
import type { ImportIssue } from '../import/limits.js';
import { MAX_LISTED, METER_ID, MeterReadingsRejected, type ReadingRow } from './reading-row.js';
import {
  READINGS_CSV_LIMITS,
  type ReadingParseCache,
  type ReadingsCsvOptions,
  readingOf,
  readingsHeader,
  splitLine,
} from './readings-csv.js';

/** Readings of one batch, column by column (the store's ReadingColumns: binary COPY from it). */
export type ReadingColumnBatch = {
  readonly kind: 'columns';
  readonly length: number;
  /** Meter ids by index, in the order they first appear in the file. */
  readonly meterIds: readonly string[];
  readonly meter: Uint32Array;
  /** Seconds since 1970-01-01T00:00Z. */
  readonly epochSeconds: Float64Array;
  /** The UTC offset each timestamp was written with, minutes. */
  readonly offsetMinutes: Int16Array;
  /** Values' decimal text (ASCII) back to back; reading i ends at valueEnds[i]. */
  readonly valueBytes: Uint8Array;
  readonly valueEnds: Uint32Array;
  /** 1-based line of each reading. */
  readonly rows: Float64Array;
};

const { maxLine: MAX_LINE, maxBytes: MAX_BYTES, maxRows: MAX_ROWS } = READINGS_CSV_LIMITS;
/** Bytes of a line kept to tell its length in characters (UTF-8: at most 4 bytes a character). */
const MAX_LINE_BYTES = 4 * (MAX_LINE + 1);
const NL = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;

/** Bytes a fast line may hold: letters, digits, `+ , - . : _`. */
const PLAIN = new Uint8Array(256);
for (const c of '+,-.:_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
  PLAIN[c.charCodeAt(0)] = 1;

/** Growable column arrays of one batch. */
class Columns {
  length = 0;
  meter: Uint32Array;
  epochSeconds: Float64Array;
  offsetMinutes: Int16Array;
  valueBytes: Uint8Array;
  valueEnds: Uint32Array;
  rows: Float64Array;
  constructor(readonly capacity: number) {
    this.meter = new Uint32Array(capacity);
    this.epochSeconds = new Float64Array(capacity);
    this.offsetMinutes = new Int16Array(capacity);
    this.valueBytes = new Uint8Array(capacity * 12);
    this.valueEnds = new Uint32Array(capacity);
    this.rows = new Float64Array(capacity);
  }
  push(
    meter: number,
    epoch: number,
    offset: number,
    bytes: Uint8Array,
    s: number,
    e: number,
    row: number,
  ): void {
    const i = this.length++;
    const from = i === 0 ? 0 : (this.valueEnds[i - 1] as number);
    const to = from + (e - s);
    if (to > this.valueBytes.length) {
      const grown = new Uint8Array(Math.max(to, this.valueBytes.length * 2));
      grown.set(this.valueBytes.subarray(0, from));
      this.valueBytes = grown;
    }
    this.valueBytes.set(bytes.subarray(s, e), from);
    this.meter[i] = meter;
    this.epochSeconds[i] = epoch;
    this.offsetMinutes[i] = offset;
    this.valueEnds[i] = to;
    this.rows[i] = row;
  }
  batch(meterIds: readonly string[]): ReadingColumnBatch {
    return {
      kind: 'columns',
      length: this.length,
      meterIds,
      meter: this.meter,
      epochSeconds: this.epochSeconds,
      offsetMinutes: this.offsetMinutes,
      valueBytes: this.valueBytes,
      valueEnds: this.valueEnds,
      rows: this.rows,
    };
  }
}

/** `[+-]?(\d{1,30}(\.\d{0,30})?|\.\d{1,30})` (reading-row.ts PLAIN_DECIMAL) over bytes. */
function plainDecimal(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  if (i < e && (b[i] === 0x2b || b[i] === 0x2d)) i++;
  let int = 0;
  while (i < e && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) {
    i++;
    int++;
  }
  if (int > 30) return false;
  if (i === e) return int > 0;
  if (b[i] !== 0x2e) return false;
  i++;
  let frac = 0;
  while (i < e && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) {
    i++;
    frac++;
  }
  return i === e && frac <= 30 && int + frac > 0;
}

export async function* readMeterReadingColumns(
  path: string,
  options: ReadingsCsvOptions & {
    /** Bytes read at a time (1 MiB; small in tests, so lines cross reads). */
    readonly chunkBytes?: number;
  } = {},
): AsyncGenerator<ReadingColumnBatch> {
  const file = options.file ?? basename(path);
  const batchRows = options.batchRows ?? 50_000;
  const maxRows = options.maxRows ?? MAX_ROWS;
  const register = options.meterIds;
  const issues: ImportIssue[] = [];
  let more = 0;
  const bad = (row: number | undefined, column: string | undefined, reason: string): void => {
    if (issues.length >= MAX_LISTED) more++;
    else
      issues.push({
        file,
        ...(row === undefined ? {} : { row }),
        ...(column === undefined ? {} : { column }),
        reason,
      });
  };
  const size = (await stat(path)).size;
  if (size > (options.maxBytes ?? MAX_BYTES)) {
    bad(undefined, undefined, `file is ${size} bytes; the limit is ${options.maxBytes ?? MAX_BYTES}`);
    throw new MeterReadingsRejected(file, issues, 0);
  }

  let cols: { meter: number; timestamp: number; value: number } | null = null;
  let width = 0;
  let rows = 0;
  let n = 0;
  // meters of this file by index, and their bytes (to recognise the next line's meter without a string)
  const meterIds: string[] = [];
  const meterBytes: Buffer[] = [];
  const meterIndex = new Map<string, number>();
  let lastMeter = -1;
  // the last timestamp's bytes and what they parsed to
  const tsBytes = Buffer.alloc(64);
  let tsLen = -1;
  let tsEpoch = 0;
  let tsOffset = 0;
  const slowCache: ReadingParseCache = { atText: '', at: null, ids: new Set() };
  // arrays are reused: a batch's are written again only after two later batches were taken
  const free: Columns[] = [];
  const taken: Columns[] = [];
  const fresh = (): Columns => {
    const c = free.pop() ?? new Columns(batchRows);
    c.length = 0;
    return c;
  };
  let out = fresh();
  const ready: [Columns, ReadingColumnBatch][] = [];

  const indexOf = (id: string): number => {
    let k = meterIndex.get(id);
    if (k === undefined) {
      k = meterIds.length;
      meterIds.push(id);
      meterBytes.push(Buffer.from(id, 'latin1'));
      meterIndex.set(id, k);
    }
    return k;
  };
  const add = (meter: number, epoch: number, offset: number, b: Uint8Array, s: number, e: number): void => {
    if (issues.length > 0) return;
    out.push(meter, epoch, offset, b, s, e, n);
    if (out.length >= batchRows) {
      ready.push([out, out.batch(meterIds.slice())]);
      out = fresh();
    }
  };

  /** readMeterReadingsCsv's handling of one decoded line (header, width, fields, messages). */
  const slowLine = (text: string): 'stop' | undefined => {
    if (text === '') return undefined;
    if (text.length > MAX_LINE) {
      bad(n, undefined, `the line is longer than ${MAX_LINE} characters`);
      return undefined;
    }
    const cells = splitLine(text);
    if (cols === null) {
      if (cells === null) {
        bad(1, undefined, 'the header has a quote; it should be meter,timestamp,value');
        return 'stop';
      }
      cols = readingsHeader(cells, (column, reason) => bad(1, column, reason));
      width = cells.length;
      return cols === null ? 'stop' : undefined;
    }
    if (++rows > maxRows) {
      bad(n, undefined, `more than ${maxRows} readings in one file; split it`);
      return 'stop';
    }
    if (cells === null) {
      bad(n, undefined, 'a quote inside a field (no field of a reading needs quoting)');
      return undefined;
    }
    if (cells.length !== width) {
      bad(n, undefined, `${cells.length} fields where the header has ${width}`);
      return undefined;
    }
    const r: ReadingRow | null = readingOf(cells, cols, n, register, bad, slowCache);
    if (r === null) return undefined;
    const v = Buffer.from(r.value, 'latin1');
    add(indexOf(r.meterId), r.epochSeconds, r.offsetMinutes, v, 0, v.length);
    return undefined;
  };

  /** One line's bytes b[s, e) (no line end). */
  const line = (b: Buffer, s: number, e: number): 'stop' | undefined => {
    if (e > s && b[e - 1] === CR) e--;
    if (cols === null || e - s > MAX_LINE)
      return slowLine(b.toString('utf8', s, Math.min(e, s + MAX_LINE_BYTES)));
    // fields by their two commas; anything unusual goes the slow way
    let c1 = -1;
    let c2 = -1;
    for (let i = s; i < e; i++) {
      const x = b[i] as number;
      if (PLAIN[x] === 0) return slowLine(b.toString('utf8', s, e));
      if (x === COMMA) {
        if (c1 < 0) c1 = i;
        else if (c2 < 0) c2 = i;
        else return slowLine(b.toString('utf8', s, e));
      }
    }
    if (c2 < 0 || width !== 3) return slowLine(b.toString('utf8', s, e));
    // field k of the three spans [start(k), end(k))
    const ms = cols.meter === 0 ? s : cols.meter === 1 ? c1 + 1 : c2 + 1;
    const me = cols.meter === 0 ? c1 : cols.meter === 1 ? c2 : e;
    const ts = cols.timestamp === 0 ? s : cols.timestamp === 1 ? c1 + 1 : c2 + 1;
    const te = cols.timestamp === 0 ? c1 : cols.timestamp === 1 ? c2 : e;
    const vs = cols.value === 0 ? s : cols.value === 1 ? c1 + 1 : c2 + 1;
    const ve = cols.value === 0 ? c1 : cols.value === 1 ? c2 : e;
    // the meter: the one after the last (a time-major export), else by its id
    let meter = lastMeter + 1 < meterBytes.length ? lastMeter + 1 : 0;
    const guess = meterBytes[meter];
    let known = guess !== undefined && guess.length === me - ms;
    for (let i = 0; known && i < me - ms; i++) known = guess?.[i] === b[ms + i];
    if (!known) {
      const id = b.toString('latin1', ms, me);
      const k = meterIndex.get(id);
      if (k !== undefined) meter = k;
      else if (METER_ID.test(id) && (!register || register.has(id))) meter = indexOf(id);
      else return slowLine(b.toString('utf8', s, e));
    }
    // the timestamp: the last one's bytes again, else parsed
    const tl = te - ts;
    let same = tl === tsLen;
    for (let i = 0; same && i < tl; i++) same = tsBytes[i] === b[ts + i];
    if (!same) {
      const p = parseInstant(b.toString('latin1', ts, te));
      if (!p.ok || tl > tsBytes.length) return slowLine(b.toString('utf8', s, e));
      b.copy(tsBytes, 0, ts, te);
      tsLen = tl;
      tsEpoch = p.instant.epochSeconds;
      tsOffset = p.instant.offsetMinutes;
    }
    if (!plainDecimal(b, vs, ve)) return slowLine(b.toString('utf8', s, e));
    if (++rows > maxRows) {
      bad(n, undefined, `more than ${maxRows} readings in one file; split it`);
      return 'stop';
    }
    lastMeter = meter;
    add(meter, tsEpoch, tsOffset, b, vs, ve);
    return undefined;
  };

  let carry: Buffer | null = null;
  let carryLong = false;
  let first = true;
  // one read buffer, filled again for each piece (what a batch keeps of it is copied)
  const handle = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      let b = buffer.subarray(0, bytesRead);
      if (first) {
        if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
        first = false;
      }
      let from = 0;
      for (let nl = b.indexOf(NL); nl !== -1; nl = b.indexOf(NL, from)) {
        n++;
        let r: 'stop' | undefined;
        if (carry !== null) {
          const whole: Buffer = carryLong ? carry : Buffer.concat([carry, b.subarray(from, nl)]);
          carry = null;
          carryLong = false;
          r = line(whole, 0, Math.min(whole.length, MAX_LINE_BYTES));
        } else r = line(b, from, nl);
        if (r === 'stop') throw new MeterReadingsRejected(file, issues, more);
        from = nl + 1;
      }
      if (from < b.length) {
        // an unfinished line: keep at most enough of it to tell its length
        const rest = b.subarray(from, Math.min(b.length, from + MAX_LINE_BYTES + 1));
        carry = carry === null ? Buffer.from(rest) : carryLong ? carry : Buffer.concat([carry, rest]);
        if (carry.length > MAX_LINE_BYTES) carryLong = true;
      }
      // nothing is yielded once a bad row was seen (the batches read before it are dropped)
      if (issues.length > 0) ready.length = 0;
      for (let next = ready.shift(); next !== undefined; next = ready.shift()) {
        yield next[1];
        taken.push(next[0]);
        if (taken.length > 2) free.push(taken.shift() as Columns);
      }
    }
  } finally {
    await handle.close();
  }
  if (carry !== null) {
    n++;
    if (line(carry, 0, Math.min(carry.length, MAX_LINE_BYTES)) === 'stop')
      throw new MeterReadingsRejected(file, issues, more);
  }
  if (cols === null) bad(1, undefined, 'the file is empty; it needs the header meter,timestamp,value');
  if (issues.length > 0) throw new MeterReadingsRejected(file, issues, more);
  if (out.length > 0) yield out.batch(meterIds.slice());
}
