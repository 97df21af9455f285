/**
 * Meter readings in the store (migrations 023 and 030; docs/meters.md "Storage"). An import is
 * one transaction. First optimistically: the batches are COPYed straight into meter_reading
 * (while the next batch is read; binary COPY for the column batches of the fast reader), at the
 * rate of a plain COPY; when a reading is stored already (a unique violation) the transaction
 * goes back to its savepoint and the file is read again into a temporary staging table, then
 * moved with one `insert … on conflict (at, meter_id) do nothing`, so a reading stored before
 * adds nothing. A staged reading whose value differs from the stored one at the same meter and
 * instant (from an earlier file, or twice in this one) refuses the whole file, naming its lines.
 * A file whose SHA-256 was imported before is not read at all.
 */
import { copyLine } from './copy-text.js';
import { type ReadingColumns, readingsBinaryCopy } from './reading-copy-binary.js';
import type { Sql, Store } from './store.js';

export type { ReadingColumns } from './reading-copy-binary.js';

/** A validated reading as the readers give it (io meters/reading-row.ts). */
export type StoredReadingInput = {
  readonly meterId: string;
  /** ISO 8601 with its UTC offset. */
  readonly at: string;
  readonly offsetMinutes: number;
  /** Decimal text. */
  readonly value: string;
  /** Line or row in the file, for naming conflicts. */
  readonly row: number;
};

/** A batch of readings: objects (the XLSX reader, tests) or columns (the fast CSV reader: no object per reading). */
export type ReadingBatch = readonly StoredReadingInput[] | ReadingColumns;

export type ReadingConflict = {
  readonly row: number;
  readonly meterId: string;
  readonly at: string;
  readonly given: string;
  readonly stored: string;
};

export type ReadingsImport =
  | {
      readonly ok: true;
      readonly fileId: number;
      readonly rowsRead: number;
      readonly rowsAdded: number;
      readonly alreadyImported: false;
    }
  | {
      readonly ok: true;
      readonly fileId: number;
      readonly rowsRead: 0;
      readonly rowsAdded: 0;
      readonly alreadyImported: true;
      readonly firstAt: string;
      readonly source: string;
    }
  | { readonly ok: false; readonly conflicts: readonly ReadingConflict[] };

export type ReadingsFile = {
  readonly sha256: string;
  readonly source: string;
  readonly actor: string;
  readonly at: string;
};

const SHA256 = /^[0-9a-f]{64}$/;
const MAX_CONFLICTS = 1000;

class Conflicts extends Error {
  constructor(readonly conflicts: ReadingConflict[]) {
    super('conflicting readings');
  }
}

/** The earlier import of a file with these bytes, if any. */
export async function importedReadingsFile(
  sql: Sql,
  sha256: string,
): Promise<{ id: number; at: string; source: string } | undefined> {
  if (!SHA256.test(sha256)) throw new Error(`a file digest is 64 lowercase hex digits, not "${sha256}"`);
  const [r] = await sql.query<{ id: string; at: string; source: string }>(
    `select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, source
       from meter_reading_file where sha256 = $1`,
    [sha256],
  );
  return r ? { id: Number(r.id), at: r.at, source: r.source } : undefined;
}

/**
 * Import one file's readings, all or nothing. `batchesOf` is not called when the file was
 * imported before; an error its batches throw (a bad row) rolls the import back and is rethrown.
 */
