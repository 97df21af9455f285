/**
 * Length caps on the fields of imported tables, by column name, for CSV and XLSX alike: ids,
 * codes, periods, units and numbers 200 characters; key=value pairs 1,000; any other text
 * (source, subject, comment, evidence, labels…) 10,000. Real values are far shorter (the longest
 * in examples/ is under 200 characters); a longer field is an input error, named by file, row and
 * column, not something to store and print.
 */
export const TEXT_FIELD_CHARS = 10_000;
const SHORT_FIELD_CHARS = 200;
const PAIRS_FIELD_CHARS = 1_000;

const SHORT = new Set(['id', 'entity', 'period', 'indicator', 'activity', 'use', 'unit', 'value', 'amount']);
const PAIRS = new Set(['disaggregation', 'attributes']);

export function columnCap(column: string): number {
  return SHORT.has(column) ? SHORT_FIELD_CHARS : PAIRS.has(column) ? PAIRS_FIELD_CHARS : TEXT_FIELD_CHARS;
}

/** Why `text` is too long for `column`, or undefined. */
export function fieldTooLong(column: string, text: string): string | undefined {
  const cap = columnCap(column);
  return text.length > cap ? `${text.length} characters long; the limit for ${column} is ${cap}` : undefined;
}

/**
 * Why a field cannot be stored, or undefined: too long for its column, or holding U+0000 (NUL),
 * which PostgreSQL text cannot hold (an import that let it through failed with a database error
 * instead of naming the row and column).
 */
export function fieldProblem(column: string, text: string): string | undefined {
  return fieldTooLong(column, text) ?? (text.includes('\u0000') ? NUL_REASON : undefined);
}

export const NUL_REASON = 'holds a NUL character (U+0000), which cannot be stored; remove it';
