/**
 * Request schemas (zod) of the meters routes (routes/meters.ts, issue #22; docs/meters.md). The
 * shape is checked here (400 naming the field); what the register means (sites, carriers, units,
 * parents, service dates…) is core's validateMeterRegister in the use case (422 naming file, row
 * and field), and a readings file is read by io's reader (422 naming file, line and column).
 */
import { UploadName } from '@assay/app';
import {
  METER_CARRIERS,
  METER_COLUMNS,
  parseInstant,
  REPLACEMENT_COLUMNS,
  UTILITY_BILL_COLUMNS,
} from '@assay/core';
import { z } from 'zod';

const reason = z.string().trim().min(1, 'say why').max(500);
const cell = z.string().max(200, 'at most 200 characters');
const row = (columns: readonly string[]) =>
  z.partialRecord(
    z.enum(columns as [string, ...string[]], { message: `one of ${columns.join(', ')}` }),
    cell,
  );

/** PUT /api/meters: the whole register as rows of text (the CSV columns), the version replaced (or If-Match). */
export const MeterRegisterWrite = z
  .object({
    meters: z.array(row(METER_COLUMNS)).max(10_000, 'at most 10,000 meters'),
    replacements: z.array(row(REPLACEMENT_COLUMNS)).max(10_000, 'at most 10,000 replacements').default([]),
    version: z.number().int().min(0).optional(),
    reason: reason.optional(),
  })
  .strict();

/** POST /api/meters/readings: a long readings CSV (meter,timestamp,value) as text. */
export const MeterReadingsUpload = z
  .object({
    file: UploadName.default('readings.csv'),
    csv: z.string().min(1, 'the file is empty').max(60_000_000, 'at most 60 MB of CSV'),
  })
  .strict();

const instant = z
  .string()
  .max(40)
  .refine((s) => parseInstant(s).ok, 'a timestamp with its UTC offset, e.g. 2025-01-01T00:00:00+08:00');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const id = z.string().min(1).max(200);

/** GET /api/meters/findings?meter=…&site=…&from=…&to=… */
export const MeterFindingsQuery = z
  .object({ meter: id.optional(), site: id.optional(), from: instant.optional(), to: instant.optional() })
  .strict();

/** GET /api/meters/roll-up (and /reconciliation)?site=…&carrier=…&from=YYYY-MM&to=YYYY-MM */
export const MeterRollUpQuery = z
  .object({
    site: id.optional(),
    carrier: z.enum(METER_CARRIERS, { message: `one of ${METER_CARRIERS.join(', ')}` }).optional(),
    from: month.optional(),
    to: month.optional(),
  })
  .strict();

/** GET /api/meters/reconciliation: the roll-up filters and the tolerance in % (default 2). */
export const MeterReconciliationQuery = MeterRollUpQuery.extend({
  tolerance: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as 2 or 0.5')
    .optional(),
}).strict();

/** POST /api/meters/activity-lines: which lines of the roll-up to write (all by default), and why. */
export const MeterLinesWrite = z
  .object({
    site: id.optional(),
    carrier: z.enum(METER_CARRIERS, { message: `one of ${METER_CARRIERS.join(', ')}` }).optional(),
    from: month.optional(),
    to: month.optional(),
    reason,
  })
  .strict();

/** PUT /api/meters/bills: every bill as rows of text, the version replaced (or If-Match). */
export const UtilityBillsWrite = z
  .object({
    bills: z.array(row(UTILITY_BILL_COLUMNS)).max(5_000, 'at most 5,000 bills'),
    version: z.number().int().min(0).optional(),
    reason: reason.optional(),
  })
  .strict();

/** GET /api/meters/reading-round.xlsx?site=…&month=YYYY-MM */
export const ReadingRoundQuery = z.object({ site: id, month }).strict();

/** POST /api/meters/reading-round: the filled-in workbook as base64. */
export const ReadingRoundUpload = z
  .object({
    file: UploadName.default('reading-round.xlsx'),
    xlsxBase64: z
      .string()
      .min(1, 'the file is empty')
      .max(28_000_000, 'at most 20 MB of XLSX')
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text'),
  })
  .strict();
