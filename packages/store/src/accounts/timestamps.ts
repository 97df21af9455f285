/**
 * Timestamps in account rows come back as ISO-8601 UTC text with milliseconds, the same from
 * PGlite and node-postgres (which would otherwise return Date objects).
 */

/** SQL expression: the timestamptz column `col` as `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
export function isoOf(col: string): string {
  return `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
