import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheck, creditCodeProblem } from './credit-code.js';

// Check characters computed by GB 32100-2015's rule (Python restatement in
// ../shared/reference/phase2-domain.md §2), not by the code under test.
const VALID = [
  '91350100M000100Y43', // the standard's worked example, Σ = 1640, 1640 mod 31 = 28, check 3
  '91350200776049653A', // Σ = 1261, mod 31 = 21, check A
  '91650100MA7XK2L1C8',
  '91320500MA1NQ8R4DR',
  '91610100MA6TG3H5E3',
  '91210100MA0Y4U6W7H',
];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character the standard computes', () => {
    for (const c of VALID) expect(creditCodeProblem(c), c).toBeUndefined();
  });

  it("refuses the standard's example with its misprinted check character Z", () => {
    expect(creditCodeProblem('91350100M000100Y4Z')).toBeDefined(); // Z is not in the alphabet
    expect(creditCodeProblem('91350100M000100Y44')).toContain('call for 3');
  });

  it('refuses wrong length, excluded letters and letters in the division code', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toContain('17 characters');
    expect(creditCodeProblem('91350100M000100I43')).toContain('form');
    expect(creditCodeProblem('9135A100M000100Y43')).toContain('form');
    expect(creditCodeProblem('91350100m000100y43')).toContain('form');
  });

  it('any single changed character among the first 17 is caught (31 is prime, weights are non-zero)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (code, pos, shift) => {
          const ch = code.charAt(pos);
          const digitOnly = pos >= 2 && pos <= 7;
          const alphabet = digitOnly ? '0123456789' : ALPHABET;
          const next = alphabet.charAt((alphabet.indexOf(ch) + shift) % alphabet.length);
          if (next === ch) return;
          const corrupted = code.slice(0, pos) + next + code.slice(pos + 1);
          expect(creditCodeProblem(corrupted)).toBeDefined();
        },
      ),
    );
  });

  it('the check of a random 17-character body makes a valid code', () => {
    const sym = fc.constantFrom(...ALPHABET.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    fc.assert(
      fc.property(
        fc.array(sym, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(sym, { minLength: 9, maxLength: 9 }),
        (a, b, c) => {
          const body = [...a, ...b, ...c].join('');
          expect(creditCodeProblem(body + creditCodeCheck(body))).toBeUndefined();
        },
      ),
    );
  });
});
