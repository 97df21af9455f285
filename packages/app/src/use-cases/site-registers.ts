/**
 * Certifications and tailings facilities (issue #18; docs/registers.md): list (certifications
 * with their expiry state for a given day), create, change, retract and history of one row,
 * guarded by the row's own version (412 when stale). Rows are checked by core's rules (every
 * problem by field) before anything is written; the registers are written whole as one
 * audited change (workspace writeRegisterRow). The climate register, its scales and screening
 * and the B5 practices use the same write paths (climate-register.ts holds their rules and lists).
 */
import {
  type CertificateExpiry,
  type Certification,
  certificateExpiry,
  DEFAULT_CERTIFICATE_WARNING_DAYS,
  type SiteRowIssue,
  type TailingsFacility,
  validateCertification,
  validateTailingsFacility,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { RowRevision } from '../workspace/register-row-history.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  CLIMATE_NOUN,
  type ClimateRegister,
  climateRetractIssue,
  climateRowIssues,
  isClimateRegister,
  type RowOfClimate,
} from './climate-register.js';

export type SiteRegister =
  | 'certifications'
  | 'tailingsFacilities'
  // the climate register and its companions, and the B5 practices (climate-register.ts)
  | ClimateRegister;
type RowOfSite<K extends SiteRegister> = K extends 'certifications'
  ? Certification
  : K extends 'tailingsFacilities'
    ? TailingsFacility
    : K extends ClimateRegister
      ? RowOfClimate<K>
      : never;

export type CertificationRow = {
  readonly certification: Certification;
  readonly version: number;
  readonly expiry: CertificateExpiry;
};

export async function listCertifications(i: {
  ws: Workspace;
  /** YYYY-MM-DD: the day expiry is counted from (the adapter's clock). */
  today: string;
  warnDays?: number;
  entityId?: string;
  state?: string;
}): Promise<Result<{ warnDays: number; today: string; certifications: CertificationRow[] }>> {
  const warnDays = i.warnDays ?? DEFAULT_CERTIFICATE_WARNING_DAYS;
  const versions = await i.ws.registerRowVersions('certifications');
  const rows = (i.ws.snapshot().bundle.registers.certifications ?? [])
    .map((c) => ({
      certification: c,
      version: versions.get(c.id) ?? 1,
      expiry: certificateExpiry(c, i.today, warnDays),
    }))
    .filter(
      (r) =>
        (i.entityId === undefined || r.certification.entityId === i.entityId) &&
        (i.state === undefined || r.expiry.state === i.state),
    );
  return success({ warnDays, today: i.today, certifications: rows });
}

export async function listTailingsFacilities(i: {
  ws: Workspace;
  entityId?: string;
  status?: string;
}): Promise<Result<{ facilities: { facility: TailingsFacility; version: number }[] }>> {
  const versions = await i.ws.registerRowVersions('tailingsFacilities');
  const facilities = (i.ws.snapshot().bundle.registers.tailingsFacilities ?? [])
    .filter(
      (f) =>
        (i.entityId === undefined || f.entityId === i.entityId) &&
        (i.status === undefined || f.status === i.status),
    )
    .map((f) => ({ facility: f, version: versions.get(f.id) ?? 1 }));
  return success({ facilities });
}

export function siteRowIssues<K extends SiteRegister>(
  ws: Workspace,
  register: K,
  row: RowOfSite<K>,
): SiteRowIssue[] {
  const ctx = { entityIds: new Set(ws.snapshot().bundle.organisation.entities.map((e) => e.id)) };
  if (isClimateRegister(register))
    return climateRowIssues(ws, register, row as RowOfClimate<typeof register>);
  return register === 'certifications'
    ? validateCertification(row as Certification, ctx)
    : validateTailingsFacility(row as TailingsFacility, ctx);
}

const NOUN: Record<SiteRegister, string> = {
  certifications: 'certification',
  tailingsFacilities: 'tailings facility',
  ...CLIMATE_NOUN,
};

export async function writeSiteRow<K extends SiteRegister>(i: {
  ws: Workspace;
  register: K;
  row: RowOfSite<K>;
  version?: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number; workspaceVersion: number }>> {
  const issues = siteRowIssues(i.ws, i.register, i.row);
  const first = issues[0];
  if (first)
    return failure('invalid-data', `${first.field}: ${first.reason}`, {
      field: first.field,
      issues: issues.map((x) => ({ file: i.register, column: x.field, reason: x.reason })),
    });
  const id = i.row.id;
  const noun = NOUN[i.register];
  const out = await i.ws.writeRegisterRow(
    i.register,
    { kind: 'put', row: i.row, expectedVersion: i.version } as never,
    i.reason ?? `${noun} ${id} ${i.version === undefined ? 'added' : 'changed'}`,
    i.author,
  );
  if (out.ok) return success({ id, version: out.version, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'exists')
    return failure(
      'conflict',
      `${noun} "${id}" exists (version ${out.current}); send its version to change it`,
      {
        field: 'id',
      },
    );
  if (out.reason === 'not-found') return failure('not-found', `no ${noun} "${id}"`);
  return failure('stale-version', `${noun} "${id}" is at version ${out.current}, not ${i.version}`, {
    field: 'version',
  });
}

export async function retractSiteRow(i: {
  ws: Workspace;
  register: SiteRegister;
  id: string;
  version: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number; workspaceVersion: number }>> {
  const noun = NOUN[i.register];
  const blocked = isClimateRegister(i.register) ? climateRetractIssue(i.ws, i.register, i.id) : undefined;
  if (blocked) return failure('invalid-data', `${noun} "${i.id}": ${blocked}`, { field: 'id' });
  const out = await i.ws.writeRegisterRow(
    i.register,
    { kind: 'retract', id: i.id, expectedVersion: i.version },
    i.reason ?? `${noun} ${i.id} retracted`,
    i.author,
  );
  if (out.ok) return success({ id: i.id, version: out.version, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'stale')
    return failure('stale-version', `${noun} "${i.id}" is at version ${out.current}, not ${i.version}`, {
      field: 'version',
    });
  return failure('not-found', `no ${noun} "${i.id}"`);
}

export async function siteRowHistory(i: {
  ws: Workspace;
  register: SiteRegister;
  id: string;
}): Promise<Result<readonly RowRevision<RowOfSite<SiteRegister>>[]>> {
  const h = await i.ws.registerRowHistory(i.register, i.id);
  if (h.length === 0) return failure('not-found', `no ${NOUN[i.register]} "${i.id}"`);
  return success(h as readonly RowRevision<RowOfSite<SiteRegister>>[]);
}
