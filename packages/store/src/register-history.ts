/**
 * The registers document's revisions, oldest first, with who wrote each, when and why (the
 * change set's). The registers are one document (document_revision, kind 'registers'),
 * rewritten whole on every change; a register's rows get their versions and history from this
 * sequence (app/src/workspace/target-history.ts for the targets). The document is small and
 * changes seldom, so reading all of its revisions is cheap.
 */
import { isoOf } from './accounts/timestamps.js';
import type { Sql } from './store.js';

export type RegistersRevision = {
  readonly rev: number;
  /** The registers as written (registers.yaml's shape). */
  readonly body: unknown;
  readonly author: string;
  /** ISO-8601. */
  readonly at: string;
  readonly reason: string;
};

export function registersRevisions(sql: Sql): Promise<RegistersRevision[]> {
  return documentRevisions(sql, 'registers');
}

/**
 * Any whole document's revisions, oldest first, by the same rule: 'registers', or 'narrative'
 * (`{sections}`, narrative.yaml's shape; its sections' versions: app/src/use-cases/narrative.ts).
 */
export function documentRevisions(sql: Sql, kind: 'registers' | 'narrative'): Promise<RegistersRevision[]> {
  return sql.query<RegistersRevision>(
    `select r.rev, r.body, c.author, ${isoOf('c.at')} as at, c.reason
       from document_revision r join change_set c on c.id = r.change_set
      where r.kind = $1 order by r.rev`,
    [kind],
  );
}
