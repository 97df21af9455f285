/**
 * The API client of the supplier, hazard and energy-saving project registers and of the site
 * registers, certifications and tailings facilities (issue #18; docs/registers.md). Types copied
 * from the server's presenters (the web app imports no package): core model/register-rows.ts,
 * model/site-registers.ts, app use-cases/operating-registers.ts and site-registers.ts. The site
 * registers' answers (`{certifications: [{certification, version, expiry}]}`, `{facilities}`)
 * are read into the same list shape (no figures, no year), so one page serves all five.
 */
import { call, qs, send } from './api';
import type { Localised } from './i18n';

export const REGISTERS = ['suppliers', 'hazards', 'projects'] as const;
export const SITE_REGISTERS = [
  'certifications',
  'tailings-facilities',
  // the climate register, its scales and screening, the B5 practices (routes/site-registers.ts)
  'climate-risks',
  'climate-scales',
  'hazard-screening',
  'supplier-practices',
] as const;
/** The climate registers' filter in the `status` slot of the page: the field it filters by. */
export const CLIMATE_FILTER: Readonly<Partial<Record<Register, string>>> = {
  'climate-risks': 'kind',
  'climate-scales': 'axis',
  'hazard-screening': 'hazard',
  'supplier-practices': 'provision',
};
export type SiteRegister = (typeof SITE_REGISTERS)[number];
export type Register = (typeof REGISTERS)[number] | SiteRegister;
export const isSiteRegister = (r: Register): r is SiteRegister =>
  (SITE_REGISTERS as readonly string[]).includes(r);
/** The body field of a site register's row (routes/site-registers.ts); operating registers use `row`. */
const BODY_FIELD: Readonly<Record<Register, string>> = {
  suppliers: 'row',
  hazards: 'row',
  projects: 'row',
  certifications: 'certification',
  'tailings-facilities': 'facility',
  'climate-risks': 'risk',
  'climate-scales': 'level',
  'hazard-screening': 'score',
  'supplier-practices': 'practice',
};
/** A certificate's state on the day (core bundle/certification-expiry.ts). */
export type CertificateExpiry = {
  state: 'valid' | 'expiring' | 'expired' | 'no-expiry';
  daysLeft: number | null;
};

/** A row as the server gives it: fields by name, nested for texts and savings. */
export type RegisterRow = { id: string; entityId: string; isDemonstration?: boolean } & Record<
  string,
  string | number | boolean | readonly string[] | Localised | Record<string, unknown> | undefined
>;
/** A screening score at or above the threshold with no physical risk for its site (core climate-screening.ts). */
export type ScreeningGap = {
  screening: { id: string; entityId: string; hazard: string; score: number };
  threshold: number;
};
export type RegisterFigure = {
  figureId: string;
  indicatorId: string;
  entityId: string;
  disaggregation: Record<string, string>;
  /** Exact decimal text; null when the figure is an error. */
  value: string | null;
  unit: string;
};
export type RegisterList = {
  register: Register;
  year: string;
  workspaceVersion: number;
  rows: { row: RegisterRow; version: number; expiry?: CertificateExpiry }[];
  figures: RegisterFigure[];
  /** Certifications: days before expiry a certificate counts as expiring. */
  warnDays?: number;
  /** Climate registers: screening gaps and the threshold (null without one). */
  gaps?: ScreeningGap[];
  threshold?: number | null;
};
export type RowRevision = {
  version: number;
  row: RegisterRow | null;
  author: string;
  at: string;
  reason: string;
};
type Written = { id: string; version: number; workspaceVersion: number };
export type RegisterFilter = { entity?: string; status?: string; region?: string; grade?: string };

type SiteList = {
  certifications?: { certification: RegisterRow; version: number; expiry: CertificateExpiry }[];
  facilities?: { facility: RegisterRow; version: number }[];
  warnDays?: number;
  rows?: { row: RegisterRow; version: number }[];
  gaps?: ScreeningGap[];
  threshold?: number | null;
};

/** A site register's list in the common shape; the status filter is a certificate's expiry state. */
async function siteList(register: SiteRegister, filter: RegisterFilter): Promise<RegisterList> {
  const climate = CLIMATE_FILTER[register];
  const q =
    climate !== undefined
      ? { entity: filter.entity, [climate]: filter.status }
      : register === 'certifications'
        ? { entity: filter.entity, state: filter.status }
        : { entity: filter.entity, status: filter.status };
  const out = await call<SiteList>(`/${register}?${qs(q)}`);
  const rows =
    out.certifications?.map((c) => ({ row: c.certification, version: c.version, expiry: c.expiry })) ??
    out.facilities?.map((f) => ({ row: f.facility, version: f.version })) ??
    out.rows ??
    [];
  return {
    register,
    year: '',
    workspaceVersion: 0,
    rows,
    figures: [],
    ...(out.warnDays === undefined ? {} : { warnDays: out.warnDays }),
    ...(out.gaps === undefined ? {} : { gaps: out.gaps, threshold: out.threshold ?? null }),
  };
}

export const registersApi = {
  list: (register: Register, filter: RegisterFilter) =>
    isSiteRegister(register) ? siteList(register, filter) : call<RegisterList>(`/${register}?${qs(filter)}`),
  create: (register: Register, row: RegisterRow, reason?: string) =>
    call<Written>(
      `/${register}`,
      send('POST', { [BODY_FIELD[register]]: row, ...(reason ? { reason } : {}) }),
    ),
  update: (register: Register, row: RegisterRow, version: number, reason?: string) =>
    call<Written>(
      `/${register}/${encodeURIComponent(row.id)}`,
      send('PUT', { [BODY_FIELD[register]]: row, version, ...(reason ? { reason } : {}) }),
    ),
  retract: (register: Register, id: string, version: number) =>
    call<Written & { retracted: true }>(
      `/${register}/${encodeURIComponent(id)}/retract`,
      send('POST', { version }),
    ),
  history: (register: Register, id: string) =>
    call<{ id: string; revisions: RowRevision[] }>(`/${register}/${encodeURIComponent(id)}/history`),
};
