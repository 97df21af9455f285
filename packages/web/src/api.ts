/** The API client. Types are copied from the server's presenters (the web app imports no package). */
import { announce } from './auth-events';
import type { Localised } from './i18n';

export type ApiErrorBody = {
  code: string;
  message: string;
  field?: string;
  /** The collection cycle's rule that refused an event (self-approval, wrong-state…). */
  rule?: string;
  issues?: { file: string; row?: number; column?: string; reason: string }[];
};
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** From `Retry-After` (seconds) on a 429 `throttled`; undefined otherwise. */
    readonly retryAfterSeconds?: number,
  ) {
    super(body.message);
  }
}

export type Figure = {
  id: string;
  indicatorId: string;
  name: Localised;
  topic: string | null;
  kind: string;
  entityId: string;
  periodId: string;
  disaggregation: Record<string, string>;
  precision: number;
  value: string | null;
  display: string | null;
  unit: string | null;
  error?: { code: string; message: string };
};
/** What every data-point write answers with: the figures it changed (docs/api.md). */
export type AffectedFigures = { figures: Figure[]; removedFigures: string[] };
export type Headline = { current: Figure; prior: Figure | null; changePercent: string | null };
export type Split = { key: string; figure: Figure }[];
export type Overview = {
  period: string;
  priorPeriod: string | null;
  groupEntity: string;
  workspaceVersion: number;
  headlines: Headline[];
  emissions: { byScope: Split; byEntity: Split; bySource: Split };
  energyMix: Split;
  targets: {
    id: string;
    name: Localised;
    target: string | null;
    unit: string | null;
    targetYear: string | null;
    current: Figure | null;
  }[];
  findings: Record<string, number>;
  completeness: {
    framework: string;
    version: string;
    total: number;
    counts: Record<ProvisionStatus, number>;
  }[];
};
export type Entity = { id: string; name: Localised; kind: string; parentId: string | null };
export type Organisation = {
  id: string;
  name: Localised;
  entities: Entity[];
  frameworks: string[];
  workspaceVersion: number;
};
/** GET /api/catalogue (server: use-cases/catalogue.ts, schema CatalogueResponse). */
export type CatalogueEntry = {
  id: string;
  name: Localised;
  topic: string;
  kind: 'input' | 'derived';
  unit: string;
  dimension: string;
  axes: string[];
  /** Decimal places printed. */
  precision: number;
  provisions: {
    subject: string;
    framework: string;
    code: string;
    label: string;
    obligation: string;
    /** Breakdowns the provision asks for. */
    axes: string[];
  }[];
  current: {
    dataPoints: number;
    entities: number;
    groupFigure: { id: string; display: string | null; unit: string | null } | null;
  };
};
export type Catalogue = {
  workspaceVersion: number;
  period: string;
  groupEntity: string;
  indicators: CatalogueEntry[];
};
export type Periods = { current: string; prior: string[]; withData: string[] };
export type DataPoint = {
  id: string;
  version: number;
  entityId: string;
  periodId: string;
  indicatorId: string;
  name: Localised;
  disaggregation: Record<string, string>;
  value: string;
  unit: string;
  source: string;
};
/** A file to import: CSV text, or the XLSX entry template as base64. */
export type Upload = { file: string; csv: string } | { file: string; xlsxBase64: string };

export type ImportPreview = {
  workspaceVersion: number;
  rows: {
    line: number;
    sheet: string | null;
    action: 'add' | 'change' | 'unchanged';
    id: string;
    entity: string;
    period: string;
    indicator: string;
    disaggregation: string;
    before: { value: string; unit: string } | null;
    after: { value: string; unit: string };
  }[];
  issues: { sheet?: string; row?: number; column?: string; reason: string }[];
  summary: { add: number; change: number; unchanged: number; errors: number };
};
export type Lineage = {
  id: string;
  kind: 'fact' | 'factor' | 'derived' | 'constant';
  label: Localised;
  kindText: Localised;
  op: string | null;
  opText: Localised | null;
  value: { value: string | null; display: string | null; unit: string | null; error?: { message: string } };
  figureId: string | null;
  fact: {
    id: string;
    version: number | null;
    source: string | null;
    evidence: string | null;
    comment: string | null;
  } | null;
  factor: {
    id: string;
    document: string;
    status: string;
    vintage: number;
    method: string;
    value: string;
    unit: string;
  } | null;
  note: string | null;
  /** The note in both languages; `known: false`: printed as written (English). */
  noteText: { 'zh-Hant': string; en: string; known: boolean } | null;
  children: Lineage[];
};

