/**
 * calc, check, disclosures, explain and report read a bundle folder when one is named and the
 * store when none is (commands/bundle-source.ts): after `assay import <folder>` into a fresh
 * PGlite data folder, each command without the folder prints exactly what it prints with it.
 * An empty store is a clear message (where, and what to run) and exit 1, and is not created.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, freshDataDir, MINIMAL, XINXIN } from './cli-harness.js';

/** Runs with the folder and without it (from the store) must agree in status and output. */
async function same(args: string[], folder: string) {
  const [command, ...rest] = args;
  const fromFolder = await assay(command as string, folder, ...rest);
  const fromStore = await assay(...args);
  expect(fromStore.err).toBe(fromFolder.err);
  expect(fromStore.out).toBe(fromFolder.out);
  expect(fromStore.code).toBe(fromFolder.code);
  return fromStore;
}

/** `assay report` into two folders: the same files with the same bytes. */
async function sameReport(dir: string, folder: string, formats: string) {
  const a = join(dir, 'report-folder');
  const b = join(dir, 'report-store');
  expect((await assay('report', folder, '--out', a, '--format', formats, '--lang', 'en')).code).toBe(0);
  expect((await assay('report', '--out', b, '--format', formats, '--lang', 'en')).code).toBe(0);
  const files = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(files);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(readFileSync(join(b, f)), f).toEqual(readFileSync(join(a, f)));
  return files;
}

describe('examples/minimal from the store', () => {
  let env: ReturnType<typeof freshDataDir>;
  beforeAll(async () => {
    env = freshDataDir('assay-source-min-');
    expect((await assay('import', MINIMAL)).code).toBe(0);
  });
  afterAll(() => env.restore());

  it('calc --format json: the same figures', async () => {
    const r = await same(['calc', '--format', 'json'], MINIMAL);
    expect((JSON.parse(r.out) as { figures: unknown[] }).figures.length).toBeGreaterThan(5);
  });
  it('calc as text, filtered by entity', async () => {
    await same(['calc', '--entity', 'smelter'], MINIMAL);
  });
  it('check --format json: the same findings', async () => {
    await same(['check', '--format', 'json'], MINIMAL);
  });
  it('disclosures for each framework', async () => {
    for (const fw of ['hkex', 'gri', 'sasac'])
      await same(['disclosures', '--framework', fw, '--format', 'json'], MINIMAL);
  });
  it('explain a figure, and a figure that is not there', async () => {
    const calc = JSON.parse((await assay('calc', MINIMAL, '--format', 'json')).out) as {
      figures: { id: string }[];
    };
    const id = calc.figures[0]?.id as string;
    const r = await same(['explain', id, '--format', 'json'], MINIMAL);
    expect(r.code).toBe(0);
    expect((await same(['explain', 'no-such@group/2025'], MINIMAL)).code).toBe(2);
  });
  it('report (HTML and JSON): the same files', async () => {
    expect(await sameReport(env.dir, MINIMAL, 'html,json')).toEqual(['figures.json', 'report.en.html']);
  });
});

describe('examples/xinxin-2025 from the store', () => {
  let env: ReturnType<typeof freshDataDir>;
  beforeAll(async () => {
    env = freshDataDir('assay-source-xinxin-');
    expect((await assay('import', XINXIN)).code).toBe(0);
  });
  afterAll(() => env.restore());

  it('calc and check --format json', async () => {
    const calc = await same(['calc', '--format', 'json'], XINXIN);
    expect((JSON.parse(calc.out) as { figures: unknown[] }).figures.length).toBeGreaterThan(100);
    await same(['check', '--format', 'json'], XINXIN);
  });
  it('report JSON: the same file, with the content indices of the frameworks the bundle reports against', async () => {
    await sameReport(env.dir, XINXIN, 'json');
  });
});

describe('an empty store', () => {
  let env: ReturnType<typeof freshDataDir>;
  beforeAll(() => {
    env = freshDataDir('assay-source-empty-');
  });
  afterAll(() => env.restore());

  it('no data folder yet: says so and what to run, exit 1, and creates nothing', async () => {
    for (const args of [
      ['calc'],
      ['check'],
      ['disclosures'],
      ['explain', 'revenue@group/2025'],
      ['report', '--out', join(env.dir, 'r')],
    ]) {
      const r = await assay(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain(env.dataDir);
      expect(r.err).toContain('is empty');
      expect(r.err).toContain('assay import <folder>');
      expect(r.err).toContain('assay serve');
    }
    expect(existsSync(env.dataDir)).toBe(false);
  });
  it('a migrated store that holds nothing: the same message', async () => {
    expect((await assay('db', 'migrate')).code).toBe(0);
    const r = await assay('calc', '--format', 'json');
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toMatch(/assay calc: the store .* is empty\. Import a bundle with `assay import <folder>`/);
  });
});
