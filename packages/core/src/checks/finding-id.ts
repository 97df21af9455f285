/**
 * A finding's id (issue #17: comment threads name a finding by it). Findings are derived, not
 * stored, so the id is computed from what places a finding: its rule, code and where (published
 * item, figure, entity, period, indicator, table, section); not from its values or message, so a
 * thread stays with "rounding of Scope 1 at the smelter in 2025" while the figures change. Two
 * findings at the same place by the same rule and code share an id (and a thread).
 * "f-" and 16 hex digits: FNV-1a, 64 bits, over the UTF-16 code units of the key.
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
