/**
 * The backup file: a gzip-compressed tar (tar-stream; `tar tzf file` lists it). The gzip header
 * carries, in an extra field (RFC 1952 FEXTRA, subfield "AS"), the SHA-256 of every byte after
 * the header, written once the file is complete: deflate can leave bits that change nothing
 * when altered (measured: 3 of 1,590 single-byte changes to a backup decompressed unchanged), so
 * gzip's CRC alone would let such a file through. Entries, in
 * order: `manifest.json`, then each table's rows in COPY text format cut into chunks
 * (`tables/<table>/<n>.copy`, a few MB each, so neither side ever holds a whole table), then
 * `digest.json` holding the SHA-256 over every entry before it, framed as
 * `name "\n" byte-length "\n" bytes`. A truncated or altered file fails the header's SHA-256
 * (and usually gzip's CRC, tar's header checksums or the entry digest before that).
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, createGunzip } from 'node:zlib';
import tar from 'tar-stream';

export const MANIFEST_ENTRY = 'manifest.json';
export const DIGEST_ENTRY = 'digest.json';
const GZIP_LEVEL = 6;
/**
 * The gzip header: magic, deflate, FLG = FEXTRA, no time, XFL 0, OS unknown (255), XLEN 36,
 * subfield "AS" of 32 bytes (the SHA-256 follows these 16 bytes). A reader insists on exactly
 * these bytes, since gzip's CRC does not cover its header.
 */
const HEADER_FIXED = Buffer.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 36, 0, 0x41, 0x53, 32, 0]);
const HEADER_BYTES = HEADER_FIXED.length + 32;
/** Largest entry a reader accepts: a chunk is a few MB, or one row longer than that (evidence). */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

/** Add one entry's framing and bytes to the running digest. */
function frame(hash: Hash, name: string, data: Uint8Array): void {
  hash.update(`${name}\n${data.length}\n`);
  hash.update(data);
}

export class ArchiveWriter {
  private readonly pack = tar.pack();
  private readonly hash = createHash('sha256');
  private readonly fileHash = createHash('sha256');
  private readonly done: Promise<void>;
  private failure: Error | undefined;

  /** Creates `path` (which must not exist) and writes the archive into it. */
  constructor(
    private readonly path: string,
    private readonly mtime: Date,
  ) {
    const out = createWriteStream(path, { flags: 'wx' });
    out.write(Buffer.concat([HEADER_FIXED, Buffer.alloc(32)]));
    let crc = 0;
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, next) {
        crc = crc32(chunk, crc);
        size = (size + chunk.length) % 2 ** 32;
        next(null, chunk);
      },
    });
    const fileHash = this.fileHash;
    this.done = pipeline(
      this.pack,
      tap,
      createDeflateRaw({ level: GZIP_LEVEL }),
      async function* (deflated: AsyncIterable<Buffer>) {
        for await (const c of deflated) {
          fileHash.update(c);
          yield c;
        }
        const trailer = Buffer.alloc(8);
        trailer.writeUInt32LE(crc >>> 0, 0);
        trailer.writeUInt32LE(size, 4);
        fileHash.update(trailer);
        yield trailer;
      },
      out,
    );
    this.done.catch((e: Error) => {
      this.failure = e;
    });
  }

  /** Resolves once the entry is handed on (tar-stream waits for the output to drain). */
  async add(name: string, data: Buffer): Promise<void> {
    if (name !== DIGEST_ENTRY) frame(this.hash, name, data);
    if (this.failure) throw this.failure;
    await Promise.race([
      new Promise<void>((resolve, reject) =>
        this.pack.entry({ name, size: data.length, mtime: this.mtime, mode: 0o644 }, data, (e) =>
          e ? reject(e) : resolve(),
        ),
      ),
      this.done.then(() => undefined),
    ]);
    if (this.failure) throw this.failure;
  }

  /**
   * Write the digest entry, end the archive, put the file's SHA-256 into the header and flush the
   * file to disk. Returns the SHA-256 over the entries and the one over the file after its header.
   */
  async finish(): Promise<{ entries: string; file: string }> {
    const entries = this.hash.digest('hex');
    await this.add(DIGEST_ENTRY, Buffer.from(`${JSON.stringify({ sha256: entries })}\n`));
    this.pack.finalize();
    await this.done;
    const file = this.fileHash.digest();
    const fh = await open(this.path, 'r+');
    try {
      await fh.write(file, 0, 32, HEADER_FIXED.length);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return { entries, file: file.toString('hex') };
  }

  /** Stop after a failure (the output is discarded by the caller). */
  abort(e: Error): void {
    this.pack.destroy(e);
  }
}

