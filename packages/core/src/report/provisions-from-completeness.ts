/**
 * Completeness reports (packages/core/src/frameworks) → the builder's provision input: printed
 * label, text, status, explanation and the narrative sections that disclose each provision.
 * Withdrawn provisions are left out of the indices.
 */
import type { CompletenessReport } from '../frameworks/assess-completeness.js';
import type { ProvisionInput } from './content-index.js';

export function provisionsFromCompleteness(reports: readonly CompletenessReport[]): ProvisionInput[] {
  const out: ProvisionInput[] = [];
  for (const r of reports) {
    if (r.framework !== 'hkex' && r.framework !== 'gri' && r.framework !== 'sasac') continue;
    for (const a of r.provisions) {
      if (a.obligation === 'withdrawn') continue;
      out.push({
        framework: r.framework,
        code: a.provision.code,
        label: a.provision.label,
        title: a.provision.text,
        status: a.status,
        narrativeIds: a.where.filter((w) => w.startsWith('section:')).map((w) => w.slice('section:'.length)),
        registers: a.where.filter((w) => w.startsWith('register:')).map((w) => w.slice('register:'.length)),
        figureIds: a.where.filter((w) => !w.startsWith('section:') && !w.startsWith('register:')),
        ...(a.explanation ? { explanation: a.explanation.text } : a.note ? { explanation: a.note } : {}),
      });
    }
  }
  return out;
}
