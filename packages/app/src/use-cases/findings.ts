/**
 * Check findings for the workspace's current data (core checkBundle over the cached
 * evaluation), cached per bundle revision, filtered by rule, severity and entity.
 */
import { type CheckResult, checkBundle, type Finding, findingId } from '@assay/core';
import type { Snapshot } from '../workspace/workspace.js';
import { withGraph } from './evaluation.js';

const cache = new WeakMap<object, CheckResult>();

export function checkResult(s: Snapshot): CheckResult {
  const hit = cache.get(s.bundle);
  if (hit) return hit;
  // Lent, not pinned: checkBundle is synchronous (evaluation.ts, the rule on graphs).
  const result = withGraph(s, (evaluation) => checkBundle(s.bundle, undefined, evaluation));
  cache.set(s.bundle, result);
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
