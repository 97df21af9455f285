/**
 * Appending fact revisions in bulk, inside the caller's transaction (see import-run.ts).
 *
 * For each batch: find the current revision of every fact in it, compare the stored fields with
 * the new ones as text, and COPY only new facts (rev 1) and changed or retracted ones (current
 * rev + 1) straight into the revision table. Unchanged facts are skipped, which makes importing
 * the same content twice a no-op. Keys under a prefix that had no key when the import began
 * need no lookup (see `prefixes` below): the usual case for a new file, where the batch is
 * formatted by prepare() before the previous batch has even been written.
 *
 * A fact given twice in one import is a DuplicateFactError: under a new prefix, both rows get
 * rev 1 and the primary key rejects the COPY; otherwise the lookup finds the earlier row's
 * revision in this import's own change set. import-run.ts then reads the input again to name
 * every duplicate line. Imports hold an advisory lock, so a concurrent import
 * cannot add the same facts between the lookup and the COPY.
 */
import { ACTIVITY_LINE_FIELDS, DATA_POINT_FIELDS, type FactFields } from '@assay/core/forms';
import { copyField } from './copy-text.js';
import type { Sql } from './store.js';

export type FactKind = 'dp' | 'al';

const TABLES = {
  dp: {
    table: 'data_point_revision',
    fields: DATA_POINT_FIELDS,
    numeric: 'value',
    constraint: 'data_point_revision_fact_rev',
  },
  al: {
    table: 'activity_line_revision',
    fields: ACTIVITY_LINE_FIELDS,
    numeric: 'amount',
    constraint: 'activity_line_revision_fact_rev',
  },
} as const;

/** The same fact given twice in one import (or, without the import lock, a concurrent writer). */
export class DuplicateFactError extends Error {
  constructor(
    readonly kind: FactKind,
    detail: string,
  ) {
    super(`duplicate fact in ${TABLES[kind].table}: ${detail}`);
  }
}

export type AppendCounts = { added: number; revised: number };

/** Fields as one COPY text line without its newline (fact_key first). */
export function copyText(fields: Readonly<FactFields>): string {
  let out = copyField(fields[0] ?? null);
  for (let i = 1; i < fields.length; i++) out += `\t${copyField(fields[i] ?? null)}`;
  return out;
}

/**
 * A fact's highest revision; a retracted one is always replaced (the import brings it back).
 * `period`: its period_id, which the period lock checks for the revision replacing it.
 */
type Current = { rev: number; changeSet: number; text: string; retracted: boolean; period: string };

/** A key without its trailing ASCII digits: "al-fuel-" for "al-fuel-123". */
export function keyPrefix(key: string): string {
  let end = key.length;
  while (end > 0) {
    const c = key.charCodeAt(end - 1);
    if (c < 48 || c > 57) break;
    end--;
  }
  return end === key.length ? key : key.slice(0, end);
}

/** One batch between prepare() and write(). seq numbers seqBase + 1… are reserved for its rows. */
export type PreparedBatch = {
  readonly kind: FactKind;
  readonly rows: readonly FactFields[];
  readonly texts: readonly string[];
  readonly seqBase: number;
  /** The whole payload, when no row needed a lookup. */
  readonly bytes?: Buffer;
};
/** New prefixes probed per batch; beyond this, keys are simply looked up. */
const MAX_PROBES = 32;

export class FactAppender {
  readonly counts: Record<FactKind, AppendCounts> = {
    dp: { added: 0, revised: 0 },
    al: { added: 0, revised: 0 },
  };
  /** seq numbers reserved so far: positions within the change set (file order on read-back). */
  private seq = 0;
  /**
   * The periods of the current (not retracted) revisions this import replaced: a new revision of
   * an activity line may give it another period (its key is its id), which takes it out of the old
   * period's figures, so the period lock checks these too (import-run.ts, period-lock-rows.ts).
   * A data point's key holds its period, so its replaced revision's period is its own.
   */
  readonly replacedPeriods = new Set<string>();

  /**
   * @param digest receives the COPY text of every revision appended (fields, then rev, change
   *   set and seq, one line each): the import's content digest in its audit entry.
   */
  constructor(
    private readonly tx: Sql,
    private readonly changeSet: number,
    private readonly digest: { update(bytes: Buffer): void },
  ) {
    if (!Number.isSafeInteger(changeSet)) throw new Error(`bad change set id ${changeSet}`);
  }

  /**
   * First half of appending a batch, run while the previous batch is still being written (no
   * I/O): formats every row, reserves its seq numbers in batch order, and, when every key is
   * under a prefix already known to be new, builds the whole COPY payload so that the
   * database need not wait for this process once the previous batch is done.
   */
  prepare(kind: FactKind, rows: readonly FactFields[]): PreparedBatch {
    const seqBase = this.seq;
    this.seq += rows.length;
    const texts = rows.map(copyText);
    const known = this.prefixes[kind];
    let fresh = rows.length > 0;
    let last = '';
    for (const r of rows) {
      const prefix = keyPrefix(r[0] as string);
      if (prefix === last) continue;
      if (known.get(prefix) !== false) {
        fresh = false;
        break;
      }
      last = prefix;
    }
    if (!fresh) return { kind, rows, texts, seqBase };
    const tail = `\t1\t${this.changeSet}\t`;
    let data = '';
    for (let i = 0; i < rows.length; i++) data += `${texts[i]}${tail}${seqBase + i + 1}\n`;
    this.counts[kind].added += rows.length;
    return { kind, rows, texts, seqBase, bytes: Buffer.from(data, 'utf8') };
  }

