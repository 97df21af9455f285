import { describe, expect, it } from 'vitest';
import type { Output } from '../command.js';
import { main } from '../main.js';
import { startOn } from './serve.js';

function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}

describe('assay serve', () => {
  it('refuses a non-loopback host with exit 2 and says why', async () => {
    const io = capture();
    expect(await main(['serve', '--host', '0.0.0.0'], io)).toBe(2);
    expect(io.text()).toContain('listens on 127.0.0.1 only');
  });
  it('refuses a bad port with exit 2', async () => {
    expect(await main(['serve', '--port', 'eighty'], capture())).toBe(2);
  });
  it('does not serve a bundle with errors (exit 1)', async () => {
    const io = capture();
    expect(await startOn(import.meta.dirname, 0, io)).toBe(1);
    expect(io.text()).toContain('assay.yaml');
  });
  it('serves the API on the loopback address', async () => {
    const started = await startOn(`${import.meta.dirname}/../../../../examples/minimal`, 0, capture());
    if (typeof started === 'number') throw new Error('expected a server');
    try {
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const r = await fetch(`${started.url}api/organisation`);
      expect(((await r.json()) as { id: string }).id).toBe('demo');
    } finally {
      await started.close();
    }
  });
});
