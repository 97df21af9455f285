/**
 * Set (or replace) the explanation for a disclosure subject. The registers as they would be are
 * checked first by core's own bundle rules (no second set here): the subject must name a
 * provision in force, a figure or a published figure, once. Without this check a subject such as
 * "group" was accepted in memory, and over the store written and then refused on reading back
 * (a 500, the bad row kept); now it is a 422 and nothing is written.
 */
import { type Explanation, serializeBundle, validateBundle } from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';

export type WriteExplanationInput = {
  ws: Workspace;
  explanation: Explanation;
  /** The workspace version the writer saw. */
  version: number;
  author: string;
};

export async function writeExplanation(
  i: WriteExplanationInput,
): Promise<Result<{ workspaceVersion: number }>> {
  const { bundle } = i.ws.snapshot();
  const others = bundle.registers.explanations.filter((e) => e.subject !== i.explanation.subject);
  const raw = serializeBundle({
    ...bundle,
    registers: { ...bundle.registers, explanations: [...others, i.explanation] },
  });
  const checked = validateBundle({
    settings: raw.settings,
    ...(raw.indicators ? { indicators: raw.indicators } : {}),
    ...(raw.registers ? { registers: raw.registers } : {}),
    ...(raw.published ? { published: raw.published } : {}),
  });
  if (!checked.ok)
    return failure('invalid-data', `subject: ${checked.issues[0]?.reason ?? 'not a valid explanation'}`, {
      field: 'subject',
      issues: checked.issues,
    });
  const out = await i.ws.writeExplanation(i.explanation, i.version, i.author);
  if (!out.ok)
    return failure('stale-version', `the workspace is at version ${out.current}, not ${i.version}`);
  return success({ workspaceVersion: out.workspaceVersion });
}
