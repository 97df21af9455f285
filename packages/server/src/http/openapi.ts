/** The OpenAPI 3.1 document, with request bodies generated from the same zod schemas the routes use. */
import { z } from 'zod';
import { activityLinePaths } from './activity-line-openapi.js';
import { type ApiErrorCode, STATUS_OF } from './api-error.js';
import { climateRegisterPaths } from './climate-register-openapi.js';
import { cyclePaths } from './cycle-openapi.js';
import { findingPaths } from './finding-openapi.js';
import { materialityPaths } from './materiality-openapi.js';
import { meterPaths } from './meter-openapi.js';
import { narrativePaths } from './narrative-openapi.js';
import { notificationPaths } from './notification-openapi.js';
import { operatingRegisterPaths } from './operating-register-openapi.js';
import { registerRowPaths } from './register-row-openapi.js';
import { restatementPaths } from './restatement-openapi.js';
import {
  CatalogueResponse,
  DataPointCreate,
  DataPointPatch,
  DataPointRetract,
  EvidenceUploadRequest,
  ExplanationWrite,
  GrantCreate,
  ImportRequest,
  PasswordChange,
  SecuritySettingsWrite,
  SignIn,
  TokenCreate,
  TotpCode,
  UserCreate,
} from './schemas.js';
import { targetPaths } from './target-openapi.js';
import { workflowPaths } from './workflow-openapi.js';

