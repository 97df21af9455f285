/**
 * The approved materiality assessment as completeness reads it (issue #18; docs/frameworks.md
 * "Materiality and completeness"). Source: HKEX ESG Reporting Code (Appendix C2), reporting
 * principle "Materiality" (the board determines which ESG issues are material enough to report;
 * Part B, mandatory, asks for the process and its results) and the comply-or-explain regime of
 * Parts C and D (a provision not reported needs considered reasons): an approved assessment that
 * found an aspect not material is such a reason for that aspect's comply-or-explain provisions.
 * Mandatory provisions (Part B, Part D Scope 1/2) are never explained by it.
 *
 * The rule, per provision of a framework whose provisions belong to HKEX aspects (hkex only;
 * other frameworks have no aspect mapping and are not affected):
 * - its aspect was assessed (some survey topic names it) and no approved topic names it → not
 *   material: a comply-or-explain provision with nothing disclosed and no explanation given
 *   becomes `explained`, the explanation generated from the approval (both languages);
 * - an approved topic names its aspect → material: a missing provision stays missing and the
 *   assessment adds a `material-missing` finding naming the approved topics;
 * - an aspect no survey topic names: the assessment says nothing about it; nothing changes.
 */
import type { MaterialityApproval, MaterialitySurvey } from '../model/materiality.js';
import type { Explanation } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import type { FrameworkId } from './framework.js';

export type MaterialTopicOutcome = {
  readonly id: string;
  readonly name: LocalisedText;
  /** The HKEX aspects (A1..B8) the topic answers. */
  readonly aspects: readonly string[];
};

/** The approved topic list of one assessment, with what it assessed. */
export type MaterialityOutcome = {
  readonly surveyId: string;
  /** YYYY-MM-DD. */
  readonly approvedOn: string;
  readonly approvedBy: string;
  /** The approved (material) topics. */
  readonly topics: readonly MaterialTopicOutcome[];
  /** Every HKEX aspect some topic of the survey names: the aspects the assessment assessed. */
  readonly assessedAspects: readonly string[];
};

/** The outcome of a survey's approval; undefined without one (or an approval of another survey). */
export function materialityOutcome(
  survey: MaterialitySurvey,
  approval: MaterialityApproval | undefined,
): MaterialityOutcome | undefined {
  if (!approval || approval.surveyId !== survey.id) return undefined;
  const approved = new Set(approval.topicIds);
  return {
    surveyId: survey.id,
    approvedOn: approval.approvedOn,
    approvedBy: approval.approvedBy,
    topics: survey.topics
      .filter((t) => approved.has(t.id))
      .map((t) => ({ id: t.id, name: t.name, aspects: t.hkex ?? [] })),
    assessedAspects: [...new Set(survey.topics.flatMap((t) => t.hkex ?? []))].sort(),
  };
}

/**
 * The HKEX aspect a provision belongs to: Part C codes by their prefix ("B5.2" → B5; the 2019
 * Guide's "A4.1" → A4); Part D (the 2025 Code's climate disclosures, which replaced aspect A4)
 * → A4; Part B (MDR.*) none. Other frameworks: none.
 */
export function provisionAspect(framework: FrameworkId, code: string): string | undefined {
  if (framework !== 'hkex') return undefined;
  const c = /^([AB]\d+)\./.exec(code);
  if (c) return c[1];
  return code.startsWith('D.') ? 'A4' : undefined;
}

export type AspectMateriality =
  | { readonly material: true; readonly aspect: string; readonly topics: readonly MaterialTopicOutcome[] }
  | { readonly material: false; readonly aspect: string };

/** What the approved assessment says of a provision's aspect; undefined when it says nothing. */
export function materialityOf(
  o: MaterialityOutcome | undefined,
  framework: FrameworkId,
  code: string,
): AspectMateriality | undefined {
  const aspect = o ? provisionAspect(framework, code) : undefined;
  if (!o || !aspect || !o.assessedAspects.includes(aspect)) return undefined;
  const topics = o.topics.filter((t) => t.aspects.includes(aspect));
  return topics.length > 0 ? { material: true, aspect, topics } : { material: false, aspect };
}

/** The explanation of an undisclosed provision whose aspect the approved assessment found not material. */
export function notMaterialExplanation(o: MaterialityOutcome, aspect: string, subject: string): Explanation {
  // The date, not the approver: the approver is recorded as the signed-in user's label, which may
  // carry an e-mail address, and this text is printed in the published content index.
  return {
    subject,
    text: {
      en: `Not material under the materiality assessment approved on ${o.approvedOn}: aspect ${aspect} is not among the approved material topics, so it is not reported.`,
      'zh-Hant': `根據於${o.approvedOn}審批的重要性評估，層面${aspect}不屬經審批的重要議題，故不作匯報。`,
    },
  };
}

/** The approved topics' names joined, for a finding's message. */
export function topicNames(topics: readonly MaterialTopicOutcome[]): LocalisedText {
  return {
    en: topics.map((t) => t.name.en).join(', '),
    'zh-Hant': topics.map((t) => t.name['zh-Hant']).join('、'),
  };
}
