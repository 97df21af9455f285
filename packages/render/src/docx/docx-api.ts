/**
 * The part of the docx 9.7.0 API this renderer uses, typed here because the package's own type
 * files re-export extensionless paths that TypeScript's NodeNext resolution cannot follow (the
 * runtime ESM build is fine). Option shapes follow docx's type definitions (dist/file/**.d.ts).
 * Lengths: `size` in half-points, spacing and widths in twips (1/20 pt) unless stated.
 */
import * as docxEsm from 'docx';

export type DocxNode = { readonly __docx: 'node' };
type Ctor<O> = new (options: O) => DocxNode;
/** `color`: hex RRGGBB without '#'; `highlight`: a Word highlight colour name ("yellow"). */
type Run = {
  text?: string;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  highlight?: string;
  size?: number;
  /** Field children such as PageNumber.CURRENT. */
  children?: (string | DocxNode)[];
};
/** Headers or footers of a section: `default` on every page, `first` on the first when `titlePage`. */
type HeaderFooterGroup = { default?: DocxNode; first?: DocxNode };
type RunStyle = {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  font?: string | { ascii?: string; eastAsia?: string; hAnsi?: string };
};
type ParagraphStyleProps = {
  spacing?: { before?: number; after?: number; line?: number };
  alignment?: string;
  keepNext?: boolean;
  outlineLevel?: number;
};
type BaseStyle = { run?: RunStyle; paragraph?: ParagraphStyleProps };
type Width = { size: number; type: string };
/** An element in xml-js's non-compact form. */
export type XmlElement = {
  type: 'element';
  name: string;
  attributes?: Record<string, string>;
  elements?: XmlElement[];
};

export type DocxApi = {
  Document: Ctor<{
    title: string;
    creator: string;
    description?: string;
    features?: { updateFields?: boolean };
    /** A styles part (`<w:styles>…`) whose styles are added beside docx's defaults. */
    externalStyles?: string;
    /** Settings of docx's default styles (Title, Heading 1–4, document defaults). */
    styles?: {
      default?: Partial<
        Record<'document' | 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4', BaseStyle>
      >;
    };
    sections: {
      properties?: {
        titlePage?: boolean;
        page?: { margin?: { top: number; bottom: number; left: number; right: number } };
      };
      headers?: HeaderFooterGroup;
      footers?: HeaderFooterGroup;
      children: DocxNode[];
    }[];
  }>;
  Header: Ctor<{ children: DocxNode[] }>;
  Footer: Ctor<{ children: DocxNode[] }>;
  Paragraph: Ctor<{
    heading?: string;
    style?: string;
    alignment?: string;
    pageBreakBefore?: boolean;
    keepNext?: boolean;
    /** twips */
    indent?: { left: number };
    spacing?: { before?: number; after?: number };
    children: DocxNode[];
  }>;
  AlignmentType: Readonly<Record<'RIGHT' | 'LEFT' | 'CENTER', string>>;
  TextRun: Ctor<Run | string>;
  ImageRun: Ctor<{
    type: 'png';
    data: Uint8Array;
    /** Pixels at 96 dpi. */
    transformation: { width: number; height: number };
    altText?: { name: string; title?: string; description?: string };
  }>;
  /** Field markers for a run's `children` (PAGE, NUMPAGES). */
  PageNumber: Readonly<Record<'CURRENT' | 'TOTAL_PAGES', string>>;
  TableOfContents: new (
    alias: string,
    options: {
      hyperlink?: boolean;
      headingStyleRange?: string;
      /** Entries shown until the field is updated (Word asks on opening; LibreOffice: Tools ▸ Update). */
      cachedEntries?: { title: string; level: number; page?: number }[];
    },
  ) => DocxNode;
  Table: Ctor<{
    width: Width;
    columnWidths?: number[];
    layout?: string;
    style?: string;
    rows: DocxNode[];
  }>;
  TableRow: Ctor<{ tableHeader?: boolean; cantSplit?: boolean; children: DocxNode[] }>;
  TableCell: Ctor<{
    width?: Width;
    shading?: { fill: string; type: string; color: string };
    children: DocxNode[];
  }>;
  HeadingLevel: Readonly<Record<'TITLE' | 'HEADING_1' | 'HEADING_2' | 'HEADING_3' | 'HEADING_4', string>>;
  WidthType: Readonly<Record<'PERCENTAGE' | 'DXA', string>>;
  TableLayoutType: Readonly<Record<'FIXED' | 'AUTOFIT', string>>;
  ShadingType: Readonly<Record<'CLEAR' | 'SOLID', string>>;
  /** Builds an element from an xml-js element object (docx's public converter). */
  convertToXmlComponent: (element: XmlElement) => DocxNode;
  Packer: { toBuffer(doc: DocxNode): Promise<Uint8Array> };
};

export const docx = docxEsm as unknown as DocxApi;
