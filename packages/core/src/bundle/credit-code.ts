/**
 * The unified social credit code (統一社會信用代碼), GB 32100-2015: 18 characters from a
 * 31-symbol alphabet (0–9 and the capitals without I, O, S, V, Z, valued 0–30 in that order);
 * positions 3–8 are digits (the registering authority's administrative division, GB/T 2260).
 * The 18th is the check character: C18 = 31 − (Σ C_i × W_i mod 31), W_i = 3^(i−1) mod 31, a result
 * of 31 being 0. The standard's example 91350100M000100Y43 is valid; with its printed 'Z' in
 * place of '3' it is not.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character the first 17 characters call for; undefined if one is outside the alphabet. */
export function creditCodeCheck(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] as number);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Why a code is not a valid unified social credit code; undefined when it is. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `"${code}" has ${code.length} characters, not 18`;
  if (!SHAPE.test(code))
    return `"${code}" is not of the form GB 32100-2015 gives (capitals and digits without I, O, S, V, Z; positions 3–8 digits)`;
  const want = creditCodeCheck(code.slice(0, 17));
  if (want !== code.charAt(17))
    return `the check character of "${code}" is ${code.charAt(17)}, but its first 17 characters call for ${want}`;
  return undefined;
}
