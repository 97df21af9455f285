/**
 * Report publishing benchmark (issue #9) on the reference dataset examples/xinxin-2025: model
 * build (evaluate the bundle, assess HKEX/GRI/SASAC completeness, build the report model), then
 * each format in Traditional Chinese (the heaviest language: CJK glyphs in the PDF). PDF includes
 * launching and closing Chromium. Each step runs RUNS times; the median is reported (the machine
 * may be shared). Run: `npm run bench` or `npx tsx bench/report-bench.ts`.
 */

import { statusOfUnits } from '@assay/app';
import {
  assessCompleteness,
  buildReport,
  evaluateBundle,
  explain,
  provisionsFromCompleteness,
  type ReportModel,
} from '@assay/core';
import { loadBundle } from '@assay/io';
import { launchBrowser, renderDocx, renderHtml, renderPdf, renderXlsx } from '@assay/render';
import type { BenchResult } from './calc-bench.js';

const BUNDLE = 'examples/xinxin-2025';
const RUNS = 3;

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] ?? 0);
}

export async function benchReport(): Promise<BenchResult[]> {
  const loaded = await loadBundle(BUNDLE);
  if (!loaded.ok) throw new Error(`${BUNDLE} does not load`);
  const bundle = loaded.bundle;
  let evaluated = evaluateBundle(bundle);
  let model: ReportModel | undefined;
  const build = await median(async () => {
    evaluated = evaluateBundle(bundle);
    const { figures } = evaluated;
    const reports = (['hkex', 'gri', 'sasac'] as const).map((framework) =>
      assessCompleteness({ bundle, figures, framework }),
    );
    // A folder has no workflow records: the report is a draft, as `assay report` prints it.
    const status = statusOfUnits(bundle, []);
    model = buildReport({ bundle, figures, provisions: provisionsFromCompleteness(reports), status });
  });
  if (!model) throw new Error('no model');
  const m = model;
  const { graph } = evaluated;
  let passes = 0;
  let pdfPages = 0;
  const html = await median(async () => renderHtml(m, 'zh-Hant'));
  const launches: number[] = [];
  const pdf = await median(async () => {
    const start = performance.now();
    const browser = await launchBrowser();
    launches.push(performance.now() - start);
    try {
      const r = await renderPdf(m, 'zh-Hant', { browser });
      passes = r.passes;
      pdfPages = Math.max(...r.pages.values());
    } finally {
      await browser.close();
    }
  });
  const docx = await median(() => renderDocx(m, 'zh-Hant'));
  const xlsx = await median(() =>
    renderXlsx(m, 'zh-Hant', (id) => (graph.has(id) ? explain(graph, id) : undefined)),
  );
  const figures = m.figureGroups.reduce((n, g) => n + g.figures.length, 0);
  const note = `${BUNDLE}, zh-Hant, median of ${RUNS}`;
  return [
    {
      name: 'report: model build (evaluate, completeness, report model)',
      value: build,
      unit: 'ms',
      note: `${figures} figures`,
    },
    { name: 'report: HTML', value: html, unit: 'ms', target: '≤ 1 s', note },
    {
      name: 'report: PDF incl. browser start',
      value: pdf,
      unit: 'ms',
      target: '≤ 10 s',
      note: `${note}; browser start ${Math.round(launches.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0)} ms; ${passes} prints; last section starts on page ${pdfPages}`,
    },
    { name: 'report: DOCX', value: docx, unit: 'ms', target: '≤ 2 s', note },
    { name: 'report: XLSX with Calculations sheet', value: xlsx, unit: 'ms', target: '≤ 2 s', note },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchReport())
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}${r.note ? ` — ${r.note}` : ''}`,
    );
}
