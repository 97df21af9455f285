/**
 * The materiality questionnaire for outside stakeholders (issue #18; docs/registers.md
 * "Materiality"), over row-sheet.ts: sheet "responses", one row per respondent, columns `id`,
 * `respondent`, `groupId` and two per topic, `<topic>.financial` and `<topic>.impact`, each a
 * whole number 1..5. Headers name the topic in both languages; the last line is the column key.
 * Every row is checked by core's validateResponse, all or nothing.
 */
import { type MaterialitySurvey, type SurveyResponse, validateResponse } from '@assay/core';
import type { RowSheetSpec } from './row-sheet.js';

/** A score cell as typed: digits become a number; anything else stays text for the rule to name. */
const scoreOf = (text: string | undefined): number =>
  text !== undefined && /^\d+$/.test(text) ? Number(text) : ((text ?? '') as unknown as number);

export function questionnaireSheet(survey: MaterialitySurvey): RowSheetSpec<SurveyResponse> {
  const groups = survey.groups.map((g) => g.id).join('/');
  const topicColumns = survey.topics.flatMap((t) => [
    {
      key: `${t.id}.financial`,
      zh: `${t.name['zh-Hant']}：對業務的影響 (1–5)`,
      en: `${t.name.en}: effect on the business`,
      width: 18,
    },
    {
      key: `${t.id}.impact`,
      zh: `${t.name['zh-Hant']}：對環境及社會的影響 (1–5)`,
      en: `${t.name.en}: effect on environment and people`,
      width: 18,
    },
  ]);
  return {
    sheet: 'responses',
    columns: [
      { key: 'id', zh: '回應編號', en: 'Response id', width: 16 },
      { key: 'respondent', zh: '回應者', en: 'Respondent', width: 22 },
      { key: 'groupId', zh: `持份者組別 (${groups})`, en: 'Stakeholder group', width: 18 },
      ...topicColumns,
    ],
    required: ['id', 'respondent', 'groupId', ...topicColumns.map((c) => c.key)],
    cellsOf: (r) => {
      const cells: Record<string, string> = { id: r.id, respondent: r.respondent, groupId: r.groupId };
      for (const s of r.scores) {
        cells[`${s.topicId}.financial`] = String(s.financial);
        cells[`${s.topicId}.impact`] = String(s.impact);
      }
      return cells;
    },
    fromCells: (o) => ({
      id: o('id') ?? '',
      surveyId: survey.id,
      groupId: o('groupId') ?? '',
      respondent: o('respondent') ?? '',
      scores: survey.topics.map((t) => ({
        topicId: t.id,
        financial: scoreOf(o(`${t.id}.financial`)),
        impact: scoreOf(o(`${t.id}.impact`)),
      })),
      ...(survey.isDemonstration ? { isDemonstration: true } : {}),
    }),
    validate: (r) => validateResponse(r, survey),
    // scores.<topic>.<axis> → <topic>.<axis>; scores.<topic> (unscored) → its first column.
    columnOf: (field) => {
      const m = /^scores\.([^.]+)(?:\.(financial|impact))?$/.exec(field);
      return m ? `${m[1]}.${m[2] ?? 'financial'}` : field;
    },
  };
}
