/**
 * Activity-line steps of the model-based tests (issue #17): what the entry form does through
 * the Workspace port, writeActivityLines with the versions it read (current, stale, none for a
 * line that exists, one for a line that is not there, now and then the same line twice) and
 * retractActivityLine, with the model's answer written from the port's contract:
 * - a write naming one line twice is refused on the later change ('invalid', field 'id');
 * - versions are checked in order, the first refusal refuses all ('exists', 'not-found',
 *   'stale' with the current version);
 * - else every line is written: a changed or new line gets a revision (a retracted one given
 *   again comes back), an unchanged one none; one audit entry when anything changed; the
 *   workspace version moves by one in any case; each line's version is its revision count.
 */
import { type ActivityLine, q } from '@assay/core';
import fc from 'fast-check';
import { Divergence } from './model-check.js';
import {
  applyRetraction,
  applyRows,
  type Fields,
  isLive,
  type Meta,
  type Model,
  versionOf,
} from './model-reference.js';
import { type AlRowSpec, alRow, alRowSpec, lineSlotId, who } from './model-rows.js';
import type { Real } from './model-system.js';
import { LINE_SLOTS } from './model-universe.js';
import { type Outcome, outcomeOf, sameOutcome } from './model-workspace-rules.js';

const json = (x: unknown) => JSON.stringify(x);
const WS_COMMENTS = ['', 'meter read', '覆核完成'] as const;

export type LineChange = {
  readonly line: ActivityLine;
  readonly fields: Fields;
  readonly expected: number | undefined;
};

/** The line a row spec stands for, as an entry form would send it, with the fields the store should keep. */
export function lineChange(spec: AlRowSpec, expected: number | undefined): LineChange {
  const id = lineSlotId(spec.slot);
  const row = alRow(spec, id);
  const t = row.template;
  const [label] = t.units[spec.unit % t.units.length] as readonly [string, string];
  const comment = WS_COMMENTS[spec.comment % WS_COMMENTS.length] as string;
  const attributes = Object.fromEntries(
    (row.fields.attributes as string)
      .split(';')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  return {
    line: {
      id,
      entityId: t.entity,
      periodId: t.period,
      activity: t.activity as ActivityLine['activity'],
      subject: t.subject,
      ...(t.use === '' ? {} : { use: t.use as NonNullable<ActivityLine['use']> }),
      amount: q(`${spec.amount} ${label}`),
      attributes,
      source: t.source,
      ...(comment === '' ? {} : { comment }),
    },
    fields: { ...row.fields, comment },
    expected,
  };
}

export function modelLineWrite(m: Model, changes: readonly LineChange[], meta: Meta): Outcome {
  for (const [i, c] of changes.entries())
    if (changes.slice(0, i).some((b) => b.line.id === c.line.id))
      return { ok: false, reason: 'invalid', id: c.line.id, field: 'id' };
  for (const c of changes) {
    const f = m.facts.al.get(c.line.id);
    const live = isLive(f) ? f : undefined;
    if (c.expected === undefined && live) return { ok: false, reason: 'exists', id: c.line.id };
    if (c.expected !== undefined && !live) return { ok: false, reason: 'not-found', id: c.line.id };
    if (live && c.expected !== undefined && versionOf(live) !== c.expected)
      return { ok: false, reason: 'stale', id: c.line.id, current: versionOf(live) };
  }
  applyRows(
    m,
    'al',
    changes.map((c) => c.fields),
    meta,
  );
  m.wsVersion += 1; // every accepted write, even one that changes nothing
  const versions = changes.map((c): [string, number] => {
    const f = m.facts.al.get(c.line.id);
    return [c.line.id, f ? versionOf(f) : 0];
  });
  return { ok: true, versions, workspaceVersion: m.wsVersion };
}

export function modelLineRetract(m: Model, id: string, expected: number, meta: Meta): Outcome {
  const f = m.facts.al.get(id);
  if (!isLive(f)) return { ok: false, reason: 'not-found', id };
  if (versionOf(f) !== expected) return { ok: false, reason: 'stale', id, current: versionOf(f) };
  applyRetraction(m, [{ kind: 'al', key: id }], meta);
  m.wsVersion += 1;
  return { ok: true, version: expected + 1, workspaceVersion: m.wsVersion };
}

const MODES = ['auto', 'auto', 'auto', 'stale', 'exists', 'unknown'] as const;
type Mode = (typeof MODES)[number];

/** The version a change names, by mode: the current one, a stale one, none (new), or one for a line that is not there. */
function expectedVersion(m: Model, id: string, mode: Mode): number | undefined {
  const f = m.facts.al.get(id);
  const live = isLive(f) ? f : undefined;
  if (!live) return mode === 'stale' || mode === 'unknown' ? (f?.revisions.length ?? 0) + 1 : undefined;
  const v = versionOf(live);
  if (mode === 'stale') return v > 1 ? v - 1 : v + 1;
  return mode === 'exists' ? undefined : v;
}

function requireWs(real: Real) {
  if (!real.ws) throw new Error('this step needs a workspace');
  return real.ws;
}

export function wsLineWrite() {
  return fc
    .record({
      changes: fc.array(fc.record({ row: alRowSpec, mode: fc.nat(MODES.length - 1) }), {
        minLength: 1,
        maxLength: 3,
      }),
      who,
    })
    .map((p) => ({
      label: `wsLineWrite ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const ws = requireWs(real);
        const changes = p.changes.map((c) =>
          lineChange(c.row, expectedVersion(m, lineSlotId(c.row.slot), MODES[c.mode] as Mode)),
        );
        const expected = modelLineWrite(m, changes, { ...p.who, at: real.at });
        const actual = await ws.writeActivityLines(
          changes.map((c) => ({ line: c.line, expectedVersion: c.expected })),
          p.who.reason,
          p.who.author,
        );
        if (!sameOutcome(outcomeOf(actual), expected))
          throw new Divergence(`writeActivityLines answered ${json(actual)}, the model ${json(expected)}`);
        return [];
      },
    }));
}

export function wsLineRetract() {
  return fc
    .record({
      slot: fc.nat(LINE_SLOTS.length - 1),
      mode: fc.constantFrom('auto' as const, 'auto' as const, 'stale' as const),
      who,
    })
    .map((p) => ({
      label: `wsLineRetract ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const ws = requireWs(real);
        const id = lineSlotId(p.slot);
        const version = expectedVersion(m, id, p.mode) ?? 1;
        const expected = modelLineRetract(m, id, version, { ...p.who, at: real.at });
        const actual = outcomeOf(await ws.retractActivityLine(id, version, p.who.reason, p.who.author));
        if (!sameOutcome(actual, expected))
          throw new Divergence(`retractActivityLine answered ${json(actual)}, the model ${json(expected)}`);
        return [];
      },
    }));
}
