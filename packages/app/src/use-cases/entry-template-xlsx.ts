/** The XLSX entry template for one entity and period (io builds the workbook). */
import { bundleCatalogue, parsePeriod } from '@assay/core';
import { buildTemplate } from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import type { Snapshot } from '../workspace/workspace.js';

export type EntryTemplateXlsx = { readonly fileName: string; readonly body: Uint8Array };

/** `entityId` defaults to the first entity, `periodId` to the current period. */
export async function entryTemplateXlsx(
  s: Snapshot,
  entityId: string | undefined,
  periodId: string | undefined,
): Promise<Result<EntryTemplateXlsx>> {
  const b = s.bundle;
  const entityWanted = entityId ?? b.organisation.entities[0]?.id;
  const entity = b.organisation.entities.find((e) => e.id === entityWanted);
  if (!entity) return failure('not-found', `no entity "${entityWanted}"`, { field: 'entity' });
  const period = periodId ?? b.reporting.current;
  // the period is written into the workbook: only a period id (a NUL here made exceljs throw)
  if (!parsePeriod(period))
    return failure('invalid-request', `period: "${period.slice(0, 40)}" is not a period id such as 2025`, {
      field: 'period',
    });
  const wb = buildTemplate({ entity, periodId: period, catalogue: [...bundleCatalogue(b).values()] });
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return success({ fileName: `template-${entity.id}-${period}.xlsx`, body });
}
