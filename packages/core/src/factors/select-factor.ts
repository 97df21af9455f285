/**
 * Choosing a factor is data-driven: a query names the kind, optionally the method, the keys the
 * factor must carry, the vintage and the calibre, plus ordered fallbacks (e.g. provincial →
 * regional → national grid factors). Nothing here knows a fuel, region or carrier by name.
 */
import { type CalcError, calcError } from '../errors.js';
import type { FactorRecord } from './factor.js';

type Keys = Readonly<Record<string, string>>;

export type FactorKeysStep = {
  readonly keys: Keys;
  /** Human wording for notes and errors, e.g. "northwest regional". */
  readonly label?: string;
};

export type FactorQuery = FactorKeysStep & {
  readonly kind: string;
  /** Omitted: any method (factors such as purchased heat are shared by methods). */
  readonly method?: string;
  /** Omitted: the latest vintage among the matches. */
  readonly vintage?: number;
  /**
   * A record with a calibre matches only the same calibre; a record without one matches any.
   * So a grid query without a calibre finds nothing, by design.
   */
  readonly calibre?: string;
  /** Tried in order when nothing matches `keys`; the one used is named in the note. */
  readonly fallbacks?: readonly FactorKeysStep[];
};

export type FactorSelection =
  | { readonly ok: true; readonly factor: FactorRecord; readonly note?: string }
  | { readonly ok: false; readonly error: CalcError };

const keysText = (keys: Keys): string =>
  Object.entries(keys)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || 'no keys';

const stepLabel = (s: FactorKeysStep): string => s.label ?? keysText(s.keys);

function matches(f: FactorRecord, q: FactorQuery, keys: Keys): boolean {
  if (f.kind !== q.kind) return false;
  if (q.method !== undefined && f.method !== q.method) return false;
  if (q.vintage !== undefined && f.vintage !== q.vintage) return false;
  if (f.calibre !== undefined && f.calibre !== q.calibre) return false;
  return Object.entries(keys).every(([k, v]) => f.keys[k] === v);
}

/** Latest vintage wins; among equal vintages the later record (a bundle addition) wins. */
function pick(candidates: readonly FactorRecord[]): FactorRecord | undefined {
  let best: FactorRecord | undefined;
  for (const f of candidates) if (!best || f.vintage >= best.vintage) best = f;
  return best;
}

function describe(q: FactorQuery): string {
  const parts = [
    q.method && `method ${q.method}`,
    q.vintage !== undefined && `vintage ${q.vintage}`,
    q.calibre && `calibre ${q.calibre}`,
  ].filter(Boolean);
  return `${q.kind} factor${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function selectFactor(library: readonly FactorRecord[], query: FactorQuery): FactorSelection {
  const steps: readonly FactorKeysStep[] = [query, ...(query.fallbacks ?? [])];
  const missed: string[] = [];
  for (const step of steps) {
    const factor = pick(library.filter((f) => matches(f, query, step.keys)));
    if (!factor) {
      missed.push(stepLabel(step));
      continue;
    }
    const notes = [
      missed.length > 0 ? `no ${missed.join(' nor ')}; used ${stepLabel(step)} (${factor.id})` : undefined,
      factor.caution,
    ].filter((n): n is string => n !== undefined);
    return notes.length > 0 ? { ok: true, factor, note: notes.join('; ') } : { ok: true, factor };
  }
  return {
    ok: false,
    error: calcError(
      'factor-not-found',
      `no ${describe(query)} for ${missed.join(', nor for ')}`,
      `factor:${query.kind}`,
    ),
  };
}
