/**
 * What both workspaces check of an activity-line write before anything else, with the same
 * words: one write names each line once (a line's key is its id, so two changes with one id
 * cannot both be meant). The store would refuse it too (its primary key), but by line number;
 * refusing it here names the id. And whether a line changed at all: a change that leaves every
 * stored field as it is adds no revision, as in the store (fact-append.ts compares the same text).
 */
import { type ActivityLine, activityLineFields } from '@assay/core';

export type RepeatedLine = { readonly id: string; readonly column: 'id'; readonly message: string };

export function repeatedLineInWrite(lines: readonly ActivityLine[]): RepeatedLine | undefined {
  const ids = new Set<string>();
  for (const l of lines) {
    if (ids.has(l.id))
      return { id: l.id, column: 'id', message: `activity line id "${l.id}" appears twice in one write` };
    ids.add(l.id);
  }
  return undefined;
}

/** The same stored fields (ACTIVITY_LINE_FIELDS as text): writing `b` over `a` changes nothing. */
export function sameStoredLine(a: ActivityLine, b: ActivityLine): boolean {
  const x = activityLineFields(a);
  const y = activityLineFields(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
