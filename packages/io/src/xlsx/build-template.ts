/**
 * Generate the XLSX data-entry template for one entity and period from the catalogue: a sheet
 * per topic, a row per input indicator, bilingual headers, the unit as a drop-down of the units
 * of the indicator's dimension, and the value cell limited to numbers; and the activity-lines
 * sheet (build-activity-sheet.ts) holding the existing lines of the entity and those below it
 * in the period, with room for new ones.
 */
import { randomBytes } from 'node:crypto';
import {
  type ActivityLine,
  ATOMIC_UNITS,
  type Entity,
  type Indicator,
  parseUnit,
  unitDimension,
} from '@assay/core';
import type ExcelJS from 'exceljs';
import { entitySubtree, periodInTemplate } from './activity-sheet-layout.js';
import { addActivitySheet } from './build-activity-sheet.js';
import { excel } from './exceljs.js';
import { headerText, META_SHEET, sheetName, TEMPLATE_COLUMNS, TEMPLATE_SCHEMA } from './template-layout.js';

export type TemplateInput = {
  readonly entity: Pick<Entity, 'id' | 'name'>;
  readonly periodId: string;
  readonly catalogue: readonly Indicator[];
  /** The organisation's entities, for the entities below `entity`; without them, `entity` alone. */
  readonly entities?: readonly Pick<Entity, 'id' | 'parentId'>[];
  /** The current activity lines; those of the entity (or below it) in the period are written in. */
  readonly activityLines?: readonly ActivityLine[];
  /**
   * Names this workbook: new lines entered in it get the ids "al-x-<templateId>-<row>" when it
   * is imported (read-activity-sheet.ts). Random when not given (tests give one).
   */
  readonly templateId?: string;
};

/** The lines a template of `entityId` and `periodId` holds: the entity's and those below it, in the period. */
export function templateLines(
  lines: readonly ActivityLine[],
  entities: readonly Pick<Entity, 'id' | 'parentId'>[],
  entityId: string,
  periodId: string,
): ActivityLine[] {
  const inTree = new Set(entitySubtree(entities, entityId));
  return lines.filter((l) => inTree.has(l.entityId) && periodInTemplate(l.periodId, periodId));
}

/** Units offered for an indicator: its own unit first, then atomic units of the same dimension. */
export function unitChoices(i: Indicator): string[] {
  const same = ATOMIC_UNITS.map((u) => u.symbol).filter((s) => {
    const p = parseUnit(s);
    return p.ok && unitDimension(p.unit) === i.dimension;
  });
  // Excel caps a literal list at 255 characters; commas and quotes would break it.
  const out: string[] = [];
  for (const s of [i.unit, ...same]) {
    if (out.includes(s) || /[,"]/.test(s)) continue;
    if ([...out, s].join(',').length > 250) break;
    out.push(s);
  }
  return out;
}

export function buildTemplate(input: TemplateInput): ExcelJS.Workbook {
  const wb = new (excel().Workbook)();
  wb.creator = 'Assay';
  const about = wb.addWorksheet('說明 About');
  about.columns = [{ width: 24 }, { width: 60 }];
  about.addRows([
    ['Assay 數據填報表 / data-entry template'],
    ['實體 Entity', `${input.entity.name['zh-Hant']} / ${input.entity.name.en} (${input.entity.id})`],
    ['期間 Period', input.periodId],
    [
      '填寫 How to fill',
      'Enter a value and unit per row; leave a row empty to skip it. 每行填寫數值及單位；留空則不匯入。',
    ],
    ['分項 Disaggregation', 'axis=value;axis=value, e.g. gender=female. Copy a row to add another split.'],
    [
      '活動數據 Activity lines',
      'Sheet activity-lines: one row per fuel, electricity, heat or certificate line, per month if you like (period 2026-01). ' +
        'Rows already there are the stored lines: change them in place and keep their id. Add a line on an empty row with no id; ' +
        'when copying a row, clear its id. A line is not deleted by removing its row. ' +
        '工作表 activity-lines：每行一項燃料、電力、熱力或證書數據，可按月填寫（期間 2026-01）。已有的行為已存數據：直接修改並保留編號；' +
        '新增請用空行，編號留空；複製行時請清除編號。刪除行不會刪除已存數據。',
    ],
  ]);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['schema', TEMPLATE_SCHEMA],
    ['entity', input.entity.id],
    ['period', input.periodId],
    ['template', input.templateId ?? randomBytes(6).toString('hex')],
  ]);
  const topics = new Map<string, Indicator[]>();
  for (const i of input.catalogue.filter((x) => x.kind === 'input')) {
    topics.set(i.topic, [...(topics.get(i.topic) ?? []), i]);
  }
  for (const [topic, indicators] of [...topics].sort(([a], [b]) => a.localeCompare(b))) {
    const ws = wb.addWorksheet(sheetName(topic), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = TEMPLATE_COLUMNS.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    for (const i of indicators) {
      const row = ws.addRow({ indicator: i.id, name: `${i.name['zh-Hant']} ${i.name.en}`, unit: i.unit });
      row.getCell('unit').dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${unitChoices(i).join(',')}"`],
      };
      row.getCell('value').dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: '數值 Value',
        error: 'Enter a number. 請輸入數字。',
        formulae: [-1e15, 1e15],
      };
    }
  }
  const entities = input.entities ?? [{ id: input.entity.id }];
  addActivitySheet(wb, {
    entityIds: entitySubtree(entities, input.entity.id),
    periodId: input.periodId,
    lines: templateLines(input.activityLines ?? [], entities, input.entity.id, input.periodId),
  });
  return wb;
}
