/**
 * Retracting facts: withdrawing data points or activity lines that should not be there (a wrong
 * row imported, a line for the wrong entity) without removing anything. Each named fact gets
 * one more revision, a copy of its current fields with `retracted = true` and rev + 1, so the
 * current views leave it out while its history keeps every revision (migration 005). All of it
 * is one transaction under the import lock: one change set, the new revisions and one audit
 * entry (action 'retract'), or, when any named fact is unknown or already retracted, nothing.
 * Importing a retracted fact again brings it back as a new revision (fact-append.ts).
 */
import { ACTIVITY_LINE_FIELDS, DATA_POINT_FIELDS } from '@assay/core/forms';
import { appendAudit } from './audit.js';
import { notifyChange } from './change-notify.js';
import { IMPORT_LOCK } from './import-run.js';
import { lockedPeriod, type PeriodLock } from './period-lock-rows.js';
import { RevisionDigest } from './revision-digest.js';
import type { ChangeMeta, Sql, Store } from './store.js';
import { storedLine } from './verify-digests.js';

export type RetractRequest = {
  /** Data points by id (`fact_id`) or by key (entity|period|indicator|disaggregation). */
  readonly dataPoints?: readonly string[];
  /** Activity lines by id (their key). */
  readonly activityLines?: readonly string[];
  /**
   * The revision a named data point must be at, by the name used above (a web retraction names
   * the version it withdraws). Checked under the import lock, so the database decides even with
   * several servers on it; another revision is a 'stale' problem giving the current one.
   */
  readonly expectedRevisions?: ReadonlyMap<string, number>;
  /**
   * The revision a named activity line must be at, by id (a web retraction of a line names the
   * version it withdraws, issue #17); checked the same way, 'stale' giving the current one.
   */
  readonly expectedLineRevisions?: ReadonlyMap<string, number>;
};

/** Who retracts and why (a reason is required); `subject` names the change set's source. */
export type RetractMeta = ChangeMeta & { readonly subject?: string };

/** A fact as the request named it. */
export type FactName = { readonly kind: 'data point' | 'activity line'; readonly name: string };

export type RetractProblem = {
  readonly code:
    | 'unknown'
    | 'already-retracted'
    | 'ambiguous'
    | 'invalid-request'
    | 'stale'
    | 'period-locked';
  /** Absent for a problem with the request as a whole. */
  readonly fact?: FactName;
  readonly message: string;
  /** For 'stale': the fact's current revision. */
  readonly current?: number;
  /** For 'period-locked': the lock (a retraction is a change like any other). */
  readonly lock?: PeriodLock;
};

export type RetractResult =
  | {
      readonly ok: true;
      readonly changeSet: number;
      /** Keys of the data points retracted, in the order named. */
      readonly dataPoints: readonly string[];
      /** Ids of the activity lines retracted, in the order named. */
      readonly activityLines: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly RetractProblem[] };

type Latest = { fact_key: string; fact_id: string | null; rev: number; retracted: boolean };
type Resolved = { readonly keys: { key: string; rev: number }[]; readonly problems: RetractProblem[] };

const DP = { table: 'data_point_revision', fields: DATA_POINT_FIELDS, kind: 'data point' } as const;
const AL = { table: 'activity_line_revision', fields: ACTIVITY_LINE_FIELDS, kind: 'activity line' } as const;

