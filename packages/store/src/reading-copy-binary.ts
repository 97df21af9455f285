/**
 * Meter readings as PostgreSQL's binary COPY (https://www.postgresql.org/docs/15/sql-copy.html,
 * "Binary Format"), written from the columns a fast reader gives (no object per reading). The
 * server then parses no timestamp or decimal text: `at` goes as int64 microseconds since
 * 2000-01-01T00:00Z, `value` as numeric's own form (base-10000 digit groups, weight, sign,
 * display scale), which the server normalises exactly as numeric_in would the same text (leading
 * and trailing zero groups dropped, −0 as 0, the scale as written: "1.50" stays 1.50).
 *
 * Row layout (5 fields): meter_id text, at timestamptz, utc_offset_minutes smallint,
 * value numeric, and an int8 last column (the file id, or the line when staging).
 */

/** Readings of one batch, column by column (io meters/readings-columns.ts builds them). */
export type ReadingColumns = {
  readonly kind: 'columns';
  /** Readings in this batch (the typed arrays may be longer). */
  readonly length: number;
  /** Meter ids by index (validated ids: letters, digits, `. _ : -`). */
  readonly meterIds: readonly string[];
  /** Per reading: its meter's index in meterIds. */
  readonly meter: Uint32Array;
  /** Per reading: seconds since 1970-01-01T00:00Z (an integer). */
  readonly epochSeconds: Float64Array;
  /** Per reading: the UTC offset it was written with, minutes. */
  readonly offsetMinutes: Int16Array;
  /** All values' decimal text, ASCII, back to back: reading i is valueBytes[valueEnds[i − 1] (0 for the first) … valueEnds[i]). */
  readonly valueBytes: Uint8Array;
  readonly valueEnds: Uint32Array;
  /** Per reading: its line (CSV) or row (sheet) in the file. */
  readonly rows: Float64Array;
};

/** "PGCOPY\n\377\r\n\0", flags 0, header extension length 0. */
const HEADER = Uint8Array.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
/** 2000-01-01T00:00:00Z in seconds since 1970: PostgreSQL's timestamp epoch. */
const PG_EPOCH = 946_684_800;
const TWO_32 = 4_294_967_296;
const NUMERIC_NEG = 0x4000;

/**
 * One COPY's worth of binary data for the batch; `last` is the file id (a number for every row)
 * or 'line' (each reading's line, for the staging table). Bytes are written by hand (big-endian),
 * not by Buffer's checked writers: this runs once per reading.
 */
export function readingsBinaryCopy(
  c: ReadingColumns,
  last: number | 'line',
  /** A buffer to write into when it is large enough (the caller's, no longer in use). */
  into?: Buffer,
): Buffer {
  // per meter: field count 5, the id's length and bytes, and the length of `at` (8)
  const heads = c.meterIds.map((id) => {
    const bytes = Buffer.from(id, 'latin1');
    const h = new Uint8Array(bytes.length + 10);
    h[1] = 5;
    int32(h, 2, bytes.length);
    h.set(bytes, 6);
    h[bytes.length + 9] = 8;
    return h;
  });
  let headBytes = 0;
  for (let i = 0; i < c.length; i++) headBytes += (heads[c.meter[i] as number] as Uint8Array).length;
  const valueBytes = c.length === 0 ? 0 : (c.valueEnds[c.length - 1] as number);
  // per row besides the head: 8 (at) + 6 (offset) + 4 + 8 + value/2 + 3 groups·2 (numeric) + 12 (last)
  const size = HEADER.length + 2 + c.length * 44 + headBytes + valueBytes;
  // not from Buffer's shared pool: the caller may write into it again
  const out = into && into.length >= size ? into : Buffer.allocUnsafeSlow(size);
  out.set(HEADER, 0);
  let p = HEADER.length;
  let lastEpoch = Number.NaN;
  let hi = 0;
  let lo = 0;
  let start = 0;
  const fileHi = last === 'line' ? 0 : Math.floor(last / TWO_32);
  const fileLo = last === 'line' ? 0 : last % TWO_32;
  for (let i = 0; i < c.length; i++) {
    const head = heads[c.meter[i] as number] as Uint8Array;
    for (let k = 0; k < head.length; k++) out[p + k] = head[k] as number;
    p += head.length;
    const epoch = c.epochSeconds[i] as number;
    if (epoch !== lastEpoch) {
      // seconds × 10⁶ is exact in a double for any 4-digit year (its odd part is below 2⁵³)
      const us = (epoch - PG_EPOCH) * 1e6;
      hi = Math.floor(us / TWO_32);
      lo = us - hi * TWO_32;
      lastEpoch = epoch;
    }
    p = int32(out, int32(out, p, hi), lo);
    p = int32(out, p, 2);
    const off = c.offsetMinutes[i] as number;
    out[p++] = (off >> 8) & 0xff;
    out[p++] = off & 0xff;
    const end = c.valueEnds[i] as number;
    p = writeNumeric(out, p, c.valueBytes, start, end);
    start = end;
    p = int32(out, p, 8);
    if (last === 'line') {
      const v = c.rows[i] as number;
      p = int32(out, int32(out, p, Math.floor(v / TWO_32)), v % TWO_32);
    } else p = int32(out, int32(out, p, fileHi), fileLo);
  }
  out[p++] = 0xff;
  out[p++] = 0xff;
  return out.subarray(0, p);
}