export type ArchiveEntry = { readonly name: string; readonly data: Buffer };

/** Why a backup file cannot be used: damaged, truncated, or not a backup at all. */
export class DamagedBackupError extends Error {}

/**
 * The entries of an archive in order, each whole in memory (entries are small by construction).
 * Read errors of gzip or tar become DamagedBackupError. The digest entry is checked here: the
 * last entry yielded before the end is always `digest.json` with a matching SHA-256, or this throws.
 */
export async function* readArchive(input: Readable): AsyncGenerator<ArchiveEntry> {
  const extract = tar.extract();
  const queue: (ArchiveEntry & { next: () => void })[] = [];
  let finished = false;
  let error: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_ENTRY_BYTES) stream.destroy(new DamagedBackupError(`entry ${header.name} is too large`));
      else chunks.push(c);
    });
    stream.on('end', () => {
      if (header.type !== 'file') error ??= new DamagedBackupError(`entry ${header.name} is not a file`);
      queue.push({ name: header.name, data: Buffer.concat(chunks), next });
      notify();
    });
  });
  pipeline(input, checkFileDigest(), createGunzip(), extract).then(
    () => {
      finished = true;
      notify();
    },
    (e: Error) => {
      error ??= e instanceof DamagedBackupError ? e : new DamagedBackupError(`${e.message}`);
      notify();
    },
  );
  const hash = createHash('sha256');
  let digestSeen = false;
  try {
    for (;;) {
      const item = queue.shift();
      if (item) {
        if (error) throw error;
        if (digestSeen) throw new DamagedBackupError(`an entry (${item.name}) follows ${DIGEST_ENTRY}`);
        if (item.name === DIGEST_ENTRY) {
          digestSeen = true;
          const expected = parseDigest(item.data);
          const actual = hash.digest('hex');
          if (expected !== actual)
            throw new DamagedBackupError(
              `the contents do not match the recorded SHA-256 (recorded ${expected}, computed ${actual}): the file was altered`,
            );
        } else {
          frame(hash, item.name, item.data);
          yield { name: item.name, data: item.data };
        }
        item.next();
        continue;
      }
      if (error) throw error;
      if (finished) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (!digestSeen) throw new DamagedBackupError(`${DIGEST_ENTRY} is missing: the file is truncated`);
  } finally {
    if (!finished) input.destroy();
  }
}

function parseDigest(data: Buffer): string {
  try {
    const v = JSON.parse(data.toString('utf8')) as { sha256?: unknown };
    if (typeof v.sha256 === 'string' && /^[0-9a-f]{64}$/.test(v.sha256)) return v.sha256;
  } catch {
    // falls through to the error below
  }
  throw new DamagedBackupError(`${DIGEST_ENTRY} is not a SHA-256 record`);
}

/**
 * Pass the bytes through once the header is the one ArchiveWriter writes, hashing everything after
 * it; at the end the hash must equal the one in the header.
 */
function checkFileDigest(): Transform {
  let head = Buffer.alloc(0);
  let expected: Buffer | undefined;
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (expected) {
        hash.update(chunk);
        return done(null, chunk);
      }
      head = Buffer.concat([head, chunk]);
      if (head.length < HEADER_BYTES) return done();
      if (!head.subarray(0, HEADER_FIXED.length).equals(HEADER_FIXED))
        return done(new DamagedBackupError('the file does not start as an Assay backup does (gzip header)'));
      expected = head.subarray(HEADER_FIXED.length, HEADER_BYTES);
      hash.update(head.subarray(HEADER_BYTES));
      done(null, head);
    },
    flush(done) {
      if (!expected) return done(new DamagedBackupError('the file is too short to be a backup'));
      if (!hash.digest().equals(expected))
        return done(
          new DamagedBackupError(
            "the file's bytes do not match the SHA-256 in its header: altered or truncated",
          ),
        );
      done();
    },
  });
}
