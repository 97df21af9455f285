/**
 * The table-of-contents field. docx's TableOfContents writes the field (TOC \o "1-3" \h) in a
 * content control whose properties carry only an alias; LibreOffice then prints the field code
 * ("TOC \h \o …") in front of the first entry. Word marks its own contents control as a
 * document part of the gallery "Table of Contents" (`w:docPartObj`); with it both Word and
 * LibreOffice read the control as the contents (checked with soffice 7.4: the code no longer
 * prints). The entries are cached (without pages) so the contents read before the field is updated.
 */
import { type DocxNode, docx } from './docx-api.js';

const { TableOfContents, convertToXmlComponent } = docx;

type Entry = { title: string; level: number };
type Children = { root: { addChildElement(child: DocxNode): void }[] };

export function contentsField(alias: string, entries: Entry[]): DocxNode {
  const toc = new TableOfContents(alias, {
    hyperlink: true,
    headingStyleRange: '1-3',
    cachedEntries: entries,
  });
  // root[0] is the control's properties (w:sdtPr), root[1] its content
  (toc as unknown as Children).root[0]?.addChildElement(
    convertToXmlComponent({
      type: 'element',
      name: 'w:docPartObj',
      elements: [
        { type: 'element', name: 'w:docPartGallery', attributes: { 'w:val': 'Table of Contents' } },
        { type: 'element', name: 'w:docPartUnique' },
      ],
    }),
  );
  return toc;
}
