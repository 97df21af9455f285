/**
 * Issue #19 timings on the demo (examples/xinxin-2025): the full bilingual PDF (zh-Hant and en
 * printed concurrently in one browser, as `assay report` does, browser start included), and per
 * language the DOCX (charts drawn to PNG by a running browser, then the document) and the XLSX
 * (section sheets linked by formulas to the Calculations sheet). Each step RUNS times, median and
 * maximum; the load average is printed before and after (the machine is shared).
 * Run: `npx tsx bench/report-formats-bench.ts`.
 */
import { loadavg } from 'node:os';
import { reportLineage, reportModel, snapshotOf, statusOfUnits } from '@assay/app';
import { loadBundle } from '@assay/io';
import { chartImages, launchBrowser, renderDocx, renderPdf, renderXlsx } from '@assay/render';

const BUNDLE = 'examples/xinxin-2025';
const RUNS = Number(process.env.RUNS ?? 3);

async function timeIt(fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(RUNS / 2)] ?? 0), max: Math.round(times.at(-1) ?? 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const loaded = await loadBundle(BUNDLE);
  if (!loaded.ok) throw new Error(`${BUNDLE} does not load`);
  const s = snapshotOf(loaded.bundle);
  const model = reportModel(s, statusOfUnits(loaded.bundle, []));
  const lineage = reportLineage(s);
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const pdf = await timeIt(async () => {
    const browser = await launchBrowser();
    try {
      await Promise.all((['zh-Hant', 'en'] as const).map((lang) => renderPdf(model, lang, { browser })));
    } finally {
      await browser.close();
    }
  });
  console.log(`PDF, zh-Hant + en, browser start included: median ${pdf.median} ms, max ${pdf.max} ms`);
  const browser = await launchBrowser();
  try {
    for (const lang of ['zh-Hant', 'en'] as const) {
      const docx = await timeIt(async () =>
        renderDocx(model, lang, { charts: await chartImages(model, lang, { browser }) }),
      );
      const plain = await timeIt(() => renderDocx(model, lang));
      const xlsx = await timeIt(() => renderXlsx(model, lang, lineage));
      console.log(
        `DOCX ${lang} (charts drawn in a running browser): median ${docx.median} ms, max ${docx.max} ms`,
      );
      console.log(`DOCX ${lang} without chart images: median ${plain.median} ms, max ${plain.max} ms`);
      console.log(`XLSX ${lang} (formulas + Calculations): median ${xlsx.median} ms, max ${xlsx.max} ms`);
    }
  } finally {
    await browser.close();
  }
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}
