/**
 * The content index (e.g. the HKEX ESG content index printed at the back of a report) and the
 * register of explanations for omissions, built from a completeness report in one language.
 * Page numbers are left to the PDF renderer, which knows where each section and figure landed.
 */
import { type Lang, textIn } from '../model/text.js';
import type { CompletenessReport, ProvisionStatus } from './assess-completeness.js';
import type { Obligation } from './framework.js';

export type ContentIndexRow = {
  readonly code: string;
  readonly label: string;
  readonly section: string;
  readonly text: string;
  readonly obligation: Obligation;
  readonly status: ProvisionStatus;
  /** Narrative section ids that disclose the provision. */
  readonly sections: readonly string[];
  /** Figure ids that disclose it. */
  readonly figures: readonly string[];
  /** The explanation for an omission, when there is one; for a disclosed row its note (Scope 3: the categories included). */
  readonly explanation?: string;
  /** Filled in by the PDF renderer. */
  readonly page?: number;
};

export type ContentIndex = {
  readonly framework: string;
  readonly version: string;
  readonly lang: Lang;
  readonly rows: readonly ContentIndexRow[];
};

export function buildContentIndex(report: CompletenessReport, lang: Lang): ContentIndex {
  const rows = report.provisions.map((a): ContentIndexRow => {
    const sections = a.where.filter((w) => w.startsWith('section:')).map((w) => w.slice('section:'.length));
    const figures = a.where.filter((w) => !w.startsWith('section:') && !w.startsWith('register:'));
    const row = {
      code: a.provision.code,
      label: a.provision.label,
      section: a.provision.section,
      text: textIn(a.provision.text, lang),
      obligation: a.obligation,
      status: a.status,
      sections: [...new Set(sections)],
      figures: [...new Set(figures)],
    };
    if (a.explanation) return { ...row, explanation: textIn(a.explanation.text, lang) };
    return a.note ? { ...row, explanation: textIn(a.note, lang) } : row;
  });
  return { framework: report.framework, version: report.version, lang, rows };
}

export type ExplanationRow = {
  readonly code: string;
  readonly label: string;
  readonly obligation: Obligation;
  readonly status: ProvisionStatus;
  readonly text: string;
  /** False when the provision is mandatory: an explanation does not satisfy it. */
  readonly isAccepted: boolean;
};

/** Every explanation the bundle gives for a provision of this framework. */
export function explanationRegister(report: CompletenessReport, lang: Lang): ExplanationRow[] {
  return report.provisions.flatMap((a) => {
    if (!a.explanation) return [];
    const rejected = report.findings.some(
      (f) => f.code === 'mandatory-explained' && f.provision === `${report.framework}:${a.provision.code}`,
    );
    return [
      {
        code: a.provision.code,
        label: a.provision.label,
        obligation: a.obligation,
        status: a.status,
        text: textIn(a.explanation.text, lang),
        isAccepted: !rejected,
      },
    ];
  });
}
