/**
 * A streaming RFC 4180 reader for the bulk import, written for speed: it yields the records of
 * each chunk of text as one array (not one promise per record) and builds no per-record info
 * object, which made csv-parse the largest single cost of a million-row import.
 *
 * Rules (as csv-parse with `bom`, `relax_column_count`, `skip_empty_lines`): comma-separated;
 * a field that starts with `"` is quoted, `""` inside it is one quote, and it may span lines;
 * records end at LF, CRLF or a lone CR; a leading UTF-8 BOM is dropped; empty lines are
 * skipped; records may differ in length (the caller reports that per row). A quote inside an
 * unquoted field, text after a closing quote, or a quote left open at the end is an error
 * naming the line. `line` is the 1-based line on which the record starts.
 *
 * Caps (`CsvCaps`): a field longer than maxFieldChars, a record of more than maxFields fields or
 * maxRecordChars characters is an error naming the line (and field), raised as soon as the cap is
 * passed, so a hostile field is never held whole: what is kept of a field is at most the cap and
 * one chunk.
 */

export type CsvRecord = { readonly line: number; readonly cells: string[] };

export type CsvCaps = {
  readonly maxFieldChars: number;
  readonly maxFields: number;
  readonly maxRecordChars: number;
};

const NO_CAPS: CsvCaps = {
  maxFieldChars: Number.POSITIVE_INFINITY,
  maxFields: Number.POSITIVE_INFINITY,
  maxRecordChars: Number.POSITIVE_INFINITY,
};

/** Same shape as csv-parse's errors (`code` starting "CSV_", `lines`) so callers treat both alike; `field` is 1-based. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly lines: number,
    message: string,
    readonly field?: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Field states: at a field start, in an unquoted field, in a quoted one, just after a quote in one. */
const START = 0;
const PLAIN = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

export async function* csvRecords(
  chunks: AsyncIterable<string>,
  caps: CsvCaps = NO_CAPS,
): AsyncGenerator<CsvRecord[]> {
  const { maxFieldChars, maxFields, maxRecordChars } = caps;
  let recordChars = 0;
  /** Called with each finished field's length, and with a growing field's length at a chunk's end. */
  const measure = (length: number, done: boolean) => {
    if (length > maxFieldChars)
      throw new CsvSyntaxError(
        'CSV_FIELD_TOO_LONG',
        recordLine,
        `field ${cells.length + 1} of the record on line ${recordLine} is longer than ${maxFieldChars} characters`,
        cells.length + 1,
      );
    if (recordChars + length > maxRecordChars)
      throw new CsvSyntaxError(
        'CSV_RECORD_TOO_LONG',
        recordLine,
        `the record on line ${recordLine} is longer than ${maxRecordChars} characters`,
      );
    if (done) {
      recordChars += length;
      if (cells.length >= maxFields)
        throw new CsvSyntaxError(
          'CSV_TOO_MANY_FIELDS',
          recordLine,
          `the record on line ${recordLine} has more than ${maxFields} fields`,
        );
    }
  };
  let mode: number = START;
  let cells: string[] = [];
  let buf = ''; // the current field's text from earlier chunks or before an escaped quote
  let line = 1;
  let recordLine = 1;
  let afterCR = false; // the previous chunk ended with CR: a leading LF belongs to it
  let first = true;
  for await (let chunk of chunks) {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    const out: CsvRecord[] = [];
    let seg = 0; // where the current field's uncommitted text starts in this chunk
    const n = chunk.length;
    let i = 0;
    if (afterCR && n > 0 && chunk.charCodeAt(0) === LF) i = seg = 1;
    afterCR = false;
    try {
      for (; i < n; i++) {
        let c = chunk.charCodeAt(i);
        if (mode === QUOTED) {
          if (c === QUOTE) {
            buf += chunk.slice(seg, i);
            mode = QUOTE_SEEN;
          } else if (c === LF || (c === CR && chunk.charCodeAt(i + 1) !== LF)) line++;
          continue;
        }
        if (mode === QUOTE_SEEN && c === QUOTE) {
          mode = QUOTED; // "" is one quote; the second quote starts the next segment
          seg = i;
          continue;
        }
        if (mode === START && c !== QUOTE && c !== COMMA && c !== LF && c !== CR) {
          mode = PLAIN;
          seg = i;
        }
        if (mode === PLAIN) {
          // Most fields: run to the field's end in one tight loop (the chunk may end first).
          while (c !== COMMA && c !== LF && c !== CR && c !== QUOTE) {
            if (++i === n) break;
            c = chunk.charCodeAt(i);
          }
          if (i === n) break;
          if (c === QUOTE)
            throw new CsvSyntaxError(
              'CSV_INVALID_OPENING_QUOTE',
              line,
              `a quote inside an unquoted field on line ${line} (quote the whole field and double the quote)`,
            );
        }
        if (c === COMMA || c === LF || c === CR) {
          if (mode === PLAIN) {
            const field = buf === '' ? chunk.slice(seg, i) : buf + chunk.slice(seg, i);
            measure(field.length, true);
            cells.push(field);
          } else if (mode === QUOTE_SEEN || c === COMMA || cells.length > 0) {
            measure(buf.length, true);
            cells.push(buf);
          }
          buf = '';
          mode = START;
          if (c === COMMA) continue;
          if (cells.length > 0) out.push({ line: recordLine, cells });
          cells = [];
          recordChars = 0;
          if (c === CR) {
            if (i + 1 === n) afterCR = true;
            else if (chunk.charCodeAt(i + 1) === LF) i++;
          }
          line++;
          recordLine = line;
          continue;
        }
        if (mode === QUOTE_SEEN)
          throw new CsvSyntaxError(
            'CSV_INVALID_CLOSING_QUOTE',
            line,
            `text after a closing quote on line ${line}`,
          );
        // START with a quote: a quoted field
        buf = '';
        mode = QUOTED;
        seg = i + 1;
      }
      if (mode === PLAIN || mode === QUOTED) {
        buf += chunk.slice(seg);
        measure(buf.length, false);
      } else if (mode === QUOTE_SEEN) measure(buf.length, false);
    } catch (e) {
      // The records before the error first, so that the caller knows the header when it reports it.
      if (out.length > 0) yield out;
      throw e;
    }
    if (out.length > 0) yield out;
  }
  if (mode === QUOTED)
    throw new CsvSyntaxError(
      'CSV_QUOTE_NOT_CLOSED',
      recordLine,
      `a quote opened on line ${recordLine} is never closed`,
    );
  if (mode === PLAIN || mode === QUOTE_SEEN || cells.length > 0) {
    measure(buf.length, true);
    cells.push(buf);
    yield [{ line: recordLine, cells }];
  }
}
