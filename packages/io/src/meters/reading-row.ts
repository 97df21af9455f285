/**
 * A meter reading row as the readers give it to the store: validated, with its place in the
 * file. `value` is canonical decimal text (exact; the store keeps it as numeric).
 */
import { formatImportIssue, type ImportIssue } from '../import/limits.js';

export type ReadingRow = {
  readonly meterId: string;
  /** The timestamp as written (validated; it carries its UTC offset). */
  readonly at: string;
  readonly epochSeconds: number;
  readonly offsetMinutes: number;
  readonly value: string;
  /** 1-based line (CSV) or sheet row (XLSX). */
  readonly row: number;
};

/** A readings file with bad rows: nothing of it is imported; every bad row is named (the first `MAX_LISTED`). */
export class MeterReadingsRejected extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ImportIssue[],
    /** Bad rows beyond those listed. */
    readonly more: number,
  ) {
    super(
      `${file}: ${issues.length + more} problem(s); nothing was imported\n${issues.map(formatImportIssue).join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`,
    );
  }
}

export const MAX_LISTED = 1000;

/** Meter ids as in the register (core meters/validate-meters.ts). */
export const METER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** Plain decimals PostgreSQL's numeric reads exactly; anything else goes through core's parser. */
export const PLAIN_DECIMAL = /^[+-]?(?:\d{1,30}(?:\.\d{0,30})?|\.\d{1,30})$/;
