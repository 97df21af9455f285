/**
 * The Calculations sheet: every node under the report's derived figures (from their lineage
 * trees), one row each, children before parents. Facts, factors and constants are values;
 * derived nodes are live Excel formulas over their children's cells, with the unit scale
 * ratios (exact decimals from the units table) written into the formula, so a spreadsheet that
 * recalculates gets the figure in its own unit. Column F holds Assay's value for comparison.
 */
import { Decimal, type Lineage, type Quantity, type ReportModel } from '@assay/core/report-model';
import type ExcelJS from 'exceljs';
import type { RenderLang } from '../text/lang.js';
import { markDraftHeader } from './draft-sheet.js';

export type LineageSource = (figureId: string) => Lineage | undefined;

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

export function addCalculationsSheet(
  wb: ExcelJS.Workbook,
  model: ReportModel,
  lang: RenderLang,
  source: LineageSource,
): void {
  const ws = wb.addWorksheet(lang === 'en' ? 'Calculations' : '計算');
  markDraftHeader(ws, model, lang);
  ws.addRow([
    'node',
    'label',
    'kind',
    'unit',
    lang === 'en' ? 'value (live)' : '數值（公式）',
    'Assay',
  ]).font = { bold: true };
  const rows = new Map<string, Row>();
  const visit = (n: Lineage): Row | undefined => {
    const done = rows.get(n.id);
    if (done) return done;
    if (!isQ(n.value)) return undefined;
    const kids = n.children.map(visit);
    if (kids.some((k) => k === undefined)) return undefined;
    const q = n.value;
    const f = n.kind === 'derived' ? formula(n, q, kids as Row[]) : undefined;
    if (n.kind === 'derived' && f === undefined) return undefined;
    const excelRow = ws.addRow([
      n.id,
      n.label,
      n.op ?? n.kind,
      q.unit.symbol,
      null,
      Number(q.value.toString()),
    ]);
    excelRow.getCell(5).value = f === undefined ? Number(q.value.toString()) : { formula: f };
    const r: Row = { node: n, q, row: excelRow.number };
    rows.set(n.id, r);
    return r;
  };
  for (const g of model.figureGroups)
    for (const fig of g.figures) {
      const tree = source(fig.id);
      if (tree?.kind === 'derived') visit(tree);
    }
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 40;
  ws.getColumn(5).width = 20;
  ws.getColumn(6).width = 20;
}
