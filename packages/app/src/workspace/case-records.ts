/**
 * Compliance cases as the Workspace port holds them (issue #18; docs/security.md "Compliance
 * cases"): outside the bundle, append-only revisions per case, each the case after it (null: a
 * retraction), with the case's own version. `write` decides on the latest revisions and appends
 * in one step, serialised (one at a time in memory; one transaction under an advisory lock in
 * the store: store/src/compliance-cases.ts). Two implementations under one contract
 * (case-records.contract.test.ts): memory-cases.ts and store-cases.ts.
 */
import type { ComplianceCase } from '@assay/core';

export type CaseRevision = {
  readonly version: number;
  /** The case as it was; null for a retraction. */
  readonly case: ComplianceCase | null;
  readonly author: string;
  /** ISO-8601. */
  readonly at: string;
  readonly reason: string;
};

export type CaseChange =
  /** Create (expectedVersion undefined) or replace (the version being replaced). */
  | { readonly kind: 'put'; readonly case: ComplianceCase; readonly expectedVersion: number | undefined }
  | { readonly kind: 'retract'; readonly id: string; readonly expectedVersion: number }
  /** A workbook's cases, all at once: each replaces the case of its id or is added; no version check. */
  | { readonly kind: 'import'; readonly cases: readonly ComplianceCase[] };

export type CaseWriteOutcome =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | { readonly ok: false; readonly reason: 'exists'; readonly id: string; readonly current: number };

/** A current case with its version. */
export type VersionedCase = { readonly case: ComplianceCase; readonly version: number };

export interface CaseRecords {
  /** The current cases (retracted ones left out), by id order. */
  current(): Promise<readonly VersionedCase[]>;
  /** One case's revisions, oldest first (empty when unknown). */
  history(id: string): Promise<readonly CaseRevision[]>;
  write(change: CaseChange, reason: string, author: string): Promise<CaseWriteOutcome>;
}

/** Canonical text of a case (keys sorted), to tell a change from a rewrite. */
export function caseKey(c: ComplianceCase): string {
  return JSON.stringify(Object.fromEntries(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : 1))));
}

export type LatestCase = { readonly version: number; readonly case: ComplianceCase | null };

/**
 * The one rule both implementations apply: which rows a change appends (id and body, null for
 * a retraction; a put that changes nothing appends nothing), or its refusal.
 */
export function decideCaseChange(
  latest: ReadonlyMap<string, LatestCase>,
  c: CaseChange,
):
  | { ok: true; writes: { id: string; body: ComplianceCase | null }[]; version: number }
  | Exclude<CaseWriteOutcome, { readonly ok: true }> {
  if (c.kind === 'import') {
    const writes = c.cases
      .filter((x) => {
        const l = latest.get(x.id);
        return !l?.case || caseKey(l.case) !== caseKey(x);
      })
      .map((x) => ({ id: x.id, body: x }));
    return { ok: true, writes, version: 0 };
  }
  const id = c.kind === 'put' ? c.case.id : c.id;
  const l = latest.get(id);
  const current = l?.case ? l.version : undefined;
  if (c.kind === 'retract') {
    if (current === undefined) return { ok: false, reason: 'not-found', id };
    if (current !== c.expectedVersion) return { ok: false, reason: 'stale', id, current };
    return { ok: true, writes: [{ id, body: null }], version: current + 1 };
  }
  if (c.expectedVersion === undefined) {
    if (current !== undefined) return { ok: false, reason: 'exists', id, current };
    return { ok: true, writes: [{ id, body: c.case }], version: (l?.version ?? 0) + 1 };
  }
  if (current === undefined || !l?.case) return { ok: false, reason: 'not-found', id };
  if (current !== c.expectedVersion) return { ok: false, reason: 'stale', id, current };
  if (caseKey(l.case) === caseKey(c.case)) return { ok: true, writes: [], version: current };
  return { ok: true, writes: [{ id, body: c.case }], version: current + 1 };
}
