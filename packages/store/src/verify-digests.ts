/**
 * `assay audit verify`, fact contents: every change set named by an `import` or `retract`
 * audit entry is hashed again from its stored revisions (revision-digest.ts) and compared with
 * the digest and checkpoints the entry records, so a value changed in the database behind the
 * append-only trigger is found and named. Also: an import writes no retracted revision and a
 * retraction only retracted ones, so a flipped `retracted` flag is named too.
 *
 * Revisions are read once, in (change set, seq) order, through a cursor a page at a time: memory
 * holds one page and one running hash, whatever the size of the store. Retraction entries written
 * before retractions recorded a digest have none; their revisions are counted as not covered.
 */
import { ACTIVITY_LINE_FIELDS, DATA_POINT_FIELDS } from '@assay/core/forms';
import { type Checkpoint, DigestCheck, type DigestMismatch, type RevisionRef } from './revision-digest.js';
import type { Sql, Store } from './store.js';

export type DigestProblem = { readonly changeSet: number; readonly reason: string };

export type DigestVerification = {
  /** Change sets whose revisions were hashed again and compared. */
  readonly checked: number;
  /** Change sets named by an audit entry without a digest (retractions before digests). */
  readonly uncovered: number;
  readonly revisions: number;
  readonly problems: readonly DigestProblem[];
};

type Audited = {
  readonly action: 'import' | 'retract';
  readonly entry: number;
  readonly contentDigest?: string;
  readonly checkpoints?: readonly Checkpoint[];
};

const PAGE = 5000;
const TABLES = {
  data_point_revision: { fields: DATA_POINT_FIELDS, numeric: 'value' },
  activity_line_revision: { fields: ACTIVITY_LINE_FIELDS, numeric: 'amount' },
} as const;

/**
 * SQL for a revision's COPY text line without its newline, as the import wrote it (fields, then
 * rev, change set and seq; fieldsLine in revision-digest.ts, copy-text.ts): built by the database,
 * which halves Node's CPU time per row against formatting the fields here (2.6 against 5.3 s per
 * million, measured).
 */
export function storedLine(table: keyof typeof TABLES): string {
  const t = TABLES[table];
  const field = (f: string) => {
    const text = f === t.numeric ? `${f}::text` : `${f}::text collate "default"`;
    return `coalesce(${escaped(text)}, E'\\\\N')`;
  };
  return `concat_ws(E'\\t', ${t.fields.map(field).join(', ')}, rev::text, change_set::text, seq::text)`;
}

/** COPY text escapes: backslash first, then newline, carriage return and tab. */
function escaped(x: string): string {
  return `replace(replace(replace(replace(${x}, E'\\\\', E'\\\\\\\\'), E'\\n', E'\\\\n'), E'\\r', E'\\\\r'), E'\\t', E'\\\\t')`;
}

const REVISIONS = `select * from (${(Object.keys(TABLES) as (keyof typeof TABLES)[])
  .map(
    (table) =>
      `select '${table}' as tbl, change_set, change_set::text as cs, seq, rev, retracted,
         fact_key::text collate "default" as fact_key, ${storedLine(table)} as line from ${table}`,
  )
  .join(' union all ')}) u order by u.change_set, u.seq`;

export function verifyDigests(store: Store, limit = 20): Promise<DigestVerification> {
  return store.transaction((tx) => verifyDigestsIn(tx, limit));
}

