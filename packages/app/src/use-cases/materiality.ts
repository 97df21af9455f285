/**
 * The materiality assessment (issue #18; docs/registers.md "Materiality"): the administrator
 * builds a survey from topics and approves the topic list (manage-materiality,
 * approve-materiality); any signed-in user answers through the survey's link
 * (respond-materiality: one response per user, replaced with its version); everyone who reads
 * the report sees the matrix (read-materiality), computed by core materialityMatrix. Every write
 * is checked by core's rules (every problem by field) before anything is written; a stale
 * version is 'stale-version' (412).
 */
import {
  MATERIALITY_SEED_TOPICS,
  type MaterialityApproval,
  type MaterialityMatrix,
  type MaterialitySurvey,
  materialityMatrix,
  requiredAspects,
  type StakeholderGroup,
  type SurveyResponse,
  type SurveyTopic,
  type TopicScore,
  validateApproval,
  validateResponse,
  validateSurvey,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type {
  MaterialityKind,
  MaterialityRevision,
  MaterialityWriteOutcome,
  SurveyState,
  Versioned,
} from '../workspace/materiality-records.js';
import type { Workspace } from '../workspace/workspace.js';

type Ws = Pick<Workspace, 'materiality'>;

function invalid(what: string, issues: readonly { field: string; reason: string }[]) {
  const first = issues[0];
  return failure('invalid-data', `${first?.field}: ${first?.reason}`, {
    ...(first ? { field: first.field } : {}),
    issues: issues.map((x) => ({ file: what, column: x.field, reason: x.reason })),
  });
}

function refused(what: string, out: Exclude<MaterialityWriteOutcome, { ok: true }>, version?: number) {
  switch (out.reason) {
    case 'exists':
      return failure(
        'conflict',
        `${what} "${out.id}" exists (version ${out.current}); send its version to change it`,
        {
          field: 'id',
        },
      );
    case 'not-found':
      return failure('not-found', `no ${what === 'response' ? 'survey or response' : 'survey'} "${out.id}"`);
    case 'answered':
      return failure(
        'conflict',
        `survey "${out.id}" has responses: its topics and groups can no longer change (start a new survey)`,
        { field: 'topics' },
      );
    case 'stale':
      return failure('stale-version', `${what} "${out.id}" is at version ${out.current}, not ${version}`, {
        field: 'version',
      });
  }
}

/**
 * What the survey builder offers: the HKEX aspects (core MATERIALITY_SEED_TOPICS), then the
 * bundle's own material topics not among them, and the bundle's stakeholders as groups (weight 1).
 */
export function seedTopics(i: { ws: Pick<Workspace, 'snapshot'> }): {
  topics: SurveyTopic[];
  groups: StakeholderGroup[];
} {
  const r = i.ws.snapshot().bundle.registers;
  const own = r.materialTopics.map(
    (m): SurveyTopic => ({
      id: m.id,
      name: m.name,
      category: m.category,
      ...(m.hkex ? { hkex: m.hkex } : {}),
    }),
  );
  const ids = new Set(MATERIALITY_SEED_TOPICS.map((x) => x.id));
  return {
    topics: [...MATERIALITY_SEED_TOPICS, ...own.filter((x) => !ids.has(x.id))],
    groups:
      r.stakeholders.length > 0
        ? r.stakeholders.map((s) => ({ id: s.id, name: s.name, weight: '1' }))
        : DEFAULT_GROUPS,
  };
}

/** Groups offered when the bundle lists no stakeholders (the usual HKEX stakeholder list), weight 1. */
const DEFAULT_GROUPS: StakeholderGroup[] = [
  ['investors', '股東及投資者', 'Shareholders and investors'],
  ['employees', '員工', 'Employees'],
  ['customers', '客戶', 'Customers'],
  ['suppliers', '供應商', 'Suppliers'],
  ['government', '政府及監管機構', 'Government and regulators'],
  ['community', '社區', 'Communities'],
].map(([id = '', zh = '', en = '']) => ({ id, name: { 'zh-Hant': zh, en }, weight: '1' }));

export async function listSurveys(i: { ws: Ws }): Promise<Result<readonly Versioned<MaterialitySurvey>[]>> {
  return success(await i.ws.materiality.surveys());
}

export type SurveyView = {
  readonly survey: MaterialitySurvey;
  readonly version: number;
  readonly matrix: MaterialityMatrix;
  readonly approval?: Versioned<MaterialityApproval>;
  /** HKEX aspects the approved topics require (core requiredAspects). */
  readonly requiredAspects: readonly string[];
};

export function surveyViewOf(state: SurveyState): SurveyView {
  const approval = state.approval?.value;
  return {
    survey: state.survey.value,
    version: state.survey.version,
    matrix: materialityMatrix(
      state.survey.value,
      state.responses.map((r) => r.value),
      approval,
    ),
    ...(state.approval ? { approval: state.approval } : {}),
    requiredAspects: requiredAspects(state.survey.value, approval),
  };
}

/** A survey with its matrix and approval (no respondent's answers: those stay with the administrator). */
export async function surveyView(i: { ws: Ws; id: string }): Promise<Result<SurveyView>> {
  const state = await i.ws.materiality.state(i.id);
  if (!state) return failure('not-found', `no survey "${i.id}"`);
  return success(surveyViewOf(state));
}

export async function surveyResponses(i: {
  ws: Ws;
  id: string;
}): Promise<Result<readonly Versioned<SurveyResponse>[]>> {
  const state = await i.ws.materiality.state(i.id);
  if (!state) return failure('not-found', `no survey "${i.id}"`);
  return success(state.responses);
}

export async function writeSurvey(i: {
  ws: Ws;
  survey: MaterialitySurvey;
  version?: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number }>> {
  const issues = validateSurvey(i.survey);
  if (issues.length > 0) return invalid('survey', issues);
  const id = i.survey.id;
  const out = await i.ws.materiality.write(
    { kind: 'put-survey', survey: i.survey, expectedVersion: i.version },
    i.reason ?? (i.version === undefined ? `survey ${id} built` : `survey ${id} changed`),
    i.author,
  );
  if (!out.ok) return refused('survey', out, i.version);
  return success({ id, version: out.version });
}

export async function retractSurvey(i: {
  ws: Ws;
  id: string;
  version: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number }>> {
  const out = await i.ws.materiality.write(
    { kind: 'retract-survey', id: i.id, expectedVersion: i.version },
    i.reason ?? `survey ${i.id} retracted`,
    i.author,
  );
  if (!out.ok) return refused('survey', out, i.version);
  return success({ id: i.id, version: out.version });
}

/** The response id of a signed-in user's answer: one per user and survey. */
export function responseIdOf(userId: string): string {
  return `user-${userId.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 100);
}

export type RespondForm = {
  readonly survey: MaterialitySurvey;
  readonly response?: Versioned<SurveyResponse>;
};

/** What the respond page needs: the survey's groups and topics, and the user's own answer if any. */
export async function respondForm(i: { ws: Ws; id: string; userId: string }): Promise<Result<RespondForm>> {
  const state = await i.ws.materiality.state(i.id);
  if (!state) return failure('not-found', `no survey "${i.id}"`);
  const mine = state.responses.find((r) => r.value.id === responseIdOf(i.userId));
  return success({ survey: state.survey.value, ...(mine ? { response: mine } : {}) });
}

export async function respond(i: {
  ws: Ws;
  surveyId: string;
  /** The signed-in user (the response's id is derived from it: one response per user). */
  userId: string;
  /** As recorded: the user's label ("Ann Lee <ann@example.com>"); the user id when absent. */
  author?: string;
  groupId: string;
  scores: readonly TopicScore[];
  version?: number;
}): Promise<Result<{ id: string; version: number }>> {
  const state = await i.ws.materiality.state(i.surveyId);
  if (!state) return failure('not-found', `no survey "${i.surveyId}"`);
  const response: SurveyResponse = {
    id: responseIdOf(i.userId),
    surveyId: i.surveyId,
    groupId: i.groupId,
    respondent: i.author ?? i.userId,
    scores: i.scores,
  };
  const issues = validateResponse(response, state.survey.value);
  if (issues.length > 0) return invalid('response', issues);
  const out = await i.ws.materiality.write(
    { kind: 'respond', response, expectedVersion: i.version },
    i.version === undefined ? `response to ${i.surveyId}` : `response to ${i.surveyId} changed`,
    i.author ?? i.userId,
  );
  if (!out.ok) return refused('response', out, i.version);
  return success({ id: response.id, version: out.version });
}

export async function withdrawResponse(i: {
  ws: Ws;
  surveyId: string;
  id: string;
  version: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number }>> {
  const out = await i.ws.materiality.write(
    { kind: 'withdraw-response', surveyId: i.surveyId, id: i.id, expectedVersion: i.version },
    i.reason ?? `response ${i.id} withdrawn`,
    i.author,
  );
  if (!out.ok) return refused('response', out, i.version);
  return success({ id: i.id, version: out.version });
}

/** Responses of outside stakeholders (a questionnaire), all at once: each checked, any problem refuses all. */
export async function importResponses(i: {
  ws: Ws;
  surveyId: string;
  responses: readonly SurveyResponse[];
  reason: string;
  author: string;
}): Promise<Result<{ imported: number }>> {
  const state = await i.ws.materiality.state(i.surveyId);
  if (!state) return failure('not-found', `no survey "${i.surveyId}"`);
  const issues = i.responses.flatMap((r) =>
    validateResponse(r, state.survey.value).map((x) => ({ field: `${r.id}.${x.field}`, reason: x.reason })),
  );
  if (issues.length > 0) return invalid('responses', issues);
  const out = await i.ws.materiality.write(
    { kind: 'import-responses', surveyId: i.surveyId, responses: i.responses },
    i.reason,
    i.author,
  );
  if (!out.ok) return refused('survey', out);
  return success({ imported: i.responses.length });
}

export async function approveTopics(i: {
  ws: Ws;
  surveyId: string;
  topicIds: readonly string[];
  /** The approver (the signed-in user) and the day (YYYY-MM-DD, the server's UTC date). */
  approvedBy: string;
  approvedOn: string;
  version?: number;
  reason?: string;
}): Promise<Result<{ surveyId: string; version: number }>> {
  const state = await i.ws.materiality.state(i.surveyId);
  if (!state) return failure('not-found', `no survey "${i.surveyId}"`);
  const approval: MaterialityApproval = {
    surveyId: i.surveyId,
    topicIds: i.topicIds,
    approvedBy: i.approvedBy,
    approvedOn: i.approvedOn,
  };
  const issues = validateApproval(approval, state.survey.value);
  if (issues.length > 0) return invalid('approval', issues);
  const out = await i.ws.materiality.write(
    { kind: 'approve', approval, expectedVersion: i.version },
    i.reason ?? `topic list of ${i.surveyId} approved`,
    i.approvedBy,
  );
  if (!out.ok) return refused('approval', out, i.version);
  return success({ surveyId: i.surveyId, version: out.version });
}

export async function materialityHistory(i: {
  ws: Ws;
  kind: MaterialityKind;
  surveyId: string;
  rowId?: string;
}): Promise<Result<readonly MaterialityRevision[]>> {
  const h = await i.ws.materiality.history(i.kind, i.surveyId, i.rowId);
  if (h.length === 0) return failure('not-found', `no ${i.kind} of survey "${i.surveyId}"`);
  return success(h);
}
