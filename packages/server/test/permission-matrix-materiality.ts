/**
 * The materiality routes' part of the permission matrix (permission-matrix.test.ts; issue #18):
 * their policy, written down independently of route-rules.ts, and one request per route that
 * succeeds whenever the caller's role allows it. The matrix and approved list are read with the
 * report; building, responses, files and approval are the administrator's; the respond link is
 * any signed-in user's. Surveys a request names are made first through the workspace (a fresh
 * one where a second request by the same caller would otherwise be a conflict).
 */
import type { Workspace } from '@assay/app';
import type { Action } from '@assay/app/access';
import type { MaterialitySurvey } from '@assay/core';
import { questionnaireSheet, rowSheetWorkbook } from '@assay/io';
import type { RouteRule } from '../src/http/route-rules.js';

const org = (action: Action): RouteRule => ({ kind: 'organisation', action });
const S: RouteRule = { kind: 'signed-in' };
const P = '/materiality/surveys';

export const MATERIALITY_POLICY: Record<string, RouteRule> = {
  'GET /materiality/topics': org('read-materiality'),
  [`GET ${P}`]: org('read-materiality'),
  [`GET ${P}/:id/matrix.svg`]: org('read-materiality'),
  [`POST ${P}`]: org('manage-materiality'),
  [`GET ${P}/:id`]: org('read-materiality'),
  [`PUT ${P}/:id`]: org('manage-materiality'),
  [`POST ${P}/:id/retract`]: org('manage-materiality'),
  [`GET ${P}/:id/history`]: org('read-materiality'),
  [`GET ${P}/:id/responses`]: org('manage-materiality'),
  [`POST ${P}/:id/responses/:rid/withdraw`]: org('manage-materiality'),
  [`GET ${P}/:id/form`]: S,
  [`PUT ${P}/:id/response`]: S,
  [`POST ${P}/:id/approve`]: org('approve-materiality'),
  [`GET ${P}/:id/questionnaire.xlsx`]: org('manage-materiality'),
  [`POST ${P}/:id/questionnaire`]: org('manage-materiality'),
  'GET /export/materiality.yaml': org('manage-materiality'),
  'POST /import/materiality': org('manage-materiality'),
};

const text = { en: 'Matrix', 'zh-Hant': '矩陣' };
export const matrixSurvey = (id: string, threshold = '3'): MaterialitySurvey => ({
  id,
  title: text,
  year: '2025',
  doubleMateriality: true,
  threshold,
  groups: [{ id: 'staff', name: text, weight: '1' }],
  topics: [{ id: 'energy', name: text, category: 'environmental', hkex: ['A2'] }],
});
const scores = [{ topicId: 'energy', financial: 3, impact: 4 }];

type Request = { path: string; init?: RequestInit };
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });

export function materialityRequests(
  ws: () => Workspace,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let n = 0;
  const fresh = async () => {
    const id = `matrix-m-${++n}`;
    await ws().materiality.write(
      { kind: 'put-survey', survey: matrixSurvey(id), expectedVersion: undefined },
      'matrix',
      'matrix setup',
    );
    return id;
  };
  let kept: Promise<string> | undefined;
  const keptId = () => {
    kept ??= fresh();
    return kept;
  };
  const keptVersion = async () => (await ws().materiality.state(await keptId()))?.survey.version ?? 1;
  return {
    'GET /materiality/topics': async () => ({ path: '/materiality/topics' }),
    [`GET ${P}`]: async () => ({ path: P }),
    [`GET ${P}/:id/matrix.svg`]: async () => ({ path: `${P}/${await keptId()}/matrix.svg?lang=zh-Hant` }),
    [`POST ${P}`]: async () => ({ path: P, init: json({ survey: matrixSurvey(`matrix-new-${++n}`) }) }),
    [`GET ${P}/:id`]: async () => ({ path: `${P}/${await keptId()}` }),
    [`PUT ${P}/:id`]: async () => {
      const id = await keptId();
      return {
        path: `${P}/${id}`,
        init: json({ survey: matrixSurvey(id, String(1 + (++n % 4))), version: await keptVersion() }),
      };
    },
    [`POST ${P}/:id/retract`]: async () => ({
      path: `${P}/${await fresh()}/retract`,
      init: json({ version: 1 }),
    }),
    [`GET ${P}/:id/history`]: async () => ({ path: `${P}/${await keptId()}/history` }),
    [`GET ${P}/:id/responses`]: async () => ({ path: `${P}/${await keptId()}/responses` }),
    [`POST ${P}/:id/responses/:rid/withdraw`]: async () => {
      const id = await fresh();
      await ws().materiality.write(
        {
          kind: 'respond',
          response: { id: 'r1', surveyId: id, groupId: 'staff', respondent: 'matrix', scores },
          expectedVersion: undefined,
        },
        'matrix',
        'matrix setup',
      );
      return { path: `${P}/${id}/responses/r1/withdraw`, init: json({ version: 1 }) };
    },
    [`GET ${P}/:id/form`]: async () => ({ path: `${P}/${await keptId()}/form` }),
    [`PUT ${P}/:id/response`]: async () => ({
      path: `${P}/${await fresh()}/response`,
      init: json({ groupId: 'staff', scores }),
    }),
    [`POST ${P}/:id/approve`]: async () => ({
      path: `${P}/${await fresh()}/approve`,
      init: json({ topicIds: ['energy'] }),
    }),
    [`GET ${P}/:id/questionnaire.xlsx`]: async () => ({ path: `${P}/${await keptId()}/questionnaire.xlsx` }),
    [`POST ${P}/:id/questionnaire`]: async () => {
      const id = await fresh();
      const bytes = await rowSheetWorkbook(questionnaireSheet(matrixSurvey(id)), [
        { id: `q${++n}`, surveyId: id, groupId: 'staff', respondent: 'Outside', scores },
      ]);
      return {
        path: `${P}/${id}/questionnaire`,
        init: json({ xlsxBase64: Buffer.from(bytes).toString('base64') }),
      };
    },
    'GET /export/materiality.yaml': async () => ({ path: '/export/materiality.yaml' }),
    'POST /import/materiality': async () => ({
      path: '/import/materiality',
      init: json({
        text: `assessments:\n  - survey: ${JSON.stringify(matrixSurvey(`matrix-yaml-${++n}`))}\n`,
      }),
    }),
  };
}
