/** Names printed in a report carry no e-mail address (public-name.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicName } from './public-name.js';

describe('publicName', () => {
  it('keeps the name and drops the address', () => {
    expect(publicName('Lena Lead <lead@example.com>')).toBe('Lena Lead');
    expect(publicName('陳大文 <chan@example.com>')).toBe('陳大文');
    expect(publicName('lead@example.com')).toBe('lead');
    expect(publicName('<lead@example.com>')).toBe('lead');
    expect(publicName('bundle')).toBe('bundle');
  });
  it('never prints an address, whatever the label', () => {
    fc.assert(
      fc.property(fc.string(), fc.emailAddress(), fc.string(), (a, email, b) => {
        expect(publicName(`${a} <${email}> ${b}`)).not.toContain(email);
        expect(publicName(`${a}${email}`)).not.toContain('@');
      }),
    );
  });
});
