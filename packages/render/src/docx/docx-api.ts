/**
 * The part of the docx 9.7.0 API this renderer uses, typed here because the package's own type
 * files re-export extensionless paths that TypeScript's NodeNext resolution cannot follow (the
 * runtime ESM build is fine). Option shapes follow docx's documentation.
 */
import * as docxEsm from 'docx';

export type DocxNode = { readonly __docx: 'node' };
type Ctor<O> = new (options: O) => DocxNode;
/** `color`: hex RRGGBB without '#'; `highlight`: a Word highlight colour name ("yellow"). */
type Run = { text: string; bold?: boolean; italics?: boolean; color?: string; highlight?: string };
/** Headers of a section: `default` repeats on every page of it. */
type SectionHeaders = { default: DocxNode };

export type DocxApi = {
  Document: Ctor<{
    title: string;
    creator: string;
    sections: { headers?: SectionHeaders; children: DocxNode[] }[];
  }>;
  Header: Ctor<{ children: DocxNode[] }>;
  Paragraph: Ctor<{ heading?: string; alignment?: string; children: DocxNode[] }>;
  AlignmentType: Readonly<Record<'RIGHT', string>>;
  TextRun: Ctor<Run | string>;
  Table: Ctor<{ width: { size: number; type: string }; rows: DocxNode[] }>;
  TableRow: Ctor<{ tableHeader?: boolean; children: DocxNode[] }>;
  TableCell: Ctor<{ children: DocxNode[] }>;
  HeadingLevel: Readonly<Record<'TITLE' | 'HEADING_1' | 'HEADING_2' | 'HEADING_3' | 'HEADING_4', string>>;
  WidthType: Readonly<Record<'PERCENTAGE', string>>;
  Packer: { toBuffer(doc: DocxNode): Promise<Uint8Array> };
};

export const docx = docxEsm as unknown as DocxApi;
