/**
 * The report's status as printed (model.ts ReportStatus): final only when the publication gate
 * finds nothing (publication-gate.ts); else a draft with the sentence printed under the DRAFT
 * mark and the blockers listed on the first page. The unit counts come from the app
 * (app/use-cases/report-status.ts). Both languages state the same numbers.
 */
import type { GateBlocker, ReportStatus, ReportStatusInput } from './model.js';

export function reportStatus(
  input: ReportStatusInput,
  year: string,
  blockers: readonly GateBlocker[] = [],
): ReportStatus {
  if (input.state === 'draft') {
    const { units, unapproved } = input;
    if (!Number.isInteger(unapproved) || unapproved < 1 || unapproved > units)
      throw new RangeError(`status.unapproved: ${unapproved} is not between 1 and units (${units})`);
  }
  if (blockers.length === 0) {
    if (input.state === 'draft')
      throw new RangeError('status: a draft input must come with its unapproved-units blocker');
    return { state: 'final', units: input.units };
  }
  const unapproved = input.state === 'draft' ? input.unapproved : 0;
  const units = input.units;
  const only = blockers.length === 1 && blockers[0]?.kind === 'unapproved';
  return {
    state: 'draft',
    units,
    unapproved,
    blockers,
    note: only
      ? {
          'zh-Hant': `草稿：${year}年度${units}個工作單元（實體 × 期間 × 議題）中有${unapproved}個尚未批准，數據仍可能變更。`,
          en: `DRAFT: ${unapproved} of ${units} workflow units (entity × period × topic) of ${year} are not approved; figures may still change.`,
        }
      : {
          'zh-Hant': `草稿：本報告尚未符合發佈條件，仍有${blockers.length}類事項待處理：`,
          en: `DRAFT: this report is not ready to publish; ${blockers.length} kind(s) of item block it:`,
        },
  };
}
