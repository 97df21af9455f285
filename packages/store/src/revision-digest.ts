/**
 * The content digest of a change set's fact revisions, as its audit entry records it: SHA-256
 * over the COPY text line of every revision the change set appended, in seq order (fields as
 * stored text, then rev, change set and seq; `fieldsLine` below), which is the order an import
 * writes them. The audit chain protects the digest; `assay audit verify` recomputes it from the
 * stored revisions (verify-digests.ts).
 *
 * One digest says that a change set no longer matches, not which revision. So the writer also
 * records checkpoints: the running digest (first 16 hex digits) after the n-th revision, for
 * every n at first and for every 2nd, 4th, … n as the change set grows, keeping between
 * CHECKPOINTS / 2 and CHECKPOINTS of them. A change set of up to CHECKPOINTS revisions has one
 * after each revision, so verify names the very revision that changed; a larger one is narrowed
 * to a run of at most 2n / CHECKPOINTS revisions (2,048 for a million). Taking a checkpoint
 * costs a copy of the hash state, not a second pass over the bytes, and the audit entry grows by
 * at most about 25 KB.
 */
import { createHash, type Hash } from 'node:crypto';
import { copyText } from './fact-append.js';

/** Most checkpoints kept per change set. */
export const CHECKPOINTS = 1000;

/** [revisions hashed so far, first 16 hex digits of the running SHA-256 after them]. */
export type Checkpoint = readonly [number, string];

export type DigestRecord = { readonly contentDigest: string; readonly checkpoints: readonly Checkpoint[] };

const NEWLINE = 0x0a;

/** A revision's COPY line (with its newline): its fields, then rev, change set and seq. */
export function fieldsLine(
  fields: readonly (string | null)[],
  rev: number,
  changeSet: number,
  seq: number,
): string {
  return `${copyText(fields)}\t${rev}\t${changeSet}\t${seq}\n`;
}

export class RevisionDigest {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;
  /** A checkpoint is taken after every `step`-th revision. */
  private step = 1;
  private checkpoints: Checkpoint[] = [];

  /**
   * Whole COPY lines, in write order. Raw newlines occur only at line ends (copyField escapes
   * the ones in fields), so counting them counts revisions.
   */
  update(bytes: Buffer): void {
    let start = 0;
    for (;;) {
      const need = this.step - (this.count % this.step);
      let end = start;
      let found = 0;
      while (found < need) {
        const nl = bytes.indexOf(NEWLINE, end);
        if (nl < 0) break;
        end = nl + 1;
        found++;
      }
      if (found < need) {
        if (start < bytes.length) this.hash.update(bytes.subarray(start));
        this.count += found;
        return;
      }
      this.hash.update(bytes.subarray(start, end));
      this.count += need;
      start = end;
      this.checkpoint();
    }
  }

  private checkpoint(): void {
    this.checkpoints.push([this.count, this.hash.copy().digest('hex').slice(0, 16)]);
    if (this.checkpoints.length <= CHECKPOINTS) return;
    this.step *= 2;
    this.checkpoints = this.checkpoints.filter(([n]) => n % this.step === 0);
  }

  /** The record for the audit entry; the digest is final, so call once, at the end. */
  result(): DigestRecord {
    return { contentDigest: this.hash.digest('hex'), checkpoints: this.checkpoints };
  }
}

/** A revision as verify names it. */
export type RevisionRef = { readonly table: string; readonly factKey: string; readonly rev: number };

export type DigestMismatch = {
  /** The first and last revision (in seq order) of the run that no longer matches; the same when one. */
  readonly first: RevisionRef | undefined;
  readonly last: RevisionRef | undefined;
  /** Revisions found in the change set, against the count of the first failing checkpoint. */
  readonly found: number;
  readonly expected: number | undefined;
};

/**
 * Recomputes one change set's digest from its stored revisions, fed one line at a time in seq
 * order, and stops at the first checkpoint that differs.
 */
export class DigestCheck {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;
  private next = 0;
  /** The first revision after the last checkpoint that matched. */
  private runStart: RevisionRef | undefined;
  private lastSeen: RevisionRef | undefined;
  private mismatch: DigestMismatch | undefined;

  constructor(private readonly record: { contentDigest: string; checkpoints?: readonly Checkpoint[] }) {}

  row(line: string, ref: RevisionRef): void {
    if (this.mismatch) return;
    this.hash.update(line);
    this.count++;
    this.runStart ??= ref;
    this.lastSeen = ref;
    const cp = this.record.checkpoints?.[this.next];
    if (!cp || cp[0] !== this.count) return;
    this.next++;
    if (this.hash.copy().digest('hex').slice(0, 16) === cp[1]) this.runStart = undefined;
    else this.mismatch = { first: this.runStart, last: ref, found: this.count, expected: cp[0] };
  }

  /** Undefined when the change set matches its digest. */
  finish(): DigestMismatch | undefined {
    if (this.mismatch) return this.mismatch;
    const cp = this.record.checkpoints?.[this.next];
    // Fewer revisions than a checkpoint counts: some were removed.
    if (cp) return { first: this.runStart, last: this.lastSeen, found: this.count, expected: cp[0] };
    if (this.hash.digest('hex') === this.record.contentDigest) return undefined;
    return { first: this.runStart, last: this.lastSeen, found: this.count, expected: undefined };
  }
}