export async function retractFacts(
  store: Store,
  request: RetractRequest,
  meta: RetractMeta,
): Promise<RetractResult> {
  const dpNames = unique(request.dataPoints ?? []);
  const alNames = unique(request.activityLines ?? []);
  const invalid = (message: string): RetractResult => ({
    ok: false,
    problems: [{ code: 'invalid-request', message }],
  });
  if (meta.reason.trim() === '') return invalid('a reason is required: say why the facts are retracted');
  if (meta.author.trim() === '') return invalid('an author is required');
  if (dpNames.length + alNames.length === 0) return invalid('name at least one data point or activity line');
  return store.transaction(async (tx) => {
    // The revision numbers read below stay current until commit: imports take the same lock.
    await tx.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    const dp = await resolveDataPoints(tx, dpNames, request.expectedRevisions);
    const al = await resolveActivityLines(tx, alNames, request.expectedLineRevisions);
    const problems = [...dp.problems, ...al.problems];
    if (problems.length > 0) return { ok: false, problems };
    const locked = await lockedPeriod(tx, await periodsOf(tx, dp.keys, al.keys));
    if (locked)
      return { ok: false, problems: [{ code: 'period-locked', message: locked.message, lock: locked.lock }] };
    const subject = meta.subject ?? 'retraction';
    const [cs] = await tx.query<{ id: string }>(
      'insert into change_set (author, at, reason, source) values ($1, $2, $3, $4) returning id::text as id',
      [meta.author, meta.at, meta.reason, subject],
    );
    const changeSet = Number(cs?.id);
    await notifyChange(tx, changeSet); // delivered on commit only
    const written = [
      ...(await appendRetractions(tx, DP, dp.keys, changeSet, 0)),
      ...(await appendRetractions(tx, AL, al.keys, changeSet, dp.keys.length)),
    ];
    // The digest of what was written, as an import records one, so that verify covers it.
    const digest = new RevisionDigest();
    written.sort((a, b) => a.seq - b.seq);
    digest.update(Buffer.from(written.map((w) => `${w.line}\n`).join(''), 'utf8'));
    const dataPoints = dp.keys.map((k) => k.key);
    const activityLines = al.keys.map((k) => k.key);
    await appendAudit(tx, {
      at: meta.at,
      actor: meta.author,
      action: 'retract',
      subject,
      before: null,
      after: { changeSet, dataPoints, activityLines, ...digest.result() },
      reason: meta.reason,
    });
    return { ok: true, changeSet, dataPoints, activityLines };
  });
}

