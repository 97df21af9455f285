/**
 * Backup of the embedded store while `assay serve` holds it (issue #23; docs/operations.md,
 * "Backup while the server runs"): a real server in a child process on a PGlite data folder with
 * an administrator; data-point edits and an evidence file written over HTTP; `assay backup <file>`
 * alone is refused with the hint to use the server, `--server` without a token is refused (401),
 * with an administrator's API token it writes the file while the server keeps running and
 * accepting writes. The file is restored into a new folder: the audit head is the backup's, the
 * restored store served again gives the same figures and data points and the same evidence bytes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, grantRole, issueApiToken } from '@assay/app/access';
import { openStore } from '@assay/store';
import { afterAll, expect, it } from 'vitest';
import { assay, MINIMAL, ROOT } from './cli-harness.js';

const BIN = join(ROOT, 'packages', 'cli', 'bin', 'assay.js');
const dir = mkdtempSync(join(tmpdir(), 'assay-backup-serving-'));
const saved = {
  data: process.env.ASSAY_DATA_DIR,
  url: process.env.DATABASE_URL,
  token: process.env.ASSAY_TOKEN,
};
const children: ChildProcess[] = [];
const t0 = performance.now();
/** Progress on stderr with seconds since start (the machine is shared; a slow step shows where). */
const mark = (what: string) =>
  process.stderr.write(`backup-while-serving ${((performance.now() - t0) / 1000).toFixed(1)} s: ${what}\n`);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const [k, v] of [
    ['ASSAY_DATA_DIR', saved.data],
    ['DATABASE_URL', saved.url],
    ['ASSAY_TOKEN', saved.token],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

function serve(dataDir: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASSAY_DATA_DIR: dataDir, ASSAY_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve', MINIMAL, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1])
        resolve({
          base: m[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.stderr?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.once('exit', (code) => reject(new Error(`assay serve exited ${code}: ${out}`)));
  });
}

type Json = Record<string, unknown>;

it('assay backup --server backs up a running embedded server; the restore has the same figures, evidence and audit chain', async () => {
  const dataDir = join(dir, 'data');
  // An administrator with an API token, made before the server takes the folder.
  process.env.ASSAY_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
  const s2 = await openStore({ dataDir });
  const admin = await addUser(s2, { email: 'admin@backup.test', name: 'Admin' }, new Date());
  const viewer = await addUser(s2, { email: 'viewer@backup.test', name: 'Viewer' }, new Date());
  if (!admin.ok || !viewer.ok) throw new Error('accounts');
  await grantRole(
    s2,
    { userId: admin.id, role: 'administrator', entityId: 'group', grantedBy: 'test' },
    new Date(),
  );
  await grantRole(
    s2,
    { userId: admin.id, role: 'preparer', entityId: 'group', grantedBy: 'test' },
    new Date(),
  );
  await grantRole(
    s2,
    { userId: viewer.id, role: 'viewer', entityId: 'group', grantedBy: 'test' },
    new Date(),
  );
  const t = await issueApiToken(s2, { userId: admin.id, label: 'backup' }, new Date());
  const tv = await issueApiToken(s2, { userId: viewer.id, label: 'viewer' }, new Date());
  if (!t.ok || !tv.ok) throw new Error('tokens');
  await s2.close();
  const auth = { authorization: `Bearer ${t.token}` };

  const server = await serve(dataDir);
  mark('server started');
  const call = async (method: string, path: string, body?: unknown, headers: Json = auth) => {
    const r = await fetch(`${server.base}${path}`, {
      method,
      headers: {
        ...(headers as Record<string, string>),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: r.status,
      body: r.headers.get('content-type')?.includes('json')
        ? ((await r.json()) as Json)
        : await r.arrayBuffer(),
    };
  };
  const version = async (id: string) =>
    (
      (await call('GET', '/api/data-points')).body as { dataPoints: { id: string; version: number }[] }
    ).dataPoints.find((p) => p.id === id)?.version as number;
  // Writes through the running server: two edits and an evidence file (a PDF signature, then every byte value).
  for (const value of ['301', '302']) {
    const r = await call('PUT', '/api/data-points/hc-s-m', {
      value,
      reason: 'backup test',
      version: await version('hc-s-m'),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  // A PDF signature (the upload checks it), then every byte value.
  const bytes = Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)),
  ]);
  const up = await call('POST', '/api/data-points/hc-s-f/evidence', {
    fileName: '人事記錄 2025.pdf',
    contentBase64: bytes.toString('base64'),
  });
  expect(up.status, JSON.stringify(up.body)).toBeLessThan(300);
  const sha = (up.body as { sha256: string }).sha256;
  expect(sha).toMatch(/^[0-9a-f]{64}$/);

  // The folder is the server's: the plain command is refused and points at --server.
  const file = join(dir, 'while-serving.assay-backup');
  mark('writes done');
  const locked = await assay('backup', file);
  expect(locked.code).toBe(1);
  expect(locked.err).toContain('--server');
  // Administrators only: no token 401, a viewer 403.
  expect((await call('GET', '/api/backup', undefined, {})).status).toBe(401);
  expect((await call('GET', '/api/backup', undefined, { authorization: `Bearer ${tv.token}` })).status).toBe(
    403,
  );
  delete process.env.ASSAY_TOKEN;
  expect((await assay('backup', file, '--server', server.base)).code).toBe(1);
  expect(existsSync(file)).toBe(false);

  const figures = (await call('GET', '/api/figures')).body as Json;
  const points = (await call('GET', '/api/data-points')).body as Json;
  process.env.ASSAY_TOKEN = t.token;
  const b = await assay('backup', file, '--server', server.base);
  expect(b.code, b.err).toBe(0);
  const head = /head ([0-9a-f]{64})/.exec(b.out)?.[1];
  expect(head).toBeDefined();
  expect(existsSync(`${file}.partial`)).toBe(false);

  mark('first backup written');
  // A second backup while edits keep arriving: taken from one snapshot, it restores whole.
  const during = join(dir, 'during-writes.assay-backup');
  const writes = (async () => {
    for (const value of ['303', '304', '305']) {
      const r = await call('PUT', '/api/data-points/hc-s-m', {
        value,
        reason: 'during backup',
        version: await version('hc-s-m'),
      });
      expect(r.status).toBe(200);
    }
  })();
  const b2 = await assay('backup', during, '--server', server.base);
  await writes;
  expect(b2.code, b2.err).toBe(0);
  // The server kept serving and writing all along.
  expect((await call('GET', '/api/health')).status).toBe(200);
  await server.stop();
  mark('second backup written');

  // Restore into a new folder: chain verified, same head, then the same figures and evidence.
  const restoredDir = join(dir, 'restored');
  process.env.ASSAY_DATA_DIR = restoredDir;
  const r = await assay('restore', file);
  expect(r.code, r.err).toBe(0);
  expect((await assay('audit', 'verify')).out).toContain(`latest hash ${head}`);
  process.env.ASSAY_DATA_DIR = join(dir, 'restored-during');
  const r2 = await assay('restore', during);
  // The restore walked the audit chain to the manifest's head and checked the revisions' counts before committing.
  expect(r2.code, r2.err).toBe(0);

  const again = await serve(restoredDir);
  mark('restored');
  try {
    const get = async (path: string) => {
      const res = await fetch(`${again.base}${path}`, { headers: auth });
      expect(res.status).toBe(200);
      return res;
    };
    // workspaceVersion counts the revisions a server process has seen, not stored: left out.
    const { workspaceVersion: _f, ...restoredFigures } = (await (await get('/api/figures')).json()) as Json;
    const { workspaceVersion: _p, ...restoredPoints } = (await (
      await get('/api/data-points')
    ).json()) as Json;
    const { workspaceVersion: _f0, ...servedFigures } = figures;
    const { workspaceVersion: _p0, ...servedPoints } = points;
    expect(restoredFigures).toEqual(servedFigures);
    expect(restoredPoints).toEqual(servedPoints);
    expect(JSON.stringify(servedPoints)).toContain('"value":"302"');
    expect(Buffer.from(await (await get(`/api/evidence/${sha}`)).arrayBuffer()).equals(bytes)).toBe(true);
  } finally {
    await again.stop();
  }
}, 480_000);