/** A 32-bit integer (signed or not: its low 32 bits), big-endian, at `p`; returns the position after it. */
function int32(out: Uint8Array, p: number, v: number): number {
  out[p] = (v >>> 24) & 0xff;
  out[p + 1] = (v >>> 16) & 0xff;
  out[p + 2] = (v >>> 8) & 0xff;
  out[p + 3] = v & 0xff;
  return p + 4;
}

/**
 * A plain decimal's ASCII text (`[+-]digits[.digits]`, at least one digit; the readers check it)
 * as a length-prefixed binary numeric at `p`; returns the position after it.
 */
export function writeNumeric(out: Uint8Array, p: number, b: Uint8Array, s: number, e: number): number {
  let i = s;
  let sign = 0;
  if (b[i] === 0x2d) {
    sign = NUMERIC_NEG;
    i++;
  } else if (b[i] === 0x2b) i++;
  let dot = e;
  for (let k = i; k < e; k++)
    if (b[k] === 0x2e) {
      dot = k;
      break;
    }
  while (i < dot && b[i] === 0x30) i++;
  const intLen = dot - i;
  const fracStart = dot < e ? dot + 1 : e;
  const fracLen = e - fracStart;
  const intGroups = Math.ceil(intLen / 4);
  const fracGroups = Math.ceil(fracLen / 4);
  const ndigits = intGroups + fracGroups;
  p = int32(out, p, 8 + 2 * ndigits);
  p = int16(out, p, ndigits);
  p = int16(out, p, intGroups - 1);
  p = int16(out, p, sign);
  p = int16(out, p, fracLen);
  // integer groups: the first holds what is left over from whole groups of four
  let k = i;
  for (let g = 0; g < intGroups; g++) {
    const n = g === 0 ? intLen - 4 * (intGroups - 1) : 4;
    let d = 0;
    for (let j = 0; j < n; j++) d = d * 10 + ((b[k++] as number) - 0x30);
    p = int16(out, p, d);
  }
  // fraction groups: padded with zeros on the right
  k = fracStart;
  for (let g = 0; g < fracGroups; g++) {
    let d = 0;
    for (let j = 0; j < 4; j++) d = d * 10 + (k < e ? (b[k++] as number) - 0x30 : 0);
    p = int16(out, p, d);
  }
  return p;
}

/** A 16-bit integer (its low 16 bits), big-endian. */
function int16(out: Uint8Array, p: number, v: number): number {
  out[p] = (v >>> 8) & 0xff;
  out[p + 1] = v & 0xff;
  return p + 2;
}
