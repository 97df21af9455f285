/**
 * Disclosure status per framework the bundle reports against (core assessCompleteness): every
 * provision with its obligation, status, where it is disclosed, what is missing, and the
 * explanation given for an omission. Cached per bundle revision.
 */
import {
  assessCompleteness,
  type CompletenessReport,
  FRAMEWORK_IDS,
  type FrameworkId,
  type MaterialityOutcome,
} from '@assay/core';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

const cache = new WeakMap<object, Map<string, CompletenessReport[]>>();

/** The key of an approval among a bundle's cached assessments ('' without one). */
export const materialityKey = (m: MaterialityOutcome | undefined): string => (m ? JSON.stringify(m) : '');

/**
 * `materiality`: the approved assessment (approved-materiality.ts approvedMateriality); a
 * not-material aspect's omissions read as explained by it (docs/frameworks.md). Cached per
 * bundle revision and approval.
 */
export function completeness(s: Snapshot, materiality?: MaterialityOutcome): CompletenessReport[] {
  const byApproval = cache.get(s.bundle) ?? new Map<string, CompletenessReport[]>();
  cache.set(s.bundle, byApproval);
  const key = materialityKey(materiality);
  const hit = byApproval.get(key);
  if (hit) return hit;
  const { figures } = evaluated(s).evaluation;
  const ids = s.bundle.frameworks.frameworks.filter((f): f is FrameworkId =>
    (FRAMEWORK_IDS as readonly string[]).includes(f),
  );
  const reports = ids.map((framework) =>
    assessCompleteness({ bundle: s.bundle, figures, framework, ...(materiality ? { materiality } : {}) }),
  );
  byApproval.set(key, reports);
  return reports;
}

export function presentCompleteness(r: CompletenessReport) {
  const counts = { disclosed: 0, 'partly-disclosed': 0, explained: 0, missing: 0 };
  for (const p of r.provisions) counts[p.status] += 1;
  return {
    framework: r.framework,
    version: r.version,
    year: r.year,
    counts,
    findings: r.findings,
    provisions: r.provisions.map((p) => ({
      subject: `${r.framework}:${p.provision.code}`,
      code: p.provision.code,
      label: p.provision.label,
      section: p.provision.section,
      text: p.provision.text,
      obligation: p.obligation,
      status: p.status,
      where: p.where,
      missing: p.missing,
      explanation: p.explanation?.text ?? null,
    })),
  };
}

/** Overview summary: counts by status per framework. */
export function completenessSummary(s: Snapshot, materiality?: MaterialityOutcome) {
  return completeness(s, materiality).map((r) => {
    const { framework, version, counts } = presentCompleteness(r);
    return { framework, version, counts, total: r.provisions.length };
  });
}