/** As verifyDigests, inside the caller's transaction (it declares a cursor). */
export async function verifyDigestsIn(tx: Sql, limit = 20): Promise<DigestVerification> {
  const audited = await auditedChangeSets(tx);
  const problems: DigestProblem[] = [];
  const seen = new Set<number>();
  let checked = 0;
  let uncovered = 0;
  let revisions = 0;
  let current: { changeSet: number; audit: Audited | undefined; check: DigestCheck | undefined } | undefined;
  let flagged = false;
  const close = () => {
    if (!current?.audit) return;
    if (!current.check) uncovered++;
    else {
      checked++;
      const m = current.check.finish();
      if (m) problems.push(mismatch(current.changeSet, current.audit, m));
    }
  };
  // One pass that sorts every revision: JIT would compile for it and gain nothing.
  await tx.exec(`set local jit = off; declare revisions no scroll cursor for ${REVISIONS}`);
  for (;;) {
    const rows = await tx.query<{
      tbl: string;
      cs: string;
      seq: number;
      rev: number;
      retracted: boolean;
      fact_key: string;
      line: string;
    }>(`fetch ${PAGE} from revisions`);
    if (rows.length === 0) break;
    for (const r of rows) {
      revisions++;
      const changeSet = Number(r.cs);
      if (current?.changeSet !== changeSet) {
        close();
        const audit = audited.get(changeSet);
        current = {
          changeSet,
          audit,
          check:
            audit?.contentDigest === undefined
              ? undefined
              : new DigestCheck({ ...audit, contentDigest: audit.contentDigest }),
        };
        seen.add(changeSet);
        flagged = false;
      }
      const ref: RevisionRef = { table: r.tbl, factKey: r.fact_key, rev: Number(r.rev) };
      const audit = current.audit;
      if (audit && !flagged && r.retracted !== (audit.action === 'retract')) {
        flagged = true;
        problems.push({
          changeSet,
          reason: `${name(ref, changeSet)} is ${r.retracted ? '' : 'not '}marked retracted, but change set ${changeSet} is ${audit.action === 'retract' ? 'a retraction' : 'an import'} (audit entry ${audit.entry}): the row was changed after it was written`,
        });
      }
      current.check?.row(`${r.line}\n`, ref);
    }
    if (problems.length >= limit) break;
  }
  close();
  // Audited change sets without any revision left: all of them removed, unless there were none.
  for (const [changeSet, audit] of audited) {
    if (seen.has(changeSet) || audit.contentDigest === undefined) continue;
    checked++;
    const check = new DigestCheck({ ...audit, contentDigest: audit.contentDigest });
    const m = check.finish();
    if (m) problems.push(mismatch(changeSet, audit, m));
  }
  return { checked, uncovered, revisions, problems: problems.slice(0, limit) };
}

async function auditedChangeSets(tx: Sql): Promise<Map<number, Audited>> {
  const rows = await tx.query<{
    seq: string;
    action: 'import' | 'retract';
    after: Record<string, unknown> | null;
  }>(
    `select seq::text as seq, action, after from audit_log where action in ('import', 'retract')
     order by audit_log.seq`,
  );
  const out = new Map<number, Audited>();
  for (const r of rows) {
    const a = r.after ?? {};
    if (typeof a.changeSet !== 'number') continue;
    out.set(a.changeSet, {
      action: r.action,
      entry: Number(r.seq),
      ...(typeof a.contentDigest === 'string' ? { contentDigest: a.contentDigest } : {}),
      ...(Array.isArray(a.checkpoints) ? { checkpoints: a.checkpoints as Checkpoint[] } : {}),
    });
  }
  return out;
}

function name(ref: RevisionRef, changeSet: number): string {
  return `revision ${ref.rev} of "${ref.factKey}" (${ref.table}, change set ${changeSet})`;
}

function mismatch(changeSet: number, audit: Audited, m: DigestMismatch): DigestProblem {
  const what = `change set ${changeSet} no longer matches the digest in its ${audit.action} entry (audit entry ${audit.entry})`;
  let where: string;
  if (m.expected !== undefined && m.found < m.expected)
    where = `${m.expected - m.found} or more of its revisions are missing`;
  else if (!m.first || !m.last) where = 'its revisions are missing';
  else if (m.first === m.last) where = `${name(m.first, changeSet)} was changed after it was written`;
  else
    where = `one of its revisions from ${name(m.first, changeSet)} to revision ${m.last.rev} of "${m.last.factKey}" was changed, added or removed`;
  return { changeSet, reason: `${what}: ${where}` };
}
