/**
 * Refuse a hostile XLSX before exceljs opens it (exceljs has no decompression limits, inflates
 * every entry in full, and spends minutes on a row number like 2^31).
 * 1. The ZIP central directory (yauzl, nothing inflated): entry count (read from the end record,
 *    before any entry is listed), the sum of declared uncompressed sizes, and the inflated/
 *    compressed ratio of each entry and of the archive.
 * 2. Every entry is inflated as a stream, its real bytes counted, and reading stops as soon as it
 *    passes the size the directory declares (so the declared sizes, already capped in 1, cap the
 *    real ones; the directory is not trusted). The XML entries exceljs parses are scanned on the
 *    way (entry-checks.ts): row and column numbers, counts of rows, cells and shared strings, and
 *    the cells covered by merges, validations and defined names. Nothing inflated is kept.
 * Messages name the entry and say what is wrong, never the ZIP library's words.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ImportIssue, XlsxLimits } from '../import/limits.js';
import { entryCheck, newTally, type Tally } from './entry-checks.js';
import { XmlTagScanner } from './xml-tags.js';

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('cannot open zip')) : resolve(zip),
    ),
  );
}

/** The directory's entries; called only once the entry count is known to be within the limit. */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(e, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
  );
}

/**
 * Inflate one entry, counting its bytes and scanning it when exceljs parses it; stops at the first
 * byte past its declared size. Returns why the entry is refused, or undefined.
 */
async function readEntry(
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  tally: Tally,
  limits: XlsxLimits,
): Promise<string | undefined> {
  const check = entryCheck(e.fileName, tally, limits);
  const scanner = check && new XmlTagScanner(check.withText, check.onTag);
  let stream: Readable;
  try {
    stream = await openEntry(zip, e);
  } catch {
    return `entry ${e.fileName} is damaged or uses an unsupported compression or encryption`;
  }
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      if (bytes > e.uncompressedSize)
        return `entry ${e.fileName} inflates to more than the ${e.uncompressedSize} bytes its ZIP directory declares: a zip bomb?`;
      // latin1 keeps one character per byte: the markup is ASCII, and UTF-8 bytes of names and text
      // (0x80 and above) can never be mistaken for it.
      const stop = scanner?.push((chunk as Buffer).toString('latin1'));
      if (stop !== undefined) return stop;
    }
  } catch {
    return `entry ${e.fileName} is damaged (its compressed data does not inflate)`;
  } finally {
    stream.destroy();
  }
  return undefined;
}

export async function checkXlsxZip(path: string, file: string, limits: XlsxLimits): Promise<ImportIssue[]> {
  const refuse = (reason: string): ImportIssue[] => [{ file, reason: `refused before reading: ${reason}` }];
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    return refuse('not an XLSX file (not a ZIP archive, or a damaged one)');
  }
  zip.on('error', () => {}); // errors arrive through the calls below; an unheard 'error' event would crash the process
  try {
    if (zip.entryCount > limits.maxEntries)
      return refuse(`${zip.entryCount} ZIP entries (limit ${limits.maxEntries})`);
    let entries: yauzl.Entry[];
    try {
      entries = await listEntries(zip);
    } catch {
      return refuse('not an XLSX file (its ZIP directory is damaged)');
    }
    let total = 0;
    let compressed = 0;
    for (const e of entries) {
      total += e.uncompressedSize;
      compressed += e.compressedSize;
      const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
      if (ratio > limits.maxRatio)
        return refuse(
          `entry ${e.fileName} inflates ${Math.round(ratio)}× (limit ${limits.maxRatio}×): a zip bomb?`,
        );
    }
    if (total > limits.maxBytes)
      return refuse(`the entries inflate to ${total} bytes (limit ${limits.maxBytes}): a zip bomb?`);
    if (total / Math.max(compressed, 1) > limits.maxRatio)
      return refuse(`the archive inflates ${Math.round(total / compressed)}× (limit ${limits.maxRatio}×)`);
    const tally = newTally();
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue; // a folder
      const stop = await readEntry(zip, e, tally, limits);
      if (stop !== undefined) return refuse(stop);
    }
    return [];
  } finally {
    zip.close();
  }
}
