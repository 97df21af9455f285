/**
 * Rows in PostgreSQL's COPY text format: one line per row, columns separated by a tab, null
 * written `\N`, and backslash, newline, carriage return and tab escaped with a backslash
 * (https://www.postgresql.org/docs/15/sql-copy.html, "Text Format"). Any other character,
 * including non-ASCII text, is passed through as UTF-8.
 */

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  const s = typeof v === 'number' ? String(v) : v;
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : s;
}

/** One COPY line (with its newline) for the given fields. */
export function copyLine(fields: readonly (string | number | null)[]): string {
  let out = copyField(fields[0] ?? null);
  for (let i = 1; i < fields.length; i++) out += `\t${copyField(fields[i] ?? null)}`;
  return `${out}\n`;
}
