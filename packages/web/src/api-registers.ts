/**
 * The API client of the supplier, hazard and energy-saving project registers (issue #18;
 * docs/registers.md). Types copied from the server's presenters (the web app imports no
 * package): core model/register-rows.ts and app use-cases/operating-registers.ts.
 */
import { call, qs, send } from './api';
import type { Localised } from './i18n';

export const REGISTERS = ['suppliers', 'hazards', 'projects'] as const;
export type Register = (typeof REGISTERS)[number];

/** A row as the server gives it: fields by name, nested for texts and savings. */
export type RegisterRow = { id: string; entityId: string; isDemonstration?: boolean } & Record<
  string,
  string | boolean | Localised | Record<string, string> | undefined
>;
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
  rows: { row: RegisterRow; version: number }[];
  figures: RegisterFigure[];
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

export const registersApi = {
  list: (register: Register, filter: RegisterFilter) => call<RegisterList>(`/${register}?${qs(filter)}`),
  create: (register: Register, row: RegisterRow, reason?: string) =>
    call<Written>(`/${register}`, send('POST', { row, ...(reason ? { reason } : {}) })),
  update: (register: Register, row: RegisterRow, version: number, reason?: string) =>
    call<Written>(
      `/${register}/${encodeURIComponent(row.id)}`,
      send('PUT', { row, version, ...(reason ? { reason } : {}) }),
    ),
  retract: (register: Register, id: string, version: number) =>
    call<Written & { retracted: true }>(
      `/${register}/${encodeURIComponent(id)}/retract`,
      send('POST', { version }),
    ),
  history: (register: Register, id: string) =>
    call<{ id: string; revisions: RowRevision[] }>(`/${register}/${encodeURIComponent(id)}/history`),
};
