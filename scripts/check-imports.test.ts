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

  it('rejects tests that reach into another package by path or import an undeclared package, source that imports fixtures, and a renderer that imports core past its entry point', () => {
    const v = checkImports(join(import.meta.dirname, 'fixtures', 'test-reach'));
    expect(v.map((x) => `${x.file.replace(/\\/g, '/')}: ${x.message}`).sort()).toEqual([
      'packages/io/src/reader.test.ts: a test of io may not import @assay/render',
      'packages/io/src/reader.test.ts: a test of io reaches into another package by path ("../../store/test/helper.js"); import it by name (its testing entry point)',
      'packages/io/src/reader.ts: source may not import test fixtures ("@assay/core/testing")',
      'packages/render/src/html.ts: render imports @assay/core only through @assay/core/report-model, not "@assay/core"',
    ]);
  });

  it('rejects a core area that imports an area above it', () => {
    const v = checkImports(join(import.meta.dirname, 'fixtures', 'core-floors'));
    expect(v.map((x) => x.message)).toEqual(['core/model may not import core/bundle (allowed: units)']);
  });
});
