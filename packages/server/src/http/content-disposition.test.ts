/** The download name in Content-Disposition (RFC 6266/8187): nothing in a name can break out of it. */
import { describe, expect, it } from 'vitest';
import { asciiFallback, attachment, rfc8187 } from './content-disposition.js';

describe('Content-Disposition for evidence downloads', () => {
  it('keeps plain ASCII names and percent-encodes UTF-8 for filename*', () => {
    expect(attachment('bill-2026_01.pdf')).toBe(
      `attachment; filename="bill-2026_01.pdf"; filename*=UTF-8''bill-2026_01.pdf`,
    );
    expect(attachment('電費單 一月.pdf')).toBe(
      `attachment; filename="___ __.pdf"; filename*=UTF-8''%E9%9B%BB%E8%B2%BB%E5%96%AE%20%E4%B8%80%E6%9C%88.pdf`,
    );
  });

  it('replaces quote, backslash, slash, percent, semicolon, comma and controls in the fallback', () => {
    expect(asciiFallback('a"b\\c/d%e;f,g\r\nh\u202ei.pdf')).toBe('a_b_c_d_e_f_g__h_i.pdf');
    expect(rfc8187(`a"b;c'd(e)*%.pdf`)).toBe('a%22b%3Bc%27d%28e%29%2A%25.pdf');
    const header = attachment('x"; filename="evil.html');
    expect(header).toBe(
      `attachment; filename="x__ filename=_evil.html"; filename*=UTF-8''x%22%3B%20filename%3D%22evil.html`,
    );
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
