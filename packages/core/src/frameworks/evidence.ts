/**
 * Crosswalk notation: "figure:ghg.scope1", "figure:employees.headcount[gender]",
 * "section:emissions", "register:targets"; alternatives inside one requirement are joined by
 * "|". Kept as text so crosswalk tables stay compact data.
 */
import { type Evidence, REGISTER_NAMES, type RegisterName, type Requirement } from './framework.js';

const FIGURE = /^figure:([a-z0-9.-]+)(?:\[([a-z-]+)\])?$/;

export function parseEvidence(text: string): Evidence {
  const m = FIGURE.exec(text);
  if (m?.[1])
    return m[2] ? { kind: 'figure', indicatorId: m[1], axis: m[2] } : { kind: 'figure', indicatorId: m[1] };
  if (text.startsWith('section:')) return { kind: 'section', sectionId: text.slice('section:'.length) };
  const [reg = '', item] = text.slice('register:'.length).split('#');
  if (text.startsWith('register:') && (REGISTER_NAMES as readonly string[]).includes(reg))
    return item === undefined
      ? { kind: 'register', register: reg as RegisterName }
      : { kind: 'register', register: reg as RegisterName, item };
  // Crosswalk tables are source code: a malformed entry is a bug, caught by the data tests.
  throw new Error(`bad crosswalk evidence "${text}"`);
}

export function evidenceText(e: Evidence): string {
  if (e.kind === 'figure') return `figure:${e.indicatorId}${e.axis ? `[${e.axis}]` : ''}`;
  if (e.kind === 'section') return `section:${e.sectionId}`;
  return `register:${e.register}${e.item === undefined ? '' : `#${e.item}`}`;
}

/** A requirement written as "a|b" (id taken from the first alternative) or as an object. */
export type RequirementSpec = string | { id: string; anyOf: string; schedule?: string };

export function requirement(spec: RequirementSpec): Requirement {
  if (typeof spec === 'string') {
    const anyOf = spec.split('|').map(parseEvidence);
    const first = spec.split('|')[0] ?? spec;
    return { id: first.slice(first.indexOf(':') + 1), anyOf };
  }
  const r = { id: spec.id, anyOf: spec.anyOf.split('|').map(parseEvidence) };
  return spec.schedule === undefined ? r : { ...r, schedule: spec.schedule };
}
