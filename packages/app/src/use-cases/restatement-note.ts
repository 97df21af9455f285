/**
 * The report's restatement note (GRI 2-4; core report/restatement-note.ts) from the workspace's
 * records: every approved restatement of a period up to the report's year, oldest first, with
 * its items' values as first reported and as restated (the old value in the new value's unit
 * when they differ), its effect on Scope 1 + 2 and its base-year test as recorded at approval,
 * and the base year's Scope 1 + 2 as it stands. A source without records (a bundle folder) has
 * no restatement, so its note shows the base year only, when one is set.
 */
import {
  ACTIVITY_TYPES,
  type ActivityType,
  convert,
  Decimal,
  parsePairs,
  parsePeriod,
  parseUnit,
  quantity,
  type RestatedInput,
  type RestatedItemInput,
  type RestatementNoteInput,
} from '@assay/core';
import type {
  RestatementItemRecord,
  RestatementRecord,
  RestatementRecords,
} from '../workspace/restatement-records.js';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';
import type { EffectRecord } from './restatement-effect.js';
import { scope12Of } from './restatement-effect.js';

const dec = (s: string | null) => (s === null ? null : new Decimal(s));

/** The old value in the new value's unit (same dimension by validation); as stored if not convertible. */
function before(i: RestatementItemRecord): Decimal | null {
  if (!i.old) return null;
  if (i.old.unit === i.newUnit) return new Decimal(i.old.value);
  const target = parseUnit(i.newUnit);
  const q = quantity(i.old.value, i.old.unit);
  const c = target.ok ? convert(q, target.unit) : undefined;
  return c?.kind === 'quantity' ? c.value : new Decimal(i.old.value);
}

function itemInput(i: RestatementItemRecord): RestatedItemInput {
  const base = {
    kind: i.kind,
    factId: i.factId,
    entityId: i.entityId,
    periodId: i.periodId,
    unit: i.newUnit,
    before: before(i),
    after: new Decimal(i.newValue),
  };
  if (i.kind === 'activity-line') {
    const a = i.fact.activity ?? '';
    return {
      ...base,
      ...((ACTIVITY_TYPES as readonly string[]).includes(a) ? { activity: a as ActivityType } : {}),
      subject: i.fact.subject ?? '',
    };
  }
  const pairs = parsePairs(i.fact.disaggregation ?? '');
  return { ...base, indicatorId: i.fact.indicator ?? '', disaggregation: pairs.ok ? pairs.value : {} };
}

function entryOf(r: RestatementRecord, approvedBy: string): RestatedInput {
  const e = r.effect as EffectRecord | null;
  const b = e?.baseYear;
  return {
    id: r.id,
    change: r.change,
    reason: r.reason,
    approvedAt: r.updatedAt,
    approvedBy,
    items: r.items.map(itemInput),
    totals: (e?.totals ?? []).map((t) => ({
      periodId: t.periodId,
      before: dec(t.before),
      after: dec(t.after),
    })),
    baseYear: b
      ? {
          year: b.year,
          before: new Decimal(b.before),
          after: new Decimal(b.after),
          thresholdPercent: new Decimal(b.thresholdPercent),
          significance: {
            delta: new Decimal(b.delta),
            percent: dec(b.percent),
            cumulativePercent: dec(b.cumulativePercent),
            alone: b.alone,
            significant: b.significant,
          },
        }
      : null,
  };
}

export async function restatementNoteInput(
  s: Snapshot,
  records: RestatementRecords | undefined,
): Promise<RestatementNoteInput> {
  const year = Number(s.bundle.reporting.current);
  const upToYear = (r: RestatementRecord) =>
    r.items.some((i) => (parsePeriod(i.periodId)?.year ?? year + 1) <= year);
  const approved = records ? (await records.list()).filter((r) => r.state === 'approved' && upToYear(r)) : [];
  const restatements: RestatedInput[] = [];
  for (const r of approved) {
    const last = (await records?.transitions(r.id))?.findLast((t) => t.event === 'approve');
    restatements.push(entryOf(r, last?.actor ?? ''));
  }
  const policy = s.bundle.organisation.baseYear;
  const baseYearScope12 = policy ? scope12Of(s.bundle, evaluated(s).evaluation.figures, policy.year) : null;
  return { baseYearScope12, restatements };
}
