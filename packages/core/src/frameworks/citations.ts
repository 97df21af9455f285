/**
 * Citations of provisions outside the framework data: explanation subjects, material topics'
 * HKEX lists, crosswalk "related" entries. Citing a withdrawn provision (HKEX A1.2, A4) or an
 * unknown one is a warning: the reader is pointed at the wrong or a non-existent requirement.
 */
import type { Bundle } from '../model/bundle.js';
import type { Framework, Provision } from './framework.js';
import { editionFor, FRAMEWORKS, findProvision, splitCitation } from './registry.js';

export type CitationFinding = {
  readonly severity: 'warning';
  readonly code: 'deprecated-provision' | 'unknown-provision';
  /** The citation as written ("hkex:A1.2"). */
  readonly citation: string;
  /** Where it was cited: "registers.explanations.0", "materialTopics.energy", "gri:305-1". */
  readonly citedBy: string;
  readonly message: string;
};

/**
 * Checked against the edition in force for `year` (the 2019 HKEX Guide still has A1.2 and A4),
 * else, without a year or an edition for it, against the newest edition.
 */
export function checkCitation(citation: string, citedBy: string, year?: number): CitationFinding | undefined {
  const c = splitCitation(citation);
  if (!c) return undefined;
  const fw = (year === undefined ? undefined : editionFor(c.framework, year)) ?? FRAMEWORKS[c.framework];
  // An aspect ("A1", "A4") stands for its provisions ("A1.GD", "A1.1", …).
  const p =
    findProvision(fw, c.code) ?? aspectOf(fw.provisions.filter((x) => x.code.startsWith(`${c.code}.`)));
  if (!p)
    return {
      severity: 'warning',
      code: 'unknown-provision',
      citation,
      citedBy,
      message: `${citation} is not a provision of ${c.framework}`,
    };
  if (!p.deprecated) return undefined;
  return {
    severity: 'warning',
    code: 'deprecated-provision',
    citation,
    citedBy,
    message: `${citation} was withdrawn from ${c.framework} in ${p.deprecated.since}: ${p.deprecated.note}`,
  };
}

/** A stand-in for an aspect: a live provision if any, else a withdrawn one (so A4 warns). */
function aspectOf(members: readonly Provision[]): Provision | undefined {
  return members.find((m) => !m.deprecated) ?? members[0];
}

/** Citations made by a bundle: explanation subjects and material topics' HKEX codes. */
export function bundleCitations(bundle: Bundle): CitationFinding[] {
  const year = Number(bundle.reporting.current);
  const found: (CitationFinding | undefined)[] = [];
  bundle.registers.explanations.forEach((e, i) => {
    found.push(checkCitation(e.subject, `registers.explanations.${i}`, year));
  });
  for (const t of bundle.registers.materialTopics)
    for (const code of t.hkex ?? [])
      found.push(checkCitation(`hkex:${code}`, `materialTopics.${t.id}`, year));
  return found.filter((f) => f !== undefined);
}

/** Citations made by a framework's crosswalk ("related" codes). */
export function crosswalkCitations(framework: Framework): CitationFinding[] {
  return framework.provisions.flatMap((p) =>
    (p.related ?? []).flatMap((r) => checkCitation(r, `${framework.id}:${p.code}`) ?? []),
  );
}
