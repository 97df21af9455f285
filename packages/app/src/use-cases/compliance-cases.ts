/**
 * Anti-corruption and whistleblowing cases (issue #18; docs/registers.md "Compliance cases",
 * docs/security.md "Compliance cases"): list, create, change, retract and history of case rows
 * (the compliance role only: route-rules.ts), and the counts by kind, type and outcome for a
 * year, which everyone who reads the report may see (core report/compliance-case-counts.ts).
 * The rows live in the workspace's case records, never in the bundle: nothing built from the
 * bundle (export, workbook, report) can hold one. A case is checked by core's
 * validateComplianceCase (every problem by field) before anything is written; a stale version
 * is 'stale-version' (412).
 */
import { type CaseCount, type ComplianceCase, caseCounts, validateComplianceCase } from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { CaseRevision, CaseWriteOutcome, VersionedCase } from '../workspace/case-records.js';
import type { Workspace } from '../workspace/workspace.js';

export type CaseList = { readonly cases: readonly VersionedCase[] };

export async function listCases(i: {
  ws: Workspace;
  kind?: string;
  type?: string;
  status?: 'open' | 'concluded';
}): Promise<Result<CaseList>> {
  const all = await i.ws.cases.current();
  const cases = all.filter(
    ({ case: c }) =>
      (i.kind === undefined || c.kind === i.kind) &&
      (i.type === undefined || c.type === i.type) &&
      (i.status === undefined || (i.status === 'open') === (c.concludedOn === undefined)),
  );
  return success({ cases });
}

export type CaseCounts = {
  readonly year: string;
  /** Cases counted (each once, under one kind, type and outcome). */
  readonly total: number;
  readonly counts: readonly CaseCount[];
};

/** Counts for `year` (default: the reporting year): no id, date, entity or text of any case. */
export async function countCases(i: { ws: Workspace; year?: string }): Promise<Result<CaseCounts>> {
  const year = i.year ?? i.ws.snapshot().bundle.reporting.current;
  if (!/^\d{4}$/.test(year)) return failure('invalid-request', `"${year}" is not a year`, { field: 'year' });
  const counts = caseCounts(
    (await i.ws.cases.current()).map((v) => v.case),
    year,
  );
  return success({ year, total: counts.reduce((n, c) => n + c.count, 0), counts });
}

/**
 * The reporting year's counts for the report (render-report.ts): read from the workspace's case
 * records whatever the requester's role (counts are public, rows are not); empty without records.
 */
export async function reportCaseCounts(
  ws: Pick<Workspace, 'snapshot'> & Partial<Pick<Workspace, 'cases'>>,
): Promise<CaseCount[]> {
  if (!ws.cases) return [];
  return caseCounts(
    (await ws.cases.current()).map((v) => v.case),
    ws.snapshot().bundle.reporting.current,
  );
}

export function checkCase(ws: Workspace, c: ComplianceCase): Result<null> {
  const issues = validateComplianceCase(c, {
    entityIds: new Set(ws.snapshot().bundle.organisation.entities.map((e) => e.id)),
  });
  const first = issues[0];
  if (!first) return success(null);
  return failure('invalid-data', `${first.field}: ${first.reason}`, {
    field: first.field,
    issues: issues.map((x) => ({ file: 'cases', column: x.field, reason: x.reason })),
  });
}

function refused(id: string, out: Exclude<CaseWriteOutcome, { ok: true }>, version?: number) {
  if (out.reason === 'exists')
    return failure(
      'conflict',
      `case "${id}" exists (version ${out.current}); send its version to change it`,
      {
        field: 'id',
      },
    );
  if (out.reason === 'not-found') return failure('not-found', `no case "${id}"`);
  return failure('stale-version', `case "${id}" is at version ${out.current}, not ${version}`, {
    field: 'version',
  });
}

export async function writeCase(i: {
  ws: Workspace;
  case: ComplianceCase;
  version?: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number }>> {
  const ok = checkCase(i.ws, i.case);
  if (!ok.ok) return ok;
  const id = i.case.id;
  const out = await i.ws.cases.write(
    { kind: 'put', case: i.case, expectedVersion: i.version },
    i.reason ?? (i.version === undefined ? `case ${id} added` : `case ${id} changed`),
    i.author,
  );
  if (!out.ok) return refused(id, out, i.version);
  return success({ id, version: out.version });
}

export async function retractCase(i: {
  ws: Workspace;
  id: string;
  version: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number }>> {
  const out = await i.ws.cases.write(
    { kind: 'retract', id: i.id, expectedVersion: i.version },
    i.reason ?? `case ${i.id} retracted`,
    i.author,
  );
  if (!out.ok) return refused(i.id, out, i.version);
  return success({ id: i.id, version: out.version });
}

export async function caseHistory(i: {
  ws: Workspace;
  id: string;
}): Promise<Result<readonly CaseRevision[]>> {
  const h = await i.ws.cases.history(i.id);
  if (h.length === 0) return failure('not-found', `no case "${i.id}"`);
  return success(h);
}
