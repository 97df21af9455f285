/** HTML for the model's blocks. Every text goes through esc(); numbers are the model's strings. */
import {
  type Block,
  type Cell,
  type LocalisedText,
  type ReportIndexRow,
  type ReportModel,
  UNRESOLVED_MARKER,
} from '@assay/core/report-model';
import { barChartSvg } from '../charts/svg-bar.js';
import { matrixSvg } from '../charts/svg-matrix.js';
import { hasStatus, statusText } from '../text/index-status.js';
import { pageRef, type RenderLang, tx } from '../text/lang.js';
import { esc } from './escape.js';

export type PageMap = ReadonlyMap<string, number>;
export type HtmlContext = {
  model: ReportModel;
  lang: RenderLang;
  pages?: PageMap;
  sectionNumbers: ReadonlyMap<string, string>;
};

/** A narrative placeholder that did not resolve (⟦…⟧, core narrative-text.ts), highlighted; the rest escaped. */
function markUnresolved(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(UNRESOLVED_MARKER)) {
    out += `${esc(text.slice(at, m.index))}<mark class="unresolved">${esc(m[0])}</mark>`;
    at = (m.index ?? 0) + m[0].length;
  }
  return out + esc(text.slice(at));
}

/** User text keeps its paragraphs (blank lines) and line breaks; everything else is escaped. */
function userParagraphs(text: string, cls: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p${cls ? ` class="${cls}"` : ''}>${markUnresolved(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function cell(c: Cell, lang: RenderLang): string {
  if (c.kind === 'number') return `<td class="num">${esc(c.value.text)}</td>`;
  if (c.kind === 'text') return `<td>${esc(tx(c.text, lang))}</td>`;
  return '<td class="num">—</td>';
}

/**
 * A content index. Fixed column widths (table-layout: fixed, styles.ts) so that the page numbers
 * printed in the second PDF pass cannot change the layout the first pass measured.
 */
function indexTable(ctx: HtmlContext, framework: ReportIndexRow['framework']): string {
  const { model, lang } = ctx;
  const rows = model.contentIndex.filter((r) => r.framework === framework);
  const L = model.labels;
  const withStatus = hasStatus(rows);
  const cols: [string, LocalisedText][] = [
    ['code', L.code],
    ['provision', L.provision],
    ['section', L.section],
    ...(ctx.pages ? [['page', L.page] as [string, LocalisedText]] : []),
    ...(withStatus ? [['status', L.status] as [string, LocalisedText]] : []),
  ];
  const body = rows
    .map((r) => {
      const sections = r.sectionIds.map((id) => ctx.sectionNumbers.get(id) ?? id).join(', ');
      const pages = [...new Set(r.sectionIds.map((id) => ctx.pages?.get(id)))]
        .filter((p): p is number => p !== undefined)
        .map((p) => pageRef(p, lang))
        .join(', ');
      return `<tr><td>${esc(r.label)}</td><td>${esc(tx(r.title, lang))}</td><td>${esc(sections)}</td>${ctx.pages ? `<td class="pgref">${esc(pages)}</td>` : ''}${withStatus ? `<td>${esc(statusText(r, model, lang))}</td>` : ''}</tr>`;
    })
    .join('');
  const colgroup = cols.map(([c]) => `<col class="c-${c}">`).join('');
  return `<table class="content-index"><colgroup>${colgroup}</colgroup><thead><tr>${cols.map(([, h]) => `<th>${esc(tx(h, lang))}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

export function blockHtml(b: Block, ctx: HtmlContext): string {
  const { lang } = ctx;
  switch (b.kind) {
    case 'paragraph':
      return userParagraphs(tx(b.text, lang), b.role === 'placeholder' ? 'placeholder' : '');
    case 'note':
      return `<p class="note">${esc(tx(b.text, lang))}</p>`;
    case 'subheading':
      return `<h4>${esc(tx(b.text, lang))}</h4>`;
    case 'table':
      return `<table id="${esc(b.id)}"><caption>${esc(tx(b.caption, lang))}</caption><thead><tr>${b.head
        .map((h) => `<th>${esc(tx(h, lang))}</th>`)
        .join('')}</tr></thead><tbody>${b.rows
        .map(
          (r, i) => `<tr${b.levels?.[i] ? ' class="sub"' : ''}>${r.map((c) => cell(c, lang)).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'chart':
      return `<figure class="chart" id="${esc(b.id)}">${b.chart === 'matrix' ? matrixSvg(b, lang) : barChartSvg(b, lang)}</figure>`;
    case 'content-index':
      return indexTable(ctx, b.framework);
    case 'kpi-tiles':
      return `<div class="kpi-tiles">${b.tiles
        .map(
          (t) =>
            `<div class="kpi"><div class="kpi-value">${esc(t.value?.text ?? '—')}</div><div class="kpi-unit">${esc(tx(t.unit, lang))}</div><div class="kpi-label">${esc(tx(t.label, lang))}</div></div>`,
        )
        .join('')}</div>`;
    case 'image':
      // a PNG data: URI (the bundle's schema admits nothing else; the CSP allows img-src data: only)
      return /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(b.dataUri)
        ? `<figure class="image" id="${esc(b.id)}"><img src="${esc(b.dataUri)}" alt="${esc(tx(b.alt, lang))}"><figcaption>${esc(tx(b.alt, lang))}</figcaption></figure>`
        : '';
  }
}
