/**
 * The demo's meter files (examples/xinxin-2025/meters, demonstration data) are what
 * scripts/generate-demo-meters.ts writes: a fresh run into a temporary folder gives the same CSV
 * bytes and a reading round with the same rows (the XLSX's ZIP carries its write time, so its
 * cells are compared, not its bytes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReadingRoundXlsx } from '@assay/io';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const COMMITTED = join(ROOT, 'examples', 'xinxin-2025', 'meters');
const out = mkdtempSync(join(tmpdir(), 'assay-demo-meters-gen-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('writes the committed demo meter files again', async () => {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts', 'generate-demo-meters.ts'), '--out', out],
    {
      cwd: ROOT,
    },
  );
  for (const f of [
    'meters.csv',
    'meter-replacements.csv',
    'utility-bills.csv',
    'demo-energy-platform-readings-2025.csv',
  ])
    expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(COMMITTED, f), 'utf8'));
  const round = 'demo-reading-round-hami-zhongxin-2025.xlsx';
  const fresh = await readReadingRoundXlsx(join(out, round), round);
  const committed = await readReadingRoundXlsx(join(COMMITTED, round), round);
  expect(committed.ok && committed.rows.length).toBe(39);
  expect(fresh).toEqual(committed);
}, 60_000);
