/**
 * The persistence port. Two implementations share every query: PGlite in a data folder
 * (embedded default) and PostgreSQL through a connection URL. Only the driver differs; the
 * schema, migrations and use cases (import, read, audit) are written once against `Sql`.
 */

/** A connection or transaction that runs SQL. Parameters are $1, $2…; arrays bind as PG arrays. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Rows as arrays of their column values in select order, not as objects: for reads of
   * millions of rows (the current facts when a workspace opens), where an object per row with
   * its column names was a large part of the time and memory.
   */
  queryArrays(text: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Run `copy … from stdin` with `data` in COPY text format (tab-separated, `\N` for null,
   * backslash escapes; see copy-text.ts). The bulk path for staging facts.
   */
  copyFrom(copySql: string, data: string | Uint8Array): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Store extends Sql {
  readonly kind: StoreKind;
  /** Human-readable location: the data folder or the database URL without a password. */
  readonly location: string;
  /** Run `fn` in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Listen on a notification channel on a connection of its own (PostgreSQL only: PGlite is
   * one process, so there is nobody else to hear from, and it has no `listen`). `onNotify` gets
   * each payload, and `undefined` after the connection was lost and made again, when
   * notifications may have been missed. close() on the store closes its listeners too.
   */
  listen?(channel: string, onNotify: (payload: string | undefined) => void): Promise<Listener>;
  close(): Promise<void>;
}

/** A listening connection; close() ends it (idempotent). */
export type Listener = { close(): Promise<void> };

/** Who makes a change and why; the time is supplied by the adapter (core has no clock). */
export type ChangeMeta = { readonly author: string; readonly reason: string; readonly at: string };
