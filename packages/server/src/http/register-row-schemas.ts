/**
 * Request schemas (zod) of the compliance cases, certifications and tailings facilities routes
 * (routes/compliance-cases.ts, routes/site-registers.ts; issue #18). The form of each field is
 * checked here (400 naming it, e.g. `case.openedOn`); what a row needs as a whole (a known
 * entity, real calendar dates in order, an outcome with a conclusion) is core's rules in the
 * use case (422 invalid-data naming the field).
 */
import { UploadName } from '@assay/app';
import {
  CASE_KINDS,
  CASE_OUTCOMES,
  CASE_TYPES,
  CERTIFICATION_STANDARDS,
  TAILINGS_CONSEQUENCE_CLASSES,
  TAILINGS_STATUSES,
} from '@assay/core';
import { z } from 'zod';

const reason = z.string().trim().min(1, 'say why').max(500);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, ".", "_" or "-", at most 100');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const short = z.string().trim().min(1).max(200);
const long = z.string().trim().min(1).max(4000);
const oneOf = <T extends readonly [string, ...string[]]>(v: T) =>
  z.enum(v, { message: `one of ${v.join(', ')}` });
const localised = z.object({ en: long, 'zh-Hant': long }).strict();
const version = z.number().int().positive().optional();

export const CaseInput = z
  .object({
    id,
    kind: oneOf(CASE_KINDS),
    type: oneOf(CASE_TYPES),
    entityId: short,
    openedOn: date,
    concludedOn: date.optional(),
    outcome: oneOf(CASE_OUTCOMES).optional(),
    summary: long,
    actions: long.optional(),
  })
  .strict();

export const CertificationInput = z
  .object({
    id,
    standard: oneOf(CERTIFICATION_STANDARDS),
    entityId: short,
    scope: localised,
    issuer: short,
    certificateNumber: short,
    issuedOn: date,
    expiresOn: date.optional(),
    source: z.string().trim().max(500).optional(),
    isDemonstration: z.boolean().optional(),
  })
  .strict();

export const TailingsInput = z
  .object({
    id,
    name: localised,
    entityId: short,
    status: oneOf(TAILINGS_STATUSES),
    consequence: oneOf(TAILINGS_CONSEQUENCE_CLASSES),
    monitoring: localised,
    emergencyPlan: localised,
    closurePlan: localised,
    source: z.string().trim().max(500).optional(),
    isDemonstration: z.boolean().optional(),
  })
  .strict();

export const CaseWrite = z.object({ case: CaseInput, version, reason: reason.optional() }).strict();
export const CertificationWrite = z
  .object({ certification: CertificationInput, version, reason: reason.optional() })
  .strict();
export const TailingsWrite = z
  .object({ facility: TailingsInput, version, reason: reason.optional() })
  .strict();
export const RowRetract = z.object({ version, reason: reason.optional() }).strict();

export const CaseQuery = z
  .object({
    kind: oneOf(CASE_KINDS).optional(),
    type: oneOf(CASE_TYPES).optional(),
    status: oneOf(['open', 'concluded'] as const).optional(),
  })
  .strict();
export const CaseCountQuery = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'a year of four digits')
      .optional(),
  })
  .strict();
export const CertificationQuery = z
  .object({
    entity: short.optional(),
    state: oneOf(['valid', 'expiring', 'expired', 'no-expiry'] as const).optional(),
    today: date.optional(),
    /** Days before expiry a certificate is 'expiring' (default 90: core DEFAULT_CERTIFICATE_WARNING_DAYS). */
    warnDays: z.coerce.number().int().min(0).max(3650).optional(),
  })
  .strict();
export const TailingsQuery = z
  .object({ entity: short.optional(), status: oneOf(TAILINGS_STATUSES).optional() })
  .strict();

export const RowImport = (defaultName: string) =>
  z
    .object({
      file: UploadName.default(defaultName),
      xlsxBase64: z
        .string()
        .min(1)
        .max(28_000_000, 'at most 20 MB of XLSX')
        .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text'),
      reason: reason.optional(),
    })
    .strict();
