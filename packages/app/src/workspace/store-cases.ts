/** Compliance cases over the store (case-records.ts; store/src/compliance-cases.ts, 024-compliance-cases.sql). */
import type { ComplianceCase } from '@assay/core';
import { caseRevisions, changeCases, latestCaseRevisions, type Store } from '@assay/store';
import {
  type CaseChange,
  type CaseRecords,
  type CaseRevision,
  type CaseWriteOutcome,
  decideCaseChange,
  type LatestCase,
  type VersionedCase,
} from './case-records.js';
import type { Clock } from './memory-workspace.js';

export class StoreCases implements CaseRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<readonly VersionedCase[]> {
    return (await latestCaseRevisions(this.store))
      .filter((r) => r.body !== null)
      .sort((a, b) => (a.caseId < b.caseId ? -1 : 1))
      .map((r) => ({ case: r.body as ComplianceCase, version: r.version }));
  }

  async history(id: string): Promise<readonly CaseRevision[]> {
    return (await caseRevisions(this.store, id)).map((r) => ({
      version: r.version,
      case: r.body as ComplianceCase | null,
      author: r.author,
      at: r.at,
      reason: r.reason,
    }));
  }

  async write(change: CaseChange, reason: string, author: string): Promise<CaseWriteOutcome> {
    const d = await changeCases(this.store, this.clock(), author, reason, (latest) => {
      const view = new Map<string, LatestCase>(
        [...latest].map(([id, r]) => [id, { version: r.version, case: r.body as ComplianceCase | null }]),
      );
      const decided = decideCaseChange(view, change);
      return {
        writes: decided.ok ? decided.writes.map((w) => ({ caseId: w.id, body: w.body })) : [],
        value: decided,
      };
    });
    if (!d.ok) return d;
    return { ok: true, version: d.version };
  }
}
