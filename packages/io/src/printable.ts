/**
 * Text from input files made safe to print to a terminal or write to a log: control characters
 * are shown as escapes instead of acting. Escaped: C0 (ESC starts the terminal sequences that
 * move the cursor, recolour, clear the screen, set the title or make links), DEL, C1 (U+009B is
 * a one-character CSI), the bidirectional embeddings, overrides, isolates and marks (U+202A–202E,
 * U+2066–2069, U+200E/200F, U+061C: "Trojan Source", CVE-2021-42574), and the line and
 * paragraph separators U+2028/2029. Shown as \n, \r, \t; other C0 as \xHH; the rest as \uHHHH, so
 * that escaping text that is already JSON (whose strings never hold raw C0) keeps it valid JSON
 * with the same value. Backslashes are left alone: the output is for reading, not for parsing back.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this file's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same without newline and tab, for text the program itself lays out on several lines. */
const CONTROL_BUT_LAYOUT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this file's purpose
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const code = c.charCodeAt(0);
  return code < 0x20
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text, every control character escaped (newlines too). For values taken from input. */
export function printable(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** Text the program laid out itself: newlines and tabs kept, every other control character escaped. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_LAYOUT, escapeChar);
}