/** A response index.html started fetching before the app loaded; each is used once. */
function takePreloaded<T>(path: string): Promise<T | undefined> | undefined {
  const store = (window as unknown as { __assayPreload?: Record<string, Promise<unknown>> }).__assayPreload;
  const p = store?.[path];
  if (store && p) delete store[path];
  return p as Promise<T | undefined> | undefined;
}

/** `Retry-After` as whole seconds (the server sends delta-seconds), or undefined. */
function retryAfter(r: Response): number | undefined {
  const text = r.headers.get('retry-after');
  return text !== null && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/**
 * One API request. A 401 `unauthenticated` (no session, or it ended) and a 403 `forbidden` are
 * announced to the shell (auth-events.ts) and still thrown to the caller. A 401 with another
 * code (`bad-credentials` from signing in) is the sign-in form's own business.
 */
export async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const early = init === undefined ? await takePreloaded<T>(path) : undefined;
  if (early !== undefined) return early;
  const r = await fetch(`/api${path}`, init);
  const body = (await r.json().catch(() => ({}))) as { error?: ApiErrorBody };
  if (r.ok) return body as T;
  const error = new ApiError(
    r.status,
    body.error ?? { code: r.status === 401 ? 'unauthenticated' : 'internal', message: r.statusText },
    retryAfter(r),
  );
  if (r.status === 401 && error.body.code === 'unauthenticated') announce('unauthenticated');
  // 403 totp-enrolment-required: the second factor became required of this session (the
  // security settings changed); the shell fetches the session and shows only the enrolment.
  if (r.status === 403 && (error.body.code === 'forbidden' || error.body.code === 'totp-enrolment-required'))
    announce('forbidden');
  throw error;
}
/** A write: JSON body (the server refuses any other content type, also on DELETE). */
export const send = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});
export const qs = (o: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();

export const api = {
  overview: () => call<Overview>('/overview'),
  organisation: () => call<Organisation>('/organisation'),
  periods: () => call<Periods>('/periods'),
  catalogue: () => call<Catalogue>('/catalogue'),
  dataPoints: (entity: string, period: string) =>
    call<{ workspaceVersion: number; dataPoints: DataPoint[] }>(`/data-points?${qs({ entity, period })}`),
  figures: (q: { entity?: string; period?: string }) => call<{ figures: Figure[] }>(`/figures?${qs(q)}`),
  figure: (id: string) =>
    call<{ figure: Figure; lineage: Lineage | null; lineageError: ApiErrorBody | null }>(
      `/figure?${qs({ id })}`,
    ),
  writeValue: (id: string, version: number, value: string, reason: string, dryRun: boolean) =>
    call<{ dataPoint: DataPoint } & AffectedFigures>(
      `/data-points/${encodeURIComponent(id)}${dryRun ? '?dryRun=true' : ''}`,
      send('PUT', { value, reason }, { 'If-Match': `"${version}"` }),
    ),
  /** A new revision that withdraws the data point; `reason` is required by the server. */
  retract: (id: string, version: number, reason: string) =>
    call<{ retracted: true; id: string; version: number; workspaceVersion: number } & AffectedFigures>(
      `/data-points/${encodeURIComponent(id)}/retract`,
      send('POST', { reason }, { 'If-Match': `"${version}"` }),
    ),
  previewImport: (upload: Upload) => call<ImportPreview>('/import/data-points', send('POST', upload)),
  applyImport: (upload: Upload, version: number, reason: string) =>
    call<ImportPreview>('/import/data-points?apply=true', send('POST', { ...upload, version, reason })),
  findings: (q: { rule?: string; severity?: string; entity?: string }) =>
    call<{ findings: Finding[]; total: number; workspaceVersion: number }>(`/findings?${qs(q)}`),
  disclosures: () => call<{ workspaceVersion: number; frameworks: FrameworkStatus[] }>('/disclosures'),
  explanations: () =>
    call<{ workspaceVersion: number; explanations: { subject: string; text: Localised }[] }>('/explanations'),
  writeExplanation: (subject: string, text: Localised, version: number) =>
    call<unknown>(`/explanations/${encodeURIComponent(subject)}`, send('PUT', { text, version })),
  history: (id: string) => call<{ revisions: Revision[] }>(`/data-points/${encodeURIComponent(id)}/history`),

  // Accounts, sessions and permissions (docs/api.md, issue #16).
  session: () => call<Session>('/session'),
  /**
   * 204 and the session cookie; 401 `bad-credentials`, 401 `totp-required` (the account has a
   * second factor: send `totp`, the current 6-digit code; also for a wrong or used code),
   * 403 `account-disabled`, 429 `throttled`.
   */
  signIn: (email: string, password: string, totp?: string) =>
    call<unknown>(
      '/session',
      send('POST', totp === undefined ? { email, password } : { email, password, totp }),
    ).then(() => undefined),
  signOut: () => call<unknown>('/session', send('DELETE', {})).then(() => undefined),
  users: () => call<{ users: Account[] }>('/users'),
  addUser: (u: { email: string; name: string; password?: string }) =>
    call<{ user: Account }>('/users', send('POST', u)),
  grant: (userId: string, role: string, entityId: string) =>
    call<{ user: Account }>(`/users/${encodeURIComponent(userId)}/grants`, send('POST', { role, entityId })),
  revokeGrant: (userId: string, role: string, entityId: string) =>
    call<{ user: Account }>(
      `/users/${encodeURIComponent(userId)}/grants/${encodeURIComponent(role)}/${encodeURIComponent(entityId)}`,
      send('DELETE', {}),
    ),
  disableUser: (userId: string) =>
    call<{ user: Account }>(`/users/${encodeURIComponent(userId)}/disable`, send('POST', {})),
  enableUser: (userId: string) =>
    call<{ user: Account }>(`/users/${encodeURIComponent(userId)}/enable`, send('POST', {})),
  tokens: () => call<{ tokens: ApiToken[] }>('/tokens'),
  /** The secret `token` is in this answer only; the server keeps its hash. */
  createToken: (label: string, roles?: string[]) =>
    call<{ id: string; token: string }>('/tokens', send('POST', roles ? { label, roles } : { label })),
  revokeToken: (id: string) =>
    call<unknown>(`/tokens/${encodeURIComponent(id)}`, send('DELETE', {})).then(() => undefined),
  /** Begin enrolling your second factor: the secret is in this answer only; 409 when one is on. */
  beginTotp: () => call<TotpEnrolment>('/session/totp', send('POST', {})),
  /** 204: the pending secret becomes your second factor; 400 (field `code`) for a wrong code. */
  confirmTotp: (code: string) =>
    call<unknown>('/session/totp/confirm', send('POST', { code })).then(() => undefined),
  /** 204; 400 (field `code`) wrong code, 429 throttled, 403 while required of your role. */
  turnOffTotp: (code: string) =>
    call<unknown>('/session/totp', send('DELETE', { code })).then(() => undefined),
  /** How many of your recovery codes are unused (0 when you have none). */
  recoveryCodesLeft: () => call<{ unused: number }>('/session/totp/recovery-codes'),
  /**
   * A new list of recovery codes ("XXXX-XXXX-XXXX-XXXX"), in this answer only; the old list stops
   * working. 400 (field `code`) wrong code, 429 throttled, 404 without a second factor.
   */
  makeRecoveryCodes: (code: string) =>
    call<{ codes: string[] }>('/session/totp/recovery-codes', send('POST', { code })),
  /**
   * 204: your password is changed and every other session of yours has ended. 401
   * `bad-credentials` (field `currentPassword`), 400 (field `newPassword`) against the policy,
   * 429 throttled, 403 with an API token, 400 (field `user`) without an account, 409 for an
   * account that signs in with single sign-on only.
   */
  changePassword: (currentPassword: string, newPassword: string) =>
    call<unknown>('/session/password', send('PUT', { currentPassword, newPassword })).then(() => undefined),
  // The collection cycle (docs/workflow.md, issue #17): units, events, the period lock.
  workflow: (period: string) => call<WorkflowList>(`/workflow?${qs({ period })}`),
  /** One event on a unit, acting on `version` (412 stale-version when someone acted meanwhile). */
  workflowEvent: (
    unit: { entityId: string; periodId: string; topic: string },
    event: WorkflowEvent,
    body: { version: number; comment?: string; userId?: string },
  ) =>
    call<{ unit: WorkflowUnit }>(
      `/workflow/${[unit.entityId, unit.periodId, unit.topic, event].map(encodeURIComponent).join('/')}`,
      send('POST', body),
    ),
  lockPeriod: (period: string, reason: string) =>
    call<{ lock: PeriodLock; notApproved: WorkflowUnit[] }>(
      `/periods/${encodeURIComponent(period)}/lock`,
      send('POST', { reason }),
    ),
  unlockPeriod: (period: string, reason: string) =>
    call<unknown>(`/periods/${encodeURIComponent(period)}/lock`, send('DELETE', { reason })),
  // Evidence files on a data point (issue #17; server routes/evidence.ts).
  evidence: (dataPointId: string) =>
    call<{ dataPoint: string; evidence: EvidenceFile[] }>(
      `/data-points/${encodeURIComponent(dataPointId)}/evidence`,
    ),
  /** 201 a new link, 200 when these bytes were already linked under this name (`linked` false). */
  uploadEvidence: (dataPointId: string, fileName: string, contentBase64: string) =>
    call<{ sha256: string; fileName: string; size: number; mediaType: string; linked: boolean }>(
      `/data-points/${encodeURIComponent(dataPointId)}/evidence`,
      send('POST', { fileName, contentBase64 }),
    ),
  securitySettings: () => call<SecuritySettings>('/settings/security'),
  setSecuritySettings: (s: { requireTotpForAdministrators: boolean }) =>
    call<SecuritySettings>('/settings/security', send('PUT', s)),
};

export const WORKFLOW_STATES = ['draft', 'submitted', 'reviewed', 'approved'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];
export type WorkflowEvent = 'submit' | 'return' | 'review' | 'approve' | 'reopen' | 'exception';
/** A unit of GET /api/workflow (app's DescribedUnit): entity × period × topic and where it stands. */
export type WorkflowUnit = {
  entityId: string;
  periodId: string;
  topic: string;
  state: WorkflowState;
  /** 0 while nobody has acted on it; +1 per transition. */
  version: number;
  /** User ids (segregation of duties compares these). */
  submittedBy: string | null;
  reviewedBy: string | null;
  exceptions: string[];
  updatedAt: string | null;
  dataPoints: number;
  /** Activity lines of the unit (a line's topic: energy, or emissions for process and Scope 3 lines). */
  activityLines: number;
  /** Names as recorded ("name <email>"); null while nobody has. */
  submitter?: string | null;
  reviewer?: string | null;
  lastComment?: { comment: string; actor: string; event: WorkflowEvent; at: string } | null;
};
export type PeriodLock = {
  periodId: string;
  userId: string | null;
  actor: string;
  at: string;
  reason: string;
};
export type WorkflowList = { period: string; lock: PeriodLock | null; units: WorkflowUnit[] };
/** One evidence file linked to a data point (GET /api/data-points/{id}/evidence). */
export type EvidenceFile = {
  sha256: string;
  fileName: string;
  /** Bytes. */
  size: number;
  mediaType: string;
  uploadedBy: string;
  /** ISO-8601. */
  at: string;
};
/** Where a file is downloaded (an attachment); `name` picks the link's name. */
export const evidenceHref = (f: { sha256: string; fileName: string }) =>
  `/api/evidence/${f.sha256}?${new URLSearchParams({ name: f.fileName }).toString()}`;

/** POST /api/session/totp: the base32 secret and its otpauth://totp/… URI, shown this once. */
export type TotpEnrolment = { secret: string; uri: string };
/** GET/PUT /api/settings/security. `updatedAt` ISO-8601; both null while never set. */
export type SecuritySettings = {
  requireTotpForAdministrators: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

/** One revision of a data point (GET /api/data-points/{id}/history; app's DataPointRevision). */
export type Revision = {
  version: number;
  value: string;
  unit: string;
  retracted: boolean;
  reason: string;
  /** Who wrote it: the user's name once accounts exist (the server fills it in). */
  author: string;
  /** ISO-8601. */
  at: string;
};

/** A role on an entity and the entities below it. */
export type Grant = { role: string; entityId: string };
/** GET /api/session. `allowed`: action → the entity ids where the role allows it. */
export type Session = {
  mode: 'open' | 'accounts';
  user: { id: string; email: string; name: string } | null;
  via: 'session' | 'token' | 'local' | null;
  grants: Grant[];
  allowed: Partial<Record<string, string[]>>;
  /** Single sign-on offered: the sign-in page links to /api/session/oidc/start. */
  sso?: { label: string } | null;
  /** The user has a second factor (TOTP). Absent from a server from before it. */
  totpEnrolled?: boolean;
  /** The session may do nothing but enrol a second factor (required of administrators). */
  mustEnrolTotp?: boolean;
};
/** A user as the administration routes present it (never a password hash). */
export type Account = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  createdAt?: string;
  grants: Grant[];
};
/** One of your API tokens, without its secret. `roles` null: all of your roles. */
export type ApiToken = {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  roles: string[] | null;
};

export type Finding = {
  ruleId: string;
  code?: string;
  severity: string;
  where?: { entityId?: string; figureId?: string; indicatorId?: string; periodId?: string; section?: string };
  expected?: string;
  actual?: string;
  /** expected/actual in both languages (units as labels), where the checker gives them. */
  expectedText?: Localised;
  actualText?: Localised;
  message: Localised;
};

export type ProvisionStatus = 'disclosed' | 'partly-disclosed' | 'explained' | 'missing';
export type FrameworkStatus = {
  framework: string;
  version: string;
  year: string;
  counts: Record<ProvisionStatus, number>;
  provisions: {
    subject: string;
    code: string;
    label: string;
    section: string;
    text: Localised;
    obligation: string;
    status: ProvisionStatus;
    where: string[];
    explanation: Localised | null;
  }[];
};
