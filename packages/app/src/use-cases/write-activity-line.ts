/**
 * Entering activity lines (issue #17): add several lines of one or more entities and periods
 * (a month's diesel, electricity and heat of a site), change one line naming its version, or
 * retract one. Each line is checked by core's bundle rules for activity lines (the form of
 * every field, the entity, the period within the reporting years) and then by the entry rules
 * (core methods/activity-entry.ts: a subject the method has a factor for, a unit of the
 * dimension the method multiplies); nothing is written unless every line passes, and the
 * workspace then applies all or none (a stale version, a line in a locked period).
 *
 * A line's entity and period are not changed by an edit: a line entered for the wrong entity or
 * period is retracted and entered again (the store keys a line by its id, and a period lock
 * must see both periods of a move; the workspace refuses moving out of a locked period anyway).
 */
import { randomUUID } from 'node:crypto';
import {
  ACTIVITY_LINE_COLUMNS,
  type ActivityLine,
  activityEntryProblems,
  BUNDLE_FILES,
  type Bundle,
  type BundleIssue,
  columnOrder,
  factorLibrary,
  formatPairs,
  serializeBundle,
  validateBundle,
  withOverrides,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace, WriteOutcome } from '../workspace/workspace.js';
import { type AffectedFigures, affectedFigures } from './affected-figures.js';
import { evaluated } from './evaluation.js';
import { periodLocked } from './period-lock.js';

/** A line as entered: every field as text ('' for an optional field left empty). */
export type ActivityLineFields = {
  entity: string;
  period: string;
  activity: string;
  subject: string;
  use: string;
  amount: string;
  unit: string;
  attributes: string;
  source: string;
  evidence: string;
  comment: string;
};

/** The fields an edit may change (not entity or period: see above). */
export type ActivityLinePatch = {
  [K in Exclude<keyof ActivityLineFields, 'entity' | 'period'>]?: string | undefined;
};

/** A problem with one line: the field at fault and why, in plain words. */
type LineProblem = { readonly index: number; readonly column: string | undefined; readonly reason: string };

export function lineFieldsOf(l: ActivityLine): ActivityLineFields {
  return {
    entity: l.entityId,
    period: l.periodId,
    activity: l.activity,
    subject: l.subject,
    use: l.use ?? '',
    amount: l.amount.value.toFixed(),
    unit: l.amount.unit.symbol,
    attributes: formatPairs(l.attributes),
    source: l.source,
    evidence: l.evidence ?? '',
    comment: l.comment ?? '',
  };
}

/**
 * Core's rules, then the entry rules. The lines are validated as the activity-lines table of a
 * bundle holding the workspace's settings, catalogue and factors but no facts, so that a check
 * costs the same whatever the store holds; row k + 2 is line k.
 */
export function checkLines(
  bundle: Bundle,
  input: readonly { id: string; fields: ActivityLineFields }[],
): { ok: true; lines: ActivityLine[] } | { ok: false; problems: LineProblem[] } {
  const header = columnOrder(ACTIVITY_LINE_COLUMNS);
  const rows = input.map((l, k) => ({
    line: k + 2,
    cells: header.map((h) => (h === 'id' ? l.id : (l.fields[h as keyof ActivityLineFields] ?? ''))),
  }));
  const raw = serializeBundle({ ...bundle, dataPoints: [], activityLines: [], published: [] });
  const v = validateBundle({
    settings: raw.settings,
    ...(raw.indicators ? { indicators: raw.indicators } : {}),
    activityLines: { file: BUNDLE_FILES.activityLines, header, rows },
  });
  if (!v.ok)
    return {
      ok: false,
      problems: v.issues.map((i) => ({ index: (i.row ?? 2) - 2, column: i.column, reason: i.reason })),
    };
  const ctx = {
    ghgMethod: bundle.methods.ghg,
    library: withOverrides(factorLibrary(), bundle.factors),
    ...(bundle.methods.scope3 === undefined ? {} : { scope3FactorSets: bundle.methods.scope3 }),
    ...(bundle.registers.suppliers === undefined ? {} : { suppliers: bundle.registers.suppliers }),
  };
  const problems: LineProblem[] = [];
  for (const [index, line] of v.bundle.activityLines.entries()) {
    const entry = activityEntryProblems(
      {
        activity: line.activity,
        subject: line.subject,
        use: input[index]?.fields.use ?? '',
        unit: line.amount.unit,
        attributes: line.attributes,
      },
      ctx,
    );
    for (const p of entry) problems.push({ index, column: p.field, reason: p.message });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines: [...v.bundle.activityLines] };
}

