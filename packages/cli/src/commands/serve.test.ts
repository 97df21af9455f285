import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  it('keeps edits in the store across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-serve-'));
    const saved = { data: process.env.ASSAY_DATA_DIR, url: process.env.DATABASE_URL };
    process.env.ASSAY_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const bundle = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
    const start = async () => {
      const s = await startOn(bundle, 0, capture(), false);
      if (typeof s === 'number') throw new Error('expected a server');
      return s;
    };
    try {
      const first = await start();
      expect(first.note).toContain('filled from');
      const put = await fetch(`${first.url}api/data-points/rev-25`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': '"1"' },
        body: JSON.stringify({ value: '1234', reason: 'restatement' }),
      });
      expect(put.status).toBe(200);
      await first.close();
      const second = await start();
      try {
        expect(second.note).toContain('already holds this group');
        const r = await fetch(`${second.url}api/data-points/rev-25/history`);
        const { revisions } = (await r.json()) as { revisions: { value: string; reason: string }[] };
        expect(revisions.map((x) => [x.value, x.reason])).toEqual([
          ['1000', 'loaded from bundle folder'],
          ['1234', 'restatement'],
        ]);
      } finally {
        await second.close();
      }
    } finally {
      if (saved.data === undefined) delete process.env.ASSAY_DATA_DIR;
      else process.env.ASSAY_DATA_DIR = saved.data;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
