/**
 * The API client of the compliance cases register (issue #18; docs/registers.md "Compliance
 * cases"). Types copied from the server's presenters (the web app imports no package): core
 * model/compliance-case.ts, report/compliance-case-counts.ts, app workspace/case-records.ts.
 * Case rows come only to the compliance role; everyone who reads the report gets the counts.
 */
import { call, qs, send } from './api';

export const CASE_KINDS = ['legal-case', 'whistleblowing'] as const;
export const CASE_TYPES = ['bribery', 'extortion', 'fraud', 'money-laundering', 'other'] as const;
export const CASE_OUTCOMES = ['substantiated', 'unsubstantiated', 'withdrawn'] as const;

export type ComplianceCase = {
  id: string;
  kind: (typeof CASE_KINDS)[number];
  type: (typeof CASE_TYPES)[number];
  entityId: string;
  openedOn: string;
  concludedOn?: string;
  outcome?: (typeof CASE_OUTCOMES)[number];
  summary: string;
  actions?: string;
};
export type CaseCount = { kind: string; type: string; outcome: string; count: number };
export type CaseCounts = { year: string; total: number; counts: CaseCount[] };
export type CaseRevision = {
  version: number;
  case: ComplianceCase | null;
  author: string;
  at: string;
  reason: string;
};
type Written = { id: string; version: number };
export type CaseFilter = {
  kind?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
};

export const casesApi = {
  counts: (year?: string) => call<CaseCounts>(`/cases/counts?${qs({ year })}`),
  list: (filter: CaseFilter) =>
    call<{ cases: { case: ComplianceCase; version: number }[] }>(`/cases?${qs(filter)}`),
  create: (c: ComplianceCase, reason?: string) =>
    call<Written>('/cases', send('POST', { case: c, ...(reason ? { reason } : {}) })),
  update: (c: ComplianceCase, version: number, reason?: string) =>
    call<Written>(
      `/cases/${encodeURIComponent(c.id)}`,
      send('PUT', { case: c, version, ...(reason ? { reason } : {}) }),
    ),
  retract: (id: string, version: number) =>
    call<Written & { retracted: true }>(
      `/cases/${encodeURIComponent(id)}/retract`,
      send('POST', { version }),
    ),
  history: (id: string) =>
    call<{ id: string; revisions: CaseRevision[] }>(`/cases/${encodeURIComponent(id)}/history`),
};