/** The periods of the facts about to be retracted. */
async function periodsOf(
  tx: Sql,
  dp: readonly { key: string }[],
  al: readonly { key: string }[],
): Promise<string[]> {
  const rows = await tx.query<{ period_id: string }>(
    `select distinct period_id from data_point_revision where fact_key = any($1::text[])
     union select distinct period_id from activity_line_revision where fact_key = any($2::text[])`,
    [dp.map((k) => k.key), al.map((k) => k.key)],
  );
  return rows.map((r) => r.period_id);
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

type Written = { seq: number; line: string };

/**
 * One new revision per fact: the fields of revision `rev` copied, numbered rev + 1 and marked
 * retracted; seq numbers follow `seqBase` in the order the facts were named. Returns what was
 * written as COPY text lines, for the digest.
 */
async function appendRetractions(
  tx: Sql,
  t: typeof DP | typeof AL,
  keys: readonly { key: string; rev: number }[],
  changeSet: number,
  seqBase: number,
): Promise<Written[]> {
  if (keys.length === 0) return [];
  const copied = t.fields.filter((f) => f !== 'fact_key');
  const written = await tx.query<Written>(
    `insert into ${t.table} (fact_key, rev, change_set, seq, retracted, ${copied.join(', ')})
     select r.fact_key, r.rev + 1, $1, $2 + k.ord::int, true, ${copied.map((f) => `r.${f}`).join(', ')}
     from unnest($3::text[], $4::int[]) with ordinality as k(key, rev, ord)
     join ${t.table} r on r.fact_key = k.key and r.rev = k.rev
     returning seq, ${storedLine(t.table)} as line`,
    [changeSet, seqBase, keys.map((k) => k.key), keys.map((k) => k.rev)],
  );
  // Unreachable under the lock; a guard against appending fewer revisions than were audited.
  if (written.length !== keys.length)
    throw new Error(`retraction wrote ${written.length} ${t.kind} revisions, expected ${keys.length}`);
  return written.map((w) => ({ ...w, seq: Number(w.seq) }));
}

/** The highest revision of each key that exists (one index search per key). */
async function latestByKey(tx: Sql, table: string, keys: readonly string[]): Promise<Map<string, Latest>> {
  const idColumn = table === DP.table ? 'fact_id' : 'null::text as fact_id';
  const rows = await tx.query<Latest>(
    `select c.* from unnest($1::text[]) as k(key), lateral (
       select fact_key, ${idColumn}, rev, retracted from ${table}
       where fact_key = k.key order by rev desc limit 1) c`,
    [keys],
  );
  return new Map(rows.map((r) => [r.fact_key, { ...r, rev: Number(r.rev) }]));
}

function check(fact: FactName, latest: Latest | undefined): RetractProblem | undefined {
  if (!latest) return { code: 'unknown', fact, message: `no ${fact.kind} "${fact.name}"` };
  if (latest.retracted)
    return {
      code: 'already-retracted',
      fact,
      message: `${fact.kind} "${fact.name}" is already retracted (revision ${latest.rev})`,
    };
  return undefined;
}

async function resolveActivityLines(
  tx: Sql,
  names: readonly string[],
  expected: ReadonlyMap<string, number> | undefined,
): Promise<Resolved> {
  const out: Resolved = { keys: [], problems: [] };
  if (names.length === 0) return out;
  const latest = await latestByKey(tx, AL.table, names);
  for (const name of names) {
    const fact = { kind: AL.kind, name };
    const l = latest.get(name);
    const problem = check(fact, l);
    const want = expected?.get(name);
    if (problem) out.problems.push(problem);
    else if (l && want !== undefined && l.rev !== want)
      out.problems.push({
        code: 'stale',
        fact,
        current: l.rev,
        message: `activity line "${name}" is at revision ${l.rev}, not ${want}`,
      });
    else if (l) out.keys.push({ key: l.fact_key, rev: l.rev });
  }
  return out;
}

/**
 * A data point is named by its key or by its id. A key is looked up first; a name that is no
 * key is matched against the id of each fact's highest revision (ids are not indexed: data
 * points are few). When an id is held by several facts, the one that is not retracted is meant;
 * two that are not is ambiguous.
 */
async function resolveDataPoints(
  tx: Sql,
  names: readonly string[],
  expected: ReadonlyMap<string, number> | undefined,
): Promise<Resolved> {
  const out: Resolved = { keys: [], problems: [] };
  if (names.length === 0) return out;
  const byKey = await latestByKey(tx, DP.table, names);
  const ids = names.filter((n) => !byKey.has(n));
  const byId = new Map<string, Latest[]>();
  if (ids.length > 0) {
    const rows = await tx.query<Latest>(
      `select * from (
         select distinct on (fact_key) fact_key, fact_id, rev, retracted from data_point_revision
         where fact_key in (select fact_key from data_point_revision where fact_id = any($1::text[]))
         order by fact_key, rev desc) latest
       where fact_id = any($1::text[]) order by fact_key`,
      [ids],
    );
    for (const r of rows) {
      const list = byId.get(r.fact_id ?? '') ?? [];
      list.push({ ...r, rev: Number(r.rev) });
      byId.set(r.fact_id ?? '', list);
    }
  }
  const seen = new Set<string>();
  for (const name of names) {
    const fact = { kind: DP.kind, name };
    let latest = byKey.get(name);
    if (!latest) {
      const held = byId.get(name) ?? [];
      const live = held.filter((l) => !l.retracted);
      if (live.length > 1) {
        const keys = live.map((l) => `"${l.fact_key}"`).join(', ');
        out.problems.push({
          code: 'ambiguous',
          fact,
          message: `data point id "${name}" is held by ${live.length} facts (${keys}); name one by its key`,
        });
        continue;
      }
      latest = live[0] ?? held[0];
    }
    const problem = check(fact, latest);
    const want = expected?.get(name);
    if (problem) out.problems.push(problem);
    else if (latest && want !== undefined && latest.rev !== want)
      out.problems.push({
        code: 'stale',
        fact,
        current: latest.rev,
        message: `data point "${name}" is at revision ${latest.rev}, not ${want}`,
      });
    // Named twice (by id and by key): retracted once.
    else if (latest && !seen.has(latest.fact_key)) {
      seen.add(latest.fact_key);
      out.keys.push({ key: latest.fact_key, rev: latest.rev });
    }
  }
  return out;
}
