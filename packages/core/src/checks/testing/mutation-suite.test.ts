/**
 * The mutation suite: inject the common errors (testing/mutate.ts) one at a time into the
 * printed layer of a generated clean bundle (printed to 0, 1, 2 decimals and in thousands, with
 * last year's figures and untied narrative numbers), with a fixed seed, and count how many the
 * checker catches: a finding at warning or above, absent from the clean run, that names the
 * mutated number (where.publishedId or the message). Prints the catch rate by kind; the rates
 * are recorded in docs/checks.md and docs/performance.md.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../../methods/evaluate-bundle.js';
import type { PublishedFigure } from '../../model/published.js';
import { generateCleanBundle, seededRandom } from '../../testing/generate-clean-bundle.js';
import { checkBundle } from '../check-bundle.js';
import { atOrAbove, type Finding } from '../finding.js';
import { candidates, MUTATION_KINDS, type MutationKind, mutate, replaced, UNTIED_KINDS } from './mutate.js';

const SEED = Number(process.env.ASSAY_MUTATION_SEED ?? 20);
const PER_KIND = 16;

const base = generateCleanBundle(5, { printing: 'mixed', seed: SEED, priorYear: true, narrative: true });
const evaluation = evaluateBundle(base);
const figures = new Map(evaluation.figures.map((f) => [f.id, f]));
const key = (f: Finding) => `${f.ruleId}|${f.code}|${f.where.publishedId ?? ''}|${f.message.en}`;
const cleanKeys = new Set(checkBundle(base, {}, evaluation).findings.map(key));

const names = (f: Finding, id: string) =>
  (f.where.publishedId ?? '').split(',').includes(id) ||
  new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`).test(f.message.en);

type Row = { kind: MutationKind; tied: boolean; injected: number; caught: number; missed: string[] };

function run(kind: MutationKind, tied: boolean, random: () => number): Row {
  const pool = candidates(kind, base.published, figures, tied);
  const row: Row = { kind, tied, injected: 0, caught: 0, missed: [] };
  for (let attempt = 0; attempt < PER_KIND * 4 && row.injected < PER_KIND && pool.length > 0; attempt++) {
    const p = pool[Math.floor(random() * pool.length)] as PublishedFigure;
    const m = mutate(kind, p, figures, random);
    if (!m || m.value === null || (p.value as NonNullable<typeof p.value>).equals(m.value)) continue;
    row.injected += 1;
    const found = atOrAbove(
      checkBundle({ ...base, published: replaced(base.published, m) }, {}, evaluation).findings,
      'warning',
    );
    if (found.some((f) => !cleanKeys.has(key(f)) && names(f, p.id))) row.caught += 1;
    else row.missed.push(`${p.id} ${p.labelZh}: ${p.printed} ${p.unitLabel} → ${m.printed}`);
  }
  return row;
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

describe('mutation suite (fixed seed)', () => {
  it('catches injected errors by kind: ≥95% where the number is tied to a figure, ≥70% where not', {
    timeout: 300_000,
  }, () => {
    const random = seededRandom(SEED);
    const rows: Row[] = [
      ...MUTATION_KINDS.map((k) => run(k, true, random)),
      ...UNTIED_KINDS.map((k) => run(k, false, random)),
    ];
    const lines = rows.map(
      (r) =>
        `${r.tied ? 'tied  ' : 'untied'} ${r.kind.padEnd(26)} ${String(r.caught).padStart(3)}/${String(r.injected).padEnd(3)} ${pct(r.caught, r.injected)}${r.missed.length ? `  missed: ${r.missed.slice(0, 3).join('; ')}` : ''}`,
    );
    const total = (tied: boolean) =>
      rows
        .filter((r) => r.tied === tied)
        .reduce((a, r) => ({ caught: a.caught + r.caught, injected: a.injected + r.injected }), {
          caught: 0,
          injected: 0,
        });
    const { caught: tc, injected: ti } = total(true);
    const { caught: uc, injected: ui } = total(false);
    console.log(
      [
        `mutation suite, seed ${SEED}, ${base.published.length} printed numbers`,
        ...lines,
        `tied:   ${tc}/${ti} ${pct(tc, ti)}`,
        `untied: ${uc}/${ui} ${pct(uc, ui)}`,
      ].join('\n'),
    );
    expect(rows.every((r) => r.injected > 0)).toBe(true);
    expect(tc / ti).toBeGreaterThanOrEqual(0.95);
    expect(uc / ui).toBeGreaterThanOrEqual(0.7);
  });
});
