/** JSON of all figures: the model's figure rows (exact value, printed strings, unit, comparative). */
import type { ReportModel } from '@assay/core/report-model';

export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(
    {
      organisation: model.organisation,
      currentYear: model.currentYear,
      priorYear: model.priorYear,
      figures: model.figureGroups.flatMap((g) => g.figures),
    },
    null,
    2,
  )}\n`;
}
