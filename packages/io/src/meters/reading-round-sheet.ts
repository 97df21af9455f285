/**
 * The workbook of a monthly manual reading round: sheet "readings", one row per meter read,
 * columns meter, timestamp (with its UTC offset), reading (the register or the interval value),
 * note. Built with the meters pre-filled (every cell text), read back all or nothing over
 * row-sheet.ts: size and ZIP guard first, then every bad row named (file, sheet, row, column);
 * the same meter and timestamp twice is a bad row.
 */
import { parseDecimal, parseInstant } from '@assay/core';
import type { ImportIssue } from '../import/limits.js';
import { type RowSheetSpec, readRowSheet, rowSheetWorkbook } from '../xlsx/row-sheet.js';
import { METER_ID, type ReadingRow } from './reading-row.js';

export const READING_ROUND_SHEET = 'readings';

type RoundRow = {
  readonly id: string;
  readonly meter: string;
  readonly timestamp: string;
  readonly reading: string;
  readonly note: string;
};

function spec(meterIds: ReadonlySet<string> | undefined): RowSheetSpec<RoundRow> {
  return {
    sheet: READING_ROUND_SHEET,
    columns: [
      { key: 'meter', zh: '儀表', en: 'Meter', width: 18 },
      {
        key: 'timestamp',
        zh: '抄表時間（含時區，例 2025-01-31T09:00:00+08:00）',
        en: 'Read at (with UTC offset)',
        width: 30,
      },
      { key: 'reading', zh: '讀數', en: 'Reading', width: 16 },
      { key: 'note', zh: '備註', en: 'Note', width: 30 },
    ],
    required: ['meter', 'timestamp', 'reading'],
    cellsOf: (r) => ({ meter: r.meter, timestamp: r.timestamp, reading: r.reading, note: r.note }),
    fromCells: (o) => {
      const meter = o('meter') ?? '';
      const timestamp = o('timestamp') ?? '';
      return {
        id: `${meter} @ ${timestamp}`,
        meter,
        timestamp,
        reading: o('reading') ?? '',
        note: o('note') ?? '',
      };
    },
    validate: (r) => {
      const out: { field: string; reason: string }[] = [];
      if (!METER_ID.test(r.meter))
        out.push({
          field: 'meter',
          reason: r.meter === '' ? 'no meter id' : `"${r.meter}" is not a meter id`,
        });
      else if (meterIds && !meterIds.has(r.meter))
        out.push({ field: 'meter', reason: `meter "${r.meter}" is not in the meter register` });
      const at = parseInstant(r.timestamp);
      if (!at.ok) out.push({ field: 'timestamp', reason: at.reason });
      const v = parseDecimal(r.reading);
      if (!v.ok) out.push({ field: 'reading', reason: v.reason });
      return out;
    },
    columnOf: (field) => (field === 'id' ? 'meter' : field),
  };
}

/** A blank round for these meters: one row each, timestamp and reading to be filled in. */
export function readingRoundWorkbook(meterIds: readonly string[], note = ''): Promise<Uint8Array> {
  return rowSheetWorkbook(
    spec(undefined),
    meterIds.map((m) => ({ id: m, meter: m, timestamp: '', reading: '', note })),
  );
}

/** A filled-in round (rows as written by the reader on site; the demo's generator writes one). */
export function filledReadingRoundWorkbook(
  rows: readonly { meter: string; timestamp: string; reading: string; note?: string }[],
): Promise<Uint8Array> {
  return rowSheetWorkbook(
    spec(undefined),
    rows.map((r) => ({
      id: `${r.meter} @ ${r.timestamp}`,
      meter: r.meter,
      timestamp: r.timestamp,
      reading: r.reading,
      note: r.note ?? '',
    })),
  );
}

export type ReadingRoundRead = { ok: true; rows: ReadingRow[] } | { ok: false; issues: ImportIssue[] };

export async function readReadingRoundXlsx(
  path: string,
  file: string,
  meterIds?: ReadonlySet<string>,
): Promise<ReadingRoundRead> {
  const r = await readRowSheet(spec(meterIds), path, file);
  if (!r.ok) return r;
  return {
    ok: true,
    rows: r.rows.map((x, i) => {
      const at = parseInstant(x.timestamp);
      const v = parseDecimal(x.reading);
      if (!at.ok || !v.ok) throw new Error('validated above');
      return {
        meterId: x.meter,
        at: x.timestamp,
        epochSeconds: at.instant.epochSeconds,
        offsetMinutes: at.instant.offsetMinutes,
        value: v.value.toFixed(),
        row: i + 2,
      };
    }),
  };
}
