/**
 * Undo the export's formula-injection guard: a text that starts with an apostrophe followed by
 * = + - @, tab, CR or LF had the apostrophe added on export (see export/neutralise.ts), so it is
 * removed on import. Exported text therefore round-trips unchanged while staying inert in a
 * spreadsheet. (A typed "'=" at the start of a cell is read the same way.)
 */
const GUARDED = /^'[=+\-@\t\r\n]/;

export function unneutralise(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
