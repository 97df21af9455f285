/** Text of a PDF, page by page, through poppler's pdftotext (-layout keeps lines together). */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const pages = stdout.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
