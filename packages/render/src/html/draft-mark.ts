/**
 * The DRAFT mark of a report whose workflow units are not all approved (model.status; docs/
 * report.md, "Draft and final"): a banner with the count above the cover; on screen, a mark
 * fixed in the corner of the window; in print (the PDF, or the HTML printed from a browser), the
 * mark in the top-right margin box of every page (`@page { @top-right }`, printed by Chromium
 * 131 and later). A fixed element cannot leave the text area when printed: tried, it repeated on
 * every page, but at top: -15mm it printed near the foot of the text area, and at bottom: 0 it
 * covered the last entry of a content-index page and pdftotext read it into that line. In the
 * margin it covers nothing, sits on a line of its own, and moves no layout (the PDF's pages are
 * the same as a final report's).
 */
import type { ReportModel } from '@assay/core/report-model';
import { type RenderLang, tx } from '../text/lang.js';
import { esc } from './escape.js';

export const DRAFT_CSS = `
.draft-mark { position: fixed; top: 0; right: 0; z-index: 10; padding: 1mm 3mm; border: 0.6mm solid #b35c44; color: #b35c44; background: rgba(255,255,255,0.9); font-weight: bold; font-size: 11pt; letter-spacing: 0.08em; }
.draft-banner { border: 2px solid #b35c44; color: #b35c44; padding: 3mm; margin: 0 0 6mm; font-weight: bold; }
.draft-banner p { margin: 0; }
.draft-blockers { margin: 1mm 0 0; padding-left: 6mm; font-weight: normal; }
.draft-banner + .cover { min-height: 215mm; }
@media print { .draft-mark { display: none; } }
`;

/** What blocks publication (core publication-gate.ts), one item each, unless the note already says it all. */
function blockerList(model: ReportModel, lang: RenderLang): string {
  if (model.status.state === 'final') return '';
  const bs = model.status.blockers;
  if (bs.length === 1 && bs[0]?.kind === 'unapproved') return '';
  return `<ul class="draft-blockers">${bs.map((b) => `<li>${esc(tx(b.text, lang))}</li>`).join('')}</ul>`;
}

/** A CSS string literal: quotes and backslashes escaped, line breaks as escapes. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ')}"`;

/**
 * The screen mark, the banner (placed before the cover, which it shortens to keep the cover one
 * page) and the page rule for print (`font`: the CSS font stack of the language); nothing when final.
 */
export function draftHtml(
  model: ReportModel,
  lang: RenderLang,
  font: string,
): { mark: string; banner: string; pageCss: string } {
  if (model.status.state === 'final') return { mark: '', banner: '', pageCss: '' };
  const label = tx(model.labels.draft, lang);
  const note = esc(tx(model.status.note, lang));
  const list = blockerList(model, lang);
  return {
    mark: `<div class="draft-mark" aria-hidden="true">${esc(label)}</div>`,
    banner: list
      ? `<div class="draft-banner" role="note"><p>${note}</p>${list}</div>`
      : `<p class="draft-banner" role="note">${note}</p>`,
    pageCss: `@page { @top-right { content: ${cssString(label)}; font-family: ${font}; font-size: 10pt; font-weight: bold; color: #b35c44; } }`,
  };
}
