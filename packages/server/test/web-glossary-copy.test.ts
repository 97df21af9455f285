/**
 * The web app's copy of core's breakdown labels (packages/web/src/glossary.ts; the web app
 * imports no package) says what core says, in en and zh-Hant, for every code core knows
 * (issue #19: a code core labels but the copy lacks would print as English on a Chinese page),
 * and names the breakdown axes as core does. The copy is read as text (a test may not import
 * another package by path): one entry a line, `code: { 'zh-Hant': '…', en: '…' },`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AXIS_TERMS, AXIS_VALUES } from '@assay/core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './browser-fixture.js';

const source = readFileSync(join(ROOT, 'packages', 'web', 'src', 'glossary.ts'), 'utf8');
const ENTRY = /^ {2}'?([\w-]+)'?: \{ 'zh-Hant': '([^']*)', en: (['"])(.*)\3 \},$/;

/** The entries of `export const <name> … = { … };` in the web copy; a line it cannot read fails. */
function webTable(name: string): Record<string, { 'zh-Hant': string; en: string }> {
  const start = source.indexOf(`export const ${name}:`);
  const end = source.indexOf('\n};', start);
  expect(start, `${name} in web/src/glossary.ts`).toBeGreaterThan(-1);
  const lines = source.slice(source.indexOf('\n', start) + 1, end).split('\n');
  return Object.fromEntries(
    lines.map((line) => {
      const m = ENTRY.exec(line);
      if (!m) throw new Error(`web/src/glossary.ts ${name}: cannot read "${line}"`);
      return [m[1], { 'zh-Hant': m[2], en: m[4] }];
    }),
  );
}
const enAndZhHant = (terms: Readonly<Record<string, { en: string; 'zh-Hant': string }>>) =>
  Object.fromEntries(Object.entries(terms).map(([k, v]) => [k, { 'zh-Hant': v['zh-Hant'], en: v.en }]));

describe("the web app's copy of core's breakdown labels", () => {
  it('has every code of core AXIS_VALUES with the same en and zh-Hant text', () => {
    expect(webTable('AXIS_VALUES')).toEqual(enAndZhHant(AXIS_VALUES));
  });

  it('names every breakdown axis as core AXIS_TERMS does', () => {
    expect(webTable('AXIS_NAMES')).toEqual(enAndZhHant(AXIS_TERMS));
  });
});
