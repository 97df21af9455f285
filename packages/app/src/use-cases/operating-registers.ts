/**
 * The supplier, hazard and energy-saving project registers (issue #18; docs/registers.md):
 * list with filters and the figures derived from them (core methods/register-figures.ts), create,
 * update and retract one row guarded by its own version, and a row's history. A row is checked by
 * core's rules (validate-register-rows.ts: every problem with its field) before anything is
 * written; a stale version is 'stale-version' (412 at the server). Writes are audited like the
 * other register writes (one change set with author and reason in the store).
 */
import {
  type Figure,
  groupEntity,
  type Hazard,
  isQuantity,
  type RowIssue,
  type SavingProject,
  type Supplier,
  validateHazard,
  validateProject,
  validateSupplier,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { RowRevision } from '../workspace/register-row-history.js';
import type { Workspace } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

export const OPERATING_REGISTERS = ['suppliers', 'hazards', 'projects'] as const;
export type OperatingRegister = (typeof OPERATING_REGISTERS)[number];
export type OperatingRow<K extends OperatingRegister> = K extends 'suppliers'
  ? Supplier
  : K extends 'hazards'
    ? Hazard
    : SavingProject;
type AnyRow = Supplier | Hazard | SavingProject;

/** The indicators each register derives (core catalogue/registers.ts). */
export const REGISTER_FIGURES: Readonly<Record<OperatingRegister, readonly string[]>> = {
  suppliers: ['suppliers.registered', 'suppliers.assessed'],
  hazards: ['hazards.found', 'hazards.rectified', 'hazards.overdue', 'hazards.rectification-rate'],
  projects: [
    'projects.count',
    'projects.completed',
    'projects.completion-rate',
    'projects.saved.energy',
    'projects.saved.electricity',
    'projects.saved.emissions',
  ],
};

export type RegisterFigure = {
  readonly figureId: string;
  readonly indicatorId: string;
  readonly entityId: string;
  readonly disaggregation: Readonly<Record<string, string>>;
  /** Exact decimal text; null when the figure is an error. */
  readonly value: string | null;
  readonly unit: string;
};

export type RowFilter = {
  readonly entityId?: string;
  /** Supplier or project status; for hazards 'open', 'rectified' or 'overdue' (as of the period end). */
  readonly status?: string;
  readonly region?: string;
  readonly grade?: string;
};

export type OperatingList<K extends OperatingRegister> = {
  readonly register: K;
  readonly year: string;
  readonly workspaceVersion: number;
  readonly rows: { readonly row: OperatingRow<K>; readonly version: number }[];
  /** The register's figures for the entity filtered on (the group when none). */
  readonly figures: RegisterFigure[];
};

const yearEnd = (year: string) => `${year}-12-31`;

function hazardState(h: Hazard, year: string): 'open' | 'rectified' | 'overdue' {
  if (h.rectifiedOn !== undefined && h.rectifiedOn <= yearEnd(year)) return 'rectified';
  return h.dueOn < yearEnd(year) ? 'overdue' : 'open';
}

function matches(register: OperatingRegister, r: AnyRow, f: RowFilter, year: string): boolean {
  if (f.entityId !== undefined && r.entityId !== f.entityId) return false;
  if (register === 'suppliers') {
    const s = r as Supplier;
    if (f.region !== undefined && s.region !== f.region) return false;
    return f.status === undefined || s.status === f.status;
  }
  if (register === 'hazards') {
    const h = r as Hazard;
    if (f.grade !== undefined && h.grade !== f.grade) return false;
    return f.status === undefined || hazardState(h, year) === f.status;
  }
  return f.status === undefined || (r as SavingProject).status === f.status;
}

function figureOut(f: Figure): RegisterFigure {
  const v = f.value;
  return {
    figureId: f.id,
    indicatorId: f.indicatorId,
    entityId: f.entityId,
    disaggregation: f.disaggregation,
    value: isQuantity(v) ? v.value.toString() : null,
    unit: isQuantity(v) ? v.unit.symbol : '',
  };
}

export function rowsOf<K extends OperatingRegister>(ws: Workspace, register: K): readonly OperatingRow<K>[] {
  return (ws.snapshot().bundle.registers[register] ?? []) as readonly OperatingRow<K>[];
}

export async function listOperatingRegister<K extends OperatingRegister>(i: {
  ws: Workspace;
  register: K;
  filter?: RowFilter;
}): Promise<Result<OperatingList<K>>> {
  const s = i.ws.snapshot();
  const year = s.bundle.reporting.current;
  const versions = await i.ws.registerRowVersions(i.register);
  const filter = i.filter ?? {};
  const rows = rowsOf(i.ws, i.register)
    .filter((r) => matches(i.register, r, filter, year))
    .map((row) => ({ row, version: versions.get(row.id) ?? 1 }));
  const entity = filter.entityId ?? groupEntity(s.bundle.organisation).id;
  const wanted = new Set(REGISTER_FIGURES[i.register]);
  const figures = evaluated(s)
    .evaluation.figures.filter(
      (f) => wanted.has(f.indicatorId) && f.entityId === entity && f.periodId === year,
    )
    .map(figureOut);
  return success({ register: i.register, year, workspaceVersion: s.version, rows, figures });
}

/** The row's problems by core's rules for its register, every one with its field. */
export function rowIssues(ws: Workspace, register: OperatingRegister, row: AnyRow): RowIssue[] {
  const ctx = { entityIds: new Set(ws.snapshot().bundle.organisation.entities.map((e) => e.id)) };
  if (register === 'suppliers') return validateSupplier(row as Supplier, ctx);
  if (register === 'hazards') return validateHazard(row as Hazard, ctx);
  return validateProject(row as SavingProject, ctx);
}

const noun: Readonly<Record<OperatingRegister, string>> = {
  suppliers: 'supplier',
  hazards: 'hazard',
  projects: 'project',
};

/** Create a row (no version) or replace one (the version read). */
export async function writeOperatingRow<K extends OperatingRegister>(i: {
  ws: Workspace;
  register: K;
  row: OperatingRow<K>;
  version?: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number; workspaceVersion: number }>> {
  const issues = rowIssues(i.ws, i.register, i.row);
  const first = issues[0];
  if (first)
    return failure('invalid-data', `${first.field}: ${first.reason}`, {
      field: first.field,
      issues: issues.map((x) => ({ file: i.register, column: x.field, reason: x.reason })),
    });
  const id = i.row.id;
  const what = `${noun[i.register]} ${id}`;
  const out = await i.ws.writeRegisterRow(
    i.register,
    { kind: 'put', row: i.row, expectedVersion: i.version },
    i.reason ?? (i.version === undefined ? `${what} added` : `${what} changed`),
    i.author,
  );
  if (out.ok) return success({ id, version: out.version, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'exists')
    return failure('conflict', `${what} exists (version ${out.current}); send its version to change it`, {
      field: 'id',
    });
  if (out.reason === 'not-found') return failure('not-found', `no ${what}`);
  return failure('stale-version', `${what} is at version ${out.current}, not ${i.version}`, {
    field: 'version',
  });
}

/** Retract a row: it leaves the register and its figures; its history keeps it. */
export async function retractOperatingRow(i: {
  ws: Workspace;
  register: OperatingRegister;
  id: string;
  version: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number; workspaceVersion: number }>> {
  const what = `${noun[i.register]} ${i.id}`;
  const out = await i.ws.writeRegisterRow(
    i.register,
    { kind: 'retract', id: i.id, expectedVersion: i.version },
    i.reason ?? `${what} retracted`,
    i.author,
  );
  if (out.ok) return success({ id: i.id, version: out.version, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'stale')
    return failure('stale-version', `${what} is at version ${out.current}, not ${i.version}`, {
      field: 'version',
    });
  return failure('not-found', `no ${what}`);
}

export async function operatingRowHistory<K extends OperatingRegister>(i: {
  ws: Workspace;
  register: K;
  id: string;
}): Promise<Result<readonly RowRevision<OperatingRow<K>>[]>> {
  const h = await i.ws.registerRowHistory(i.register, i.id);
  if (h.length === 0) return failure('not-found', `no ${noun[i.register]} ${i.id}`);
  return success(h as readonly RowRevision<OperatingRow<K>>[]);
}
