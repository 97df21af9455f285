/**
 * Check findings for the workspace's current data (core checkBundle over the cached
 * evaluation), cached per bundle revision, filtered by rule, severity and entity.
 */
import { type CheckResult, checkBundle, type Finding, findingId, type MaterialityOutcome } from '@assay/core';
import type { Snapshot } from '../workspace/workspace.js';
import { materialityKey } from './disclosure-status.js';
import { withGraph } from './evaluation.js';

const cache = new WeakMap<object, Map<string, CheckResult>>();

/**
 * `materiality`: the approved assessment (approved-materiality.ts), which the completeness rule
 * reads; without it a not-material aspect's omissions are warnings as before. The findings with
 * it are those without it less the warnings the approval explains (same ids otherwise).
 */
export function checkResult(s: Snapshot, materiality?: MaterialityOutcome): CheckResult {
  const byApproval = cache.get(s.bundle) ?? new Map<string, CheckResult>();
  cache.set(s.bundle, byApproval);
  const key = materialityKey(materiality);
  const hit = byApproval.get(key);
  if (hit) return hit;
  // Lent, not pinned: checkBundle is synchronous (evaluation.ts, the rule on graphs).
  const result = withGraph(s, (evaluation) =>
    checkBundle(s.bundle, materiality ? { materiality } : undefined, evaluation),
  );
  byApproval.set(key, result);
  return result;
}

export type FindingFilter = {
  rule?: string | undefined;
  severity?: string | undefined;
  entity?: string | undefined;
};

export function findings(s: Snapshot, f: FindingFilter): readonly Finding[] {
  return checkResult(s).findings.filter(
    (x) =>
      (!f.rule || x.ruleId === f.rule) &&
      (!f.severity || x.severity === f.severity) &&
      (!f.entity || x.where.entityId === f.entity),
  );
}

/**
 * A finding as every front door presents it: with its id (core findingId), by which comment
 * threads name it (GET /api/comments?target=finding:<id>). The API and `assay check --format
 * json` answer alike (cli/test/front-doors.contract.test.ts).
 */
export const presentFinding = (f: Finding) => ({ id: findingId(f), ...f });
