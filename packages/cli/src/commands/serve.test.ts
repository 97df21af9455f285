import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { importBundle, migrate, openPgliteStore } from '@assay/store';
import { describe, expect, it } from 'vitest';
import type { Output } from '../command.js';
import { main } from '../main.js';
import { startOn } from './serve.js';

function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}

describe('assay serve', () => {
  it('refuses a non-loopback host with --memory (no accounts) with exit 2 and says why', async () => {
    const io = capture();
    expect(await main(['serve', '--host', '0.0.0.0', '--memory'], io)).toBe(2);
    expect(io.text()).toContain('listens on 127.0.0.1 only');
  });
  it('serves beyond loopback only once the store has an enabled administrator of the group (issue #16)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-serve-host-'));
    const saved = { data: process.env.ASSAY_DATA_DIR, url: process.env.DATABASE_URL };
    process.env.ASSAY_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const bundle = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
    try {
      const io = capture();
      expect(await startOn(bundle, 0, io, false, '0.0.0.0')).toBe(2);
      expect(io.text()).toContain('no enabled administrator of "group"');
      const store = await openPgliteStore(dir);
      const { addUser, grantRole } = await import('@assay/app/access');
      const u = await addUser(
        store,
        { email: 'lead@example.com', name: 'Lead', password: 'a long enough password' },
        new Date(),
      );
      if (!u.ok) throw new Error(u.message);
      await grantRole(
        store,
        { userId: u.id, role: 'administrator', entityId: 'group', grantedBy: 'test' },
        new Date(),
      );
      await store.close();
      const s = await startOn(bundle, 0, capture(), false, '0.0.0.0');
      if (typeof s === 'number') throw new Error('expected a server');
      try {
        expect(s.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
        // Closed: an administrator exists, so a request without a session is refused.
        expect((await fetch(`http://127.0.0.1:${s.port}/api/organisation`)).status).toBe(401);
      } finally {
        await s.close();
      }
    } finally {
      if (saved.data === undefined) delete process.env.ASSAY_DATA_DIR;
      else process.env.ASSAY_DATA_DIR = saved.data;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
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
  it('does not start on a store whose data fails validation: prints why, names the row, writes nothing (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-serve-bad-'));
    const saved = { data: process.env.ASSAY_DATA_DIR, url: process.env.DATABASE_URL };
    process.env.ASSAY_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const bundle = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
    const footprint = async () => {
      const store = await openPgliteStore(dir);
      try {
        return await store.query(
          `select (select count(*) from data_point_revision)::int as dp, (select count(*) from change_set)::int as cs,
                  (select count(*) from audit_log)::int as audit`,
        );
      } finally {
        await store.close();
      }
    };
    try {
      const store = await openPgliteStore(dir);
      await migrate(store, '2026-01-01T00:00:00.000Z');
      const loaded = await loadBundle(bundle);
      if (!loaded.ok) throw new Error('examples/minimal should load');
      await importBundle(store, loaded.bundle, { author: 'a', reason: 'r', at: '2026-01-01T00:00:00.000Z' });
      // A quarter next to the annual revenue, as an import before the store checked for it wrote.
      await store.exec(`insert into change_set (author, at, reason, source) values ('old', now(), 'old', 'q1.csv');
        insert into data_point_revision (fact_key, rev, change_set, seq, fact_id, entity_id, period_id, indicator_id,
          disaggregation, value, unit, source)
        select 'group|2025-Q1|revenue|', 1, max(id), 1, 'rev-25-q1', 'group', '2025-Q1', 'revenue', '', 240, 'CNY million', 'ledger'
        from change_set`);
      await store.close();
      const before = await footprint();
      const io = capture();
      expect(await startOn(bundle, 0, io, false)).toBe(1);
      expect(io.text()).toMatch(/the store's data cannot be read \(1 problem\); nothing was written/);
      expect(io.text()).toMatch(
        /data-points\.csv, row 9, column period: 2025-Q1 overlaps 2025 on line 2.*\(data point "rev-25-q1"\)/,
      );
      expect(io.text()).toMatch(/not serving/);
      expect(await footprint()).toEqual(before);
    } finally {
      if (saved.data === undefined) delete process.env.ASSAY_DATA_DIR;
      else process.env.ASSAY_DATA_DIR = saved.data;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