export async function importMeterReadings(
  store: Store,
  /** Reads the file: called once, or twice when some readings are stored already. */
  batchesOf: () => AsyncIterable<ReadingBatch>,
  file: ReadingsFile,
): Promise<ReadingsImport> {
  const seen = await importedReadingsFile(store, file.sha256);
  if (seen)
    return {
      ok: true,
      fileId: seen.id,
      rowsRead: 0,
      rowsAdded: 0,
      alreadyImported: true,
      firstAt: seen.at,
      source: seen.source,
    };
  try {
    return await store.transaction(async (tx) => {
      const [id] = await tx.query<{ id: string }>(`select nextval('meter_reading_file_id_seq')::text as id`);
      const fileId = Number(id?.id);
      // optimistic: straight into the table, as fast as a plain COPY, while no reading is stored yet
      await tx.exec('savepoint meter_readings_direct');
      try {
        const rowsRead = await copyBatches(
          tx,
          batchesOf(),
          'meter_reading (meter_id, at, utc_offset_minutes, value, file_id)',
          fileId,
        );
        await tx.exec('release savepoint meter_readings_direct');
        await recordFile(tx, fileId, file, rowsRead, rowsRead);
        return { ok: true as const, fileId, rowsRead, rowsAdded: rowsRead, alreadyImported: false as const };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        await tx.exec('rollback to savepoint meter_readings_direct');
      }
      // some readings are stored already (or twice in the file): stage, then add only the new ones
      await tx.exec(
        `create temporary table meter_reading_stage (meter_id text not null, at timestamptz not null,
           utc_offset_minutes smallint not null, value numeric not null, line bigint not null) on commit drop`,
      );
      const rowsRead = await copyBatches(
        tx,
        batchesOf(),
        'meter_reading_stage (meter_id, at, utc_offset_minutes, value, line)',
        null,
      );
      const [added] = await tx.query<{ n: string }>(
        `with ins as (
           insert into meter_reading (meter_id, at, utc_offset_minutes, value, file_id)
           select meter_id, at, utc_offset_minutes, value, $1 from meter_reading_stage
           on conflict (at, meter_id) do nothing
           returning 1)
         select count(*)::text as n from ins`,
        [fileId],
      );
      const rowsAdded = Number(added?.n ?? 0);
      if (rowsAdded < rowsRead) {
        // the readings stored already (or twice in this file) must agree
        const conflicts = await tx.query<{
          line: string;
          meter_id: string;
          at: string;
          given: string;
          stored: string;
        }>(
          `select s.line::text as line, s.meter_id, to_char(s.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
                  s.value::text as given, r.value::text as stored
             from meter_reading_stage s join meter_reading r on r.meter_id = s.meter_id and r.at = s.at
            where r.value <> s.value order by s.line limit ${MAX_CONFLICTS}`,
        );
        if (conflicts.length > 0)
          throw new Conflicts(
            conflicts.map((c) => ({
              row: Number(c.line),
              meterId: c.meter_id,
              at: c.at,
              given: c.given,
              stored: c.stored,
            })),
          );
      }
      await recordFile(tx, fileId, file, rowsRead, rowsAdded);
      return { ok: true as const, fileId, rowsRead, rowsAdded, alreadyImported: false as const };
    });
  } catch (e) {
    if (e instanceof Conflicts) return { ok: false, conflicts: e.conflicts };
    throw e;
  }
}

/**
 * COPY each batch (with the file id, or the line for staging) while the reader parses the next;
 * returns the rows. Column batches go as binary COPY (the server parses no text), object batches
 * as COPY text.
 */
async function copyBatches(
  tx: Sql,
  batches: AsyncIterable<ReadingBatch>,
  target: string,
  fileId: number | null,
): Promise<number> {
  let rows = 0;
  let pending: Promise<void> = Promise.resolve();
  // two buffers in turn: one being sent while the next batch is written into the other
  const buffers: (Buffer | undefined)[] = [undefined, undefined];
  let turn = 0;
  for await (const batch of batches) {
    let data: string | Uint8Array;
    let format = '';
    if ('kind' in batch) {
      const out = readingsBinaryCopy(batch, fileId ?? 'line', buffers[turn]);
      // out is the start of the buffer written into (the one given, or a larger new one): keep it
      buffers[turn] = Buffer.from(out.buffer, out.byteOffset, out.buffer.byteLength - out.byteOffset);
      turn = 1 - turn;
      data = out;
      format = ' with (format binary)';
    } else {
      data = '';
      for (const r of batch) data += copyLine([r.meterId, r.at, r.offsetMinutes, r.value, fileId ?? r.row]);
    }
    rows += batch.length;
    await pending;
    pending = tx.copyFrom(`copy ${target} from stdin${format}`, data);
    // a COPY that fails while the next batch is read is seen at the next await (no unhandled rejection)
    pending.catch(() => undefined);
  }
  await pending;
  return rows;
}

async function recordFile(
  tx: Sql,
  fileId: number,
  file: ReadingsFile,
  rowsRead: number,
  rowsAdded: number,
): Promise<void> {
  await tx.query(
    'insert into meter_reading_file (id, sha256, source, rows_read, rows_added, actor, at) values ($1, $2, $3, $4, $5, $6, $7)',
    [fileId, file.sha256, file.source, rowsRead, rowsAdded, file.actor, file.at],
  );
}

/** PostgreSQL's unique_violation (both drivers carry the SQLSTATE as `code`). */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}

