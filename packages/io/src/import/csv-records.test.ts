import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, csvRecords } from './csv-records.js';

/** Feed the text in chunks of `size` characters, so every field and line ending gets split somewhere. */
async function read(text: string, size = text.length || 1): Promise<CsvRecord[]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords(chunks())) out.push(...batch);
  return out;
}

const cellsOf = (r: CsvRecord[]) => r.map((x) => x.cells);

describe('csvRecords (the bulk import reader)', () => {
  const tricky = [
    '\uFEFFentity,period,comment\n',
    'smelter,2025,plain\n',
    '\n',
    'mine,2025-01,"with, comma"\n',
    'mine,2025-02,"two\nlines and ""quotes"""\n',
    '\n',
    'a,,\n',
    ',\n',
    '"",x,電力\n',
    'short\n',
    'last,row,"end"',
  ].join('');
  const crlf = tricky.replaceAll('\n', '\r\n');
  const opts = { bom: true, relax_column_count: true, skip_empty_lines: true };

  it('reads the same records as csv-parse (LF or CRLF), however the text is chunked', async () => {
    for (const text of [tricky, crlf]) {
      const expected = parse(text, opts);
      expect(expected).toHaveLength(9);
      for (const size of [1, 2, 3, 7, 64, text.length])
        expect(cellsOf(await read(text, size))).toEqual(expected);
    }
  });

  it('numbers each record by the line it starts on, counting blank lines and line breaks in quotes', async () => {
    const lines = [1, 2, 4, 5, 8, 9, 10, 11, 12];
    expect((await read(tricky, 5)).map((r) => r.line)).toEqual(lines);
    expect((await read(crlf, 5)).map((r) => r.line)).toEqual(lines);
  });

  it('also ends a record at a lone CR', async () => {
    expect(cellsOf(await read('a,b\rc,d\r', 2))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('skips an empty file and a trailing newline', async () => {
    expect(await read('')).toEqual([]);
    expect(cellsOf(await read('a,b\n'))).toEqual([['a', 'b']]);
    expect(cellsOf(await read('a,b,'))).toEqual([['a', 'b', '']]);
  });

  it('names the line of a malformed quote', async () => {
    await expect(read('a,b\nx,y"z\n')).rejects.toMatchObject({ code: 'CSV_INVALID_OPENING_QUOTE', lines: 2 });
    await expect(read('a\n"x"y,1\n')).rejects.toMatchObject({ code: 'CSV_INVALID_CLOSING_QUOTE', lines: 2 });
    await expect(read('a\nb\n"open,1\n2\n')).rejects.toMatchObject({
      code: 'CSV_QUOTE_NOT_CLOSED',
      lines: 3,
    });
  });
});
