import { DRAFT_CSS } from './draft-mark.js';

/** The report's CSS, inlined into every HTML file (no external resources). Screen and A4 print. */
export function reportCss(font: string): string {
  return `
@page { size: A4; margin: 22mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: ${font}; color: #1d2421; line-height: 1.55; font-size: 10.5pt; margin: 0 auto; max-width: 190mm; padding: 8mm; }
@media print { body { padding: 0; max-width: none; } }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; border-left: 6mm solid #1f6f5c; padding-left: 10mm; }
.cover h1 { font-size: 26pt; margin: 0 0 6mm; }
.cover .org { font-size: 15pt; }
.draft { border: 2px solid #b35c44; color: #b35c44; padding: 3mm; margin: 4mm 0; font-weight: bold; }
nav.toc { break-before: page; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc ol ol { padding-left: 6mm; }
nav.toc li { display: flex; flex-wrap: wrap; }
nav.toc a { color: inherit; text-decoration: none; flex: 1; }
nav.toc .pg { min-width: 18mm; text-align: right; }
section.top { break-before: page; }
h1, h2, h3, h4 { color: #1f6f5c; line-height: 1.3; break-after: avoid; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; } h4 { font-size: 11pt; }
p.placeholder { color: #777; font-style: italic; }
mark.unresolved { background: #f6d6cc; color: #8a2d12; font-weight: bold; border: 1px solid #b35c44; padding: 0 1mm; }
p.note { font-size: 9pt; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0 5mm; font-size: 9pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 1.5mm; }
th, td { border-bottom: 1px solid #cfd8d4; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #e8f0ec; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
tr.sub td:first-child { padding-left: 6mm; color: #3d4a45; }
table.content-index { table-layout: fixed; }
table.content-index col.c-code { width: 16%; }
table.content-index col.c-section { width: 12%; }
table.content-index col.c-page { width: 14%; }
table.content-index col.c-status { width: 22%; }
td.pgref { font-variant-numeric: tabular-nums; }
figure.chart { margin: 4mm 0; break-inside: avoid; }
.kpi-tiles { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0 5mm; }
.kpi { flex: 1 1 40mm; border-top: 1.2mm solid #1f6f5c; background: #f3f7f5; padding: 3mm; break-inside: avoid; }
.kpi-value { font-size: 18pt; font-weight: bold; color: #1f6f5c; font-variant-numeric: tabular-nums; }
.kpi-unit { font-size: 9pt; color: #555; }
.kpi-label { font-size: 9.5pt; margin-top: 1mm; }
figure.image { margin: 4mm 0; break-inside: avoid; }
figure.image img { max-width: 100%; display: block; }
figure.image figcaption { font-size: 9pt; color: #555; margin-top: 1.5mm; }
${DRAFT_CSS}`;
}
