import { describe, expect, it } from 'vitest';
import { countingHasher } from '../../test/counting-hasher.js';
import {
  ARGON2_PARAMETERS,
  checkPassword,
  hashPassword,
  PASSWORD_MAX_BYTES,
  verifyPassword,
} from './passwords.js';

describe('password policy', () => {
  it('needs 12 characters, counted as code points (not UTF-16 units)', () => {
    expect(checkPassword('elevenchars')).toEqual({ ok: false, problem: 'too-short' });
    expect(checkPassword('twelve-chars')).toMatchObject({ ok: true });
    // 11 astral characters are 22 UTF-16 units but still 11 characters.
    expect(checkPassword('😀'.repeat(11))).toEqual({ ok: false, problem: 'too-short' });
    expect(checkPassword('😀'.repeat(12))).toMatchObject({ ok: true });
  });

  it('allows at most 1,024 UTF-8 bytes, before and after NFKC', () => {
    expect(checkPassword('a'.repeat(PASSWORD_MAX_BYTES))).toMatchObject({ ok: true });
    expect(checkPassword('a'.repeat(PASSWORD_MAX_BYTES + 1))).toEqual({ ok: false, problem: 'too-long' });
    // 342 × '€' (3 bytes each) = 1,026 bytes in 342 UTF-16 units.
    expect(checkPassword('€'.repeat(342))).toEqual({ ok: false, problem: 'too-long' });
    // U+FDFA is 3 bytes and becomes 18 characters (33 bytes) under NFKC: 40 of them are 120 bytes
    // as typed and 1,320 once normalised.
    expect(checkPassword('\uFDFA'.repeat(40))).toEqual({ ok: false, problem: 'too-long' });
  });

  it('normalises to NFKC: full-width digits and composed accents match their plain forms', () => {
    expect(checkPassword('Ｐａｓｓｗｏｒｄ１２３４')).toEqual({ ok: true, normalised: 'Password1234' });
    expect(checkPassword('cafe\u0301-cafe\u0301-xyz')).toEqual({ ok: true, normalised: 'café-café-xyz' });
  });
});

describe('argon2id hashing (real @node-rs/argon2)', () => {
  it('hashes with argon2id at the OWASP parameters and verifies only the same password', async () => {
    const h = await hashPassword('correct horse battery');
    if (!h.ok) throw new Error('hash refused');
    const m = ARGON2_PARAMETERS;
    expect(h.hash).toMatch(
      new RegExp(`^\\$argon2id\\$v=19\\$m=${m.memoryCost},t=${m.timeCost},p=${m.parallelism}\\$`),
    );
    expect(m.memoryCost).toBe(19_456); // 19 MiB in KiB
    expect(await verifyPassword(h.hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h.hash, 'correct horse batterY')).toBe(false);
    const again = await hashPassword('correct horse battery');
    expect(again.ok && again.hash).not.toBe(h.hash); // a new salt every time
  });

  it('verifies the full-width form of a password set in plain ASCII', async () => {
    const h = await hashPassword('Password1234');
    if (!h.ok) throw new Error('hash refused');
    expect(await verifyPassword(h.hash, 'Ｐａｓｓｗｏｒｄ１２３４')).toBe(true);
  });

  it('refuses a 1 MB password without hashing it, to set or to verify', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const hasher = countingHasher();
    expect(await hashPassword(huge, hasher)).toEqual({ ok: false, problem: 'too-long' });
    const h = await hashPassword('a fine password', hasher);
    if (!h.ok) throw new Error('hash refused');
    expect(hasher.calls).toEqual({ hash: 1, verify: 0 });
    expect(await verifyPassword(h.hash, huge, hasher)).toBe(false);
    expect(hasher.calls).toEqual({ hash: 1, verify: 0 });
  });
});
