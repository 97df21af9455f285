/** Glossary look-ups: a term as localised text, and every term as a protected word list. */
import type { LocalisedText } from '../model/text.js';
import { AXIS_VALUES, TERMS, type Term, type TermId } from './terms.js';

export function term(id: TermId): LocalisedText {
  return TERMS[id];
}

/** Printed label of a disaggregation code (gender=female → 女性 / Female); unknown codes as is. */
export function axisValueLabel(code: string): LocalisedText {
  return AXIS_VALUES[code] ?? { 'zh-Hant': code, en: code, 'zh-Hans': code };
}

/**
 * Every glossary entry, longest Traditional form first, for converters that must keep terms
 * intact (the Simplified draft replaces each zh-Hant term by its zh-Hans form verbatim).
 */
export function glossaryEntries(): readonly Term[] {
  return [...Object.values(TERMS), ...Object.values(AXIS_VALUES)].sort(
    (a, b) => b['zh-Hant'].length - a['zh-Hant'].length,
  );
}
