/**
 * Request bodies are limited before they are read (issue #14, item 8), over a real socket: a
 * declared Content-Length over the limit is refused with 413 before any byte of the body is
 * read, a chunked body is read only up to the limit, and in both cases the server closes the
 * connection instead of reading the rest. The client keeps sending until the server stops it,
 * so "the server stopped reading" is seen as: the response came, then the connection closed
 * while most of the body was still unsent. No timing is asserted.
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { BODY_LIMITS } from '../src/http/body-limits.js';
import { listen, type Started } from '../src/start-server.js';

let server: Started;
let ws: MemoryWorkspace;
beforeAll(async () => {
  const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
  if (!loaded.ok) throw new Error('examples/minimal should load');
  ws = new MemoryWorkspace(loaded.bundle);
  server = await listen(createApp({ workspace: ws }), 0);
});
afterAll(() => server?.close());

type Outcome = {
  status: number;
  body: string;
  /** Body bytes written before the response was complete, and in all. */
  sentBeforeResponse: number;
  sent: number;
  /** The server ended or reset the connection before the body was all sent. */
  cutOff: boolean;
};

const CHUNK = Buffer.alloc(64 * 1024, 0x20); // spaces: a body that is never valid JSON

/** Send `total` body bytes (declared by Content-Length, or chunked) until done or cut off. */
function push(path: string, total: number, mode: 'content-length' | 'chunked'): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(server.port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let response: { status: number; body: string } | undefined;
    let sent = 0;
    let sentBeforeResponse = -1;
    let cutOff = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      if (!response) return reject(new Error(`no response after ${sent} bytes`));
      resolve({ ...response, sentBeforeResponse, sent, cutOff });
    };
    socket.on('data', (d) => {
      received = Buffer.concat([received, d]);
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (response || end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      response = {
        status: Number(text.slice(9, 12)),
        body: received.subarray(end + 4, end + 4 + length).toString('utf8'),
      };
      sentBeforeResponse = sent;
    });
    socket.on('error', () => {
      cutOff = sent < total;
      finish();
    });
    socket.on('close', () => {
      cutOff ||= sent < total;
      finish();
    });
    socket.on('connect', async () => {
      const length = mode === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${total}`;
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${server.port}\r\n` +
          `content-type: application/json\r\n${length}\r\n\r\n`,
      );
      while (sent < total && !socket.destroyed && !finished) {
        const n = Math.min(CHUNK.length, total - sent);
        const piece = CHUNK.subarray(0, n);
        const ok =
          mode === 'chunked'
            ? socket.write(Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), piece, Buffer.from('\r\n')]))
            : socket.write(piece);
        sent += n;
        if (!ok) await new Promise((go) => socket.once('drain', go).once('close', go));
      }
      if (mode === 'chunked' && !socket.destroyed) socket.write('0\r\n\r\n');
      // all sent and the connection still open: wait for the answer, then close from this side
      if (!socket.destroyed) await new Promise((go) => socket.once('data', go).once('close', go));
      setImmediate(finish);
    });
  });
}

const MB = 1024 * 1024;

describe('request bodies over the limit', () => {
  it('a declared Content-Length over the JSON limit: 413 before the body is read, connection closed', async () => {
    const total = 48 * MB;
    const out = await push('/api/data-points', total, 'content-length');
    expect(out.status).toBe(413);
    expect(JSON.parse(out.body)).toMatchObject({ error: { code: 'too-large', field: 'body' } });
    expect(JSON.parse(out.body).error.message).toContain(String(BODY_LIMITS.json));
    expect(out.sentBeforeResponse).toBeLessThan(total);
    expect(out.cutOff).toBe(true);
    expect(out.sent).toBeLessThan(total);
    expect(ws.snapshot().version).toBe(1); // as loaded: nothing written
  });
  it('a declared Content-Length over the import limit: 413 before the body is read', async () => {
    const total = BODY_LIMITS.import + 1;
    const out = await push('/api/import/data-points?apply=true', total, 'content-length');
    expect(out.status).toBe(413);
    expect(out.cutOff).toBe(true);
    expect(out.sent).toBeLessThan(total);
  });
  it('a chunked body is read up to the limit only: 413, connection closed, the rest unsent', async () => {
    const total = 48 * MB;
    const out = await push('/api/data-points/rev-25/retract', total, 'chunked');
    expect(out.status).toBe(413);
    expect(JSON.parse(out.body)).toMatchObject({ error: { code: 'too-large', field: 'body' } });
    expect(out.sentBeforeResponse).toBeLessThan(total);
    expect(out.cutOff).toBe(true);
    expect(out.sent).toBeLessThan(total);
    expect(ws.snapshot().bundle.dataPoints.some((d) => d.id === 'rev-25')).toBe(true);
  });
  it('a body under the limit is read as before (an import larger than the JSON limit)', async () => {
    // 3 MB of base64 that is not an XLSX file: refused for what it is, not for its size
    const xlsxBase64 = Buffer.alloc(2 * MB + 1, 7).toString('base64');
    const body = JSON.stringify({ file: 'big.xlsx', xlsxBase64 });
    expect(body.length).toBeGreaterThan(BODY_LIMITS.json);
    const r = await fetch(`${server.url}api/import/data-points`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(r.status).not.toBe(413);
    expect(JSON.stringify(await r.json())).toContain('big.xlsx');
  });
});
