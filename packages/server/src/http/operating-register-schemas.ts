/**
 * Request schemas (zod) of the supplier, hazard and project routes (routes/operating-registers.ts,
 * issue #18). The form of each field is checked here (400 naming it, e.g. `row.foundOn`): text
 * lengths, enumerations, exact decimal text. What a row needs as a whole (a credit code whose check
 * character is right, a known entity, dates that are real and in order, verified savings only
 * when completed) is core's validate-register-rows.ts in the use case (422 invalid-data, naming
 * the field).
 */
import { UploadName } from '@assay/app';
import { z } from 'zod';
import { decimalText } from './schemas.js';

const reason = z.string().trim().min(1, 'say why').max(500);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, ".", "_" or "-", at most 100');
const short = z.string().trim().min(1).max(200);
const text = (what: string) =>
  z
    .object({
      en: z.string().trim().min(1, `give the English ${what}`).max(2000),
      'zh-Hant': z.string().trim().min(1, `give the Chinese ${what}`).max(2000),
    })
    .strict();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const savings = z
  .object({ tce: decimalText.optional(), MWh: decimalText.optional(), tCO2e: decimalText.optional() })
  .strict();

export const SupplierInput = z
  .object({
    id,
    name: text('name'),
    creditCode: z.string().trim().length(18, '18 characters (GB 32100-2015)'),
    entityId: short,
    region: short,
    category: short,
    esgResult: z
      .enum(['pass', 'conditional', 'fail'], { message: 'one of pass, conditional, fail' })
      .optional(),
    esgAssessedOn: date.optional(),
    status: z.enum(['approved', 'suspended', 'blacklisted'], {
      message: 'one of approved, suspended, blacklisted',
    }),
    isDemonstration: z.boolean().optional(),
  })
  .strict();

export const HazardInput = z
  .object({
    id,
    foundOn: date,
    entityId: short,
    grade: z.enum(['general', 'major'], { message: 'one of general, major' }),
    description: text('description'),
    owner: short,
    dueOn: date,
    rectifiedOn: date.optional(),
    evidence: z.string().trim().min(1).max(500).optional(),
    isDemonstration: z.boolean().optional(),
  })
  .strict();

export const ProjectInput = z
  .object({
    id,
    name: text('name'),
    entityId: short,
    measure: text('measure'),
    status: z.enum(['planned', 'in-progress', 'completed', 'cancelled'], {
      message: 'one of planned, in-progress, completed, cancelled',
    }),
    estimated: savings.optional(),
    verified: savings.optional(),
    isDemonstration: z.boolean().optional(),
  })
  .strict();

export const ROW_INPUTS = { suppliers: SupplierInput, hazards: HazardInput, projects: ProjectInput } as const;

/** POST /api/{register}: a new row and, optionally, why. */
export const rowCreate = (row: z.ZodTypeAny) => z.object({ row, reason: reason.optional() }).strict();

/** PUT /api/{register}/{id}: the whole row as it should be, the version replaced (or If-Match), why. */
export const rowUpdate = (row: z.ZodTypeAny) =>
  z.object({ row, version: z.number().int().positive().optional(), reason: reason.optional() }).strict();

/** POST /api/{register}/{id}/retract: the version retracted (or If-Match) and why. */
export const RowRetract = z
  .object({ version: z.number().int().positive().optional(), reason: reason.optional() })
  .strict();

/** GET /api/{register}?entity=&status=&region=&grade= */
export const RowQuery = z
  .object({
    entity: z.string().min(1).max(200).optional(),
    status: z.string().min(1).max(40).optional(),
    region: z.string().min(1).max(100).optional(),
    grade: z.enum(['general', 'major']).optional(),
  })
  .strict();

/** POST /api/import/{register}: the register's workbook as base64. */
export const RowImport = z
  .object({
    file: UploadName.default('register.xlsx'),
    xlsxBase64: z
      .string()
      .min(1)
      .max(28_000_000, 'at most 20 MB of XLSX')
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text'),
    reason: reason.optional(),
  })
  .strict();
