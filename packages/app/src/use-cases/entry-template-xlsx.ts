/**
 * The XLSX entry template for one entity and period (io builds the workbook): a sheet per topic
 * of the catalogue, and the activity-lines sheet holding the current lines of the entity and
 * the entities below it in the period (io build-activity-sheet.ts).
 */
import { randomBytes } from 'node:crypto';
import { bundleCatalogue, parsePeriod } from '@assay/core';
import { buildTemplate, MAX_PREFILLED_LINES, templateLines } from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import type { Snapshot } from '../workspace/workspace.js';

export type EntryTemplateXlsx = { readonly fileName: string; readonly body: Uint8Array };

/**
 * `entityId` defaults to the first entity, `periodId` to the current period. `mayRead` says
 * whose lines the caller may see (issue #16): the lines of other entities are left out.
 */
export async function entryTemplateXlsx(
  s: Snapshot,
  entityId: string | undefined,
  periodId: string | undefined,
  mayRead: (entityId: string) => boolean = () => true,
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
  const entities = b.organisation.entities;
  const lines = templateLines(b.activityLines, entities, entity.id, period).filter((l) =>
    mayRead(l.entityId),
  );
  if (lines.length > MAX_PREFILLED_LINES)
    return failure(
      'invalid-request',
      `entity "${entity.id}" has ${lines.length.toLocaleString('en')} activity lines in ${period}, more than the ${MAX_PREFILLED_LINES.toLocaleString('en')} a template holds: download one for an entity below it, or for a quarter or month`,
      { field: 'entity' },
    );
  const wb = buildTemplate({
    entity,
    periodId: period,
    catalogue: [...bundleCatalogue(b).values()],
    entities,
    activityLines: lines,
    // Names the workbook: lines added in it get ids of their own (io read-activity-sheet.ts).
    templateId: randomBytes(6).toString('hex'),
  });
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return success({ fileName: `template-${entity.id}-${period}.xlsx`, body });
}
