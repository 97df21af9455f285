/**
 * A combined write's answer (Workspace.writeFacts) as the answer of a write of one kind:
 * writeDataPoints and writeActivityLines are writeFacts with the other list empty, in both
 * implementations, so the three cannot drift apart.
 */
import type { FactsWriteOutcome, WriteOutcome } from './workspace.js';

function refusalOf(o: Exclude<FactsWriteOutcome, { ok: true }>): WriteOutcome {
  const { kind: _kind, ...refusal } = o;
  return refusal;
}

export function dataPointOutcome(o: FactsWriteOutcome): WriteOutcome {
  return o.ok ? { ok: true, versions: o.versions, workspaceVersion: o.workspaceVersion } : refusalOf(o);
}

export function lineOutcome(o: FactsWriteOutcome): WriteOutcome {
  return o.ok ? { ok: true, versions: o.lineVersions, workspaceVersion: o.workspaceVersion } : refusalOf(o);
}
