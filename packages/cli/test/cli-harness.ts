/**
 * What the CLI tests share: run `assay` in-process (main, the same dispatcher the bin script
 * runs) with its output captured, in a fresh PGlite data folder (ASSAY_DATA_DIR in a temporary
 * folder, DATABASE_URL unset) so that every storage command opens the same real store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/main.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const MINIMAL = join(ROOT, 'examples', 'minimal');
export const XINXIN = join(ROOT, 'examples', 'xinxin-2025');

export type Run = { code: number; out: string; err: string };

export async function assay(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Point the storage commands at a new empty PGlite folder; returns it and a function that undoes it. */
export function freshDataDir(prefix: string): { dir: string; dataDir: string; restore: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const saved = { data: process.env.ASSAY_DATA_DIR, url: process.env.DATABASE_URL };
  const dataDir = join(dir, 'data');
  process.env.ASSAY_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  return {
    dir,
    dataDir,
    restore: () => {
      for (const [k, v] of [
        ['ASSAY_DATA_DIR', saved.data],
        ['DATABASE_URL', saved.url],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
