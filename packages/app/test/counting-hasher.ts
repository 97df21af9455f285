/** The real argon2id hasher (app/src/access/passwords.ts) with its calls counted, to show what was hashed. */
import { argon2idHasher, type PasswordHasher } from '../src/access/passwords.js';

export type CountingHasher = PasswordHasher & { readonly calls: { hash: number; verify: number } };

export function countingHasher(): CountingHasher {
  const calls = { hash: 0, verify: 0 };
  return {
    calls,
    hash: (p) => {
      calls.hash++;
      return argon2idHasher.hash(p);
    },
    verify: (h, p) => {
      calls.verify++;
      return argon2idHasher.verify(h, p);
    },
  };
}
