/**
 * Request schemas (zod) of the meters routes (routes/meters.ts, issue #22; docs/meters.md). The
 * shape is checked here (400 naming the field); what the register means (sites, carriers, units,
 * parents, service dates…) is core's validateMeterRegister in the use case (422 naming file, row
 * and field), and a readings file is read by io's reader (422 naming file, line and column).
 */
import { UploadName } from '@assay/app';
import { METER_CARRIERS, METER_COLUMNS, parseInstant, REPLACEMENT_COLUMNS } from '@assay/core';
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
