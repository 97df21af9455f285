/**
 * Appending fact revisions in bulk, inside the caller's transaction (see import-run.ts).
 *
 * For each batch: find the current revision of every fact in it (one index range probe skips
 * the lookup when none of the batch's keys can exist yet, the usual case for a new file),
 * compare the stored fields with the new ones as text, and COPY only new facts (rev 1) and
 * changed ones (current rev + 1) straight into the revision table. Unchanged facts are
 * skipped, which makes importing the same content twice a no-op.
 *
 * A fact given twice in one import is a DuplicateFactError: within a batch, both rows get the
 * same (fact_key, rev) and the primary key rejects the COPY; across batches, the lookup finds
 * the earlier row's revision in this import's own change set. import-run.ts then reads the
 * input again to name every duplicate line. Imports hold an advisory lock, so a concurrent import
 * cannot add the same facts between the lookup and the COPY.
 */
import { ACTIVITY_LINE_FIELDS, DATA_POINT_FIELDS, type FactFields } from '@assay/core';
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
export function copyText(fields: FactFields): string {
  let out = copyField(fields[0] ?? null);
  for (let i = 1; i < fields.length; i++) out += `\t${copyField(fields[i] ?? null)}`;
  return out;
}

type Current = { rev: number; changeSet: number; text: string };

/** Keys containing characters at or above U+D800 sort differently in UTF-16 and in UTF-8. */
const NOT_UTF8_ORDERED = /[\uD800-\uFFFF]/;

export class FactAppender {
  readonly counts: Record<FactKind, AppendCounts> = {
    dp: { added: 0, revised: 0 },
    al: { added: 0, revised: 0 },
  };
  /** Position of the next revision within the change set (keeps file order on read-back). */
  private seq = 0;

  constructor(
    private readonly tx: Sql,
    private readonly changeSet: number,
  ) {
    if (!Number.isSafeInteger(changeSet)) throw new Error(`bad change set id ${changeSet}`);
  }

  /**
   * Append the new and changed facts of one batch. `texts[i]` is copyText(rows[i]), passed in
   * because the caller also digests it.
   */
  async append(kind: FactKind, rows: readonly FactFields[], texts: readonly string[]): Promise<void> {
    if (rows.length === 0) return;
    const t = TABLES[kind];
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
        if (cur.text === text) continue;
        rev = cur.rev + 1;
        counts.revised++;
      } else counts.added++;
      data += `${text}\t${rev}${tail}${++this.seq}\n`;
    }
    if (data === '') return;
    try {
      await this.tx.copyFrom(
        `copy ${t.table} (${t.fields.join(', ')}, rev, change_set, seq) from stdin`,
        data,
      );
    } catch (e) {
      const err = e as { code?: string; constraint?: string; detail?: string; message?: string };
      if (err.code === '23505' && (err.constraint === undefined || err.constraint === t.constraint))
        throw new DuplicateFactError(kind, err.detail ?? err.message ?? '');
      throw e;
    }
  }

  /** Current revision (number and fields as COPY text) of each fact of the batch that exists. */
  private async current(
    kind: FactKind,
    rows: readonly FactFields[],
  ): Promise<Map<string, Current> | undefined> {
    const t = TABLES[kind];
    const keys = rows.map((r) => r[0] as string);
    let lo = keys[0] as string;
    let hi = lo;
    let ordered = true;
    for (const k of keys) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
      if (NOT_UTF8_ORDERED.test(k)) ordered = false;
    }
    if (ordered) {
      // fact_key is in the "C" collation (byte order), which JS string order matches here.
      const [probe] = await this.tx.query<{ found: boolean }>(
        `select exists (select 1 from ${t.table} where fact_key between $1 and $2) as found`,
        [lo, hi],
      );
      if (!probe?.found) return undefined;
    }
    const cols = t.fields.map((f) => (f === t.numeric ? `${f}::text as ${f}` : f));
    const found = await this.tx.query<Record<string, string | number | null>>(
      `select distinct on (fact_key) rev, change_set::text as change_set, ${cols.join(', ')} from ${t.table}
       where fact_key = any($1::text[]) order by fact_key, rev desc`,
      [keys],
    );
    const map = new Map<string, Current>();
    for (const r of found) {
      const fields = t.fields.map((f) => (r[f] === null || r[f] === undefined ? null : String(r[f])));
      map.set(fields[0] as string, {
        rev: Number(r.rev),
        changeSet: Number(r.change_set),
        text: copyText(fields),
      });
    }
    return map;
  }
}
