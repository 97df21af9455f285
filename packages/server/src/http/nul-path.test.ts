import { describe, expect, it } from 'vitest';
import { nulPath } from './respond.js';

describe('nulPath: where a parsed JSON body holds U+0000', () => {
  it('names the first string or key that holds it, by its path', () => {
    expect(nulPath({ email: '\u0000', password: 'x' })).toBe('email');
    expect(nulPath({ rows: [{ value: '1' }, { value: 'a\u0000b' }] })).toBe('rows.1.value');
    expect(nulPath({ 'k\u0000': 1 })).toBe('k\\u0000');
    expect(nulPath('\u0000')).toBe('');
  });
  it('passes bodies without it, and does not overflow on deep nesting', () => {
    expect(nulPath({ a: [1, null, true, 'text', { b: 'é' }] })).toBeUndefined();
    let deep: unknown = 'end';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nulPath(deep)).toBeUndefined();
  });
});
