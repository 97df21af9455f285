/**
 * Reading a printed PDF back with poppler-utils: its text page by page (pdftotext, for tests and
 * as a fallback) and the page of each named destination (pdfinfo -dests, one fast call). Chromium
 * writes a named destination for every element a link in the document points at: the contents
 * link every section (`#sec-<id>`), so each section's page can be read without extracting text.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

async function withPdfFile<T>(pdf: Uint8Array, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pdfPages(pdf: Uint8Array): Promise<string[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: MAX_BUFFER,
    });
    const pages = stdout.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  });
}

/** Named destination → 1-based page, from `pdfinfo -dests` lines like `  3 [ XYZ 0 831 null ] "sec-about"`. */
export function pdfDestinations(pdf: Uint8Array): Promise<Map<string, number>> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-dests', file], { maxBuffer: MAX_BUFFER });
    return parseDestinations(stdout);
  });
}

export function parseDestinations(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"\s*$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out.set(m[2], Number(m[1]));
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The page (1-based) of each heading, searched in document order: a heading is a line whose
 * text, without spaces, equals the heading text. Lines in the contents carry a page reference
 * after the title, so they never match. Headings not found are left out.
 */
export function findHeadingPages(
  pages: readonly string[],
  headings: readonly { id: string; text: string }[],
): Map<string, number> {
  const lines = pages.map((p) => new Set(p.split('\n').map(squash)));
  const found = new Map<string, number>();
  let from = 0;
  for (const h of headings) {
    const want = squash(h.text);
    for (let i = from; i < lines.length; i++) {
      if (lines[i]?.has(want)) {
        found.set(h.id, i + 1);
        from = i;
        break;
      }
    }
  }
  return found;
}
