/**
 * Several servers on one PostgreSQL database, over real HTTP (issue #15).
 *
 * 1. Two servers (each its own StoreWorkspace and pool, createApp, listening on a port) take
 *    PUT /api/data-points/:id naming the same version: exactly one answers 200, the other 412,
 *    and within a second both serve the accepted value.
 * 2. Kill test: a server in a child process (test/serve-child.ts) takes 100 sequential
 *    acknowledged writes while it is SIGKILLed at 20+ points (after an acknowledged write, or
 *    with a request in flight, at varying delays) and started again; afterwards every
 *    acknowledged write is in the database, revisions are numbered without gaps, and each
 *    revision is either acknowledged or the one request in flight when a kill came. Each
 *    server is started two cycles ahead (a start takes seconds here, see serve-child.ts), so it
 *    has followed the earlier servers' writes by notification when its turn comes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { migrate, openPostgresStore } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { listen, type Started } from '../src/start-server.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url));
const loaded = await loadBundle(join(ROOT, 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;

type Answer = { status: number; body: Record<string, unknown> };

async function put(base: string, id: string, body: Record<string, unknown>): Promise<Answer> {
  const r = await fetch(new URL(`api/data-points/${id}`, base), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** The data point as a server lists it: [value, version]. */
async function shown(base: string, id: string): Promise<[string, number] | undefined> {
  const r = await fetch(new URL('api/data-points', base));
  const list = ((await r.json()) as { dataPoints: { id: string; value: string; version: number }[] })
    .dataPoints;
  const d = list.find((x) => x.id === id);
  return d && [d.value, d.version];
}

