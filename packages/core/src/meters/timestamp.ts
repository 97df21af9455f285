/**
 * Reading timestamps without a clock: ISO 8601 local date-time with an explicit UTC offset
 * ("2025-03-30T02:15:00+08:00", "…Z"), turned into seconds since 1970-01-01T00:00Z by calendar
 * arithmetic (proleptic Gregorian; days-from-civil, H. Hinnant). Core has no Date.
 * Invariant: epochSeconds is an integer; offsetMinutes is what the text said (kept to check it
 * against the site's offset), never used to pick the month (the site's offset is).
 */

export type Instant = {
  /** Seconds since 1970-01-01T00:00:00Z. */
  readonly epochSeconds: number;
  /** The UTC offset the timestamp was written with, in minutes (+480 for +08:00). */
  readonly offsetMinutes: number;
};

export type ParsedInstant = { ok: true; instant: Instant } | { ok: false; reason: string };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.0+)?(Z|[+-]\d{2}:?\d{2})$/;

/** Days from 1970-01-01 to the civil date (y, m 1–12, d 1–31). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count from 1970-01-01. */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const daysInMonth = (y: number, m: number): number =>
  daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);

/** Parse a timestamp that must carry its UTC offset (or Z). */
export function parseInstant(text: string): ParsedInstant {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) {
    return {
      ok: false,
      reason: `"${text}" is not a timestamp with a UTC offset (e.g. 2025-01-31T23:45:00+08:00)`,
    };
  }
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return { ok: false, reason: `"${text}" is not a valid date and time` };
  }
  const off = parseOffset(m[7] as string);
  if (off === null) return { ok: false, reason: `"${text}" has an invalid UTC offset` };
  const epochSeconds = (daysFromCivil(y, mo, d) * 24 + h) * 3600 + mi * 60 + s - off * 60;
  return { ok: true, instant: { epochSeconds, offsetMinutes: off } };
}

/** "+08:00" / "+0800" / "Z" → minutes; null when out of range (beyond ±14:00). */
export function parseOffset(text: string): number | null {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || mins > 14 * 60) return null;
  return m[1] === '-' ? -mins : mins;
}

export function formatOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** The instant written in the given offset: "2025-01-31T23:45:00+08:00". */
export function formatInstant(epochSeconds: number, offsetMinutes: number): string {
  const local = epochSeconds + offsetMinutes * 60;
  const days = Math.floor(local / 86400);
  const sec = local - days * 86400;
  const { y, m, d } = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}T${p2(Math.floor(sec / 3600))}:${p2(Math.floor((sec % 3600) / 60))}:${p2(sec % 60)}${formatOffset(offsetMinutes)}`;
}

/** The month ("2025-01") an instant falls in at the given offset. */
export function monthAt(epochSeconds: number, offsetMinutes: number): string {
  const { y, m } = civilFromDays(Math.floor((epochSeconds + offsetMinutes * 60) / 86400));
  return `${String(y).padStart(4, '0')}-${p2(m)}`;
}

/** The first instant of the month "YYYY-MM" at the given offset, and of the month after it. */
export function monthBounds(month: string, offsetMinutes: number): { start: number; end: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const start = daysFromCivil(y, m, 1) * 86400 - offsetMinutes * 60;
  const end = daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) * 86400 - offsetMinutes * 60;
  return { start, end };
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${p2(m + 1)}`;
}
