/**
 * The materiality assessment (issue #18; docs/registers.md "Materiality"): stakeholder groups
 * with their weights (the scoring rule as data), a survey of topics the administrator picks,
 * the respondents' scores, and the topic list an administrator approves. The matrix is computed
 * from the responses (report/materiality-matrix.ts), never typed in.
 *
 * Axes (both scored 1..5, whole numbers):
 * - `financial`: the topic's effect on the business (financial materiality; the x axis);
 * - `impact`: the business's effect on the environment and people (impact materiality; y).
 * With `doubleMateriality` a topic is material when either axis reaches the threshold; without
 * it (the HKEX reading "importance to the business" and "to stakeholders") when their mean does.
 */
import type { LocalisedText } from './text.js';

export const MATERIALITY_AXES = ['financial', 'impact'] as const;
export type MaterialityAxis = (typeof MATERIALITY_AXES)[number];

export const TOPIC_CATEGORIES = ['environmental', 'social', 'governance', 'economic'] as const;
export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

/** The lowest and highest score a respondent may give (whole numbers). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** A stakeholder group and its weight in the matrix (a decimal > 0, as text; only ratios matter). */
export type StakeholderGroup = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly weight: string;
};

/** A topic offered to respondents; `hkex` names the HKEX aspects (A1..B8) it answers. */
export type SurveyTopic = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly category: TopicCategory;
  readonly hkex?: readonly string[];
};

export type MaterialitySurvey = {
  readonly id: string;
  readonly title: LocalisedText;
  /** The reporting year the assessment serves (four digits). */
  readonly year: string;
  readonly doubleMateriality: boolean;
  /** The score (decimal text, 1..5) at which a topic is proposed as material. */
  readonly threshold: string;
  readonly groups: readonly StakeholderGroup[];
  readonly topics: readonly SurveyTopic[];
  /** Made-up surveys of the demo bundle. */
  readonly isDemonstration?: boolean;
};

/** One topic's scores by one respondent. */
export type TopicScore = { readonly topicId: string; readonly financial: number; readonly impact: number };

export type SurveyResponse = {
  readonly id: string;
  readonly surveyId: string;
  readonly groupId: string;
  /** Who answered: a user id (web link) or the name on an XLSX questionnaire. */
  readonly respondent: string;
  /** One per topic of the survey. */
  readonly scores: readonly TopicScore[];
  readonly isDemonstration?: boolean;
};

/** The topic list approved from a survey's matrix: it drives which report sections are required. */
export type MaterialityApproval = {
  readonly surveyId: string;
  readonly topicIds: readonly string[];
  readonly approvedBy: string;
  /** YYYY-MM-DD. */
  readonly approvedOn: string;
};

/** Everything of one assessment, as the bundle's `materiality.yaml` holds it. */
export type MaterialityAssessment = {
  readonly survey: MaterialitySurvey;
  readonly responses: readonly SurveyResponse[];
  readonly approval?: MaterialityApproval;
};

const seed = (id: string, hkex: string, category: TopicCategory, zh: string, en: string): SurveyTopic => ({
  id,
  name: { 'zh-Hant': zh, en },
  category,
  hkex: [hkex],
});

/**
 * Topics to start a survey from: the twelve environmental and social aspects of the HKEX ESG
 * Reporting Guide (A1–A4, B1–B8; A4 climate change is Part D of the 2025 Code, which the report
 * outline files under its climate section). A bundle's own material topics are offered beside
 * them (app seedTopics).
 */
export const MATERIALITY_SEED_TOPICS: readonly SurveyTopic[] = [
  seed('hkex-a1', 'A1', 'environmental', '排放物', 'Emissions'),
  seed('hkex-a2', 'A2', 'environmental', '資源使用', 'Use of resources'),
  seed('hkex-a3', 'A3', 'environmental', '環境及天然資源', 'The environment and natural resources'),
  seed('hkex-a4', 'A4', 'environmental', '氣候變化', 'Climate change'),
  seed('hkex-b1', 'B1', 'social', '僱傭', 'Employment'),
  seed('hkex-b2', 'B2', 'social', '健康與安全', 'Health and safety'),
  seed('hkex-b3', 'B3', 'social', '發展及培訓', 'Development and training'),
  seed('hkex-b4', 'B4', 'social', '勞工準則', 'Labour standards'),
  seed('hkex-b5', 'B5', 'social', '供應鏈管理', 'Supply chain management'),
  seed('hkex-b6', 'B6', 'social', '產品責任', 'Product responsibility'),
  seed('hkex-b7', 'B7', 'governance', '反貪污', 'Anti-corruption'),
  seed('hkex-b8', 'B8', 'social', '社區投資', 'Community investment'),
];
