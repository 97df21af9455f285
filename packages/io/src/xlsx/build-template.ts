/**
 * Generate the XLSX data-entry template for one entity and period from the catalogue: a sheet
 * per topic, a row per input indicator, bilingual headers, the unit as a drop-down of the units
 * of the indicator's dimension, and the value cell limited to numbers.
 */
import { ATOMIC_UNITS, type Entity, type Indicator, parseUnit, unitDimension } from '@assay/core';
import type ExcelJS from 'exceljs';
import { excel } from './exceljs.js';
import { headerText, META_SHEET, sheetName, TEMPLATE_COLUMNS, TEMPLATE_SCHEMA } from './template-layout.js';

export type TemplateInput = {
  readonly entity: Pick<Entity, 'id' | 'name'>;
  readonly periodId: string;
  readonly catalogue: readonly Indicator[];
};

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
  ]);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([
    ['schema', TEMPLATE_SCHEMA],
    ['entity', input.entity.id],
    ['period', input.periodId],
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
  return wb;
}
