/**
 * The report as DOCX (docx 9.7.0), a designer's starting file: named styles (docx-styles.ts:
 * Title, Heading 1–4, Caption, table heading/text/number, cover styles, the "Assay Table" table
 * style), a cover page (company, stock code, year, title, DRAFT or FINAL, a demonstration-data
 * line when the gate finds placeholder or demonstration data), a table-of-contents field (its
 * entries cached so it reads before the field is updated; Word updates it on opening), page
 * numbers in the footer (a PAGE field), real tables with widths fitted to their content and
 * numbers right aligned (docx-table.ts), charts as PNG images when given (chart-images.ts;
 * without them a chart is given as a table of its values). Text is set as runs, so nothing in
 * the narrative is interpreted as markup. A draft has "DRAFT" / "草稿" in the page header (every
 * page, the cover's too) and the publication gate's sentence and blockers on the cover.
 */
import {
  type Block,
  type Cell,
  type KpiTile,
  type ReportModel,
  type Section,
  UNRESOLVED_MARKER,
} from '@assay/core/report-model';
import { headingText } from '../html/render-html.js';
import { hasStatus, statusText } from '../text/index-status.js';
import { type RenderLang, tx } from '../text/lang.js';
import type { ChartImages } from './chart-images.js';
import { type DocxNode, docx } from './docx-api.js';
import {
  customStylesXml,
  DRAFT_COLOUR,
  docxStyles,
  GREEN,
  PAGE_MARGIN,
  STYLE,
  TEXT_WIDTH_TWIPS,
} from './docx-styles.js';
import { type DocxCell, docxTable } from './docx-table.js';
import { contentsField } from './docx-toc.js';

const {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} = docx;

export type DocxOptions = { readonly charts?: ChartImages };

const LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];
const say = (lang: RenderLang, zh: string, en: string, hans = zh) =>
  lang === 'en' ? en : lang === 'zh-Hans' ? hans : zh;
const para = (text: string, opts: { italics?: boolean; bold?: boolean; style?: string } = {}) =>
  new Paragraph({
    ...(opts.style ? { style: opts.style } : {}),
    children: [
      new TextRun({ text, ...(opts.bold ? { bold: true } : {}), ...(opts.italics ? { italics: true } : {}) }),
    ],
  });

/** A narrative paragraph: an unresolved placeholder (⟦…⟧, core narrative-text.ts) as a bold red, highlighted run. */
function markedPara(text: string): DocxNode {
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

const cellOf = (c: Cell, lang: RenderLang): DocxCell =>
  c.kind === 'number'
    ? { text: c.value.text, numeric: true }
    : c.kind === 'text'
      ? { text: tx(c.text, lang) }
      : { text: '—', numeric: true };
const num = (text: string | undefined): DocxCell => ({ text: text ?? '—', numeric: true });
const caption = (text: string) => para(text, { style: STYLE.caption });
/** A table's caption stays with its table. */
const tableCaption = (text: string) =>
  new Paragraph({ style: STYLE.caption, keepNext: true, children: [new TextRun(text)] });

type Ctx = { model: ReportModel; lang: RenderLang; numbers: Map<string, string>; charts?: ChartImages };

function chartDocx(b: Extract<Block, { kind: 'chart' }>, ctx: Ctx): DocxNode[] {
  const { lang } = ctx;
  const img = ctx.charts?.get(b.id);
  if (img) {
    // fit the text width (twips / 15 = px at 96 dpi), keeping the aspect ratio
    const width = Math.min(img.width, Math.floor(TEXT_WIDTH_TWIPS / 15));
    const height = Math.round((img.height * width) / img.width);
    return [
      new Paragraph({
        keepNext: true,
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: img.png,
            transformation: { width, height },
            altText: { name: b.id, title: tx(b.title, lang), description: tx(b.title, lang) },
          }),
        ],
      }),
      caption(tx(b.title, lang)),
    ];
  }
  if (b.chart === 'matrix')
    return [
      tableCaption(tx(b.title, lang)),
      docxTable(
        ['', tx(b.xTitle, lang), tx(b.yTitle, lang)],
        b.points.map((p) => [{ text: tx(p.label, lang) }, num(p.x.text), num(p.y.text)]),
      ),
    ];
  return [
    tableCaption(`${tx(b.title, lang)} (${tx(b.unit, lang)})`),
    docxTable(
      ['', ...b.series.map((s) => tx(s.name, lang))],
      b.categories.map((c, i) => [{ text: tx(c, lang) }, ...b.series.map((s) => num(s.values[i]?.text))]),
    ),
  ];
}

