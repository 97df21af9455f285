/**
 * The API client of the reviewer's view of a workflow unit and of restatements and the base year
 * (issue #17; docs/workflow.md, "API" and "Restatement and base year"). Types copied from the
 * server's presenters (the web app imports no package): app/src/use-cases/unit-review.ts,
 * workspace/restatement-records.ts (+ routes/restatements.ts presentRestatement),
 * use-cases/restatement-effect.ts and use-cases/base-year.ts.
 */
import { call, type Finding, send, type WorkflowState } from './api';
import type { Localised } from './i18n';

// --- The reviewer's view of a unit (GET /api/workflow/{entity}/{period}/{topic}) -------------

/** A fact's value in a comparison period, in the fact's own unit, and the change against it. */
export type Against = {
  period: string;
  /** Exact decimal text; null: nothing to compare with. */
  value: string | null;
  unit: string;
  /** Per cent, one decimal, half-up ("5.3", "-12.0"); null: no comparison (none, or 0 before). */
  changePercent: string | null;
};
export type ReviewedDataPoint = {
  id: string;
  version: number;
  indicatorId: string;
  /** "gender=male", several joined by ";"; "" for none. */
  disaggregation: string;
  value: string;
  unit: string;
  previous: Against;
  lastYear: Against;
};
export type ReviewedLine = {
  id: string;
  version: number;
  activity: string;
  subject: string;
  use: string | null;
  amount: string;
  unit: string;
  previous: Against;
  lastYear: Against;
};
export type UnitReview = {
  unit: { entityId: string; periodId: string; topic: string };
  previousPeriod: string;
  lastYearPeriod: string;
  workspaceVersion: number;
  dataPoints: ReviewedDataPoint[];
  activityLines: ReviewedLine[];
  findings: (Finding & { id: string })[];
};

// --- Restatements (GET/POST /api/restatements, POST /api/restatements/{id}/{event}) ----------

export const RESTATEMENT_CHANGES = ['structural-change', 'methodology', 'error-correction'] as const;
export type RestatementChange = (typeof RESTATEMENT_CHANGES)[number];
export type RestatementEvent = 'submit' | 'review' | 'approve' | 'return';
export type FactKind = 'data-point' | 'activity-line';

/** One fact a request moves: the value as reported (null for a fact it adds) and as restated. */
export type RestatementItem = {
  kind: FactKind;
  factId: string;
  factKey: string;
  entityId: string;
  periodId: string;
  old: { rev: number; value: string; unit: string } | null;
  newValue: string;
  newUnit: string;
  /** The fact as it will be: the columns of data-points.csv or activity-lines.csv. */
  fact: Record<string, string>;
};

/** What the request does to the group's Scope 1 + 2 (location-based, tCO2e, exact decimal text). */
export type RestatementEffect = {
  totals: { periodId: string; before: string | null; after: string | null }[];
  /** The base-year test under the organisation's policy; null: no base year, or it is not moved. */
  baseYear: {
    year: string;
    before: string;
    after: string;
    thresholdPercent: string;
    /** after − before, tCO2e. */
    delta: string;
    /** |Δ| / before × 100, exact (not rounded); null for a zero base. */
    percent: string | null;
    /** With the earlier changes not significant on their own. */
    cumulativePercent: string | null;
    earlier: string[];
    alone: boolean;
    significant: boolean;
    /** The policy counts this type of change. */
    covered: boolean;
  } | null;
} | null;

export type Restatement = {
  id: number;
  change: RestatementChange;
  reason: string;
  state: WorkflowState;
  /** 1 when requested; +1 per transition. */
  version: number;
  /** User ids (segregation of duties compares these). */
  submittedBy: string | null;
  reviewedBy: string | null;
  requestedBy: string;
  /** The requester as recorded ("name <email>"). */
  requester: string;
  requestedAt: string;
  updatedAt: string;
  changeSet: number | null;
  effect: RestatementEffect;
  items: RestatementItem[];
  revisions: {
    kind: FactKind;
    factKey: string;
    factId: string | null;
    oldRev: number | null;
    newRev: number;
    changeSet: number;
  }[];
};
export type RestatementTransition = {
  restatementId: number;
  version: number;
  from: WorkflowState;
  to: WorkflowState;
  event: 'request' | RestatementEvent;
  userId: string;
  /** "name <email>". */
  actor: string;
  comment: string | null;
  at: string;
};
/** A fact named by a request: an existing one by id with its new value (and unit). */
export type NewRestatementItem = { kind: FactKind; id: string; value: string; unit?: string };
export type NewRestatement = { change: RestatementChange; reason: string; items: NewRestatementItem[] };

// --- The base year (GET/PUT /api/settings/base-year, administrators of the group) ------------

export type BaseYearView = {
  workspaceVersion: number;
  reportingYear: string;
  baseYear: {
    year: string;
    thresholdPercent: string;
    triggers: RestatementChange[];
    /** Base-year Scope 1 + 2 (location-based), tCO2e, exact; null when not calculated. */
    scope12: string | null;
  } | null;
  defaults: { thresholdPercent: string; triggers: RestatementChange[] };
  entities: { id: string; name: Localised; acquiredOn: string | null; disposedOn: string | null }[];
  prompts: {
    kind: 'acquisition' | 'disposal';
    entityId: string;
    date: string;
    reportingYear: string;
    message: Localised;
    restatement: { id: number; state: string } | null;
  }[];
};
export type BaseYearChange = {
  /** "2020", or null to remove the base year. */
  year: string | null;
  thresholdPercent?: string;
  triggers?: RestatementChange[];
  reason?: string;
  /** The workspace version read (412 stale-version when the settings changed meanwhile). */
  version: number;
};

const enc = encodeURIComponent;

export const restatementApi = {
  unitReview: (u: { entityId: string; periodId: string; topic: string }) =>
    call<UnitReview>(`/workflow/${[u.entityId, u.periodId, u.topic].map(enc).join('/')}`),
  list: () => call<{ restatements: Restatement[] }>('/restatements'),
  get: (id: number) =>
    call<{ restatement: Restatement; transitions: RestatementTransition[] }>(`/restatements/${id}`),
  /** 201; 422 naming the item and column (`items.2.value`), 404 for a fact one cannot see. */
  request: (r: NewRestatement) => call<{ restatement: Restatement }>('/restatements', send('POST', r)),
  /** One event acting on `version`: 403 with `rule` (self-approval…), 409, 412 stale-version. */
  act: (id: number, event: RestatementEvent, body: { version: number; comment?: string }) =>
    call<{ restatement: Restatement; transition: RestatementTransition }>(
      `/restatements/${id}/${event}`,
      send('POST', body),
    ),
  baseYear: () => call<BaseYearView>('/settings/base-year'),
  setBaseYear: (b: BaseYearChange) => call<BaseYearView>('/settings/base-year', send('PUT', b)),
};
