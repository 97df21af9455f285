/**
 * `assay report [bundle] --out <dir> [--lang zh-Hant,en] [--format html,pdf,docx,xlsx,json]`:
 * the report of the bundle folder or, without one, of the store (bundle-source.ts), built once by
 * app's reportModel (content indices for the frameworks the bundle reports against, as the
 * server's report) and rendered in every language and format. Files: report.<lang>.<ext> and
 * figures.json. zh-Hans is a draft for review (glossary-aware conversion). The report is marked
 * DRAFT on every page unless every workflow unit of the year is approved in the store (a bundle
 * folder has no approvals, so its report is always a draft).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderLang } from '@assay/render';
import { type Command, EXIT, optionalPositional, UsageError } from '../command.js';
import { withBundleSource } from './bundle-source.js';

const FORMATS = ['html', 'pdf', 'docx', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];

function listOption<T extends string>(
  v: unknown,
  allowed: readonly T[],
  fallback: readonly T[],
  name: string,
): T[] {
  if (typeof v !== 'string') return [...fallback];
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const i of items)
    if (!allowed.includes(i as T)) throw new UsageError(`--${name} must be among ${allowed.join(', ')}`);
  return items as T[];
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'assay report [bundle] --out <dir> [--lang zh-Hant,en] [--format html,pdf,docx,xlsx,json]',
  summary:
    'publish the report in Traditional Chinese and English (zh-Hans as a draft) as HTML, PDF, DOCX, XLSX and JSON',
  options: { out: { type: 'string' }, lang: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const dir = optionalPositional(args);
    const out = args.values.out;
    if (typeof out !== 'string') throw new UsageError('missing --out <dir>');
    // Loaded here, not at the top: the renderers (Chromium driver, docx, exceljs) cost about a
    // second of start-up that every other command would pay.
    const {
      chartImages,
      launchBrowser,
      RENDER_LANGS,
      renderDocx,
      renderHtml,
      renderJson,
      renderPdf,
      renderXlsx,
      withSimplified,
    } = await import('@assay/render');
    const langs = listOption<RenderLang>(args.values.lang, RENDER_LANGS, ['zh-Hant', 'en'], 'lang');
    const formats = listOption<Format>(args.values.format, FORMATS, FORMATS, 'format');
    const { workspaceReport } = await import('@assay/app');
    return withBundleSource(dir, 'report', io, async (snapshot, _where, _c, _r, _w, source) => {
      // The same model as the API's report route (app workspaceReport): draft unless every
      // workflow unit of the year is approved, the restatement note, B7.1 from the case counts,
      // the survey's material topics, accepted findings not blocking. A folder has none of these records.
      const { model: base, lineage } = await workspaceReport({ ...source, snapshot: () => snapshot });
      const model = langs.includes('zh-Hans') ? withSimplified(base) : base;
      await mkdir(out, { recursive: true });
      const written: string[] = [];
      const put = async (name: string, data: string | Uint8Array) => {
        await writeFile(join(out, name), data);
        written.push(name);
      };
      // One browser for every language; the PDFs print concurrently (Chromium works in its own
      // processes) while the other formats are written. The DOCX's charts are drawn by it too.
      const browser = formats.includes('pdf') || formats.includes('docx') ? await launchBrowser() : undefined;
      try {
        const pdfs =
          browser && formats.includes('pdf')
            ? langs.map((lang) => renderPdf(model, lang, { browser }).then((r) => [lang, r] as const))
            : [];
        // Settled promises only: a failed PDF must not become an unhandled rejection meanwhile.
        const settled = Promise.allSettled(pdfs);
        for (const lang of langs) {
          if (formats.includes('html')) await put(`report.${lang}.html`, renderHtml(model, lang));
          if (formats.includes('docx'))
            await put(
              `report.${lang}.docx`,
              await renderDocx(model, lang, { charts: await chartImages(model, lang, { browser }) }),
            );
          if (formats.includes('xlsx'))
            await put(`report.${lang}.xlsx`, await renderXlsx(model, lang, lineage));
        }
        for (const r of await settled) {
          if (r.status === 'rejected') throw r.reason;
          const [lang, pdf] = r.value;
          if (!pdf.converged)
            io.err(
              `report.${lang}.pdf: page numbers still moved after ${pdf.passes} prints; check the contents`,
            );
          await put(`report.${lang}.pdf`, pdf.pdf);
        }
      } finally {
        await browser?.close();
      }
      if (formats.includes('json')) await put('figures.json', renderJson(model));
      io.out(`${out}: ${written.join(', ')}`);
      return EXIT.clean;
    });
  },
};
