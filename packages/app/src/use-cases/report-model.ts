/**
 * The report model of a snapshot (core buildReport): the figures of the evaluation, the
 * content indices from the completeness assessment of every framework the bundle reports against
 * (disclosure-status.ts), and the status, draft or final, from the workflow records
 * (report-status.ts) and the checker's error count (the publication gate), and the restatement note from the restatement records
 * (restatement-note.ts), as the server's report route and `assay report` both render it.
 */
import {
  buildReport,
  provisionsFromCompleteness,
  type ReportModel,
  type ReportStatusInput,
  type RestatementNoteInput,
  scope3Quality,
} from '@assay/core';
import type { Snapshot } from '../workspace/workspace.js';
import { completeness } from './disclosure-status.js';
import { evaluated, withGraph } from './evaluation.js';
import { checkResult } from './findings.js';

export function reportModel(
  s: Snapshot,
  status: ReportStatusInput,
  restatements?: RestatementNoteInput,
): ReportModel {
  return buildReport({
    bundle: s.bundle,
    figures: evaluated(s).evaluation.figures,
    provisions: provisionsFromCompleteness(completeness(s)),
    scope3Quality: withGraph(s, (e) => scope3Quality(s.bundle, e.graph)),
    status,
    // The publication gate counts error-level findings (core publication-gate.ts). Accepted work
    // states in the store are not subtracted yet: every error of the current data counts.
    openErrors: checkResult(s).summary.bySeverity.error,
    ...(restatements ? { restatements } : {}),
  });
}
