/** The materiality routes' part of the OpenAPI document (routes/materiality.ts; issue #18; docs/registers.md "Materiality"). */
import {
  ApprovalWrite,
  MaterialityYamlImport,
  QuestionnaireImport,
  ResponseWrite,
  SurveyRetract,
  SurveyWrite,
} from './materiality-schemas.js';
import { errors, ifMatch, json, ok, path, query } from './openapi-parts.js';

const P = '/api/materiality/surveys';
const id = [path('id')];

export function materialityPaths(): Record<string, Record<string, object>> {
  return {
    '/api/materiality/topics': {
      get: {
        summary:
          "Topics to build a survey from (the HKEX aspects and the bundle's own) and the stakeholder groups",
        responses: { 200: ok('{topics, groups}'), ...errors('forbidden') },
      },
    },
    [`${P}/{id}/matrix.svg`]: {
      get: {
        summary: 'The matrix drawn as in the report (labels placed without overlap)',
        parameters: [...id, query('lang', 'en (default) or zh-Hant')],
        responses: {
          200: { description: 'SVG', content: { 'image/svg+xml': {} } },
          ...errors('not-found', 'forbidden'),
        },
      },
    },
    [P]: {
      get: {
        summary: 'Materiality surveys (read-materiality)',
        responses: { 200: ok('{surveys}'), ...errors('forbidden') },
      },
      post: {
        summary: 'Build a survey from topics, with stakeholder groups and their weights (manage-materiality)',
        requestBody: json(SurveyWrite),
        responses: {
          201: ok('{id, version}'),
          ...errors('invalid-request', 'invalid-data', 'conflict', 'forbidden'),
        },
      },
    },
    [`${P}/{id}`]: {
      get: {
        summary:
          'A survey with its computed matrix, approval and the HKEX aspects the approved topics require',
        parameters: id,
        responses: {
          200: ok('{survey, version, matrix, approval?, requiredAspects}'),
          ...errors('not-found', 'forbidden'),
        },
      },
      put: {
        summary: 'Change a survey (topics and groups fixed once answered); 412 on a stale version',
        parameters: [...id, ifMatch],
        requestBody: json(SurveyWrite),
        responses: {
          200: ok('{id, version}'),
          ...errors(
            'invalid-request',
            'invalid-data',
            'not-found',
            'conflict',
            'version-required',
            'stale-version',
            'forbidden',
          ),
        },
      },
    },
    [`${P}/{id}/retract`]: {
      post: {
        summary: 'Retract a survey',
        parameters: [...id, ifMatch],
        requestBody: json(SurveyRetract),
        responses: {
          200: ok('{retracted, id, version}'),
          ...errors('not-found', 'stale-version', 'forbidden'),
        },
      },
    },
    [`${P}/{id}/history`]: {
      get: {
        summary: 'Revisions of the survey, its approval or one response',
        parameters: [
          ...id,
          query('kind', 'survey (default), approval or response'),
          query('response', 'the response id'),
        ],
        responses: { 200: ok('{id, kind, revisions}'), ...errors('not-found', 'forbidden') },
      },
    },
    [`${P}/{id}/responses`]: {
      get: {
        summary: "The respondents' answers (manage-materiality)",
        parameters: id,
        responses: { 200: ok('{responses}'), ...errors('not-found', 'forbidden') },
      },
    },
    [`${P}/{id}/responses/{rid}/withdraw`]: {
      post: {
        summary: 'Withdraw a response',
        parameters: [...id, path('rid'), ifMatch],
        requestBody: json(SurveyRetract),
        responses: {
          200: ok('{withdrawn, id, version}'),
          ...errors('not-found', 'stale-version', 'forbidden'),
        },
      },
    },
    [`${P}/{id}/form`]: {
      get: {
        summary: "The respond link: the survey and the caller's own answer (any signed-in user)",
        parameters: id,
        responses: { 200: ok('{survey, response?}'), ...errors('not-found') },
      },
    },
    [`${P}/{id}/response`]: {
      put: {
        summary: "The caller's answer: without a version creates (201), with one replaces (412 when stale)",
        parameters: [...id, ifMatch],
        requestBody: json(ResponseWrite),
        responses: {
          200: ok('{id, version}'),
          201: ok('{id, version}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'conflict', 'stale-version'),
        },
      },
    },
    [`${P}/{id}/approve`]: {
      post: {
        summary: 'Approve the material topic list (approve-materiality); the approver and date are recorded',
        parameters: id,
        requestBody: json(ApprovalWrite),
        responses: {
          200: ok('{surveyId, version}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'conflict', 'stale-version', 'forbidden'),
        },
      },
    },
    [`${P}/{id}/questionnaire.xlsx`]: {
      get: {
        summary: 'The XLSX questionnaire for outside stakeholders (sheet "responses")',
        parameters: [...id, query('responses', '1: filled with the current responses')],
        responses: {
          200: {
            description: 'workbook',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
          },
          ...errors('not-found', 'forbidden'),
        },
      },
    },
    [`${P}/{id}/questionnaire`]: {
      post: {
        summary: 'Import filled questionnaires: all or nothing, each bad cell named by sheet, row and column',
        parameters: id,
        requestBody: json(QuestionnaireImport),
        responses: {
          200: ok('{imported}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden'),
        },
      },
    },
    '/api/export/materiality.yaml': {
      get: {
        summary: "The bundle's materiality.yaml (every assessment)",
        responses: {
          200: { description: 'YAML', content: { 'application/yaml': {} } },
          ...errors('forbidden'),
        },
      },
    },
    '/api/import/materiality': {
      post: {
        summary: 'Read a materiality.yaml into the records (every issue named before anything is written)',
        requestBody: json(MaterialityYamlImport),
        responses: {
          200: ok('{surveys, responses}'),
          ...errors('invalid-request', 'invalid-data', 'conflict', 'forbidden'),
        },
      },
    },
  };
}
