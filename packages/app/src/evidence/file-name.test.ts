/** Evidence file names (issue #17): every refusal the issue names, each with a message. */
import { describe, expect, it } from 'vitest';
import { EvidenceFileName } from './file-name.js';

const refusal = (name: string) => {
  const r = EvidenceFileName.safeParse(name);
  return r.success ? 'accepted' : (r.error.issues[0]?.message ?? '');
};

describe('evidence file names', () => {
  it('accepts ordinary names, Chinese ones and dots inside a name', () => {
    for (const name of [
      'bill 2026-01.pdf',
      '電費單（一月）.pdf',
      'meter..photo.jpg',
      `${'a'.repeat(196)}.pdf`,
    ])
      expect(refusal(name), name).toBe('accepted');
  });

  it('refuses a path: "../", "/" and "\\"', () => {
    for (const name of ['../x.pdf', '../../etc/passwd', 'dir/x.pdf', '..\\x.pdf', 'C:\\x.pdf'])
      expect(refusal(name), name).toMatch(/without a folder/);
    expect(refusal('..')).toMatch(/not "\." or "\.\."/);
    expect(refusal('.')).toMatch(/not "\." or "\.\."/);
  });

  it('refuses control characters (C0, DEL, C1)', () => {
    for (const name of ['bill\u0000.pdf', 'bill\n.pdf', 'bill\r.pdf', 'bill\u0007.pdf', 'bill\u007f.pdf'])
      expect(refusal(name), JSON.stringify(name)).toMatch(/without control characters/);
    expect(refusal('bill\u0085.pdf')).toMatch(/without control characters \(U\+0080–U\+009F\)/);
  });

  it('refuses bidirectional controls, the right-to-left override first', () => {
    expect(refusal('invoice\u202Efdp.exe')).toMatch(/without bidirectional controls/);
    const controls = [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
    ];
    for (const cp of controls)
      expect(refusal(`a${String.fromCodePoint(cp)}b.pdf`), cp.toString(16)).toMatch(/bidirectional controls/);
  });

  it('refuses a lone UTF-16 surrogate, keeps a pair (an emoji)', () => {
    expect(refusal('bill\ud800.pdf')).toMatch(/whole characters/);
    expect(refusal('bill\udc00.pdf')).toMatch(/whole characters/);
    expect(refusal('bill 😀.pdf')).toBe('accepted');
  });

  it('refuses an empty name and one over 200 characters', () => {
    expect(refusal('')).toMatch(/file name such as/);
    expect(refusal(`${'a'.repeat(197)}.pdf`)).toMatch(/at most 200 characters/);
    expect(refusal('a'.repeat(200))).toBe('accepted');
  });
});
