/**
 * A finding's id (issue #17: comment threads name a finding by it). Findings are derived, not
 * stored, so the id is computed from what places a finding: its rule, code and where (published
 * item, figure, entity, period, indicator, table, section); not from its values or message, so a
 * thread stays with "rounding of Scope 1 at the smelter in 2025" while the figures change. Two
 * findings at the same place by the same rule and code share an id (and a thread).
 * "f-" and 16 hex digits: FNV-1a, 64 bits, over the UTF-16 code units of the key.
 *
 * The id depends on nothing else: not on the message's wording, not on the finding's position
 * in the list, not on other findings, so the same finding has the same id in every run and after
 * any edit that does not move it (finding-id.test.ts). What the finding says about the place,
 * the values it compared, is its inputs (findingInputs below): the work state of a finding
 * (docs/checks.md, "Findings as work items") keeps an acceptance while they stay the same.
 */
import type { Finding } from './finding.js';

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

function fnv1a64(text: string): string {
  let h = OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

export function findingId(f: Pick<Finding, 'ruleId' | 'code' | 'where'>): string {
  const w = f.where;
  const key = [
    f.ruleId,
    f.code,
    w.publishedId,
    w.figureId,
    w.entityId,
    w.periodId,
    w.indicatorId,
    w.table,
    w.section,
  ]
    .map((x) => x ?? '')
    .join('\u001f');
  return `f-${fnv1a64(key)}`;
}

/**
 * A finding's inputs: what the rule compared at its place, i.e. its expected and actual values
 * (as the rule states them) and the leaf facts and factors of the computed side (its lineage,
 * each with its value; a fact's source, which the lineage names in brackets, is left out), sorted. Not its message (wording changes with a release; the values it
 * states are already here), not its severity. Two findings sharing an id (same place, rule and
 * code) have their inputs joined in id order of their text, so the order the checker returns
 * them in does not matter.
 */
export function findingInputs(fs: readonly Pick<Finding, 'expected' | 'actual' | 'lineage'>[]): string {
  return fs
    .map((f) => [f.expected ?? '', f.actual ?? '', ...(f.lineage ?? []).map(leafValue).sort()].join('\u001f'))
    .sort()
    .join('\u001e');
}

/** "fact smelter-diesel = 12 t (ERP export)" → "fact smelter-diesel = 12 t" (util/lineage-brief.ts). */
function leafValue(line: string): string {
  if (!line.startsWith('fact ')) return line;
  const eq = line.indexOf(' = ');
  const open = eq < 0 ? -1 : line.indexOf(' (', eq);
  return open < 0 ? line : line.slice(0, open);
}

/** "d-" and 16 hex digits: FNV-1a 64 of findingInputs; an accepted finding stays accepted while it holds. */
export function findingInputsDigest(fs: readonly Pick<Finding, 'expected' | 'actual' | 'lineage'>[]): string {
  return `d-${fnv1a64(findingInputs(fs))}`;
}
