/**
 * The report model of a snapshot (core buildReport): the figures of the evaluation, the
 * content indices from the completeness assessment of every framework the bundle reports against
 * (disclosure-status.ts), and the status, draft or final, from the workflow records
 * (report-status.ts) and the checker's error count (the publication gate), and the restatement note from the restatement records
 * (restatement-note.ts), as the server's report route and `assay report` both render it.
 * With the compliance case counts of the reporting year (counts only, never rows: the caller reads
 * them from the workspace's case records whatever the requester's role), HKEX B7.1's
 * `anticorruption.cases` is derived from them where the register has cases in the year (core
 * case-count-figure.ts; docs/registers.md "Compliance cases").
 */
import {
  buildReport,
  type CaseCount,
  caseCountFigure,
  type Figure,
  findingId,
  type MaterialityOutcome,
  provisionsFromCompleteness,
  type Registers,
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
  caseCounts?: readonly CaseCount[],
  /** The registers as printed, when the material topics come from a survey (materiality-files.ts reportRegisters). */
  registers?: Registers,
  /**
   * Ids of the findings accepted with a reason in the workspace's work records (finding-work.ts
   * acceptedFindingIds); an accepted error does not block publication. A folder has none.
   */
  accepted: ReadonlySet<string> = new Set(),
  /** The approved materiality assessment (approved-materiality.ts): the content index and the gate read it. */
  materiality?: MaterialityOutcome,
): ReportModel {
  return buildReport({
    bundle: registers ? { ...s.bundle, registers } : s.bundle,
    figures: withCaseCounts(s, evaluated(s).evaluation.figures, caseCounts),
    provisions: provisionsFromCompleteness(completeness(s, materiality)),
    scope3Quality: withGraph(s, (e) => scope3Quality(s.bundle, e.graph)),
    status,
    // The publication gate counts error-level findings not accepted (core publication-gate.ts)
    openErrors: openErrors(s, accepted, materiality),
    // the chairman's statement, profile, highlights, case studies and board approval date: absent is a gate item
    requireIssuerSections: true,
    ...(restatements ? { restatements } : {}),
  });
}

/** Error-level findings of the snapshot's check that are not accepted. */
export function openErrors(
  s: Snapshot,
  accepted: ReadonlySet<string>,
  materiality?: MaterialityOutcome,
): number {
  return checkResult(s, materiality).findings.filter(
    (f) => f.severity === 'error' && !accepted.has(findingId(f)),
  ).length;
}

/** The evaluated figures with B7.1 replaced by (or added as) the figure derived from the case counts, if any. */
export function withCaseCounts(
  s: Snapshot,
  figures: readonly Figure[],
  caseCounts: readonly CaseCount[] | undefined,
): readonly Figure[] {
  const derived = caseCounts ? caseCountFigure(s.bundle, caseCounts) : undefined;
  if (!derived) return figures;
  return [...figures.filter((f) => f.id !== derived.figure.id), derived.figure];
}