/** Highlights: a row of tiles (at most four a row), each the value large, its unit and label. */
function kpiTiles(tiles: readonly KpiTile[], lang: RenderLang): DocxNode {
  const rows: KpiTile[][] = [];
  for (let i = 0; i < tiles.length; i += 4) rows.push(tiles.slice(i, i + 4));
  const width = Math.floor(TEXT_WIDTH_TWIPS / Math.min(4, Math.max(1, tiles.length)));
  const tileCell = (t: KpiTile | undefined) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      shading: { fill: 'F3F7F5', type: ShadingType.CLEAR, color: 'auto' },
      children: t
        ? [
            para(t.value?.text ?? '—', { style: STYLE.kpiValue }),
            para(tx(t.unit, lang), { style: STYLE.note }),
            para(tx(t.label, lang), { style: STYLE.tableText }),
          ]
        : [new Paragraph({ children: [] })],
    });
  return new Table({
    style: STYLE.table,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: Array.from({ length: Math.min(4, tiles.length) }, () => width),
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: Array.from({ length: Math.min(4, tiles.length) }, (_, i) => tileCell(r[i])),
        }),
    ),
  });
}

/** A bundle picture (PNG data: URI), scaled to the text width at most, with its description as caption. */
function imageDocx(b: Extract<Block, { kind: 'image' }>, lang: RenderLang): DocxNode[] {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/]+=*)$/.exec(b.dataUri);
  if (!m?.[1]) return [];
  const png = new Uint8Array(Buffer.from(m[1], 'base64'));
  // PNG header: width and height, big-endian, at bytes 16–23 (IHDR)
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24) return [];
  const w = view.getUint32(16);
  const h = view.getUint32(20);
  if (w === 0 || h === 0) return [];
  const width = Math.min(w, Math.floor(TEXT_WIDTH_TWIPS / 15));
  const alt = tx(b.alt, lang);
  return [
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height: Math.round((h * width) / w) },
          altText: { name: b.id, title: alt, description: alt },
        }),
      ],
    }),
    caption(alt),
  ];
}

function blockDocx(b: Block, ctx: Ctx): DocxNode[] {
  const { model, lang } = ctx;
  switch (b.kind) {
    case 'paragraph':
      return tx(b.text, lang)
        .split(/\n{2,}/)
        .map((p) => (b.role === 'placeholder' ? para(p, { italics: true }) : markedPara(p)));
    case 'note':
      return [para(tx(b.text, lang), { style: STYLE.note })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_4, children: [new TextRun(tx(b.text, lang))] })];
    case 'table':
      return [
        tableCaption(tx(b.caption, lang)),
        docxTable(
          b.head.map((h) => tx(h, lang)),
          // a breakdown row (level 1) sets its first cell in under its headline row
          b.rows.map((r, i) =>
            r.map((c, j) =>
              j === 0 && b.levels?.[i] === 1 ? { ...cellOf(c, lang), indent: true } : cellOf(c, lang),
            ),
          ),
        ),
      ];
    case 'chart':
      return chartDocx(b, ctx);
    case 'kpi-tiles':
      return [kpiTiles(b.tiles, lang)];
    case 'image':
      return imageDocx(b, lang);
    case 'content-index': {
      const L = model.labels;
      const rows = model.contentIndex.filter((r) => r.framework === b.framework);
      const withStatus = hasStatus(rows);
      return [
        docxTable(
          [
            tx(L.code, lang),
            tx(L.provision, lang),
            tx(L.section, lang),
            ...(withStatus ? [tx(L.status, lang)] : []),
          ],
          rows.map((r) => [
            { text: r.label },
            { text: tx(r.title, lang) },
            { text: r.sectionIds.map((id) => ctx.numbers.get(id) ?? id).join(', ') },
            ...(withStatus ? [{ text: statusText(r, model, lang) }] : []),
          ]),
          // as the HTML's index (html/styles.ts): code 16 %, section 12 %, status 22 %
          withStatus ? [0.16, undefined, 0.12, 0.22] : [0.16, undefined, 0.12],
        ),
      ];
    }
  }
}

function sectionDocx(s: Section, depth: number, ctx: Ctx): DocxNode[] {
  return [
    new Paragraph({
      heading: LEVELS[Math.min(depth, 3)] ?? HeadingLevel.HEADING_4,
      // each top-level section opens a page, as in the PDF
      ...(depth === 0 ? { pageBreakBefore: true } : {}),
      children: [new TextRun(headingText(s, ctx.lang))],
    }),
    ...s.blocks.flatMap((b) => blockDocx(b, ctx)),
    ...s.sections.flatMap((c) => sectionDocx(c, depth + 1, ctx)),
  ];
}

