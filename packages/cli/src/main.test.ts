import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from './command.js';
import { main } from './main.js';

const root = join(import.meta.dirname, '..', '..', '..');
function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}

describe('assay CLI exit status', () => {
  it('0 for a valid bundle, with JSON output', async () => {
    const io = capture();
    expect(await main(['validate', join(root, 'examples/minimal'), '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.text())).toMatchObject({ ok: true, counts: { entities: 3 } });
  });
  it('1 for a bundle with errors', async () => {
    const io = capture();
    expect(await main(['validate', join(root, 'scripts')], io)).toBe(1);
    expect(io.text()).toContain('assay.yaml');
  });
  it('2 for bad usage', async () => {
    expect(await main(['validate'], capture())).toBe(2);
    expect(await main(['validate', 'x', '--format', 'xml'], capture())).toBe(2);
    expect(await main(['validate', 'x', '--bogus'], capture())).toBe(2);
    expect(await main(['frobnicate'], capture())).toBe(2);
  });
});
