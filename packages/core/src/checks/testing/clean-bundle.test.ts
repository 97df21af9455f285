import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCleanBundle } from '../../testing/generate-clean-bundle.js';
import { checkBundle } from '../check-bundle.js';
import { atOrAbove } from '../finding.js';

const brief = (fs: ReturnType<typeof checkBundle>['findings']) =>
  fs.map(
    (f) =>
      `${f.severity} ${f.ruleId}/${f.code} ${f.where.publishedId ?? f.where.figureId ?? ''}: ${f.message.en}`,
  );

describe('a clean generated bundle', () => {
  it('gives zero findings: printed figures equal the computed ones rounded half-up', () => {
    const b = generateCleanBundle(5);
    expect(b.published.length).toBeGreaterThan(40);
    expect(checkBundle(b).findings).toEqual([]);
  });

  it('printed to 0, 1, 2 decimals and in thousands, with the prior year and narrative numbers: nothing above info (fixed seed)', () => {
    const b = generateCleanBundle(6, { printing: 'mixed', seed: 20, priorYear: true, narrative: true });
    const places = new Set(
      b.published.map((p) => `${p.precision}${p.unitLabel.startsWith('千') ? 'k' : ''}`),
    );
    expect([...places].sort()).toEqual(expect.arrayContaining(['0', '1', '2', '0k', '1k', '2k']));
    expect(brief(atOrAbove(checkBundle(b).findings, 'warning'))).toEqual([]);
  });

  it('the summary states the coverage: the share of printed numbers tied to a figure', () => {
    const b = generateCleanBundle(3, { printing: 'mixed', seed: 20, narrative: true });
    const untied = b.published.filter((p) => p.figureRef === undefined).length;
    expect(untied).toBeGreaterThan(0);
    expect(checkBundle(b).summary.coverage).toEqual({
      printed: b.published.length,
      tied: b.published.length - untied,
      computable: b.published.length - untied,
    });
    // a printed entry with no numeric value is not a printed number; a claim Assay cannot compute is tied but not computable
    const extra = [
      { ...(b.published[0] as (typeof b.published)[number]), id: 'x-text', printed: '不適用', value: null },
      {
        ...(b.published[0] as (typeof b.published)[number]),
        id: 'x-claim',
        figureRef: 'water.saved@group/2025',
      },
    ];
    expect(checkBundle({ ...b, published: [...b.published, ...extra] }).summary.coverage).toEqual({
      printed: b.published.length + 1,
      tied: b.published.length - untied + 1,
      computable: b.published.length - untied,
    });
  });

  it('the same for random seeds and group sizes (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 8 }), (seed, n) => {
        const b = generateCleanBundle(n, { printing: 'mixed', seed, priorYear: true, narrative: true });
        expect(brief(atOrAbove(checkBundle(b).findings, 'warning'))).toEqual([]);
      }),
      { numRuns: 25, seed: 20 },
    );
  });
});
