/**
 * The API client of the materiality assessment (issue #18; docs/registers.md "Materiality").
 * Types copied from the server's presenters (the web app imports no package): core
 * model/materiality.ts, report/materiality-matrix.ts; app use-cases/materiality.ts.
 */
import { call, send } from './api';

type Localised = { en: string; 'zh-Hant': string };
export type SurveyTopic = { id: string; name: Localised; category: string; hkex?: string[] };
export type StakeholderGroup = { id: string; name: Localised; weight: string };
export type Survey = {
  id: string;
  title: Localised;
  year: string;
  doubleMateriality: boolean;
  threshold: string;
  groups: StakeholderGroup[];
  topics: SurveyTopic[];
};
export type TopicScore = { topicId: string; financial: number; impact: number };
export type MatrixPoint = {
  topic: SurveyTopic;
  financial?: string;
  impact?: string;
  proposed: boolean;
  approved: boolean;
};
export type Approval = { surveyId: string; topicIds: string[]; approvedBy: string; approvedOn: string };
export type SurveyView = {
  survey: Survey;
  version: number;
  matrix: { responses: number; byGroup: { groupId: string; responses: number }[]; points: MatrixPoint[] };
  approval?: { value: Approval; version: number };
  requiredAspects: string[];
};
type Written = { id: string; version: number };
const P = '/materiality/surveys';
const at = (id: string) => `${P}/${encodeURIComponent(id)}`;

export const materialityApi = {
  topics: () => call<{ topics: SurveyTopic[]; groups: StakeholderGroup[] }>('/materiality/topics'),
  list: () => call<{ surveys: { survey: Survey; version: number }[] }>(P),
  view: (id: string) => call<SurveyView>(at(id)),
  create: (survey: Survey) => call<Written>(P, send('POST', { survey })),
  approve: (id: string, topicIds: string[], version?: number) =>
    call<{ surveyId: string; version: number }>(
      `${at(id)}/approve`,
      send('POST', { topicIds, ...(version === undefined ? {} : { version }) }),
    ),
  form: (id: string) =>
    call<{
      survey: Survey;
      response?: { value: { groupId: string; scores: TopicScore[] }; version: number };
    }>(`${at(id)}/form`),
  respond: (id: string, groupId: string, scores: TopicScore[], version?: number) =>
    call<Written>(
      `${at(id)}/response`,
      send('PUT', { groupId, scores, ...(version === undefined ? {} : { version }) }),
    ),
  importQuestionnaire: (id: string, file: string, xlsxBase64: string) =>
    call<{ imported: number }>(`${at(id)}/questionnaire`, send('POST', { file, xlsxBase64 })),
  questionnaireHref: (id: string) => `/api${at(id)}/questionnaire.xlsx`,
  matrixSrc: (id: string, lang: string, tick: number) => `/api${at(id)}/matrix.svg?lang=${lang}&v=${tick}`,
};
