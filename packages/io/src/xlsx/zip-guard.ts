/**
 * Refuse a hostile XLSX before exceljs opens it (exceljs has no decompression limits).
 * 1. The ZIP central directory (yauzl, nothing inflated): entry count, the sum of declared
 *    uncompressed sizes, and the inflated/compressed ratio of each entry and of the archive.
 * 2. The worksheets are inflated as a stream (yauzl checks the real size against the declared
 *    one) and their <row> elements counted, stopping at the first over the limit; the inflated
 *    XML is never kept.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ImportIssue, ImportLimits } from '../import/limits.js';

type Entry = { name: string; compressed: number; uncompressed: number; entry: yauzl.Entry };

function listEntries(path: string): Promise<{ zip: yauzl.ZipFile; entries: Entry[]; tooMany: boolean }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('cannot open zip'));
      const entries: Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({
          name: e.fileName,
          compressed: e.compressedSize,
          uncompressed: e.uncompressedSize,
          entry: e,
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries, tooMany: false }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function openEntry(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(e, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
  );
}

/** Count <row> elements (with or without a namespace prefix) in a stream of XML text. */
async function countRows(stream: Readable, stopAbove: number): Promise<number> {
  const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
  let tail = '';
  let n = 0;
  for await (const chunk of stream) {
    const text = tail + (chunk as Buffer).toString('latin1');
    for (const m of text.matchAll(ROW)) if (m.index + m[0].length > tail.length) n++;
    if (n > stopAbove) {
      stream.destroy();
      return n;
    }
    tail = text.slice(-32);
  }
  return n;
}

export async function checkXlsxZip(path: string, file: string, limits: ImportLimits): Promise<ImportIssue[]> {
  const refuse = (reason: string): ImportIssue[] => [{ file, reason: `refused before reading: ${reason}` }];
  let listed: Awaited<ReturnType<typeof listEntries>>;
  try {
    listed = await listEntries(path);
  } catch (e) {
    return refuse(`not a valid XLSX (ZIP) file: ${(e as Error).message}`);
  }
  const { zip, entries } = listed;
  try {
    if (entries.length > limits.maxEntries)
      return refuse(`${entries.length} ZIP entries (limit ${limits.maxEntries})`);
    let total = 0;
    let compressed = 0;
    for (const e of entries) {
      total += e.uncompressed;
      compressed += e.compressed;
      const ratio = e.uncompressed / Math.max(e.compressed, 1);
      if (ratio > limits.maxRatio)
        return refuse(
          `entry ${e.name} inflates ${Math.round(ratio)}× (limit ${limits.maxRatio}×): a zip bomb?`,
        );
    }
    if (total > limits.maxBytes)
      return refuse(`the entries inflate to ${total} bytes (limit ${limits.maxBytes}): a zip bomb?`);
    if (total / Math.max(compressed, 1) > limits.maxRatio)
      return refuse(`the archive inflates ${Math.round(total / compressed)}× (limit ${limits.maxRatio}×)`);
    let rows = 0;
    for (const e of entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/.test(x.name))) {
      try {
        rows += await countRows(await openEntry(zip, e.entry), limits.maxRows - rows);
      } catch (err) {
        return refuse(`entry ${e.name} does not inflate to its declared size: ${(err as Error).message}`);
      }
      if (rows > limits.maxRows) return refuse(`more than ${limits.maxRows} worksheet rows`);
    }
    return [];
  } finally {
    zip.close();
  }
}
