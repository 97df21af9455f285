/**
 * JSON of all figures: the model's figure rows (exact value, printed strings, unit, comparative),
 * the report's status: "draft" with the count of workflow units not approved, or "final", and
 * the restatement note (GRI 2-4: each restatement's reason, change, old and new values and the
 * base-year test; null when the report has none).
 */
import type { ReportModel } from '@assay/core/report-model';

export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(
    {
      organisation: model.organisation,
      currentYear: model.currentYear,
      priorYear: model.priorYear,
      status: model.status.state,
      unapproved: model.status.state === 'draft' ? model.status.unapproved : 0,
      units: model.status.units,
      // What blocks publication (core publication-gate.ts); [] when final.
      blockers:
        model.status.state === 'draft'
          ? model.status.blockers.map((b) => ({ kind: b.kind, count: b.count, text: b.text }))
          : [],
      figures: model.figureGroups.flatMap((g) => g.figures),
      restatements: model.restatementNote,
    },
    null,
    2,
  )}\n`;
}
