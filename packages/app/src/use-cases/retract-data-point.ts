/**
 * Retract one data point: a new revision marks it withdrawn (with reason, author and time), so it
 * leaves the data, the figures and the report while its history keeps it. Only the current
 * version can be retracted; adding the data point again brings it back.
 */
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { type AffectedFigures, affectedFigures } from './affected-figures.js';
import { evaluated } from './evaluation.js';
import { periodLocked } from './period-lock.js';

export type RetractInput = {
  ws: Workspace;
  id: string;
  version: number;
  reason: string;
  author: string;
};

export async function retractDataPoint(
  i: RetractInput,
): Promise<Result<{ id: string; version: number; workspaceVersion: number; affected: AffectedFigures }>> {
  const before = i.ws.snapshot();
  const current = before.versionOf(i.id);
  if (current === undefined) return failure('not-found', `no data point "${i.id}"`);
  if (current !== i.version)
    return failure('stale-version', `data point "${i.id}" is at version ${current}, not ${i.version}`, {
      field: 'version',
    });
  evaluated(before); // so that the figures the retraction changed can be told apart
  const out = await i.ws.retractDataPoint(i.id, i.version, i.reason, i.author);
  if (!out.ok && out.reason === 'stale')
    return failure('stale-version', `data point "${i.id}" changed meanwhile (now version ${out.current})`);
  if (!out.ok && out.reason === 'locked') return periodLocked(out);
  if (!out.ok) return failure('not-found', `no data point "${i.id}"`);
  return success({
    id: i.id,
    version: out.version,
    workspaceVersion: out.workspaceVersion,
    affected: affectedFigures(before, i.ws.snapshot()),
  });
}