/** The cover: company, stock code, year, title, the status mark, what blocks publication. */
function cover(model: ReportModel, lang: RenderLang): DocxNode[] {
  const draft = model.status.state === 'draft';
  const blockers = model.status.state === 'draft' ? model.status.blockers : [];
  const demo = blockers.some((b) => b.kind === 'placeholder');
  const mark = draft ? tx(model.labels.draft, lang) : say(lang, '定稿', 'FINAL', '定稿');
  return [
    para(tx(model.organisation, lang), { style: STYLE.coverCompany }),
    ...(model.stockCode
      ? [
          para(
            say(
              lang,
              `股份代號：${model.stockCode}`,
              `Stock code: ${model.stockCode}`,
              `股份代号：${model.stockCode}`,
            ),
            { bold: true },
          ),
        ]
      : []),
    para(model.currentYear, { style: STYLE.coverYear }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(tx(model.title, lang))] }),
    new Paragraph({
      style: STYLE.coverMark,
      children: [new TextRun({ text: mark, ...(draft ? {} : { color: GREEN }) })],
    }),
    ...(demo
      ? [
          para(
            say(
              lang,
              '本報告含示範數據（佔位或示範用途），不代表公司的實際表現。',
              'This report contains demonstration data (placeholder or illustrative entries); it does not state the company’s actual performance.',
              '本报告含示范数据（占位或示范用途），不代表公司的实际表现。',
            ),
            { style: STYLE.coverMark },
          ),
        ]
      : []),
    ...(model.status.state === 'draft'
      ? [
          para(tx(model.status.note, lang), { style: STYLE.coverNote, bold: true }),
          // What blocks publication (core publication-gate.ts), one line each, unless the note says it all.
          ...(blockers.length === 1 && blockers[0]?.kind === 'unapproved'
            ? []
            : blockers.map((b) => para(`• ${tx(b.text, lang)}`, { style: STYLE.coverNote }))),
        ]
      : []),
    ...(lang === 'zh-Hans'
      ? [para(`${tx(model.labels.draftForReview, lang)} (draft for review)`, { style: STYLE.coverMark })]
      : []),
  ];
}

/** The contents: a TOC field over Heading 1–3, its entries cached (no pages until updated). */
function contents(model: ReportModel, lang: RenderLang): DocxNode[] {
  const entries: { title: string; level: number }[] = [];
  const visit = (ss: readonly Section[], level: number) => {
    for (const s of ss) {
      entries.push({ title: headingText(s, lang), level });
      if (level < 3) visit(s.sections, level + 1);
    }
  };
  visit(model.sections, 1);
  return [
    new Paragraph({
      style: STYLE.tocHeading,
      pageBreakBefore: true,
      children: [new TextRun(tx(model.labels.contents, lang))],
    }),
    contentsField(tx(model.labels.contents, lang), entries),
  ];
}

export async function renderDocx(
  model: ReportModel,
  lang: RenderLang,
  opts: DocxOptions = {},
): Promise<Uint8Array> {
  const flat = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...flat(s.sections)]);
  const ctx: Ctx = {
    model,
    lang,
    numbers: new Map(flat(model.sections).map((s) => [s.id, s.number])),
    ...(opts.charts ? { charts: opts.charts } : {}),
  };
  // the draft mark in the page header: every page, the cover's (first-page header) too
  const draftHeader = () =>
    new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ text: tx(model.labels.draft, lang), bold: true, color: DRAFT_COLOUR })],
        }),
      ],
    });
  const headers =
    model.status.state === 'draft' ? { headers: { default: draftHeader(), first: draftHeader() } } : {};
  const pageNumber = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 16, color: '555555' })],
      }),
    ],
  });
  const doc = new Document({
    title: tx(model.title, lang),
    creator: 'Assay',
    description: tx(model.organisation, lang),
    // Word refreshes the contents' page numbers on opening (it asks first)
    features: { updateFields: true },
    externalStyles: customStylesXml(),
    styles: docxStyles(lang),
    sections: [
      {
        // the cover is the first page: no page number on it
        properties: { titlePage: true, page: { margin: PAGE_MARGIN } },
        ...headers,
        footers: { default: pageNumber, first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children: [
          ...cover(model, lang),
          ...contents(model, lang),
          ...model.sections.flatMap((s) => sectionDocx(s, 0, ctx)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
