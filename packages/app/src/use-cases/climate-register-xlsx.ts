/**
 * The climate register's workbooks (io xlsx/climate-sheets.ts) for the site registers' export and
 * import (site-registers-xlsx.ts): the sheet of each register, with core's rules against the
 * registers as they stand (entities, the company's scales).
 */
import {
  climateRisksSheet,
  climateScalesSheet,
  hazardScreeningSheet,
  type RowSheetSpec,
  supplierPracticesSheet,
} from '@assay/io';
import type { Workspace } from '../workspace/workspace.js';
import { type ClimateRegister, climateImportIssues, isClimateRegister } from './climate-register.js';

export { climateImportIssues, isClimateRegister };

export function climateSpecOf(ws: Workspace, register: ClimateRegister): RowSheetSpec<{ id: string }> {
  const b = ws.snapshot().bundle;
  const rules = {
    entityIds: new Set(b.organisation.entities.map((e) => e.id)),
    scales: b.registers.climateScales ?? [],
  };
  const spec =
    register === 'climateRisks'
      ? climateRisksSheet(rules)
      : register === 'climateScales'
        ? climateScalesSheet()
        : register === 'hazardScreening'
          ? hazardScreeningSheet(rules)
          : supplierPracticesSheet();
  return spec as never;
}
