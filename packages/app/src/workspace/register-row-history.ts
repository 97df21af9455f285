/**
 * Versions and history of the rows of any register kept in the registers document and listed
 * by id (issue #18: certifications, tailings facilities; usable for any `{id}` list of core's
 * Registers). The rule of target-history.ts, for any such register: a row's history is read
 * off the sequence of register states; a state in which the row first appears, differs from
 * its last appearance, or reappears is a revision; a state without a row that was there is its
 * retraction. Changes to other registers add no revision. Both workspaces use this one rule.
 */
import type { Registers } from '@assay/core';

/** The registers that are lists of rows with an id. */
export type RowRegister = {
  [K in keyof Registers]-?: NonNullable<Registers[K]> extends readonly { readonly id: string }[] ? K : never;
}[keyof Registers];

export type RowOf<K extends RowRegister> = NonNullable<Registers[K]>[number];

export type RowRevision<T> = {
  readonly version: number;
  /** The row as it was; null for a retraction. */
  readonly row: T | null;
  readonly author: string;
  /** ISO-8601. */
  readonly at: string;
  readonly reason: string;
};

export type RowChange<T> =
  | { readonly kind: 'put'; readonly row: T; readonly expectedVersion: number | undefined }
  | { readonly kind: 'retract'; readonly id: string; readonly expectedVersion: number }
  /** A workbook's rows at once (all or nothing): each replaces the row of its id or is added; no version check. */
  | { readonly kind: 'import'; readonly rows: readonly T[] };

export type RowWriteOutcome =
  | { readonly ok: true; readonly version: number; readonly workspaceVersion: number }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | { readonly ok: false; readonly reason: 'exists'; readonly id: string; readonly current: number };

type Row = { readonly id: string };

/** Canonical text of a row (keys sorted at every depth), to tell a change from a rewrite. */
export function rowKey(r: unknown): string {
  return JSON.stringify(r, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export class RowHistories<T extends Row> {
  private readonly byId = new Map<string, RowRevision<T>[]>();
  private readonly lastKey = new Map<string, string | null>();

  /** Apply the next register state (oldest first). */
  add(state: { rows: readonly T[]; author: string; at: string; reason: string }): void {
    const seen = new Set<string>();
    for (const r of state.rows) {
      seen.add(r.id);
      const key = rowKey(r);
      if (this.lastKey.get(r.id) === key) continue;
      this.push(r.id, r, state);
      this.lastKey.set(r.id, key);
    }
    for (const [id, key] of this.lastKey)
      if (key !== null && !seen.has(id)) {
        this.push(id, null, state);
        this.lastKey.set(id, null);
      }
  }

  private push(id: string, row: T | null, s: { author: string; at: string; reason: string }): void {
    const list = this.byId.get(id) ?? [];
    list.push({ version: list.length + 1, row, author: s.author, at: s.at, reason: s.reason });
    this.byId.set(id, list);
  }

  versionOf(id: string): number | undefined {
    const list = this.byId.get(id);
    const last = list?.[list.length - 1];
    return last && last.row !== null ? last.version : undefined;
  }

  history(id: string): readonly RowRevision<T>[] {
    return [...(this.byId.get(id) ?? [])];
  }

  /** Check a change against the current versions: the rows as they would be, or the refusal. */
  apply(
    rows: readonly T[],
    c: RowChange<T>,
  ): { ok: true; rows: T[]; version: number } | Exclude<RowWriteOutcome, { readonly ok: true }> {
    if (c.kind === 'import') {
      const byId = new Map(c.rows.map((r) => [r.id, r] as const));
      const have = new Set(rows.map((r) => r.id));
      return {
        ok: true,
        rows: [...rows.map((r) => byId.get(r.id) ?? r), ...c.rows.filter((r) => !have.has(r.id))],
        version: 0,
      };
    }
    const id = c.kind === 'put' ? c.row.id : c.id;
    const current = this.versionOf(id);
    if (c.kind === 'retract') {
      if (current === undefined) return { ok: false, reason: 'not-found', id };
      if (current !== c.expectedVersion) return { ok: false, reason: 'stale', id, current };
      return { ok: true, rows: rows.filter((r) => r.id !== id), version: current + 1 };
    }
    if (c.expectedVersion === undefined) {
      if (current !== undefined) return { ok: false, reason: 'exists', id, current };
      return { ok: true, rows: [...rows, c.row], version: (this.byId.get(id)?.length ?? 0) + 1 };
    }
    if (current === undefined) return { ok: false, reason: 'not-found', id };
    if (current !== c.expectedVersion) return { ok: false, reason: 'stale', id, current };
    const old = rows.find((r) => r.id === id);
    const same = old !== undefined && rowKey(old) === rowKey(c.row);
    return {
      ok: true,
      rows: rows.map((r) => (r.id === id ? c.row : r)),
      version: same ? current : current + 1,
    };
  }
}
