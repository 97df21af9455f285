/**
 * The report as one self-contained HTML file: CSS and SVG inline, no scripts, no external
 * resources, every text escaped. The PDF renderer prints this same HTML; given a page map
 * (section id → page), the contents and the content indices show page numbers. A draft report
 * carries the DRAFT mark on every printed page and a banner on top (draft-mark.ts).
 */
import type { ReportModel, Section } from '@assay/core/report-model';
import { fontStack, pageRef, type RenderLang, tx } from '../text/lang.js';
import { blockHtml, type HtmlContext, type PageMap } from './blocks.js';
import { draftHtml } from './draft-mark.js';
import { esc } from './escape.js';
import { reportCss } from './styles.js';

export type HtmlOptions = { readonly pages?: PageMap };

const allSections = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...allSections(s.sections)]);

/** The heading text of a section, as printed (and as the PDF page finder searches for it). */
export function headingText(s: Section, lang: RenderLang): string {
  return `${s.number} ${tx(s.title, lang)}`;
}

function toc(ctx: HtmlContext, sections: readonly Section[]): string {
  const items = sections
    .map((s) => {
      const page = ctx.pages?.get(s.id);
      const pg = ctx.pages
        ? `<span class="pg">${page === undefined ? '' : esc(pageRef(page, ctx.lang))}</span>`
        : '';
      const sub = s.sections.length > 0 ? toc(ctx, s.sections) : '';
      return `<li><a href="#sec-${esc(s.id)}">${esc(headingText(s, ctx.lang))}</a>${pg}${sub}</li>`;
    })
    .join('');
  return `<ol>${items}</ol>`;
}

function sectionHtml(s: Section, depth: number, ctx: HtmlContext): string {
  const h = `h${Math.min(depth, 3)}`;
  return `<section id="sec-${esc(s.id)}"${depth === 1 ? ' class="top"' : ''}><${h}>${esc(headingText(s, ctx.lang))}</${h}>${s.blocks
    .map((b) => blockHtml(b, ctx))
    .join('')}${s.sections.map((c) => sectionHtml(c, depth + 1, ctx)).join('')}</section>`;
}

export function renderHtml(model: ReportModel, lang: RenderLang, opts: HtmlOptions = {}): string {
  const sectionNumbers = new Map(allSections(model.sections).map((s) => [s.id, s.number]));
  const ctx: HtmlContext = { model, lang, sectionNumbers, ...(opts.pages ? { pages: opts.pages } : {}) };
  const title = `${tx(model.organisation, lang)} — ${tx(model.title, lang)}`;
  const draft =
    lang === 'zh-Hans'
      ? `<p class="draft">${esc(tx(model.labels.draftForReview, 'zh-Hans'))} (draft for review)</p>`
      : '';
  const status = draftHtml(model, lang, fontStack(lang));
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title><style>${reportCss(fontStack(lang))}${status.pageCss}</style></head><body>`,
    status.mark,
    status.banner,
    `<div class="cover"><h1>${esc(tx(model.title, lang))}</h1><div class="org">${esc(tx(model.organisation, lang))}</div>`,
    model.stockCode ? `<div class="org">${esc(model.stockCode)}</div>` : '',
    `${draft}</div>`,
    `<nav class="toc"><h1>${esc(tx(model.labels.contents, lang))}</h1>${toc(ctx, model.sections)}</nav>`,
    ...model.sections.map((s) => sectionHtml(s, 1, ctx)),
    '</body></html>',
  ].join('');
}
