/**
 * The checker's Simplified → Traditional table (core checks/util/simplified-chars.ts, hand-kept
 * because core may not import opencc-js) agrees with opencc-js both ways, pair by pair.
 */
import { SIMPLIFIED_TO_TRADITIONAL } from '@assay/core';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';

describe("the name-variants rule's Simplified → Traditional table", () => {
  it('holds only pairs that opencc-js converts into each other', () => {
    const toHans = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const toHant = OpenCC.Converter({ from: 'cn', to: 'hk' });
    expect(SIMPLIFIED_TO_TRADITIONAL.size).toBeGreaterThan(140);
    for (const [s, t] of SIMPLIFIED_TO_TRADITIONAL) {
      expect(toHant(s), s).toBe(t);
      expect(toHans(t), t).toBe(s);
    }
  });
});
