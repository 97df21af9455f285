/** Request schemas (zod), shared by the routes and the OpenAPI document. */
import { z } from 'zod';

const text = z.string().max(2000);
export const decimalText = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'a plain decimal such as 1234.5 (no thousands separators)')
  .describe('exact decimal as text');
const reason = z.string().trim().min(1, 'say why (a revision reason is required)').max(500);

export const DataPointPatch = z
  .object({
    value: decimalText.optional(),
    unit: z.string().min(1).max(100).optional(),
    source: z.string().min(1).max(500).optional(),
    evidence: text.optional(),
    comment: text.optional(),
    reason,
    version: z.number().int().positive().optional(),
  })
  .strict();

/** Retract a data point: why, and the version retracted (or the If-Match header). */
export const DataPointRetract = z
  .object({
    reason,
    version: z.number().int().positive().optional(),
  })
  .strict();

export const DataPointCreate = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,80}$/)
      .optional(),
    entity: z.string().min(1),
    period: z.string().min(1),
    indicator: z.string().min(1),
    disaggregation: z.string().max(500).default(''),
    value: decimalText,
    unit: z.string().min(1).max(100),
    source: z.string().min(1).max(500),
    evidence: text.default(''),
    comment: text.default(''),
    reason,
  })
  .strict();

import { EvidenceUpload, UploadName } from '@assay/app';

export { UploadName };

/**
 * POST /api/data-points/{id}/evidence: `fileName` (the name rules of app/src/evidence/file-name.ts)
 * and `contentBase64`, the file as padded base64 of at most 10 MiB; the type is sniffed from the
 * bytes (app/src/evidence/sniff.ts). Strict: any other key is refused.
 */
export const EvidenceUploadRequest = EvidenceUpload;

/** Exactly one of `csv` (text) or `xlsxBase64` (the XLSX entry template, base64). */
export const ImportRequest = z
  .object({
    file: UploadName.default('upload.csv'),
    csv: z.string().max(20_000_000, 'at most 20 MB of CSV').optional(),
    xlsxBase64: z
      .string()
      .max(28_000_000, 'at most 20 MB of XLSX')
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text')
      .optional(),
    reason: reason.optional(),
    version: z.number().int().positive().optional(),
  })
  .strict()
  .refine((v) => (v.csv === undefined) !== (v.xlsxBase64 === undefined), {
    message: 'send either csv or xlsxBase64',
    path: ['csv'],
  });

export const ExplanationWrite = z
  .object({
    text: z.object({ 'zh-Hant': text, en: text }).strict(),
    version: z.number().int().positive().optional(),
  })
  .strict();

export const FigureQuery = z.object({
  entity: z.string().optional(),
  period: z.string().optional(),
  indicator: z.string().optional(),
  topic: z.string().optional(),
});

export const DataPointQuery = z.object({ entity: z.string().optional(), period: z.string().optional() });

export const ReportQuery = z.object({ lang: z.enum(['zh-Hant', 'en']).default('zh-Hant') });
export const ReportFormatParam = z.enum(['html', 'pdf', 'docx', 'xlsx', 'json']);

/**
 * Response of GET /api/catalogue. The route parses what it sends with this schema, so the
 * presenter cannot drift from the OpenAPI document (generated from the same schema).
 */
const localised = z.object({ 'zh-Hant': z.string(), en: z.string() }).strict();
export const CatalogueResponse = z
  .object({
    workspaceVersion: z.number().int().nonnegative(),
    /** The current reporting period the `current` counts are for. */
    period: z.string(),
    groupEntity: z.string(),
    indicators: z.array(
      z
        .object({
          id: z.string().min(1),
          name: localised,
          topic: z.string(),
          kind: z.enum(['input', 'derived']),
          unit: z.string().min(1),
          dimension: z.string(),
          axes: z.array(z.string()),
          precision: z.number().int().nonnegative().describe('decimal places printed'),
          provisions: z
            .array(
              z
                .object({
                  subject: z.string().describe('framework:code, e.g. hkex:A1.1'),
                  framework: z.string(),
                  code: z.string(),
                  label: z.string(),
                  obligation: z.string(),
                  axes: z.array(z.string()).describe('breakdowns the provision asks for'),
                })
                .strict(),
            )
            .describe('provisions of the bundle frameworks in force this year that cite the indicator'),
          current: z
            .object({
              dataPoints: z.number().int().nonnegative(),
              entities: z.number().int().nonnegative(),
              groupFigure: z
                .object({ id: z.string(), display: z.string().nullable(), unit: z.string().nullable() })
                .strict()
                .nullable(),
            })
            .strict()
            .describe('data points (all entities) and the group figure in the current period'),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * POST /api/session: sign in. The password length rule (at most 1,024 bytes) is the app's; the
 * body limit (1 MiB) comes first. `totp`: the current code of the authenticator app, for an
 * account with a second factor (6 digits; spaces are ignored).
 */
export const SignIn = z
  .object({ email: z.string().max(254), password: z.string(), totp: z.string().max(20).optional() })
  .strict();
/** PUT /api/session/password: the current password and the new one (the policy is the app's). */
export const PasswordChange = z.object({ currentPassword: z.string(), newPassword: z.string() }).strict();
/** POST /api/session/totp/confirm and DELETE /api/session/totp: a current code (6 digits). */
export const TotpCode = z.object({ code: z.string().max(20) }).strict();
/** PUT /api/settings/security. */
export const SecuritySettingsWrite = z.object({ requireTotpForAdministrators: z.boolean() }).strict();
/** POST /api/users: a new account (strict: `disabled`, `passwordHash`, `__proto__`… are refused). */
export const UserCreate = z
  .object({ email: z.string().max(254), name: z.string().max(200), password: z.string().optional() })
  .strict();
/** POST /api/users/{id}/grants: a role on an entity (and the entities below it). */
export const GrantCreate = z.object({ role: z.string().max(40), entityId: z.string().max(200) }).strict();
/** POST /api/tokens: an API token for oneself, with all one's roles or some. */
export const TokenCreate = z
  .object({ label: z.string().max(200), roles: z.array(z.string().max(40)).max(6).optional() })
  .strict();
