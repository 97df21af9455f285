/**
 * The publication gate counts only error-level findings that nobody accepted (issue #19, "no
 * unresolved error-level finding"; docs/report.md "Draft and final"): on the demo group (in
 * memory), accepting one error with a reason lowers the gate's error count by one, in the model
 * the API's report route and `assay report` share (workspaceReport); reopening it raises it again.
 * Before this change every error of the current data counted, accepted or not.
 */
import { join } from 'node:path';
import { findingId } from '@assay/core';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { callerFor } from '../../test/cycle-callers.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { acceptFinding, reopenFinding } from './finding-work.js';
import { checkResult } from './findings.js';
import { workspaceReport } from './render-report.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025'));
if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
const bundle = loaded.bundle;
const lead = callerFor(bundle, 'u-ada', [
  { role: 'administrator', entityId: bundle.organisation.entities[0]?.id ?? '' },
]);

async function gateErrors(ws: MemoryWorkspace): Promise<number> {
  const { model } = await workspaceReport(ws);
  if (model.status.state !== 'draft') return 0;
  return model.status.blockers.find((b) => b.kind === 'errors')?.count ?? 0;
}

describe('publication gate and accepted findings', () => {
  it('an accepted error stops blocking; reopened, it blocks again', async () => {
    const ws = new MemoryWorkspace(bundle);
    const errors = checkResult(ws.snapshot()).findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(1);
    const before = await gateErrors(ws);
    expect(before).toBe(errors.length);
    const first = errors[0];
    if (!first) throw new Error('no error finding');
    const id = findingId(first);
    const accepted = await acceptFinding({
      ws,
      caller: lead,
      id,
      reason: 'Reviewed with the auditor: known difference in the printed total.',
    });
    expect(accepted.ok).toBe(true);
    expect(await gateErrors(ws)).toBe(before - 1);
    const reopened = await reopenFinding({ ws, caller: lead, id });
    expect(reopened.ok).toBe(true);
    expect(await gateErrors(ws)).toBe(before);
  });
});
