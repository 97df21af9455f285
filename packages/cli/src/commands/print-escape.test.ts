/**
 * Terminal and log injection (issue #14, item 10): text from input files that the CLI prints, or
 * writes to the audit export, has its control characters escaped, so a cell cannot move the
 * cursor, recolour or clear the terminal, reverse the text around it, or forge a line.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-cli-escape-'));
const saved = { url: process.env.DATABASE_URL, data: process.env.ASSAY_DATA_DIR };

/** Raw control characters: C0 (newline included), DEL, C1, and the bidirectional overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point of the test
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function assay(...argv: string[]) {
  const calls: string[] = [];
  const code = await main(argv, { out: (t) => calls.push(t), err: (t) => calls.push(t) });
  return { code, calls };
}

beforeAll(async () => {
  delete process.env.DATABASE_URL; // the embedded store, in a folder of its own
  process.env.ASSAY_DATA_DIR = join(dir, 'data');
  expect((await assay('import', MINIMAL)).code).toBe(0);
});
afterAll(() => {
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  if (saved.data === undefined) delete process.env.ASSAY_DATA_DIR;
  else process.env.ASSAY_DATA_DIR = saved.data;
});

describe('assay import prints cell values escaped', () => {
  it('shows ESC, C1, bidi overrides and newlines from cells as escapes, one issue per line', async () => {
    const p = join(dir, 'evil.csv');
    writeFileSync(
      p,
      [
        'entity,period,indicator,value,unit,source',
        'smelter,2025,water.recycled,10,"\u001b[31mkg\u001b[0m\u001b[2J",meter',
        '"\u202eredlems",2025,water.recycled,10,m³,meter',
        'smelter,2025,"water.x\nsmelter, row 9: all fine",10,m³,meter',
        'smelter,2025,water.recycled,10,\u009b31mt,meter',
      ].join('\n'),
    );
    const r = await assay('import', p);
    expect(r.code).toBe(1);
    for (const line of r.calls) expect(line).not.toMatch(RAW_CONTROL);
    const text = r.calls.join('\n');
    expect(text).toContain('\\x1b[31mkg\\x1b[0m\\x1b[2J');
    expect(text).toContain('\\u202eredlems');
    expect(text).toContain('water.x\\nsmelter, row 9: all fine');
    expect(text).toContain('\\u009b31mt');
  });
});

describe('assay validate prints bundle values escaped', () => {
  it('shows a unit holding ESC and a newline as escapes, one issue per line', async () => {
    const b = join(dir, 'bundle');
    cpSync(MINIMAL, b, { recursive: true });
    writeFileSync(
      join(b, 'data-points.csv'),
      'entity,period,indicator,value,unit,source\ngroup,2025,revenue,1,"kg\u001b[2J\ngroup, row 9: ok",ledger\n',
    );
    const r = await assay('validate', b);
    expect(r.code).toBe(1);
    for (const line of r.calls) expect(line).not.toMatch(RAW_CONTROL);
    expect(r.calls.join('\n')).toContain('kg\\x1b[2J\\ngroup, row 9: ok');
  });
});

describe('the audit export keeps no raw control characters', () => {
  it('escapes them in the reason, author and subject of each entry, as CSV', async () => {
    const p = join(dir, 'ok.csv');
    writeFileSync(p, 'entity,period,indicator,value,unit,source\nsmelter,2025,water.recycled,11,m³,meter\n');
    const reason = 'monthly\nupload \u001b]8;;http://evil\u0007click\u001b]8;;\u0007 \u202etxt.exe';
    expect((await assay('import', p, '--reason', reason, '--author', 'ann\u001b[8m')).code).toBe(0);
    const out = join(dir, 'audit.csv');
    expect((await assay('export', out, '--table', 'audit')).code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    // CSV's own record separators are the only newlines left.
    for (const line of csv.split('\n')) expect(line).not.toMatch(RAW_CONTROL);
    expect(csv).toContain('monthly\\nupload \\x1b]8;;http://evil\\x07click');
    expect(csv).toContain('\\u202etxt.exe');
    expect(csv).toContain('ann\\x1b[8m');
  });
});