const json = (schema: z.ZodType) => ({
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } },
});
const ok = (description: string) => ({ description, content: { 'application/json': {} } });
const errors = (...codes: ApiErrorCode[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(STATUS_OF[code]),
      {
        description: code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
const q = (name: string, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  schema: { type: 'string' },
  description,
});
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  schema: { type: 'string' },
  description: 'version being edited, e.g. "3"',
};

/** What every data-point write answers with besides its own fields (routes/data-points.ts). */
const AFFECTED =
  'figures (the figures the write changed, new or with a new value, unit, error, precision or method, each as GET /api/figures presents it), removedFigures (ids of figures the write removed)';

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Assay API',
      version: '0.1.0',
      description: 'ESG data, figures with lineage, checks and disclosures. See docs/api.md.',
    },
    paths: {
      '/api/health': {
        get: {
          summary:
            'Health for monitors, no sign-in: {status: ok} or {status: unavailable} (docs/operations.md)',
          responses: {
            200: ok('ok'),
            503: ok('unavailable: database unreachable or migrations not current'),
          },
        },
      },
      '/api/health/details': {
        get: {
          summary:
            'Health for administrators: database (kind, reachable, latency, problem), migrations (applied, known, pending, unknown), disk (free bytes at the data folder), databaseBytes',
          responses: { 200: ok('ok'), 503: ok('unavailable'), ...errors('unauthenticated', 'forbidden') },
        },
      },
      '/api/backup': {
        get: {
          summary:
            'The whole store as an `assay backup` file (gzip-compressed tar: manifest, every table, digest), written from one snapshot by this server; for `assay backup --server`. Headers X-Assay-Backup-Sha256 (entries) and X-Assay-Backup-File-Sha256',
          responses: {
            200: { description: 'the backup file (application/gzip)' },
            ...errors('unauthenticated', 'forbidden', 'not-found'),
          },
        },
      },
      '/api/session': {
        get: {
          summary:
            'Who you are: mode, user, grants, allowed entities per action, totpEnrolled, mustEnrolTotp; sso: {label} when single sign-on is offered, else null',
          responses: { 200: ok('session') },
        },
        post: {
          summary: 'Sign in (sets the assay_session cookie)',
          requestBody: json(SignIn),
          responses: {
            204: { description: 'signed in' },
            ...errors('invalid-request', 'bad-credentials', 'totp-required', 'account-disabled', 'throttled'),
          },
        },
        delete: { summary: 'Sign out', responses: { 204: { description: 'signed out' } } },
      },
      '/api/session/oidc/start': {
        get: {
          summary:
            'Single sign-on: 302 to the OpenID Connect provider (sets the short-lived assay_oidc cookie); a browser link, not a script call',
          responses: {
            302: { description: 'to the provider; to /#/sign-in?sso=failed when it cannot be reached' },
            ...errors('not-found'),
          },
        },
      },
      '/api/session/oidc/callback': {
        get: {
          summary:
            "Single sign-on: the provider's redirect back; signs the account with the provider's verified email in (assay_session cookie)",
          parameters: [
            q('code', 'authorization code'),
            q('state', 'the state sent at start'),
            q('iss', 'issuer (RFC 9207)'),
            q('error', "the provider's error, when it refused"),
          ],
          responses: {
            302: {
              description:
                'to / signed in; to /#/sign-in?sso=refused (no enabled account with that email, or no verified email) or ?sso=failed (state, code or token refused)',
            },
            ...errors('not-found'),
          },
        },
      },
      '/api/session/totp': {
        post: {
          summary:
            'Begin enrolling a TOTP second factor: {secret, uri} (shown once; pending until confirmed)',
          responses: {
            200: ok('secret and otpauth URI'),
            ...errors('invalid-request', 'conflict', 'forbidden'),
          },
        },
        delete: {
          summary: 'Turn your second factor off (needs a current code)',
          requestBody: json(TotpCode),
          responses: {
            204: { description: 'turned off' },
            ...errors('invalid-request', 'forbidden', 'not-found', 'throttled'),
          },
        },
      },
      '/api/session/totp/confirm': {
        post: {
          summary: 'Confirm the enrolment with a code from the authenticator app',
          requestBody: json(TotpCode),
          responses: { 204: { description: 'second factor on' }, ...errors('invalid-request', 'forbidden') },
        },
      },
      '/api/session/totp/recovery-codes': {
        post: {
          summary:
            'Make a new list of 10 one-time recovery codes (needs a current code; replaces the old list; shown this once). Any place a code is asked for accepts an unused recovery code',
          requestBody: json(TotpCode),
          responses: {
            200: ok('{codes: ["XXXX-XXXX-XXXX-XXXX", …]}'),
            ...errors('invalid-request', 'forbidden', 'not-found', 'throttled'),
          },
        },
        get: {
          summary: 'How many of your recovery codes are unused',
          responses: { 200: ok('{unused}'), ...errors('invalid-request', 'forbidden') },
        },
      },
      '/api/session/password': {
        put: {
          summary:
            'Change your own password (needs the current one; every other session of yours ends, this one stays)',
          requestBody: json(PasswordChange),
          responses: {
            204: { description: 'changed' },
            ...errors('invalid-request', 'bad-credentials', 'throttled', 'forbidden', 'conflict'),
          },
        },
      },
      '/api/settings/security': {
        get: {
          summary: 'Security settings',
          responses: {
            200: ok('{requireTotpForAdministrators, updatedAt, updatedBy}'),
            ...errors('forbidden'),
          },
        },
        put: {
          summary: 'Change the security settings',
          requestBody: json(SecuritySettingsWrite),
          responses: { 200: ok('the settings'), ...errors('invalid-request', 'forbidden') },
        },
      },
      '/api/users': {
        get: { summary: 'Users with their grants', responses: { 200: ok('users'), ...errors('forbidden') } },
        post: {
          summary: 'Add a user',
          requestBody: json(UserCreate),
          responses: { 201: ok('user'), ...errors('invalid-request', 'conflict', 'forbidden') },
        },
      },
      '/api/users/{id}/grants': {
        post: {
          summary: 'Grant a role on an entity',
          parameters: [path('id')],
          requestBody: json(GrantCreate),
          responses: { 200: ok('user'), ...errors('invalid-request', 'not-found', 'forbidden') },
        },
      },
      '/api/users/{id}/grants/{role}/{entity}': {
        delete: {
          summary: 'Revoke a grant',
          parameters: [path('id'), path('role'), path('entity')],
          responses: { 200: ok('user'), ...errors('invalid-request', 'not-found', 'forbidden') },
        },
      },
      '/api/users/{id}/disable': {
        post: {
          summary: 'Disable a user',
          parameters: [path('id')],
          responses: { 200: ok('user'), ...errors('not-found', 'forbidden') },
        },
      },
      '/api/users/{id}/enable': {
        post: {
          summary: 'Enable a user',
          parameters: [path('id')],
          responses: { 200: ok('user'), ...errors('not-found', 'forbidden') },
        },
      },
      '/api/tokens': {
        get: { summary: 'Your API tokens (never the secret)', responses: { 200: ok('tokens') } },
        post: {
          summary: 'Create an API token (shown once)',
          requestBody: json(TokenCreate),
          responses: { 201: ok('id and token'), ...errors('invalid-request') },
        },
      },
      '/api/tokens/{id}': {
        delete: {
          summary: 'Revoke one of your API tokens',
          parameters: [path('id')],
          responses: { 204: { description: 'revoked' }, ...errors('not-found') },
        },
      },
      '/api/organisation': {
        get: { summary: 'Organisation and entities', responses: { 200: ok('organisation') } },
      },
      '/api/periods': { get: { summary: 'Reporting periods', responses: { 200: ok('periods') } } },
      '/api/catalogue': {
        get: {
          summary: 'Indicator catalogue: units, axes, citing provisions, data in the current period',
          responses: {
            200: {
              description: 'indicators',
              content: {
                'application/json': { schema: z.toJSONSchema(CatalogueResponse, { io: 'output' }) },
              },
            },
          },
        },
      },
      '/api/data-points': {
        get: {
          summary: 'Data points',
          parameters: [q('entity', 'entity id'), q('period', 'period id')],
          responses: { 200: ok('data points') },
        },
        post: {
          summary: 'Add a data point',
          requestBody: json(DataPointCreate),
          responses: {
            201: ok(`{dataPoint, ${AFFECTED}}`),
            ...errors('invalid-request', 'invalid-data', 'conflict'),
          },
        },
      },
      '/api/data-points/{id}': {
        put: {
          summary: 'Change a data point (new revision)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            ifMatch,
            q('dryRun', 'true: check only'),
          ],
          requestBody: json(DataPointPatch),
          responses: {
            200: ok(`{dryRun, dataPoint (the new revision), ${AFFECTED}}; a dry run changes no figure`),
            ...errors('invalid-request', 'invalid-data', 'not-found', 'version-required', 'stale-version'),
          },
        },
      },
      '/api/data-points/{id}/retract': {
        post: {
          summary: 'Retract a data point (a new revision that withdraws it; its history stays)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ifMatch],
          requestBody: json(DataPointRetract),
          responses: {
            200: ok(`{retracted: true, id, version (of the retraction), workspaceVersion, ${AFFECTED}}`),
            ...errors('invalid-request', 'not-found', 'version-required', 'stale-version'),
          },
        },
      },
      '/api/data-points/{id}/evidence': {
        post: {
          summary:
            'Attach an evidence file to a data point: {fileName, contentBase64}, at most 10 MiB; PDF, PNG, JPEG, XLSX, DOCX or CSV, decided by the bytes (docs/api.md, "Evidence files")',
          parameters: [path('id')],
          requestBody: json(EvidenceUploadRequest),
          responses: {
            201: ok('{sha256, fileName, size, mediaType, linked: true}'),
            200: ok('the same bytes were already linked under this name: {…, linked: false}, nothing added'),
            ...errors('invalid-request', 'not-found', 'too-large'),
          },
        },
        get: {
          summary: 'Evidence files of a data point',
          parameters: [path('id')],
          responses: {
            200: ok('{dataPoint, evidence: [{sha256, fileName, size, mediaType, uploadedBy, at}]}'),
            ...errors('not-found'),
          },
        },
      },
      '/api/activity-lines/{id}/evidence': {
        post: {
          summary:
            'Attach an evidence file to an activity line (an invoice, a meter photo, a utility bill): as for a data point, {fileName, contentBase64}, at most 10 MiB, type decided by the bytes',
          parameters: [path('id')],
          requestBody: json(EvidenceUploadRequest),
          responses: {
            201: ok('{sha256, fileName, size, mediaType, linked: true}'),
            200: ok('the same bytes were already linked under this name: {…, linked: false}, nothing added'),
            ...errors('invalid-request', 'not-found', 'too-large'),
          },
        },
        get: {
          summary: 'Evidence files of an activity line',
          parameters: [path('id')],
          responses: {
            200: ok('{activityLine, evidence: [{sha256, fileName, size, mediaType, uploadedBy, at}]}'),
            ...errors('not-found'),
          },
        },
      },
      '/api/evidence/{sha256}': {
        get: {
          summary:
            'Download an evidence file as an attachment (sniffed Content-Type, nosniff, sandboxing CSP)',
          parameters: [
            path('sha256'),
            q('name', 'one of the names it was uploaded under (default: the first)'),
          ],
          responses: {
            200: { description: 'the file' },
            ...errors('invalid-request', 'not-found', 'forbidden'),
          },
        },
      },
      '/api/data-points/{id}/history': {
        get: {
          summary: 'Revisions of a data point',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: ok('revisions'), ...errors('not-found') },
        },
      },
      '/api/import/data-points': {
        post: {
          summary: 'Preview (default) or apply (?apply=true) a CSV import',
          parameters: [q('apply', 'true to apply')],
          requestBody: json(ImportRequest),
          responses: {
            200: ok('preview'),
            ...errors('invalid-request', 'invalid-data', 'version-required', 'stale-version'),
          },
        },
      },
      '/api/export/data-points.csv': {
        get: { summary: 'Current data points as CSV', responses: { 200: { description: 'CSV' } } },
      },
      '/api/template/data-points.csv': {
        get: { summary: 'Entry template CSV', responses: { 200: { description: 'CSV' } } },
      },
      '/api/template/data-points.xlsx': {
        get: {
          summary: 'XLSX entry template for one entity and period (a sheet per topic)',
          parameters: [
            q('entity', 'entity id (default: the first)'),
            q('period', 'period id (default: the current)'),
          ],
          responses: { 200: { description: 'XLSX' }, ...errors('not-found') },
        },
      },
      '/api/figures': {
        get: {
          summary: 'Evaluated figures',
          parameters: [q('entity', ''), q('period', ''), q('indicator', ''), q('topic', '')],
          responses: { 200: ok('figures') },
        },
      },
      '/api/figure': {
        get: {
          summary: 'One figure with its lineage',
          parameters: [q('id', 'figure id', true)],
          responses: { 200: ok('figure'), ...errors('invalid-request', 'not-found') },
        },
      },
      '/api/lineage': {
        get: {
          summary: 'Derivation tree of a figure',
          parameters: [q('id', 'figure id', true)],
          responses: { 200: ok('lineage'), ...errors('invalid-request', 'not-found') },
        },
      },
      '/api/overview': {
        get: {
          summary: 'Overview',
          parameters: [q('period', 'period id')],
          responses: { 200: ok('overview'), ...errors('invalid-request') },
        },
      },
      '/api/disclosures': {
        get: {
          summary: 'Disclosure index with status',
          responses: { 200: ok('completeness per framework') },
        },
      },
      '/api/explanations': {
        get: { summary: 'Explanations for omissions', responses: { 200: ok('explanations') } },
      },
      '/api/explanations/{subject}': {
        put: {
          summary: 'Write an explanation',
          parameters: [{ name: 'subject', in: 'path', required: true, schema: { type: 'string' } }, ifMatch],
          requestBody: json(ExplanationWrite),
          responses: {
            200: ok('saved'),
            ...errors('invalid-request', 'invalid-data', 'version-required', 'stale-version'),
          },
        },
      },
      ...activityLinePaths(),
      ...workflowPaths(),
      ...restatementPaths(),
      ...cyclePaths(),
      ...findingPaths(),
      ...notificationPaths(),
      ...targetPaths(),
      ...narrativePaths(),
      ...meterPaths(),
      ...operatingRegisterPaths(),
      ...registerRowPaths(),
      ...materialityPaths(),
      ...climateRegisterPaths(),
      '/api/reports/{format}': {
        get: {
          summary: 'Report download',
          parameters: [
            {
              name: 'format',
              in: 'path',
              required: true,
              schema: { enum: ['html', 'pdf', 'docx', 'xlsx', 'json'] },
            },
            q('lang', 'zh-Hant | en'),
          ],
          responses: { 200: { description: 'the report' }, ...errors('invalid-request') },
        },
      },
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'assay_session' },
        token: { type: 'http', scheme: 'bearer', description: 'an API token assay_… (POST /api/tokens)' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { enum: Object.keys(STATUS_OF) },
                message: { type: 'string' },
                field: { type: 'string' },
                issues: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      file: { type: 'string' },
                      row: { type: 'integer' },
                      column: { type: 'string' },
                      reason: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
