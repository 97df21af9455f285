/**
 * Atomicity under a crash: a child process importing 30,000 activity lines into PostgreSQL is
 * SIGKILLed after a few batches; afterwards none of the import is there. Run to completion,
 * all of it is. Either way the audit chain verifies.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalStore, type TestStore } from '../test/minimal-store.js';
import { verifyAudit } from './audit.js';

const ROWS = 30_000;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../test/import-child.ts', import.meta.url));
let t: TestStore;
let csv: string;
let url: string;

beforeAll(async () => {
  t = await minimalStore();
  url = t.url;
  csv = join(mkdtempSync(join(tmpdir(), 'assay-kill-')), 'lines.csv');
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `smelter,2025-0${(i % 9) + 1},fuel,diesel,combustion,${i}.5,t,card`,
  );
  writeFileSync(csv, `entity,period,activity,subject,use,amount,unit,source\n${rows.join('\n')}\n`);
});
afterAll(async () => {
  await t?.close();
});

function startChild(): { child: ChildProcess; lines: AsyncIterable<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, csv], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  async function* lines() {
    let buf = '';
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      buf += chunk.toString();
      let i = buf.indexOf('\n');
      while (i >= 0) {
        yield buf.slice(0, i);
        buf = buf.slice(i + 1);
        i = buf.indexOf('\n');
      }
    }
  }
  return { child, lines: lines(), exit };
}

const lineCount = async () => {
  const [r] = await t.store.query<{ n: string }>('select count(*)::text as n from activity_line_revision');
  return Number(r?.n);
};

describe('an import killed with SIGKILL', () => {
  it('leaves none of its rows behind, and a full run leaves all of them', async () => {
    const before = await t.snapshot();
    const baseline = await lineCount(); // the bundle's own activity lines
    const run = startChild();
    for await (const line of run.lines) {
      if (line === 'batch 3') {
        run.child.kill('SIGKILL'); // 10,000 of 30,000 rows staged inside the open transaction
        break;
      }
      if (line.startsWith('done')) throw new Error(`the import finished before it could be killed: ${line}`);
    }
    await run.exit;
    expect(await t.snapshot()).toEqual(before);
    expect(await lineCount()).toBe(baseline);

    const full = startChild();
    let last = '';
    for await (const line of full.lines) last = line;
    expect(await full.exit).toBe(0);
    expect(last).toMatch(/^done .*"added":30000/);
    expect(await lineCount()).toBe(baseline + ROWS);
    expect(await verifyAudit(t.store)).toMatchObject({ ok: true });
  });
});
