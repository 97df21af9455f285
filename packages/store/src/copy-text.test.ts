import { describe, expect, it } from 'vitest';
import { copyField, copyLine } from './copy-text.js';

describe('COPY text format', () => {
  it('writes null as \\N and leaves plain text alone', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('電力 MWh')).toBe('電力 MWh');
    expect(copyField(12)).toBe('12');
  });

  it('escapes the characters that would break a line or a column', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    // A literal "\N" in the data is text, not null.
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('joins fields with tabs and ends the line', () => {
    expect(copyLine([1, 'x', null, ''])).toBe('1\tx\t\\N\t\n');
  });
});
