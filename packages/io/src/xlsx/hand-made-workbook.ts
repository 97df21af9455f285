/**
 * Test support: a minimal XLSX made by hand as real ZIP bytes (build-zip.ts), one worksheet
 * "Data" whose XML the test writes, so a test can put in what no spreadsheet program would:
 * row 2^31, column ZZZZ, a merge over the whole sheet, a lying entry size.
 */
import { buildZip, type ZipEntryInput } from './build-zip.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type HandMadeParts = {
  /** The children of <sheetData>. */
  readonly rows?: string;
  /** Elements after <sheetData> (mergeCells, dataValidations…). */
  readonly afterData?: string;
  /** Elements before <sheetData> (cols…). */
  readonly beforeData?: string;
  /** Children of <workbook> after <sheets> (definedNames…). */
  readonly workbookExtra?: string;
  /** The whole worksheet entry instead of the one made from the parts above. */
  readonly sheetXml?: string;
  /** More entries, e.g. a sharedStrings.xml with a forged size. */
  readonly extra?: readonly ZipEntryInput[];
};

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);

export function handMadeWorkbook(parts: HandMadeParts = {}): Buffer {
  const sheet = `<worksheet xmlns="${MAIN}">${parts.beforeData ?? ''}<sheetData>${
    parts.rows ?? '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c></row>'
  }</sheetData>${parts.afterData ?? ''}</worksheet>`;
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>${parts.workbookExtra ?? ''}</workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: xml(parts.sheetXml ?? sheet) },
    ...(parts.extra ?? []),
  ]);
}
