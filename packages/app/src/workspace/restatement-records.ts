/**
 * Restatement requests as the Workspace port holds them (issue #17; docs/workflow.md,
 * "Restatement and base year"). Two implementations under one contract
 * (restatements.contract.test.ts): in memory (memory-restatements.ts) and over the store
 * (store-restatements.ts, tables of 019-restatement.sql). The rules are core's
 * (workflow/restatement.ts); these keep the records and make each decision atomic: `apply`
 * decides on the request as it is at that moment after checking the version the caller acted
 * on, and on approval writes the restated facts (also into a locked period, and only so) with
 * each new revision linked to the one it restates. Times are stamped from the workspace's clock.
 */
import type {
  ActivityLine,
  DataPoint,
  RestatementChange,
  TransitionResult,
  UnitState,
  WorkflowState,
} from '@assay/core';
import type { Who } from './cycle-records.js';

export type RestatementFactKind = 'data-point' | 'activity-line';

/** One fact a request moves. */
export type RestatementItemRecord = {
  readonly kind: RestatementFactKind;
  readonly factId: string;
  /** The store's key: entity|period|indicator|disaggregation for a data point, the id for a line. */
  readonly factKey: string;
  readonly entityId: string;
  readonly periodId: string;
  /** The revision restated and its value; null for a fact the restatement adds. */
  readonly old: { readonly rev: number; readonly value: string; readonly unit: string } | null;
  readonly newValue: string;
  readonly newUnit: string;
  /** The fact as it will be: the columns of data-points.csv or activity-lines.csv, as text. */
  readonly fact: Readonly<Record<string, string>>;
};

/** A revision an approved request wrote, linked to the one it restates (null: a new fact). */
export type RestatementLinkRecord = {
  readonly kind: RestatementFactKind;
  readonly factKey: string;
  readonly oldRev: number | null;
  readonly newRev: number;
  readonly changeSet: number;
};

export type RestatementRecord = UnitState & {
  readonly id: number;
  readonly change: RestatementChange;
  readonly reason: string;
  /** 1 when requested; +1 per transition. */
  readonly version: number;
  readonly requestedBy: string;
  readonly requester: string;
  readonly requestedAt: string;
  readonly updatedAt: string;
  /** The approval's change set (0 in memory); null until approved. */
  readonly changeSet: number | null;
  /** The effect the app calculated (restatement-effect.ts), at the request and again at approval. */
  readonly effect: unknown;
  readonly items: readonly RestatementItemRecord[];
  readonly revisions: readonly RestatementLinkRecord[];
};

export type RestatementEventKind = 'submit' | 'return' | 'review' | 'approve';

export type RestatementTransitionRecord = {
  readonly restatementId: number;
  readonly version: number;
  readonly from: WorkflowState;
  readonly to: WorkflowState;
  readonly event: 'request' | RestatementEventKind;
  readonly userId: string;
  readonly actor: string;
  readonly comment: string | null;
  readonly at: string;
};

/** A restated fact is not at the revision the request names (or a fact to add exists). */
export type Moved = {
  readonly ok: false;
  readonly reason: 'moved';
  readonly position: number;
  readonly factId: string;
  readonly current: number | null;
};

export type NewRestatement = {
  readonly change: RestatementChange;
  readonly reason: string;
  readonly items: readonly RestatementItemRecord[];
  readonly who: Who;
  readonly effect: unknown;
};

export type RestatementApply = {
  readonly id: number;
  readonly expectedVersion: number;
  readonly event: RestatementEventKind;
  readonly comment: string | null;
  readonly who: Who;
  readonly decide: (state: UnitState) => TransitionResult;
  /** Approve only: each item's fact as it will be, and the effect to record. */
  readonly write?: {
    readonly dataPoints: readonly DataPoint[];
    readonly activityLines: readonly ActivityLine[];
    readonly effect: unknown;
  };
};

export type RestatementOutcome =
  | {
      readonly ok: true;
      readonly restatement: RestatementRecord;
      readonly transition: RestatementTransitionRecord;
    }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'stale'; readonly current: number }
  | {
      readonly ok: false;
      readonly reason: 'refused';
      readonly refusal: Extract<TransitionResult, { ok: false }>;
    }
  | Moved
  /** A rule against the stored facts refused the write: `message` says which. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly message: string };

export interface RestatementRecords {
  /** Every request, oldest first. */
  list(): Promise<readonly RestatementRecord[]>;
  get(id: number): Promise<RestatementRecord | undefined>;
  /** One request's transitions, oldest first ('request' is version 1). */
  transitions(id: number): Promise<readonly RestatementTransitionRecord[]>;
  /** Record a request (draft, version 1) after checking each item names the current revision. */
  request(r: NewRestatement): Promise<{ readonly ok: true; readonly restatement: RestatementRecord } | Moved>;
  /** Decide and record one transition atomically; approval writes the facts (file comment). */
  apply(r: RestatementApply): Promise<RestatementOutcome>;
}