/**
 * The refusal of lines that break a rule; `field` is "column" for an edit, "lines.k.column" for
 * lines added (the path in the request's body), and each issue says which line in `file`.
 */
function invalid(problems: readonly LineProblem[], added: boolean) {
  const where = (p: LineProblem) => (added ? `lines.${p.index}` : '');
  const field = (p: LineProblem) =>
    [where(p), p.column].filter((x) => x !== undefined && x !== '').join('.') || undefined;
  const first = problems[0] as LineProblem;
  const firstField = field(first);
  const issues: BundleIssue[] = problems.map((p) => ({
    file: added ? `lines.${p.index}` : BUNDLE_FILES.activityLines,
    ...(p.column === undefined ? {} : { column: p.column }),
    reason: p.reason,
  }));
  return failure('invalid-data', `${firstField ?? 'line'}: ${first.reason}`, {
    ...(firstField === undefined ? {} : { field: firstField }),
    issues,
  });
}

/** A refusal of the workspace, as a use case answers it. */
export function refusedWrite(out: Exclude<WriteOutcome, { ok: true }>, what: string) {
  switch (out.reason) {
    case 'locked':
      return periodLocked(out);
    case 'stale':
      return failure('stale-version', `${what} changed meanwhile (now version ${out.current})`, {
        field: 'version',
      });
    case 'exists':
      return failure('conflict', `activity line "${out.id}" already exists`, { field: 'id' });
    case 'not-found':
      return failure('not-found', `no activity line "${out.id}"`);
    case 'invalid':
      return failure('invalid-data', `activity line "${out.id}": ${out.message}`, {
        ...(out.field === undefined ? {} : { field: out.field }),
      });
  }
}

export type WrittenLine = { readonly line: ActivityLine; readonly version: number };
export type WrittenLines = {
  readonly lines: readonly WrittenLine[];
  readonly workspaceVersion: number;
  readonly affected: AffectedFigures;
};

export type CreateLinesInput = {
  readonly ws: Workspace;
  /** One or more lines; `id` optional (a new one is generated). */
  readonly lines: readonly { readonly id?: string | undefined; readonly fields: ActivityLineFields }[];
  readonly reason: string;
  readonly author: string;
};

export async function createActivityLines(i: CreateLinesInput): Promise<Result<WrittenLines>> {
  if (i.lines.length === 0)
    return failure('invalid-request', 'lines: give at least one line', { field: 'lines' });
  const s = i.ws.snapshot();
  // A new id that no earlier revision (before a restart, too) can hold.
  const input = i.lines.map((l) => ({ id: l.id ?? `al-${randomUUID()}`, fields: l.fields }));
  for (const [k, l] of input.entries())
    if (s.lineVersionOf(l.id) !== undefined)
      return failure('conflict', `activity line "${l.id}" already exists`, {
        field: `lines.${k}.id`,
      });
  const checked = checkLines(s.bundle, input);
  if (!checked.ok) return invalid(checked.problems, true);
  evaluated(s); // so that the figures the write changed can be told apart
  const out = await i.ws.writeActivityLines(
    checked.lines.map((line) => ({ line, expectedVersion: undefined })),
    i.reason,
    i.author,
  );
  if (!out.ok) {
    // Named by its path in the request: lines.k.period for a locked one, lines.k.id…
    const r = refusedWrite(out, `activity line "${out.id}"`);
    const k = checked.lines.findIndex((l) => l.id === out.id);
    return k < 0 || r.error.field === undefined
      ? r
      : { ok: false, error: { ...r.error, field: `lines.${k}.${r.error.field}` } };
  }
  return success({
    lines: checked.lines.map((line) => ({ line, version: out.versions.get(line.id) ?? 1 })),
    workspaceVersion: out.workspaceVersion,
    affected: affectedFigures(s, i.ws.snapshot()),
  });
}

