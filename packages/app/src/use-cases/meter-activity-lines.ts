/**
 * The monthly meter roll-up offered and written as activity lines (issue #22; docs/meters.md,
 * "Activity lines from meters"). `offer` computes the roll-up (rollUpStoredReadings, through
 * meters.ts) and says per line what writing would do: create, update (its fields differ from the
 * stored line's), unchanged, or nothing (a carrier that is no activity). `write` writes the
 * created and changed lines through the activity-line write path (write-activity-line.ts: core's
 * bundle rules and entry rules, then the workspace's one write, all or nothing, period locks and
 * versions checked). Writing again without new readings changes nothing (fixed ids, equal fields).
 * Offering needs read-meters; writing is entering activity lines of every site at once, so it
 * needs write-data-point on the group (route-rules.ts).
 */
import type { ActivityLine } from '@assay/core';
import { meterLineFields, meterLineId } from '../meters/meter-line-fields.js';
import { failure, type Result, success } from '../outcome.js';
import { type AffectedFigures, affectedFigures } from './affected-figures.js';
import { evaluated } from './evaluation.js';
import { type MeterLineView, type RollUpQuery, rolledUp } from './meters.js';
import { type ActivityLineFields, checkLines, lineFieldsOf, refusedWrite } from './write-activity-line.js';

export type MeterLineAction = 'create' | 'update' | 'unchanged' | 'not-an-activity';

export type OfferedMeterLine = {
  readonly id: string;
  readonly action: MeterLineAction;
  /** The activity line's fields (null for a carrier that is no activity). */
  readonly fields: ActivityLineFields | null;
  /** The stored line's version when there is one. */
  readonly version: number | null;
  readonly line: MeterLineView;
};

const same = (a: ActivityLineFields, b: ActivityLineFields): boolean =>
  (Object.keys(a) as (keyof ActivityLineFields)[]).every((k) => a[k] === b[k]);

async function offered(i: RollUpQuery): Promise<Result<OfferedMeterLine[]>> {
  const r = await rolledUp(i);
  if (!r.ok) return r;
  const s = i.ws.snapshot();
  const current = new Map<string, ActivityLine>(s.bundle.activityLines.map((l) => [l.id, l]));
  const out: OfferedMeterLine[] = [];
  for (const l of r.value.lines) {
    if (i.siteId !== undefined && l.siteId !== i.siteId) continue;
    if (i.carrier !== undefined && l.carrier !== i.carrier) continue;
    if (i.fromMonth !== undefined && l.month < i.fromMonth) continue;
    if (i.toMonth !== undefined && l.month > i.toMonth) continue;
    const id = meterLineId(l);
    const fields = meterLineFields(l);
    const stored = current.get(id);
    const action: MeterLineAction =
      fields === null
        ? 'not-an-activity'
        : !stored
          ? 'create'
          : same(lineFieldsOf(stored), fields)
            ? 'unchanged'
            : 'update';
    out.push({
      id,
      action,
      fields,
      version: stored ? (s.lineVersionOf(id) ?? null) : null,
      line: {
        ...l,
        unit: l.unit.symbol,
        amount: l.amount.toString(),
        estimated: l.estimated.toString(),
        lineage: l.lineage.map((x) => ({
          ...x,
          measured: x.measured.toString(),
          estimated: x.estimated.toString(),
        })),
      },
    });
  }
  return success(out);
}

/** What writing the roll-up as activity lines would do, line by line. */
export async function offerMeterActivityLines(
  i: RollUpQuery,
): Promise<Result<{ lines: OfferedMeterLine[]; workspaceVersion: number }>> {
  const o = await offered(i);
  if (!o.ok) return o;
  return success({ lines: o.value, workspaceVersion: i.ws.snapshot().version });
}

export type MeterLinesWritten = {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
  readonly notAnActivity: number;
  readonly workspaceVersion: number;
  readonly affected: AffectedFigures;
};

/** Write the created and changed lines, all or nothing (each problem named by the line's id). */
export async function writeMeterActivityLines(
  i: RollUpQuery & { readonly reason: string; readonly author: string },
): Promise<Result<MeterLinesWritten>> {
  const o = await offered(i);
  if (!o.ok) return o;
  const todo = o.value.filter((x) => x.action === 'create' || x.action === 'update');
  const count = (a: MeterLineAction) => o.value.filter((x) => x.action === a).length;
  const s = i.ws.snapshot();
  if (todo.length === 0)
    return success({
      created: [],
      updated: [],
      unchanged: count('unchanged'),
      notAnActivity: count('not-an-activity'),
      workspaceVersion: s.version,
      affected: { changed: [], removed: [] },
    });
  const checked = checkLines(
    s.bundle,
    todo.map((x) => ({ id: x.id, fields: x.fields as ActivityLineFields })),
  );
  if (!checked.ok) {
    const first = checked.problems[0];
    const idOf = (k: number) => todo[k]?.id ?? '?';
    return failure(
      'invalid-data',
      `${checked.problems.length} problem(s) in the meter lines${first ? `; first: ${idOf(first.index)} ${first.column ?? ''}: ${first.reason}` : ''}; nothing was written`,
      {
        issues: checked.problems.map((p) => ({
          file: idOf(p.index),
          ...(p.column === undefined ? {} : { column: p.column }),
          reason: p.reason,
        })),
      },
    );
  }
  evaluated(s); // so that the figures the write changed can be told apart
  const out = await i.ws.writeActivityLines(
    checked.lines.map((line, k) => ({ line, expectedVersion: todo[k]?.version ?? undefined })),
    i.reason,
    i.author,
  );
  if (!out.ok) return refusedWrite(out, `activity line "${out.id}"`);
  return success({
    created: todo.filter((x) => x.action === 'create').map((x) => x.id),
    updated: todo.filter((x) => x.action === 'update').map((x) => x.id),
    unchanged: count('unchanged'),
    notAnActivity: count('not-an-activity'),
    workspaceVersion: out.workspaceVersion,
    affected: affectedFigures(s, i.ws.snapshot()),
  });
}
