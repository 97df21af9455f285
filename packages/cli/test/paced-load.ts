/**
 * People with think time, for the load test's paced mode (load-test.ts, `LOAD_THINK_SECONDS`):
 * autocannon drives each connection as fast as it is answered or at a whole number of requests
 * per second (its lowest rate is 1/s), while a preparer saves a value every half minute or so.
 * Here each person is a loop of requests to their server, each on a new connection (a kept-alive
 * one would be closed by the server after its 5 s idle timeout during a think time, and a request
 * sent as it closes fails with a reset: 8 of 1,267 did in the first run): send the next request
 * of their list (the same autocannon request objects: `setupRequest` builds it, returning null
 * skips it; `onResponse` sees the answer), wait a think time drawn uniformly from 0.5–1.5 × the
 * mean, repeat until the run's end; a request sent before the end is awaited, so nothing is in
 * flight when the database is checked. Start times are spread over one think time.
 */
import { Agent, request } from 'node:http';
import type autocannon from 'autocannon';

export type PacedRequest = autocannon.Request & { kind: string };

export type PacedResult = { errors: number; timeouts: number; errorCodes: Record<string, number> };

type Answer = { status: number; body: string; headers: Record<string, string> };

function send(
  agent: Agent,
  base: string,
  r: { method: string; path: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(r.path, base), { method: r.method, headers: r.headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          headers: Object.fromEntries(
            Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
          ),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pacedGroup(o: {
  bases: readonly string[];
  people: number;
  seconds: number;
  thinkSeconds: number;
  requestsFor: (i: number) => PacedRequest[];
  record: (kind: string, status: number, ms: number) => void;
}): Promise<PacedResult> {
  const result: PacedResult = { errors: 0, timeouts: 0, errorCodes: {} };
  const end = performance.now() + o.seconds * 1000;
  const think = () => o.thinkSeconds * 1000 * (0.5 + Math.random());
  const person = async (i: number) => {
    const agent = new Agent({ keepAlive: false, maxSockets: 1 });
    const base = o.bases[i % o.bases.length] as string;
    const list = o.requestsFor(i);
    let next = 0;
    await sleep(Math.random() * o.thinkSeconds * 1000);
    while (performance.now() < end) {
      const r = list[next++ % list.length] as PacedRequest;
      const plain = {
        method: r.method ?? 'GET',
        path: r.path ?? '/',
        headers: (r.headers ?? {}) as Record<string, string>,
        ...(typeof r.body === 'string' ? { body: r.body } : {}),
      };
      // A string names a module (autocannon's workers); the load test passes functions only.
      const setup = typeof r.setupRequest === 'function' ? r.setupRequest : undefined;
      const built = setup ? (setup(plain as autocannon.Request, {}) as typeof plain | null) : plain;
      if (built) {
        const started = performance.now();
        try {
          const a = await send(agent, base, built, 60_000);
          o.record(r.kind, a.status, performance.now() - started);
          if (typeof r.onResponse === 'function') r.onResponse(a.status, a.body, {}, a.headers as never);
        } catch (e) {
          const code = (e as { code?: string }).code ?? 'unknown';
          if (code === 'TIMEOUT') result.timeouts++;
          else result.errors++;
          result.errorCodes[code] = (result.errorCodes[code] ?? 0) + 1;
          // As autocannon: the request's outcome is unknown; its onResponse is not called.
        }
      }
      await sleep(think());
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: o.people }, (_, i) => person(i)));
  return result;
}
