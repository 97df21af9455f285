/**
 * The materiality assessment as the Workspace port holds it (issue #18; docs/registers.md
 * "Materiality"): surveys, responses and approvals, each append-only with its own version.
 * `write` decides on the latest revisions and appends in one step, serialised (in memory one at
 * a time; in the store one transaction under an advisory lock: store/src/materiality.ts). Two
 * implementations under one contract (materiality-records.contract.test.ts).
 */
import type { MaterialityApproval, MaterialitySurvey, SurveyResponse } from '@assay/core';

export type MaterialityKind = 'survey' | 'response' | 'approval';

export type MaterialityRevision = {
  readonly version: number;
  /** The survey, response or approval as it was; null when retracted or withdrawn. */
  readonly body: unknown;
  readonly author: string;
  /** ISO-8601. */
  readonly at: string;
  readonly reason: string;
};

export type MaterialityChange =
  /** Create (expectedVersion undefined) or replace a survey; its topics and groups are fixed once answered. */
  | {
      readonly kind: 'put-survey';
      readonly survey: MaterialitySurvey;
      readonly expectedVersion: number | undefined;
    }
  | { readonly kind: 'retract-survey'; readonly id: string; readonly expectedVersion: number }
  /** One response: create (expectedVersion undefined) or replace. */
  | {
      readonly kind: 'respond';
      readonly response: SurveyResponse;
      readonly expectedVersion: number | undefined;
    }
  | {
      readonly kind: 'withdraw-response';
      readonly surveyId: string;
      readonly id: string;
      readonly expectedVersion: number;
    }
  /** A questionnaire workbook's responses, all at once: each replaces the response of its id or is added. */
  | {
      readonly kind: 'import-responses';
      readonly surveyId: string;
      readonly responses: readonly SurveyResponse[];
    }
  /** Approve (or re-approve) the topic list; expectedVersion names the approval replaced. */
  | {
      readonly kind: 'approve';
      readonly approval: MaterialityApproval;
      readonly expectedVersion: number | undefined;
    };

export type MaterialityWriteOutcome =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | { readonly ok: false; readonly reason: 'exists'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'answered'; readonly id: string; readonly current: number };

export type Versioned<T> = { readonly value: T; readonly version: number };

export type SurveyState = {
  readonly survey: Versioned<MaterialitySurvey>;
  readonly responses: readonly Versioned<SurveyResponse>[];
  readonly approval?: Versioned<MaterialityApproval>;
};

export interface MaterialityRecords {
  /** The current surveys (retracted ones left out), by id. */
  surveys(): Promise<readonly Versioned<MaterialitySurvey>[]>;
  /** One survey with its current responses (by id) and approval; undefined when unknown or retracted. */
  state(surveyId: string): Promise<SurveyState | undefined>;
  /** The revisions of a survey, a response (rowId) or an approval, oldest first. */
  history(kind: MaterialityKind, surveyId: string, rowId?: string): Promise<readonly MaterialityRevision[]>;
  write(change: MaterialityChange, reason: string, author: string): Promise<MaterialityWriteOutcome>;
}

export type LatestThing = { readonly version: number; readonly body: unknown };
export type MaterialityWrite = {
  readonly kind: MaterialityKind;
  readonly surveyId: string;
  readonly rowId: string;
  readonly body: unknown;
};
export const thingKey = (kind: MaterialityKind, surveyId: string, rowId = '') =>
  `${kind}|${surveyId}|${rowId}`;

/** Canonical text (keys sorted at every level), to tell a change from a rewrite. */
export function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x);
}

type Decision =
  | { ok: true; writes: MaterialityWrite[]; version: number }
  | Exclude<MaterialityWriteOutcome, { ok: true }>;