async function within(ms: number, ok: () => Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (!(await ok())) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - start;
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('two servers on one database, over HTTP', () => {
  const servers: { started: Started; close: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  async function server(): Promise<string> {
    const store = await openPostgresStore(db.url);
    await migrate(store, '2026-07-01T00:00:00.000Z');
    const o = await StoreWorkspace.open(store, bundle);
    if (!o.ok) throw new Error(o.reason);
    const started = await listen(createApp({ workspace: o.workspace }), 0);
    servers.push({
      started,
      close: async () => {
        await started.close();
        await o.workspace.close();
      },
    });
    return started.url;
  }

  it('answers 200 to one of two PUTs naming one version and 412 to the other; both then show it', async () => {
    const [a, b] = [await server(), await server()];
    const edit = (base: string, value: string, how: 'body' | 'If-Match') =>
      how === 'body'
        ? put(base, 'rev-25', { value, reason: 'audited', version: 1 })
        : fetch(new URL('api/data-points/rev-25', base), {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'if-match': '"1"' },
            body: JSON.stringify({ value, reason: 'audited' }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    const answers = await Promise.all([edit(a, '1111', 'body'), edit(b, '2222', 'If-Match')]);
    expect(answers.map((x) => x.status).sort()).toEqual([200, 412]);
    const accepted = answers[0]?.status === 200 ? '1111' : '2222';
    expect(answers.find((x) => x.status === 412)?.body).toMatchObject({ error: { code: 'stale-version' } });
    const ms = await within(1000, async () => {
      const [sa, sb] = [await shown(a, 'rev-25'), await shown(b, 'rev-25')];
      return sa?.[0] === accepted && sb?.[0] === accepted && sa?.[1] === 2 && sb?.[1] === 2;
    });
    console.log(`both servers show the accepted value after ${ms.toFixed(0)} ms`);
    // One after the other through different servers: the second names a version no longer current.
    expect((await put(a, 'rev-24', { value: '951', reason: 'x', version: 1 })).status).toBe(200);
    expect((await put(b, 'rev-24', { value: '952', reason: 'x', version: 1 })).status).toBe(412);
    expect(await shown(b, 'rev-24')).toEqual(['951', 2]);
  });
});

describe('kill test: a server SIGKILLed while it takes writes', () => {
  type Child = { child: ChildProcess; base: string; exited: Promise<void> };

  async function startChild(): Promise<Child> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, db.url, join(ROOT, 'examples', 'minimal')],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const port = await new Promise<number>((resolve, reject) => {
      let buf = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        const m = /port (\d+)\n/.exec(buf);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before listening`)));
    });
    return { child, base: `http://127.0.0.1:${port}/`, exited };
  }

  async function kill(c: Child): Promise<void> {
    c.child.kill('SIGKILL');
    await c.exited;
  }

  it('keeps every acknowledged write across 20+ kills, mid-request ones included', async () => {
    const store = await openPostgresStore(db.url);
    await migrate(store, '2026-07-01T00:00:00.000Z');
    const stored = async () => {
      const [r] = await store.query<{ rev: number }>(
        "select rev from data_point_current where fact_id = 'rev-24'",
      );
      return Number(r?.rev);
    };
    const acked = new Map<number, string>(); // version → value, as the server acknowledged it
    const inFlight: string[] = []; // values sent when a kill came, not acknowledged
    let n = 0; // values written: 3000 + n
    let kills = 0;
    let lastWriteMs = 20; // how long the last acknowledged write took
    // The next two servers start while the current one takes writes (a start is seconds, nearly
    // all of it loading modules); they follow its writes by notification meanwhile.
    const next: Promise<Child>[] = [startChild(), startChild()];
    try {
      for (let cycle = 0; acked.size < 100 || kills < 20; cycle++) {
        const c = (await next.shift()) as Child;
        next.push(startChild());
        // The server shows the database's current version (it started before the last writes).
        const version0 = await stored();
        await within(2000, async () => (await shown(c.base, 'rev-24'))?.[1] === version0);
        let version = version0;
        // Kill point: after 1..9 acknowledged writes of this cycle, then either at once or, every
        // other cycle, with one more request in flight, killed after 25–100 % of the time the
        // last write took (before, during and after its commit).
        const writes = Math.min(1 + ((cycle * 4) % 9), Math.max(100 - acked.size, 1));
        for (let i = 0; i < writes; i++) {
          const value = String(3000 + ++n);
          const t0 = performance.now();
          const r = await put(c.base, 'rev-24', { value, reason: `write ${n}`, version });
          lastWriteMs = performance.now() - t0;
          expect(r.status).toBe(200);
          version = (r.body.dataPoint as { version: number }).version;
          acked.set(version, value);
        }
        if (cycle % 2 === 1) {
          const value = String(3000 + ++n);
          const pending = put(c.base, 'rev-24', { value, reason: `write ${n}`, version }).then(
            (r) => r,
            () => undefined,
          );
          await new Promise((r) => setTimeout(r, (lastWriteMs * ((cycle % 4) + 1)) / 4));
          await kill(c);
          const r = await pending;
          if (r?.status === 200) acked.set((r.body.dataPoint as { version: number }).version, value);
          else inFlight.push(value);
        } else await kill(c);
        kills++;
      }
    } finally {
      for (const p of next) await kill(await p);
      await store.close();
    }
    expect(kills).toBeGreaterThanOrEqual(20);
    // Read the database afresh, as a server starting now would.
    const o = await StoreWorkspace.open(await openPostgresStore(db.url), bundle, undefined, {
      follow: false,
    });
    if (!o.ok) throw new Error(o.reason);
    try {
      const history = (await o.workspace.history('rev-24')).slice(1); // 1: as loaded
      const byVersion = new Map(history.map((h) => [h.version, h.value]));
      for (const [version, value] of acked)
        expect([version, byVersion.get(version)]).toEqual([version, value]);
      // Numbered without gaps; nothing but acknowledged or in-flight values.
      expect(history.map((h) => h.version)).toEqual(history.map((_, i) => i + 2));
      const known = new Set([...acked.values(), ...inFlight, '951']);
      expect(history.filter((h) => !known.has(h.value))).toEqual([]);
      console.log(
        `kill test: ${kills} kills, ${acked.size} acknowledged writes, ${inFlight.length} in flight at a kill (${history.filter((h) => inFlight.includes(h.value)).length} of them committed)`,
      );
    } finally {
      await o.workspace.close();
    }
  }, 240_000);
});
