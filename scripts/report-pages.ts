/**
 * Page images of the demo report (issue #19): renders examples/xinxin-2025 through `assay report`
 * as PDF and DOCX in zh-Hant and en, converts each DOCX to PDF with LibreOffice (headless, a
 * private profile in a temporary folder, so a running LibreOffice is not disturbed), and
 * rasterises every page with pdftoppm into artifacts/report-pages/:
 *
 *   <lang>-pdf-NN.png    the PDF as Assay prints it (Chromium)
 *   <lang>-docx-NN.png   the DOCX as LibreOffice lays it out
 *
 *   npm run report:pages                          # every page, 60 dpi
 *   npm run report:pages -- --dpi 90 --last 8     # the first 8 pages of each, sharper
 *   npm run report:pages -- --bundle <folder>     # another bundle
 *
 * Needs chromium, poppler-utils and libreoffice-writer-nogui (`npm run report:pages` installs them
 * first: ASSAY_WITH_WRITER=1 bash scripts/ensure-system-packages.sh). Offline: nothing is fetched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const LANGS = ['zh-Hant', 'en'] as const;

function need(cmd: string, pkg: string) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `${cmd} is missing: install ${pkg} (ASSAY_WITH_WRITER=1 bash scripts/ensure-system-packages.sh)`,
    );
  }
}

function timed<T>(label: string, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

export function reportPages(opts: { bundle: string; out: string; dpi: number; last?: number }): string[] {
  need('pdftoppm', 'poppler-utils');
  need('soffice', 'libreoffice-writer-nogui');
  const work = mkdtempSync(join(tmpdir(), 'assay-report-pages-'));
  try {
    timed('assay report (PDF, DOCX; zh-Hant, en)', () =>
      execFileSync(
        process.execPath,
        [
          '--max-semi-space-size=64',
          join(ROOT, 'packages/cli/bin/assay.js'),
          'report',
          opts.bundle,
          '--out',
          work,
          '--lang',
          LANGS.join(','),
          '--format',
          'pdf,docx',
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      ),
    );
    const lo = join(work, 'docx-pdf');
    timed('LibreOffice DOCX → PDF', () =>
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          lo,
          ...LANGS.map((l) => join(work, `report.${l}.docx`)),
        ],
        { stdio: 'ignore' },
      ),
    );
    rmSync(opts.out, { recursive: true, force: true });
    mkdirSync(opts.out, { recursive: true });
    const range = opts.last ? ['-l', String(opts.last)] : [];
    timed('pdftoppm', () => {
      for (const lang of LANGS) {
        const sources = { pdf: join(work, `report.${lang}.pdf`), docx: join(lo, `report.${lang}.pdf`) };
        for (const [kind, pdf] of Object.entries(sources))
          execFileSync('pdftoppm', [
            '-r',
            String(opts.dpi),
            ...range,
            '-png',
            pdf,
            join(opts.out, `${lang}-${kind}`),
          ]);
      }
    });
    return readdirSync(opts.out).sort();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string', default: join(ROOT, 'examples/xinxin-2025') },
      out: { type: 'string', default: join(ROOT, 'artifacts/report-pages') },
      dpi: { type: 'string', default: '60' },
      last: { type: 'string' },
    },
  });
  console.log(`load average ${loadavg()[0]?.toFixed(1)}`);
  const files = reportPages({
    bundle: resolve(values.bundle),
    out: resolve(values.out),
    dpi: Number(values.dpi),
    ...(values.last ? { last: Number(values.last) } : {}),
  });
  const count = (k: string) => files.filter((f) => f.includes(`-${k}-`)).length;
  console.log(`${values.out}: ${files.length} pages (${count('pdf')} PDF, ${count('docx')} DOCX)`);
}