/** Put or retract one thing by the versions rule (create: none current; replace/retract: the current version). */
function putOne(
  latest: ReadonlyMap<string, LatestThing>,
  kind: MaterialityKind,
  surveyId: string,
  rowId: string,
  body: unknown,
  expected: number | undefined,
): Decision {
  const id = rowId || surveyId;
  const l = latest.get(thingKey(kind, surveyId, rowId));
  const current = l?.body ? l.version : undefined;
  if (body === null) {
    if (current === undefined) return { ok: false, reason: 'not-found', id };
    if (current !== expected) return { ok: false, reason: 'stale', id, current };
    return { ok: true, writes: [{ kind, surveyId, rowId, body: null }], version: current + 1 };
  }
  if (expected === undefined) {
    if (current !== undefined) return { ok: false, reason: 'exists', id, current };
    return { ok: true, writes: [{ kind, surveyId, rowId, body }], version: (l?.version ?? 0) + 1 };
  }
  if (current === undefined) return { ok: false, reason: 'not-found', id };
  if (current !== expected) return { ok: false, reason: 'stale', id, current };
  if (canonical(l?.body) === canonical(body)) return { ok: true, writes: [], version: current };
  return { ok: true, writes: [{ kind, surveyId, rowId, body }], version: current + 1 };
}

const answered = (latest: ReadonlyMap<string, LatestThing>, surveyId: string) =>
  [...latest].some(([k, v]) => k.startsWith(`response|${surveyId}|`) && v.body !== null);

/** The one rule both implementations apply: which rows a change appends, or its refusal. */
export function decideMaterialityChange(
  latest: ReadonlyMap<string, LatestThing>,
  c: MaterialityChange,
): Decision {
  const surveyOf = (id: string) => {
    const s = latest.get(thingKey('survey', id));
    return s?.body ? (s as { version: number; body: MaterialitySurvey }) : undefined;
  };
  switch (c.kind) {
    case 'put-survey': {
      const s = surveyOf(c.survey.id);
      const fixed = (x: MaterialitySurvey) => canonical({ g: x.groups, t: x.topics });
      if (
        s &&
        c.expectedVersion === s.version &&
        answered(latest, c.survey.id) &&
        fixed(s.body) !== fixed(c.survey)
      )
        return { ok: false, reason: 'answered', id: c.survey.id, current: s.version };
      return putOne(latest, 'survey', c.survey.id, '', c.survey, c.expectedVersion);
    }
    case 'retract-survey':
      return putOne(latest, 'survey', c.id, '', null, c.expectedVersion);
    case 'respond':
      if (!surveyOf(c.response.surveyId)) return { ok: false, reason: 'not-found', id: c.response.surveyId };
      return putOne(latest, 'response', c.response.surveyId, c.response.id, c.response, c.expectedVersion);
    case 'withdraw-response':
      return putOne(latest, 'response', c.surveyId, c.id, null, c.expectedVersion);
    case 'import-responses': {
      if (!surveyOf(c.surveyId)) return { ok: false, reason: 'not-found', id: c.surveyId };
      const writes = c.responses
        .filter((r) => {
          const l = latest.get(thingKey('response', c.surveyId, r.id));
          return !l?.body || canonical(l.body) !== canonical(r);
        })
        .map((r) => ({ kind: 'response' as const, surveyId: c.surveyId, rowId: r.id, body: r }));
      return { ok: true, writes, version: 0 };
    }
    case 'approve':
      if (!surveyOf(c.approval.surveyId)) return { ok: false, reason: 'not-found', id: c.approval.surveyId };
      return putOne(latest, 'approval', c.approval.surveyId, '', c.approval, c.expectedVersion);
  }
}

/** A survey's state from the latest revisions (shared by both implementations). */
export function stateFrom(
  latest: ReadonlyMap<string, LatestThing>,
  surveyId: string,
): SurveyState | undefined {
  const s = latest.get(thingKey('survey', surveyId));
  if (!s?.body) return undefined;
  const responses = [...latest]
    .filter(([k, v]) => k.startsWith(`response|${surveyId}|`) && v.body !== null)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, v]) => ({ value: v.body as SurveyResponse, version: v.version }));
  const a = latest.get(thingKey('approval', surveyId));
  return {
    survey: { value: s.body as MaterialitySurvey, version: s.version },
    responses,
    ...(a?.body ? { approval: { value: a.body as MaterialityApproval, version: a.version } } : {}),
  };
}
