/**
 * `assay serve` on the demo (examples/xinxin-2025) shows its demonstration meters over HTTP, in
 * both storage modes: `--memory` (the meters in an in-memory PGlite of their own) and the default
 * PGlite data folder, where a restart serves the same store without adding anything. Hand sums and
 * the findings' detail: app use-cases/meter-folder-demo.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../command.js';
import { demoBundle, type Serving, startOn } from './serve.js';

const quiet = (): Output & { text: () => string } => {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
};

async function started(memory: boolean): Promise<Serving & { log: string }> {
  const io = quiet();
  const s = await startOn(demoBundle(), 0, io, memory);
  if (typeof s === 'number') throw new Error(`serve failed: ${io.text()}`);
  return { ...s, log: io.text() };
}

type Answer = {
  version?: number;
  meters?: unknown[];
  findings?: { code: string; meterId: string; month: string }[];
};

async function meterState(s: Serving) {
  const get = async (path: string): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${s.port}/api${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Answer;
  };
  const register = await get('/meters');
  const findings = await get('/meters/findings');
  const rec = await get('/meters/reconciliation');
  return {
    version: register.version,
    meters: register.meters?.length,
    findings: findings.findings?.map((f) => f.code).sort(),
    reconciliationFindings: rec.findings?.map((f) => `${f.meterId} ${f.month}`),
  };
}

const EXPECTED = {
  version: 1,
  meters: 11,
  findings: ['gap', 'replacement', 'roll-over', 'spike'],
  reconciliationFindings: ['FK-E-MAIN 2025-06'],
};

describe('assay serve on the demo: its meters', () => {
  it('with --memory', async () => {
    const s = await started(true);
    try {
      expect(s.note).toBe('in memory (meters: 11, readings: 2963, bills: 48): edits are lost on exit');
      expect(await meterState(s)).toEqual(EXPECTED);
    } finally {
      await s.close();
    }
  }, 120_000);

  it('over a PGlite data folder, loaded once: a restart adds nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-serve-demo-meters-'));
    const saved = { data: process.env.ASSAY_DATA_DIR, url: process.env.DATABASE_URL };
    process.env.ASSAY_DATA_DIR = join(dir, 'data');
    delete process.env.DATABASE_URL;
    try {
      const first = await started(false);
      try {
        expect(first.note).toContain('(meters: 11, readings: 2963, bills: 48)');
        expect(await meterState(first)).toEqual(EXPECTED);
      } finally {
        await first.close();
      }
      const again = await started(false);
      try {
        expect(again.note).toContain('already holds this group');
        expect(await meterState(again)).toEqual(EXPECTED);
      } finally {
        await again.close();
      }
    } finally {
      if (saved.data === undefined) delete process.env.ASSAY_DATA_DIR;
      else process.env.ASSAY_DATA_DIR = saved.data;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
