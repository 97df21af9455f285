/**
 * The audit log: append-only and hash-chained. Entry n stores
 *   hash_n = SHA-256(hash_{n-1} + "\n" + canonicalJson({seq, at, actor, action, subject, before, after, reason}))
 * with hash_0 = 64 zeros. Editing, removing or reordering any row breaks the chain at that row,
 * which verifyAudit names. Writers lock the table so two transactions cannot fork the chain.
 */
import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { Sql, Store } from './store.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string;
};
export type AuditEntry = AuditInput & {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
};

export function entryHash(prevHash: string, e: AuditInput & { seq: number }): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason,
  });
  return sha256Hex(`${prevHash}\n${body}`);
}

/** Append one entry inside the caller's transaction. */
export async function appendAudit(tx: Sql, input: AuditInput): Promise<AuditEntry> {
  await tx.query('lock table audit_log in exclusive mode');
  // Ordered by the bigint column (qualified): a bare `seq` would name the text alias, which sorts
  // "9" after "10" and made the eleventh entry reuse seq 10.
  const [last] = await tx.query<{ seq: string; hash: string }>(
    'select seq::text as seq, hash from audit_log order by audit_log.seq desc limit 1',
  );
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, { ...input, seq });
  await tx.query(
    `insert into audit_log (seq, at, actor, action, subject, before, after, reason, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10)`,
    [
      seq,
      input.at,
      input.actor,
      input.action,
      input.subject,
      JSON.stringify(input.before ?? null),
      JSON.stringify(input.after ?? null),
      input.reason,
      prevHash,
      hash,
    ],
  );
  return { ...input, seq, prevHash, hash };
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly entries: number /** hash of the last entry: keep a copy elsewhere */;
      readonly head: string;
    }
  | { readonly ok: false; readonly entries: number; readonly brokenAt: number; readonly reason: string };

type Row = {
  seq: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  reason: string;
  prev_hash: string;
  hash: string;
};

/** Walk the chain in seq order; report the first entry whose link or content does not match. */
export async function verifyAudit(store: Sql): Promise<AuditVerification> {
  const rows = await store.query<Row>(
    `select seq::text as seq, at, actor, action, subject, before, after, reason, prev_hash, hash
     from audit_log order by audit_log.seq`,
  );
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const expected = i + 1;
    const seq = Number(r.seq);
    const broken = (reason: string): AuditVerification => ({
      ok: false,
      entries: rows.length,
      brokenAt: expected,
      reason,
    });
    if (seq !== expected)
      return broken(`entry ${expected} is missing (the next entry found is ${seq}): a row was removed`);
    if (r.prev_hash !== prev)
      return broken(`entry ${seq} does not link to entry ${seq - 1}: rows were removed or reordered`);
    const recomputed = entryHash(prev, { ...r, seq });
    if (recomputed !== r.hash)
      return broken(`entry ${seq} was edited: its content no longer matches its hash`);
    prev = r.hash;
  }
  return { ok: true, entries: rows.length, head: prev };
}

export async function auditEntries(store: Store): Promise<number> {
  const [r] = await store.query<{ n: string }>('select count(*)::text as n from audit_log');
  return Number(r?.n ?? 0);
}