/** A stored reading as the roll-up and the checks read it. */
export type StoredReading = {
  readonly meterId: string;
  /** Seconds since epoch. */
  readonly epochSeconds: number;
  readonly offsetMinutes: number;
  /** Decimal text. */
  readonly value: string;
};

/**
 * One meter's readings in [from, to) (seconds since epoch; null: open), in time order. The range
 * bounds the (at, meter_id) key's scan; the meter is checked in the index.
 */
export async function meterReadings(
  sql: Sql,
  meterId: string,
  from: number | null = null,
  to: number | null = null,
): Promise<StoredReading[]> {
  const rows = await sql.query<{ e: string; o: number; v: string }>(
    `select extract(epoch from at)::bigint::text as e, utc_offset_minutes as o, value::text as v
       from meter_reading
      where meter_id = $1 and at >= coalesce(to_timestamp($2::bigint), '-infinity') and at < coalesce(to_timestamp($3::bigint), 'infinity')
      order by at`,
    [meterId, from, to],
  );
  return rows.map((r) => ({ meterId, epochSeconds: Number(r.e), offsetMinutes: Number(r.o), value: r.v }));
}

/** Per meter and month: the sums the roll-up's fast path needs (app meters/roll-up-stored.ts). */
export type StoredMeterMonth = {
  readonly meterId: string;
  /** "YYYY-MM" of the interval's start, in the site's offset. */
  readonly month: string;
  readonly sum: string;
  readonly count: number;
  readonly min: string;
  /** Readings on the meter's interval grid (epoch divisible by the interval). */
  readonly aligned: number;
  readonly first: number;
  readonly last: number;
};

/**
 * Sums of interval readings per meter and month, computed in the database (exact numeric): a
 * reading at t covers (t − interval, t] and counts in the month of t − interval at the site's
 * offset, i.e. t in [month start + interval, month end + interval). One scan per distinct
 * (offset, interval) of the meters (usually one): each reading's month is found by
 * `width_bucket` over that group's month bounds (a binary search on timestamps, no text per row);
 * the range of months comes from min/max(at), which the (at, meter_id) key answers at once.
 */
export async function intervalMonthSums(
  sql: Sql,
  meters: readonly {
    readonly id: string;
    readonly utcOffsetMinutes: number;
    readonly intervalMinutes: number;
  }[],
): Promise<StoredMeterMonth[]> {
  if (meters.length === 0) return [];
  const [range] = await sql.query<{ lo: string | null; hi: string | null }>(
    `select extract(epoch from min(at))::bigint::text as lo, extract(epoch from max(at))::bigint::text as hi
       from meter_reading`,
  );
  if (!range?.lo || !range.hi) return [];
  const lo = Number(range.lo);
  const hi = Number(range.hi);
  const groups = new Map<string, { off: number; step: number; ids: string[] }>();
  for (const m of meters) {
    const key = `${m.utcOffsetMinutes}/${m.intervalMinutes}`;
    const g = groups.get(key) ?? { off: m.utcOffsetMinutes, step: m.intervalMinutes * 60, ids: [] };
    g.ids.push(m.id);
    groups.set(key, g);
  }
  const out: StoredMeterMonth[] = [];
  for (const g of groups.values()) {
    const months: string[] = [];
    const last = monthAt(hi - g.step, g.off);
    for (let m = monthAt(lo - g.step, g.off); m <= last; m = nextMonth(m)) months.push(m);
    // bucket i (1 … months.length) holds the readings of months[i − 1]
    const bounds = months.map((m) => isoOf(monthBounds(m, g.off).start + g.step));
    bounds.push(isoOf(monthBounds(last, g.off).end + g.step));
    const rows = await sql.query<{
      m: string;
      b: number;
      s: string;
      n: string;
      min: string;
      aligned: string;
      f: string;
      l: string;
    }>(
      `select meter_id as m, width_bucket(at, $2::timestamptz[]) as b,
              sum(value)::text as s, count(*)::text as n, min(value)::text as min,
              count(*) filter (where date_part('epoch', at)::bigint % $3 = 0)::text as aligned,
              extract(epoch from min(at))::bigint::text as f, extract(epoch from max(at))::bigint::text as l
         from meter_reading where meter_id = any($1::text[])
        group by 1, 2`,
      [g.ids, bounds, g.step],
    );
    for (const r of rows) {
      const month = months[Number(r.b) - 1];
      if (month === undefined) throw new Error(`reading of ${r.m} outside the months ${months[0]} … ${last}`);
      out.push({
        meterId: r.m,
        month,
        sum: r.s,
        count: Number(r.n),
        min: r.min,
        aligned: Number(r.aligned),
        first: Number(r.f),
        last: Number(r.l),
      });
    }
  }
  return out.sort((x, y) =>
    x.meterId < y.meterId
      ? -1
      : x.meterId > y.meterId
        ? 1
        : x.month < y.month
          ? -1
          : x.month > y.month
            ? 1
            : 0,
  );
}

