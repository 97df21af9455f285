/**
 * The API client of findings as work items (issue #20; docs/checks.md "Findings as work items"):
 * the checker's findings with their work state, and assigning, accepting with a reason and
 * reopening one. Types copied from the server's presenters (the web app imports no package):
 * app/src/use-cases/finding-work.ts (FindingWorkView, FindingWorkList).
 */
import { call, type Finding, qs, send } from './api';

export const FINDING_STATES = ['open', 'accepted', 'resolved'] as const;
export type FindingState = (typeof FINDING_STATES)[number];
/** `current`: what the checker finds now (open or accepted). */
export const STATE_FILTERS = ['current', 'open', 'accepted', 'resolved', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** A finding as listed: with its id (core findingId). */
export type ListedFinding = Finding & { id: string };

export type FindingWork = {
  id: string;
  state: FindingState;
  /** The work state's version (0: none yet); actions send it back. */
  version: number;
  entityId: string;
  assignee: { id: string; label: string } | null;
  accepted: { reason: string; by: string; at: string } | null;
  /** Resolved: the revision (change set) of the run that no longer found it, and of the last that did. */
  resolved: { revision: number; sinceRevision: number; at: string } | null;
  updatedAt: string | null;
  updatedBy: string | null;
};

export type FindingList = {
  workspaceVersion: number;
  total: number;
  revision: number;
  findings: ListedFinding[];
  work: Record<string, FindingWork>;
  matched: number;
  page: number;
  pageSize: number;
  states: Record<FindingState, number>;
};

export type FindingFilter = {
  state?: StateFilter;
  severity?: string;
  rule?: string;
  entity?: string;
  section?: string;
  page?: number;
  pageSize?: number;
};

const path = (id: string, what: string) => `/findings/${encodeURIComponent(id)}/${what}`;

export const findingsApi = {
  list: (f: FindingFilter) =>
    call<FindingList>(
      `/findings?${qs({
        state: f.state,
        severity: f.severity || undefined,
        rule: f.rule || undefined,
        entity: f.entity || undefined,
        section: f.section || undefined,
        page: f.page === undefined ? undefined : String(f.page),
        pageSize: f.pageSize === undefined ? undefined : String(f.pageSize),
      })}`,
    ),
  assign: (id: string, assignee: string | null, version: number) =>
    call<{ work: FindingWork }>(path(id, 'assign'), send('POST', { assignee, version })),
  accept: (id: string, reason: string, version: number) =>
    call<{ work: FindingWork }>(path(id, 'accept'), send('POST', { reason, version })),
  reopen: (id: string, version: number) =>
    call<{ work: FindingWork }>(path(id, 'reopen'), send('POST', { version })),
};
