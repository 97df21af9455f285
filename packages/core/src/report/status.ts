/**
 * The report's status as printed (model.ts ReportStatus): a draft gets the sentence printed
 * under the DRAFT mark, with the counts the app found (app/use-cases/report-status.ts). Both
 * languages state the same numbers (year, units, unapproved), so the report's numbers match.
 */
import type { ReportStatus, ReportStatusInput } from './model.js';

export function reportStatus(input: ReportStatusInput, year: string): ReportStatus {
  if (input.state === 'final') return { state: 'final', units: input.units };
  const { units, unapproved } = input;
  if (!Number.isInteger(unapproved) || unapproved < 1 || unapproved > units)
    throw new RangeError(`status.unapproved: ${unapproved} is not between 1 and units (${units})`);
  return {
    state: 'draft',
    units,
    unapproved,
    note: {
      'zh-Hant': `草稿：${year}年度${units}個工作單元（實體 × 期間 × 議題）中有${unapproved}個尚未批准，數據仍可能變更。`,
      en: `DRAFT: ${unapproved} of ${units} workflow units (entity × period × topic) of ${year} are not approved; figures may still change.`,
    },
  };
}