const isoOf = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

// Months in a fixed UTC offset, as core meters/timestamp.ts has them (the store sees core only
// through @assay/core/forms): "YYYY-MM" of an instant, and the instants a month starts and ends.
const p2 = (n: number): string => String(n).padStart(2, '0');

function monthAt(epochSeconds: number, offsetMinutes: number): string {
  const d = new Date((epochSeconds + offsetMinutes * 60) * 1000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}`;
}

/** Seconds since the epoch of the first instant of month `m` (1-based, may be 13) of year `y` at the offset. */
function monthStart(y: number, m: number, offsetMinutes: number): number {
  const d = new Date(0);
  d.setUTCFullYear(y, m - 1, 1);
  return d.getTime() / 1000 - offsetMinutes * 60;
}

function monthBounds(month: string, offsetMinutes: number): { start: number; end: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { start: monthStart(y, m, offsetMinutes), end: monthStart(y, m + 1, offsetMinutes) };
}

function nextMonth(month: string): string {
  return monthAt(monthBounds(month, 0).end, 0);
}

/**
 * The readings of several meters, one meter at a time (in the order given), each in time order.
 * Meters are read `perScan` at a time, one query each: the (at, meter_id) key has no per-meter
 * entry point, so one scan serves a group rather than one scan per meter.
 */
export async function* readingsOfMeters(
  sql: Sql,
  meterIds: readonly string[],
  perScan = 16,
): AsyncGenerator<{ meterId: string; readings: StoredReading[] }> {
  for (let i = 0; i < meterIds.length; i += perScan) {
    const ids = meterIds.slice(i, i + perScan);
    const rows = await sql.query<{ m: string; e: string; o: number; v: string }>(
      `select meter_id as m, extract(epoch from at)::bigint::text as e, utc_offset_minutes as o, value::text as v
         from meter_reading where meter_id = any($1::text[]) order by meter_id, at`,
      [ids],
    );
    const byMeter = new Map<string, StoredReading[]>(ids.map((id) => [id, []]));
    for (const r of rows)
      byMeter
        .get(r.m)
        ?.push({ meterId: r.m, epochSeconds: Number(r.e), offsetMinutes: Number(r.o), value: r.v });
    for (const id of ids) yield { meterId: id, readings: byMeter.get(id) ?? [] };
  }
}

/** The register's latest version (rows as text fields), or undefined when none was saved. */
export type StoredMeterRegister = {
  readonly version: number;
  readonly meters: readonly Record<string, string>[];
  readonly replacements: readonly Record<string, string>[];
};

export async function meterRegister(sql: Sql): Promise<StoredMeterRegister | undefined> {
  const [r] = await sql.query<{
    version: number;
    meters: Record<string, string>[];
    replacements: Record<string, string>[];
  }>('select version, meters, replacements from meter_register_version order by version desc limit 1');
  return r ? { version: Number(r.version), meters: r.meters, replacements: r.replacements } : undefined;
}

/** Save a new register version; refused (returns the current version) when `expectedVersion` is not the latest. */
export async function saveMeterRegister(
  store: Store,
  register: { meters: readonly Record<string, string>[]; replacements: readonly Record<string, string>[] },
  expectedVersion: number,
  who: { actor: string; reason: string; at: string },
): Promise<{ ok: true; version: number } | { ok: false; currentVersion: number }> {
  return store.transaction(async (tx) => {
    await tx.query('lock table meter_register_version in exclusive mode');
    const [cur] = await tx.query<{ v: number | null }>(
      'select max(version) as v from meter_register_version',
    );
    const current = Number(cur?.v ?? 0);
    if (current !== expectedVersion) return { ok: false as const, currentVersion: current };
    await tx.query(
      'insert into meter_register_version (version, meters, replacements, actor, reason, at) values ($1, $2, $3, $4, $5, $6)',
      [
        current + 1,
        JSON.stringify(register.meters),
        JSON.stringify(register.replacements),
        who.actor,
        who.reason,
        who.at,
      ],
    );
    return { ok: true as const, version: current + 1 };
  });
}
