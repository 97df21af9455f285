import { describe, expect, it } from 'vitest';
import { generateCleanBundle } from '../../testing/generate-clean-bundle.js';
import { checkBundle } from '../check-bundle.js';

describe('a clean generated bundle', () => {
  it('gives zero findings: printed figures equal the computed ones rounded half-up', () => {
    const b = generateCleanBundle(5);
    expect(b.published.length).toBeGreaterThan(40);
    expect(checkBundle(b).findings).toEqual([]);
  });
});
