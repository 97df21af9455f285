/**
 * The materiality assessment (issue #18; docs/registers.md "Materiality"): surveys (build,
 * change with its version: body `version` or If-Match, a stale one 412; retract; history), the
 * matrix computed from the responses, the approval of the topic list, the respond link for any
 * signed-in user, the XLSX questionnaire and the bundle's materiality.yaml. Rules: route-rules.ts.
 */
import {
  approveTopics,
  exportMaterialityYaml,
  exportQuestionnaire,
  importMaterialityYaml,
  importQuestionnaire,
  listSurveys,
  materialityHistory,
  matrixSvgOf,
  respond,
  respondForm,
  retractSurvey,
  seedTopics,
  surveyResponses,
  surveyView,
  withdrawResponse,
  writeSurvey,
} from '@assay/app';
import type { MaterialitySurvey } from '@assay/core';
import { type Context, Hono } from 'hono';
import { callerOf } from '../http/caller.js';
import {
  ApprovalWrite,
  HistoryQuery,
  MaterialityYamlImport,
  MatrixQuery,
  QuestionnaireImport,
  QuestionnaireQuery,
  ResponseWrite,
  SurveyRetract,
  SurveyWrite,
} from '../http/materiality-schemas.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

/** JSON round trip drops undefined optionals (exactOptionalPropertyTypes). */
const clean = <T>(x: object): T => JSON.parse(JSON.stringify(x)) as T;
const reasonOf = (r: string | undefined) => (r === undefined ? {} : { reason: r });
const today = () => new Date().toISOString().slice(0, 10);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function materialityRoutes(d: Deps): Hono {
  const r = new Hono();
  const ws = d.workspace;
  const userOf = (c: Context) => callerOf(c)?.userId ?? 'local';

  r.get('/materiality/topics', (c) => c.json(seedTopics({ ws })));
  r.get('/materiality/surveys/:id/matrix.svg', async (c) => {
    const q = parseWith(MatrixQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await matrixSvgOf({ ws, id: c.req.param('id'), lang: q.value.lang });
    if (!out.ok) return sendError(c, out.error);
    const svg = out.value;
    return new Response(svg, {
      headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-store' },
    });
  });
  r.get('/materiality/surveys', async (c) => {
    const out = await listSurveys({ ws });
    return send(c, out, (surveys) => ({
      surveys: surveys.map((s) => ({ survey: s.value, version: s.version })),
    }));
  });
  r.post('/materiality/surveys', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(SurveyWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await writeSurvey({
      ws,
      survey: clean<MaterialitySurvey>(input.value.survey),
      ...reasonOf(input.value.reason),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => v, 201);
  });
  r.get('/materiality/surveys/:id', async (c) => {
    const out = await surveyView({ ws, id: c.req.param('id') });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.put('/materiality/surveys/:id', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(SurveyWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    if (input.value.survey.id !== c.req.param('id'))
      return sendError(c, {
        code: 'invalid-request',
        message: `survey.id: "${input.value.survey.id}" is not the survey of the path; an id cannot change`,
        field: 'survey.id',
      });
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await writeSurvey({
      ws,
      survey: clean<MaterialitySurvey>(input.value.survey),
      version: version.value,
      ...reasonOf(input.value.reason),
      author: authorOf(c, d),
    });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.post('/materiality/surveys/:id/retract', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(SurveyRetract, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await retractSurvey({
      ws,
      id: c.req.param('id'),
      version: version.value,
      ...reasonOf(input.value.reason),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => ({ retracted: true, ...v }));
  });
  r.get('/materiality/surveys/:id/history', async (c) => {
    const q = parseWith(HistoryQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await materialityHistory({
      ws,
      kind: q.value.kind,
      surveyId: c.req.param('id'),
      ...(q.value.response === undefined ? {} : { rowId: q.value.response }),
    });
    return send(c, out, (revisions) => ({ id: c.req.param('id'), kind: q.value.kind, revisions }));
  });
  r.get('/materiality/surveys/:id/responses', async (c) => {
    const out = await surveyResponses({ ws, id: c.req.param('id') });
    return send(c, out, (rs) => ({ responses: rs.map((x) => ({ response: x.value, version: x.version })) }));
  });
  r.post('/materiality/surveys/:id/responses/:rid/withdraw', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(SurveyRetract, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await withdrawResponse({
      ws,
      surveyId: c.req.param('id'),
      id: c.req.param('rid'),
      version: version.value,
      ...reasonOf(input.value.reason),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => ({ withdrawn: true, ...v }));
  });
  // The respond link: any signed-in user, one response each.
  r.get('/materiality/surveys/:id/form', async (c) => {
    const out = await respondForm({ ws, id: c.req.param('id'), userId: userOf(c) });
    return send(c, out, (v) => v);
  });
  r.put('/materiality/surveys/:id/response', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ResponseWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const header =
      c.req.header('if-match') === undefined ? undefined : expectedVersion(c, input.value.version);
    if (header && !header.ok) return sendError(c, header.error);
    const version = header?.ok ? header.value : input.value.version;
    const out = await respond({
      ws,
      surveyId: c.req.param('id'),
      userId: userOf(c),
      author: authorOf(c, d),
      groupId: input.value.groupId,
      scores: input.value.scores,
      ...(version === undefined ? {} : { version }),
    });
    return send(c, out, (v) => v, version === undefined ? 201 : 200);
  });
  r.post('/materiality/surveys/:id/approve', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ApprovalWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await approveTopics({
      ws,
      surveyId: c.req.param('id'),
      topicIds: input.value.topicIds,
      approvedBy: authorOf(c, d),
      approvedOn: today(),
      ...(input.value.version === undefined ? {} : { version: input.value.version }),
      ...reasonOf(input.value.reason),
    });
    return send(c, out, (v) => v);
  });
  r.get('/materiality/surveys/:id/questionnaire.xlsx', async (c) => {
    const q = parseWith(QuestionnaireQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const id = c.req.param('id');
    const out = await exportQuestionnaire({ ws, surveyId: id, withResponses: q.value.responses === '1' });
    if (!out.ok) return sendError(c, out.error);
    return new Response(out.value, {
      headers: {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="questionnaire-${id}.xlsx"`,
        'cache-control': 'no-store',
      },
    });
  });
  r.post('/materiality/surveys/:id/questionnaire', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(QuestionnaireImport, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await importQuestionnaire({
      ws,
      surveyId: c.req.param('id'),
      file: input.value.file,
      xlsxBase64: input.value.xlsxBase64,
      ...reasonOf(input.value.reason),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => v);
  });
  r.get('/export/materiality.yaml', async () => {
    const text = await exportMaterialityYaml({ ws });
    return new Response(text, {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': 'attachment; filename="materiality.yaml"',
        'cache-control': 'no-store',
      },
    });
  });
  r.post('/import/materiality', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(MaterialityYamlImport, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await importMaterialityYaml({
      ws,
      file: input.value.file,
      text: input.value.text,
      ...reasonOf(input.value.reason),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => v);
  });
  return r;
}
