/**
 * The API client of the targets register (issue #18; docs/registers.md). Types copied from the
 * server's presenters (the web app imports no package): app/src/use-cases/targets.ts and
 * workspace/target-history.ts.
 */
import { call, qs, send } from './api';
import type { Localised } from './i18n';

export const TARGET_STATUSES = [
  'achieved',
  'on-track',
  'at-risk',
  'missed',
  'no-data',
  'not-measured',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export type Target = {
  id: string;
  name: Localised;
  indicatorId?: string;
  entityId?: string;
  comparator?: 'max' | 'min' | 'equal';
  value?: string;
  unit?: string;
  baseYear?: string;
  baseValue?: string;
  targetYear?: string;
  milestones?: { year: string; value: string }[];
  source?: string;
};
export type TargetRow = {
  target: Target;
  version: number;
  status: TargetStatus;
  /** Exact decimal text in the target's unit; null without a figure. */
  actual: string | null;
  figureId: string | null;
  path: string | null;
  /** One decimal place, half-up; null without a base value. */
  percent: string | null;
};
export type TargetList = { year: string; workspaceVersion: number; targets: TargetRow[] };
export type TargetRevision = {
  version: number;
  target: Target | null;
  author: string;
  at: string;
  reason: string;
};
type Written = { id: string; version: number; workspaceVersion: number };

export const targetsApi = {
  list: (filter: { entity?: string | undefined; status?: string | undefined }) =>
    call<TargetList>(`/targets?${qs(filter)}`),
  create: (target: Target, reason?: string) =>
    call<Written>('/targets', send('POST', { target, ...(reason ? { reason } : {}) })),
  update: (target: Target, version: number, reason?: string) =>
    call<Written>(
      `/targets/${encodeURIComponent(target.id)}`,
      send('PUT', { target, version, ...(reason ? { reason } : {}) }),
    ),
  retract: (id: string, version: number, reason?: string) =>
    call<Written & { retracted: true }>(
      `/targets/${encodeURIComponent(id)}/retract`,
      send('POST', { version, ...(reason ? { reason } : {}) }),
    ),
  history: (id: string) =>
    call<{ id: string; revisions: TargetRevision[] }>(`/targets/${encodeURIComponent(id)}/history`),
};