  /** Second half, in batch order: look up current revisions if needed, then COPY. */
  async write(p: PreparedBatch): Promise<void> {
    if (p.rows.length === 0) return;
    const bytes = p.bytes ?? (await this.compare(p));
    if (!bytes) return;
    this.digest.update(bytes);
    const t = TABLES[p.kind];
    try {
      await this.tx.copyFrom(
        `copy ${t.table} (${t.fields.join(', ')}, rev, change_set, seq) from stdin`,
        bytes,
      );
    } catch (e) {
      const err = e as { code?: string; constraint?: string; detail?: string; message?: string };
      if (err.code === '23505' && (err.constraint === undefined || err.constraint === t.constraint))
        throw new DuplicateFactError(p.kind, err.detail ?? err.message ?? '');
      throw e;
    }
  }

  /** The COPY payload of a batch's new and changed facts, after looking up their current revisions. */
  private async compare(p: PreparedBatch): Promise<Buffer | undefined> {
    const { kind, rows, texts, seqBase } = p;
    const current = await this.current(kind, rows);
    const counts = this.counts[kind];
    const tail = `\t${this.changeSet}\t`;
    let data = '';
    for (let i = 0; i < rows.length; i++) {
      const text = texts[i] as string;
      const cur = current?.get(rows[i]?.[0] as string);
      let rev = 1;
      if (cur) {
        // Written earlier in this import: the input gives the fact twice.
        if (cur.changeSet === this.changeSet) throw new DuplicateFactError(kind, `"${rows[i]?.[0]}"`);
        if (cur.text === text && !cur.retracted) continue;
        if (!cur.retracted) this.replacedPeriods.add(cur.period);
        rev = cur.rev + 1;
        counts.revised++;
      } else counts.added++;
      data += `${text}\t${rev}${tail}${seqBase + i + 1}\n`;
    }
    return data === '' ? undefined : Buffer.from(data, 'utf8');
  }

  /**
   * Key prefixes (a key without its trailing digits, e.g. "al-fuel-" for "al-fuel-123") and
   * whether any fact with that prefix existed when this import first met it. A prefix that did
   * not exist then is new for the whole import: the import lock keeps other writers out, so
   * only this import can add keys under it, and it adds each at rev 1, where the primary key
   * rejects a second row of the same fact. Keys under such prefixes need no lookup at all,
   * which is what makes a first import of a large file cheap (one probe per file of generated
   * ids instead of one index search per row).
   */
  private readonly prefixes: Record<FactKind, Map<string, boolean>> = { dp: new Map(), al: new Map() };

  /** Current revision (number, change set, fields as COPY text) of each fact of the batch that exists. */
  private async current(
    kind: FactKind,
    rows: readonly FactFields[],
  ): Promise<Map<string, Current> | undefined> {
    const t = TABLES[kind];
    const known = this.prefixes[kind];
    const keys: string[] = [];
    const fresh = new Set<string>();
    for (const r of rows) {
      const key = r[0] as string;
      const prefix = keyPrefix(key);
      const existed = known.get(prefix);
      if (existed === false) continue;
      if (existed === undefined && fresh.size < MAX_PROBES) fresh.add(prefix);
      keys.push(key);
    }
    if (fresh.size > 0) {
      const found = await this.tx.query<{ prefix: string; existed: boolean }>(
        // In byte order the keys with a given prefix are one run starting at the prefix itself,
        // so the first key at or after it tells whether any exists: one index search each.
        `select p as prefix, coalesce((select starts_with(fact_key, p) from ${t.table}
           where fact_key >= p order by fact_key limit 1), false) as existed
         from unnest($1::text[]) as p`,
        [[...fresh]],
      );
      for (const f of found) known.set(f.prefix, f.existed);
      const stillNeeded = keys.filter((k) => known.get(keyPrefix(k)) !== false);
      keys.length = 0;
      keys.push(...stillNeeded);
    }
    if (keys.length === 0) return undefined;
    const cols = t.fields.map((f) => (f === t.numeric ? `${f}::text as ${f}` : f));
    // One index search per key (a lateral "latest revision" sub-select), whatever the
    // planner thinks of a table that grew inside this transaction.
    const found = await this.tx.query<Record<string, string | number | boolean | null>>(
      `select c.* from unnest($1::text[]) as k(key), lateral (
         select rev, change_set::text as change_set, retracted, ${cols.join(', ')} from ${t.table}
         where fact_key = k.key order by rev desc limit 1) c`,
      [keys],
    );
    const map = new Map<string, Current>();
    const periodAt = (t.fields as readonly string[]).indexOf('period_id');
    for (const r of found) {
      const fields = t.fields.map((f) => (r[f] === null || r[f] === undefined ? null : String(r[f])));
      map.set(fields[0] as string, {
        rev: Number(r.rev),
        changeSet: Number(r.change_set),
        text: copyText(fields),
        retracted: r.retracted === true,
        period: fields[periodAt] as string,
      });
    }
    return map;
  }
}
