/**
 * Named styles of the DOCX, so a designer restyles the report by editing styles rather than
 * runs: Title, Heading 1–4, Caption, table heading/text/number paragraphs (numbers right
 * aligned), cover styles and the table style "Assay Table". Sizes in half-points (21 = 10.5 pt),
 * spacing in twips (20 = 1 pt). Colours follow the HTML's (html/styles.ts): #1F6F5C green.
 */
import type { RenderLang } from '../text/lang.js';

export const GREEN = '1F6F5C';
export const DRAFT_COLOUR = 'B35C44';
/** Style ids used by the renderer (the names Word shows are in `name`). */
export const STYLE = {
  caption: 'Caption',
  tableHead: 'AssayTableHeading',
  tableText: 'AssayTableText',
  tableNumber: 'AssayTableNumber',
  coverCompany: 'AssayCoverCompany',
  coverYear: 'AssayCoverYear',
  coverMark: 'AssayCoverMark',
  coverNote: 'AssayCoverNote',
  tocHeading: 'TOCHeading',
  note: 'AssayNote',
  kpiValue: 'AssayKpiValue',
  table: 'AssayTable',
} as const;

/** Text width of an A4 page with 2.5 cm side margins, twips: (210 − 2 × 25) mm × 56.69. */
export const TEXT_WIDTH_TWIPS = 9071;
export const PAGE_MARGIN = { top: 1418, bottom: 1418, left: 1418, right: 1418 };

function fonts(lang: RenderLang) {
  const cjk = lang === 'zh-Hans' ? 'Noto Sans CJK SC' : 'Noto Sans CJK TC';
  return { ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia: cjk };
}

type Custom = {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  /** half-points */
  size: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** twips */
  before?: number;
  after?: number;
  line?: number;
  right?: boolean;
  keepNext?: boolean;
};

/** A paragraph style as WordprocessingML (attribute values are fixed ASCII: nothing to escape). */
function styleXml(c: Custom): string {
  const spacing = [
    c.before === undefined ? '' : ` w:before="${c.before}"`,
    c.after === undefined ? '' : ` w:after="${c.after}"`,
    c.line === undefined ? '' : ` w:line="${c.line}" w:lineRule="auto"`,
  ].join('');
  return [
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${c.id}"><w:name w:val="${c.name}"/>`,
    `<w:basedOn w:val="${c.basedOn ?? 'Normal'}"/>`,
    c.next ? `<w:next w:val="${c.next}"/>` : '',
    '<w:qFormat/><w:pPr>',
    c.keepNext ? '<w:keepNext/>' : '',
    spacing ? `<w:spacing${spacing}/>` : '',
    c.right ? '<w:jc w:val="right"/>' : '',
    '</w:pPr><w:rPr>',
    c.bold ? '<w:b/><w:bCs/>' : '',
    c.italics ? '<w:i/><w:iCs/>' : '',
    c.color ? `<w:color w:val="${c.color}"/>` : '',
    `<w:sz w:val="${c.size}"/><w:szCs w:val="${c.size}"/></w:rPr></w:style>`,
  ].join('');
}

const CUSTOM: readonly Custom[] = [
  // no keep-with-next here: a chart's caption follows its image; a table's caption sets it itself
  {
    id: STYLE.caption,
    name: 'Caption',
    next: 'Normal',
    size: 18,
    bold: true,
    color: GREEN,
    before: 120,
    after: 60,
  },
  { id: STYLE.tableHead, name: 'Table Heading', size: 17, bold: true, before: 0, after: 0, line: 240 },
  { id: STYLE.tableText, name: 'Table Text', size: 17, before: 0, after: 0, line: 240 },
  {
    id: STYLE.tableNumber,
    name: 'Table Number',
    basedOn: STYLE.tableText,
    size: 17,
    before: 0,
    after: 0,
    line: 240,
    right: true,
  },
  { id: STYLE.coverCompany, name: 'Cover Company', size: 32, bold: true, before: 2400, after: 120 },
  { id: STYLE.coverYear, name: 'Cover Year', size: 96, bold: true, color: GREEN, after: 0 },
  {
    id: STYLE.coverMark,
    name: 'Cover Status',
    size: 28,
    bold: true,
    color: DRAFT_COLOUR,
    before: 480,
    after: 120,
  },
  { id: STYLE.coverNote, name: 'Cover Note', size: 19, color: DRAFT_COLOUR, after: 60 },
  {
    id: STYLE.tocHeading,
    name: 'TOC Heading',
    next: 'Normal',
    size: 36,
    bold: true,
    color: GREEN,
    after: 240,
  },
  { id: STYLE.note, name: 'Note', size: 18, italics: true, color: '555555' },
  { id: STYLE.kpiValue, name: 'KPI Value', size: 28, bold: true, color: GREEN, before: 0, after: 0 },
];

/** The table style: header row shaded, thin rules between rows, no vertical rules. */
const TABLE_STYLE_XML = `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Assay Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="${GREEN}"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="${GREEN}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="CFD8D4"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8F0EC"/></w:tcPr></w:tblStylePr></w:style>`;

export function docxStyles(lang: RenderLang) {
  const font = fonts(lang);
  const heading = (size: number, before: number) => ({
    run: { size, bold: true, color: GREEN, font },
    paragraph: { spacing: { before, after: 120 }, keepNext: true },
  });
  return {
    default: {
      // space before a paragraph too, so text after a table does not touch it
      document: { run: { size: 21, font }, paragraph: { spacing: { before: 80, after: 120 } } },
      title: { run: { size: 56, bold: true, color: GREEN, font }, paragraph: { spacing: { after: 240 } } },
      heading1: heading(36, 240),
      heading2: heading(28, 240),
      heading3: heading(24, 200),
      heading4: heading(22, 160),
    },
  };
}

/**
 * The custom styles as a styles part (docx's `externalStyles`): docx then adds its own Title and
 * Heading 1–6 (with `docxStyles`' settings) and document defaults beside them.
 */
export function customStylesXml(): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    ...CUSTOM.map(styleXml),
    TABLE_STYLE_XML,
    '</w:styles>',
  ].join('');
}
