/** Hostile bundle folders: every outcome is a list of issues naming the file, never a throw or a library's words. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './bundle-folder.js';

const MINIMAL = join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal');

function bundleWith(file: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-hostile-bundle-'));
  cpSync(MINIMAL, dir, { recursive: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

/** Ten anchors, each a list of nine aliases of the one before: 10^9 strings once expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = `*${String.fromCharCode(96 + i)}`;
    lines.push(`${name}: &${name} [${Array(9).fill(prev).join(',')}]`);
  }
  return lines.join('\n');
}

describe('a hostile bundle folder gives issues naming the file', () => {
  it('refuses a billion-laughs YAML (aliases expanding without end)', async () => {
    const r = await loadBundle(bundleWith('assay.yaml', billionLaughs()));
    expect(r).toMatchObject({
      ok: false,
      issues: [{ file: 'assay.yaml', reason: expect.stringMatching(/more than 100 aliases/) }],
    });
  });

  it.each([
    ['flow sequences', '['.repeat(20_000) + ']'.repeat(20_000)],
    ['flow mappings', `${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ['block mappings', Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
  ])('refuses YAML nested without end (%s) without the parser’s words', async (_what, text) => {
    const r = await loadBundle(bundleWith('indicators.yaml', text));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({
        file: 'indicators.yaml',
        reason: expect.stringMatching(/nested more than 64 levels/),
      });
      expect(JSON.stringify(r.issues)).not.toMatch(/call stack/i);
    }
  });

  it('refuses a YAML value that contains itself (an alias to its own ancestor)', async () => {
    const r = await loadBundle(bundleWith('registers.yaml', 'suppliers: &s [{name: x, parts: *s}]'));
    expect(r).toMatchObject({
      ok: false,
      issues: [{ file: 'registers.yaml', reason: expect.stringMatching(/contains itself/) }],
    });
  });

  it('refuses a file that is a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-hostile-bundle-'));
    cpSync(MINIMAL, dir, { recursive: true });
    mkdirSync(join(dir, 'registers.yaml'));
    expect(await loadBundle(dir)).toMatchObject({
      ok: false,
      issues: [{ file: 'registers.yaml', reason: expect.stringMatching(/not a file/) }],
    });
  });
});
