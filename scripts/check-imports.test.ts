import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports } from './check-imports.js';

describe('check-imports', () => {
  it('accepts the project as it is', () => {
    expect(checkImports(join(import.meta.dirname, '..'))).toEqual([]);
  });

  it('rejects a core file that imports a Node built-in and reads the clock', () => {
    const v = checkImports(join(import.meta.dirname, 'fixtures', 'impure-core'));
    expect(v.map((x) => x.message)).toEqual([
      'core is pure and may not import the Node built-in "node:fs"',
      'core is pure and may not use "Date.now"',
    ]);
  });
});
