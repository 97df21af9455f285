/**
 * The Calculations sheet: every node under the report's derived figures (from their lineage
 * trees), one row each, children before parents. Facts, factors and constants are values;
 * derived nodes are live Excel formulas over their children's cells, with the unit scale
 * ratios (exact decimals from the units table) written into the formula, so a spreadsheet that
 * recalculates gets the figure in its own unit; each formula caches Assay's value as its result
 * (previewers that do not calculate show it). Column F holds Assay's value for comparison. The
 * section sheets' current-year cells of derived figures are formulas over column E (planCalculations).
 * Labels, kinds and units are in the sheet's language: labels from the tree's `text` (core
 * report/lineage-text.ts localiseLineage; the graph's English label without it), units as the
 * report prints them (Chinese unit names in Chinese). Node ids in column A are ids.
 */
import {
  CALC_KIND_TERMS,
  Decimal,
  type Lineage,
  type LocalisedText,
  type Quantity,
  type ReportModel,
  unitLabelZh,
} from '@assay/core/report-model';
import type ExcelJS from 'exceljs';
import { type RenderLang, tx } from '../text/lang.js';
import { toSimplified } from '../text/simplified.js';
import { markDraftHeader } from './draft-sheet.js';

export type LineageSource = (figureId: string) => Lineage | undefined;

const HEADS: readonly LocalisedText[] = [
  { 'zh-Hant': '節點', en: 'node', 'zh-Hans': '节点' },
  { 'zh-Hant': '名稱', en: 'label', 'zh-Hans': '名称' },
  { 'zh-Hant': '類型', en: 'kind', 'zh-Hans': '类型' },
  { 'zh-Hant': '單位', en: 'unit', 'zh-Hans': '单位' },
  { 'zh-Hant': '數值（公式）', en: 'value (live)', 'zh-Hans': '数值（公式）' },
  { 'zh-Hant': '系統計算值', en: 'Assay', 'zh-Hans': '系统计算值' },
];
const same = (s: string): LocalisedText => ({ 'zh-Hant': s, en: s });

type Row = { node: Lineage; q: Quantity; row: number };

const isQ = (v: Lineage['value']): v is Quantity => v !== undefined && v.kind === 'quantity';

/** child value × k expresses it in the parent's unit: k = child scale / parent scale. */
function scaled(ref: string, child: Quantity, parent: Quantity): string {
  const k = child.unit.scale.dividedBy(parent.unit.scale);
  return k.equals(1) ? ref : `${ref}*${k.toString()}`;
}

function formula(node: Lineage, q: Quantity, kids: Row[]): string | undefined {
  const ref = (r: Row) => `E${r.row}`;
  const [a, b] = kids;
  switch (node.op) {
    case 'sum':
      return kids.length === 0 ? '0' : kids.map((k) => scaled(ref(k), k.q, q)).join('+');
    case 'weighted-sum':
      return kids.length === 0
        ? '0'
        : kids.map((k, i) => `${node.weights?.[i] ?? '1'}*${scaled(ref(k), k.q, q)}`).join('+');
    case 'product': {
      const k = kids.reduce((s, x) => s.times(x.q.unit.scale), new Decimal(1)).dividedBy(q.unit.scale);
      return `${kids.map(ref).join('*')}${k.equals(1) ? '' : `*${k.toString()}`}`;
    }
    case 'ratio': {
      if (!a || !b) return undefined;
      const k = a.q.unit.scale.dividedBy(b.q.unit.scale).dividedBy(q.unit.scale);
      return `${ref(a)}/${ref(b)}${k.equals(1) ? '' : `*${k.toString()}`}`;
    }
    case 'difference':
      return a && b ? `${scaled(ref(a), a.q, q)}-${scaled(ref(b), b.q, q)}` : undefined;
    case 'convert':
      return a ? scaled(ref(a), a.q, q) : undefined;
    default:
      return undefined;
  }
}

/** A row of the Calculations sheet, planned before any sheet is written (row numbers are final). */
type Planned = Row & { formula: string | undefined };

/**
 * The Calculations sheet's rows and, for each derived figure, the row of its value: the section
 * sheets refer to those cells by formula (render-xlsx.ts), so they can be written first.
 */
export type CalculationsPlan = {
  readonly rows: readonly Planned[];
  /** Figure id → row of the Calculations sheet whose column E is the figure's value. */
  readonly figureRow: ReadonlyMap<string, number>;
};

/** The sheet's name in the language (formulas of the section sheets name it). */
export const calculationsSheetName = (lang: RenderLang) =>
  lang === 'en' ? 'Calculations' : lang === 'zh-Hans' ? '计算' : '計算';

/** Column E of the sheet at `row`, as a formula reference from another sheet. */
export const calculationsRef = (lang: RenderLang, row: number) => `'${calculationsSheetName(lang)}'!E${row}`;

export function planCalculations(model: ReportModel, source: LineageSource): CalculationsPlan {
  const rows: Planned[] = [];
  const byNode = new Map<string, Planned>();
  const visit = (n: Lineage): Row | undefined => {
    const done = byNode.get(n.id);
    if (done) return done;
    if (!isQ(n.value)) return undefined;
    const kids = n.children.map(visit);
    if (kids.some((k) => k === undefined)) return undefined;
    const q = n.value;
    const f = n.kind === 'derived' ? formula(n, q, kids as Row[]) : undefined;
    if (n.kind === 'derived' && f === undefined) return undefined;
    // row 1 holds the heads
    const r: Planned = { node: n, q, row: rows.length + 2, formula: f };
    rows.push(r);
    byNode.set(n.id, r);
    return r;
  };
  const figureRow = new Map<string, number>();
  for (const g of model.figureGroups)
    for (const fig of g.figures) {
      const tree = source(fig.id);
      if (tree?.kind !== 'derived') continue;
      const r = visit(tree);
      if (r) figureRow.set(fig.id, r.row);
    }
  return { rows, figureRow };
}

export function addCalculationsSheet(
  wb: ExcelJS.Workbook,
  model: ReportModel,
  lang: RenderLang,
  source: LineageSource,
  plan: CalculationsPlan = planCalculations(model, source),
): void {
  const ws = wb.addWorksheet(calculationsSheetName(lang));
  markDraftHeader(ws, model, lang);
  // zh-Hans (a draft): a text without its own Simplified form is converted like the model's
  const say = (t: LocalisedText) =>
    lang === 'zh-Hans' ? (t['zh-Hans'] ?? toSimplified(t['zh-Hant'])) : tx(t, lang);
  ws.addRow(HEADS.map(say)).font = { bold: true };
  for (const { node: n, q, formula: f, row } of plan.rows) {
    const value = Number(q.value.toString());
    const excelRow = ws.addRow([
      n.id,
      say(n.text ?? same(n.label)),
      say(CALC_KIND_TERMS[n.op ?? n.kind] ?? same(n.op ?? n.kind)),
      lang === 'en' ? q.unit.symbol : say(same(unitLabelZh(q.unit))),
      null,
      value,
    ]);
    if (excelRow.number !== row) throw new Error(`Calculations row ${excelRow.number} planned as ${row}`);
    // a formula carries Assay's value as its cached result, so viewers that do not recalculate show it
    excelRow.getCell(5).value = f === undefined ? value : { formula: f, result: value };
  }
  // widths in characters; a Chinese character takes about two
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = lang === 'en' ? 60 : 70;
  ws.getColumn(3).width = 18;
  ws.getColumn(4).width = lang === 'en' ? 18 : 26;
  ws.getColumn(5).width = 20;
  ws.getColumn(6).width = 20;
}
