/**
 * Disclosure status per framework the bundle reports against (core assessCompleteness): every
 * provision with its obligation, status, where it is disclosed, what is missing, and the
 * explanation given for an omission. Cached per bundle revision.
 */
import { assessCompleteness, type CompletenessReport, FRAMEWORK_IDS, type FrameworkId } from '@assay/core';
import type { Snapshot } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';

const cache = new WeakMap<object, CompletenessReport[]>();

export function completeness(s: Snapshot): CompletenessReport[] {
  const hit = cache.get(s.bundle);
  if (hit) return hit;
  const { figures } = evaluated(s).evaluation;
  const ids = s.bundle.frameworks.frameworks.filter((f): f is FrameworkId =>
    (FRAMEWORK_IDS as readonly string[]).includes(f),
  );
  const reports = ids.map((framework) => assessCompleteness({ bundle: s.bundle, figures, framework }));
  cache.set(s.bundle, reports);
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
export function completenessSummary(s: Snapshot) {
  return completeness(s).map((r) => {
    const { framework, version, counts } = presentCompleteness(r);
    return { framework, version, counts, total: r.provisions.length };
  });
}