export type UpdateLineInput = {
  readonly ws: Workspace;
  readonly id: string;
  readonly patch: ActivityLinePatch;
  readonly version: number;
  readonly reason: string;
  readonly author: string;
  /** Check only: nothing is written and no figure changes. */
  readonly dryRun: boolean;
};

export type WrittenOneLine = WrittenLine & {
  readonly workspaceVersion: number;
  readonly affected: AffectedFigures;
};

const NOTHING: AffectedFigures = { changed: [], removed: [] };

export async function updateActivityLine(i: UpdateLineInput): Promise<Result<WrittenOneLine>> {
  const s = i.ws.snapshot();
  const current = s.bundle.activityLines.find((l) => l.id === i.id);
  const currentVersion = s.lineVersionOf(i.id);
  if (!current || currentVersion === undefined) return failure('not-found', `no activity line "${i.id}"`);
  if (currentVersion !== i.version)
    return failure(
      'stale-version',
      `activity line "${i.id}" is at version ${currentVersion}, not ${i.version}`,
      {
        field: 'version',
      },
    );
  const defined = Object.fromEntries(Object.entries(i.patch).filter(([, v]) => v !== undefined));
  const checked = checkLines(s.bundle, [{ id: i.id, fields: { ...lineFieldsOf(current), ...defined } }]);
  if (!checked.ok) return invalid(checked.problems, false);
  const line = checked.lines[0] as ActivityLine;
  if (i.dryRun)
    return success({ line, version: currentVersion, workspaceVersion: s.version, affected: NOTHING });
  evaluated(s);
  const out = await i.ws.writeActivityLines([{ line, expectedVersion: i.version }], i.reason, i.author);
  if (!out.ok) return refusedWrite(out, `activity line "${i.id}"`);
  return success({
    line,
    version: out.versions.get(i.id) ?? currentVersion + 1,
    workspaceVersion: out.workspaceVersion,
    affected: affectedFigures(s, i.ws.snapshot()),
  });
}

export type RetractLineInput = {
  readonly ws: Workspace;
  readonly id: string;
  readonly version: number;
  readonly reason: string;
  readonly author: string;
};

export async function retractActivityLine(
  i: RetractLineInput,
): Promise<Result<{ id: string; version: number; workspaceVersion: number; affected: AffectedFigures }>> {
  const before = i.ws.snapshot();
  const current = before.lineVersionOf(i.id);
  if (current === undefined) return failure('not-found', `no activity line "${i.id}"`);
  if (current !== i.version)
    return failure('stale-version', `activity line "${i.id}" is at version ${current}, not ${i.version}`, {
      field: 'version',
    });
  evaluated(before);
  const out = await i.ws.retractActivityLine(i.id, i.version, i.reason, i.author);
  if (!out.ok && out.reason === 'stale')
    return failure(
      'stale-version',
      `activity line "${i.id}" changed meanwhile (now version ${out.current})`,
      {
        field: 'version',
      },
    );
  if (!out.ok && out.reason === 'locked') return periodLocked(out);
  if (!out.ok) return failure('not-found', `no activity line "${i.id}"`);
  return success({
    id: i.id,
    version: out.version,
    workspaceVersion: out.workspaceVersion,
    affected: affectedFigures(before, i.ws.snapshot()),
  });
}
