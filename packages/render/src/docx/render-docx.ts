/**
 * The report as DOCX (docx 9.7.0): real heading styles (Heading 1–3) and real tables. Charts are
 * given as tables of their values (the SVG stays in HTML/PDF). Text is set as runs, so nothing
 * in the narrative is interpreted as markup. A draft report (model.status) has "DRAFT" / "草稿"
 * in the header of its section, so on every page, and the count of unapproved units under the title.
 */
import {
  type Block,
  type Cell,
  type ReportModel,
  type Section,
  UNRESOLVED_MARKER,
} from '@assay/core/report-model';
import { type DocxNode, docx } from './docx-api.js';

const {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} = docx;
type Paragraph = DocxNode;
type Table = DocxNode;

import { headingText } from '../html/render-html.js';
import { hasStatus, statusText } from '../text/index-status.js';
import { type RenderLang, tx } from '../text/lang.js';

const LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];
const para = (text: string, opts: { italics?: boolean; bold?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...opts })] });

/** A narrative paragraph: an unresolved placeholder (⟦…⟧, core narrative-text.ts) as a bold red, highlighted run. */
function markedPara(text: string): Paragraph {
  const runs: DocxNode[] = [];
  let at = 0;
  for (const m of text.matchAll(UNRESOLVED_MARKER)) {
    if ((m.index ?? 0) > at) runs.push(new TextRun(text.slice(at, m.index)));
    runs.push(new TextRun({ text: m[0], bold: true, color: DRAFT_COLOUR, highlight: 'yellow' }));
    at = (m.index ?? 0) + m[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push(new TextRun(text.slice(at)));
  return new Paragraph({ children: runs });
}

function table(head: string[], rows: string[][]): DocxNode {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((c) => new TableCell({ children: [para(c, { bold })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

const cellText = (c: Cell, lang: RenderLang) =>
  c.kind === 'number' ? c.value.text : c.kind === 'text' ? tx(c.text, lang) : '—';

function blockDocx(
  b: Block,
  model: ReportModel,
  lang: RenderLang,
  numbers: Map<string, string>,
): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return tx(b.text, lang)
        .split(/\n{2,}/)
        .map((p) => (b.role === 'placeholder' ? para(p, { italics: true }) : markedPara(p)));
    case 'note':
      return [para(tx(b.text, lang), { italics: true })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_4, children: [new TextRun(tx(b.text, lang))] })];
    case 'table':
      return [
        para(tx(b.caption, lang), { bold: true }),
        table(
          b.head.map((h) => tx(h, lang)),
          b.rows.map((r) => r.map((c) => cellText(c, lang))),
        ),
      ];
    case 'chart':
      if (b.chart === 'matrix')
        return [
          para(tx(b.title, lang), { bold: true }),
          table(
            ['', tx(b.xTitle, lang), tx(b.yTitle, lang)],
            b.points.map((p) => [tx(p.label, lang), p.x.text, p.y.text]),
          ),
        ];
      return [
        para(`${tx(b.title, lang)} (${tx(b.unit, lang)})`, { bold: true }),
        table(
          ['', ...b.series.map((s) => tx(s.name, lang))],
          b.categories.map((c, i) => [tx(c, lang), ...b.series.map((s) => s.values[i]?.text ?? '—')]),
        ),
      ];
    case 'content-index': {
      const L = model.labels;
      const rows = model.contentIndex.filter((r) => r.framework === b.framework);
      const withStatus = hasStatus(rows);
      return [
        table(
          [
            tx(L.code, lang),
            tx(L.provision, lang),
            tx(L.section, lang),
            ...(withStatus ? [tx(L.status, lang)] : []),
          ],
          rows.map((r) => [
            r.label,
            tx(r.title, lang),
            r.sectionIds.map((id) => numbers.get(id) ?? id).join(', '),
            ...(withStatus ? [statusText(r, model, lang)] : []),
          ]),
        ),
      ];
    }
  }
}

function sectionDocx(
  s: Section,
  depth: number,
  model: ReportModel,
  lang: RenderLang,
  numbers: Map<string, string>,
): (Paragraph | Table)[] {
  return [
    new Paragraph({
      heading: LEVELS[Math.min(depth, 3)] ?? HeadingLevel.HEADING_4,
      children: [new TextRun(headingText(s, lang))],
    }),
    ...s.blocks.flatMap((b) => blockDocx(b, model, lang, numbers)),
    ...s.sections.flatMap((c) => sectionDocx(c, depth + 1, model, lang, numbers)),
  ];
}

const DRAFT_COLOUR = 'B35C44';

/** The draft mark: the section's header (every page) and the sentence under the title; none when final. */
function draftParts(
  model: ReportModel,
  lang: RenderLang,
): { headers?: { default: DocxNode }; note: Paragraph[] } {
  if (model.status.state === 'final') return { note: [] };
  const mark = new TextRun({ text: tx(model.labels.draft, lang), bold: true, color: DRAFT_COLOUR });
  return {
    headers: {
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [mark] })],
      }),
    },
    note: [
      new Paragraph({
        children: [new TextRun({ text: tx(model.status.note, lang), bold: true, color: DRAFT_COLOUR })],
      }),
      // What blocks publication (core publication-gate.ts), one line each, unless the note says it all.
      ...(model.status.blockers.length === 1 && model.status.blockers[0]?.kind === 'unapproved'
        ? []
        : model.status.blockers.map(
            (b) =>
              new Paragraph({
                children: [new TextRun({ text: `• ${tx(b.text, lang)}`, color: DRAFT_COLOUR })],
              }),
          )),
    ],
  };
}

export async function renderDocx(model: ReportModel, lang: RenderLang): Promise<Uint8Array> {
  const flat = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...flat(s.sections)]);
  const numbers = new Map(flat(model.sections).map((s) => [s.id, s.number]));
  const draft = draftParts(model, lang);
  const doc = new Document({
    title: tx(model.title, lang),
    creator: 'Assay',
    sections: [
      {
        ...(draft.headers ? { headers: draft.headers } : {}),
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(tx(model.title, lang))] }),
          para(tx(model.organisation, lang)),
          ...draft.note,
          ...(lang === 'zh-Hans'
            ? [para(`${tx(model.labels.draftForReview, lang)} (draft for review)`, { bold: true })]
            : []),
          ...model.sections.flatMap((s) => sectionDocx(s, 0, model, lang, numbers)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
