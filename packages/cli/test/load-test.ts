/**
 * The load test (issue #23; docs/performance.md, "Load"): two `assay serve` processes over one
 * fresh PostgreSQL database on 127.0.0.1, driven by autocannon for a bounded time with a mix of
 * people, each signed in with their own account and session cookie:
 *
 * - preparers (one site each, role preparer on it): list their site's data points, then save one
 *   of their own three points with a new value and the version they last saw (If-Match), in turn;
 *   nobody else edits them, so a 412 means a lost version and is counted on its own;
 * - reviewers (reviewer and approver on the group): list the workflow units of the period, then
 *   approve the next unit from a shared queue (each unit was submitted by its preparer and reviewed
 *   by a separate set-up reviewer before the run, so segregation of duties lets any of them
 *   approve it); once the queue is empty they only list;
 * - reporters (viewer on the group): generate the HTML report (zh-Hant).
 *
 * Accounts are made with app's account use cases (addUser, grantRole: what `assay user add` and
 * `assay user grant` call) and signed in through POST /api/session; workflow transitions go
 * through the API. Afterwards the servers are stopped and the database is checked: every
 * acknowledged save is a revision with exactly that version and value, no data point has a
 * revision nobody was told about, every acknowledged approval is an approved unit, and
 * `assay audit verify` passes. Used by scripts/load-test.ts and, tiny, by load-test.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '@assay/app';
import { addUser, grantRole } from '@assay/app/access';
import { migrate, openPostgresStore } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import autocannon from 'autocannon';
import pg from 'pg';
import { LOAD_PERIOD, pointIds, siteId, writeLoadBundle } from './load-bundle.js';
import { pacedGroup } from './paced-load.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ASSAY = join(ROOT, 'packages', 'cli', 'bin', 'assay.js');
const PASSWORD = 'load-test passphrase 23';

export type LoadOptions = {
  readonly preparers: number;
  readonly reviewers: number;
  readonly reporters: number;
  /** Seconds of load (all three groups at once). */
  readonly seconds: number;
  /** Requests per second per person (autocannon's connectionRate); undefined: as fast as answered. */
  readonly preparerRate?: number;
  readonly reviewerRate?: number;
  readonly reporterRate?: number;
  /**
   * Paced mode (paced-load.ts): each person waits this many seconds on average between two
   * requests (uniform 0.5–1.5 ×), instead of autocannon's closed loop. Rates are then ignored.
   */
  readonly thinkSeconds?: number;
  readonly log?: (line: string) => void;
};

export type KindFigures = {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Answers by status code. */
  readonly statuses: Readonly<Record<string, number>>;
};

export type LoadResult = {
  readonly options: Omit<LoadOptions, 'log'>;
  /** Seconds the load actually ran (the longest of the three groups). */
  readonly durationSeconds: number;
  readonly setupSeconds: number;
  readonly signIn: {
    readonly count: number;
    readonly p50: number;
    readonly p95: number;
    readonly max: number;
  };
  readonly kinds: Readonly<Record<string, KindFigures>>;
  /** Socket errors and timeouts autocannon saw, per group. */
  readonly transportErrors: number;
  readonly timeouts: number;
  /** Answers that were neither 2xx nor a 412 on a save. */
  readonly errors: number;
  readonly conflicts412: number;
  readonly acknowledgedSaves: number;
  readonly approvals: number;
  readonly unitsQueued: number;
  /** Acknowledged saves not found in the database with their version and value. */
  readonly lostWrites: readonly string[];
  /** Data points whose newest revision is not the last acknowledged one (nor a save in flight at the stop). */
  readonly unacknowledgedRevisions: readonly string[];
  /** Saves sent but not answered when the load stopped, and how many of them were written. */
  readonly savesInFlightAtStop: number;
  readonly committedInFlight: number;
  readonly approvedInDatabase: number;
  readonly auditVerify: { readonly exitCode: number | null; readonly output: string };
};

/** Why a run fails (empty: it passed): any error answer, transport error or timeout, lost write, or failed check. */
export function loadFailed(r: LoadResult): string[] {
  const why: string[] = [];
  if (r.errors > 0) why.push(`${r.errors} error answer(s)`);
  if (r.transportErrors + r.timeouts > 0)
    why.push(`${r.transportErrors} transport error(s), ${r.timeouts} timeout(s)`);
  if (r.lostWrites.length > 0) why.push(`${r.lostWrites.length} lost write(s)`);
  if (r.unacknowledgedRevisions.length > 0)
    why.push(`${r.unacknowledgedRevisions.length} unacknowledged revision(s)`);
  if (r.approvedInDatabase !== r.approvals)
    why.push(`${r.approvals} approvals acknowledged, ${r.approvedInDatabase} in the database`);
  if (r.auditVerify.exitCode !== 0) why.push(`assay audit verify exited ${r.auditVerify.exitCode}`);
  return why;
}

type Server = { readonly base: string; readonly child: ChildProcess };

/** Start `assay serve <bundle> --port 0` over `url`; resolves once it prints its address. */
function startServer(url: string, bundle: string): Promise<Server> {
  // LOAD_SERVER_NODE_ARGS (space-separated) go before the script, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, ASSAY, 'serve', bundle, '--port', '0'], {
    // LOAD_SERVER_LOG_LEVEL=info writes each server's request log (with durations) to stderr.
    env: { ...process.env, DATABASE_URL: url, ASSAY_LOG_LEVEL: process.env.LOAD_SERVER_LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-4000);
      if (process.env.LOAD_SERVER_LOG_LEVEL) process.stderr.write(b);
    });
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) resolve({ base: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`assay serve exited ${code}: ${out}${err}`)));
  });
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 10) / 10;
}

async function signIn(base: string, email: string): Promise<{ cookie: string; ms: number }> {
  const t = performance.now();
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const ms = performance.now() - t;
  const set = r.headers.get('set-cookie') ?? '';
  const m = /assay_session=[^;]+/.exec(set);
  if (r.status !== 204 || !m) throw new Error(`sign-in of ${email} answered ${r.status}`);
  return { cookie: m[0], ms };
}

async function api(base: string, cookie: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await r.json()) as Record<string, unknown>;
  if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Run `fn` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

type Account = { email: string; role: string; entity: string; index: number };

function accounts(o: LoadOptions): Account[] {
  const list: Account[] = [];
  for (let i = 0; i < o.preparers; i++)
    list.push({ email: `preparer${i + 1}@load.test`, role: 'preparer', entity: siteId(i), index: i });
  for (let i = 0; i < o.reviewers; i++)
    list.push({ email: `reviewer${i + 1}@load.test`, role: 'reviewer', entity: 'group', index: i });
  for (let i = 0; i < o.reporters; i++)
    list.push({ email: `reporter${i + 1}@load.test`, role: 'viewer', entity: 'group', index: i });
  list.push({ email: 'setup-reviewer@load.test', role: 'reviewer', entity: 'group', index: 0 });
  return list;
}

/** Fill the store from the bundle and add the accounts with their grants, in this process. */
async function prepareDatabase(url: string, bundle: string, o: LoadOptions): Promise<void> {
  const store = await openPostgresStore(url);
  await migrate(store, new Date().toISOString());
  const ws = await openWorkspace(bundle, store);
  if (!ws.ok) throw new Error(`load bundle did not open: ${JSON.stringify(ws.issues.slice(0, 3))}`);
  const all = accounts(o);
  await inParallel(all, 4, async (a) => {
    const added = await addUser(
      store,
      { email: a.email, name: a.email.split('@')[0] ?? a.email, password: PASSWORD },
      new Date(),
    );
    if (!added.ok) throw new Error(`${a.email}: ${added.message}`);
    const roles = a.role === 'reviewer' && !a.email.startsWith('setup') ? ['reviewer', 'approver'] : [a.role];
    for (const role of roles) {
      const g = await grantRole(
        store,
        { userId: added.id, role, entityId: a.entity, grantedBy: 'load-test' },
        new Date(),
      );
      if (!g.ok) throw new Error(`${a.email}: ${g.message}`);
    }
  });
  await ws.workspace.close();
}

type Unit = { entity: string; topic: string };
type Ack = { id: string; version: number; value: string };

export async function runLoadTest(o: LoadOptions): Promise<LoadResult> {
  const log = o.log ?? (() => {});
  const setupStart = performance.now();
  const db = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'assay-load-'));
  const servers: Server[] = [];
  try {
    const bundle = join(dir, 'bundle');
    await writeLoadBundle(bundle, o.preparers);
    log(`database ${db.name}; bundle of ${o.preparers} sites in ${bundle}`);
    await prepareDatabase(db.url, bundle, o);
    servers.push(...(await Promise.all([startServer(db.url, bundle), startServer(db.url, bundle)])));
    const bases = servers.map((s) => s.base);
    log(`servers at ${bases.join(', ')}`);

    // Sign everyone in, each on the server their connections will use.
    const all = accounts(o);
    const cookies = new Map<string, string>();
    const signInMs: number[] = [];
    await inParallel(all, 8, async (a) => {
      const { cookie, ms } = await signIn(bases[a.index % bases.length] as string, a.email);
      cookies.set(a.email, cookie);
      signInMs.push(ms);
    });
    const cookieOf = (email: string) => cookies.get(email) as string;
    const setupReviewer = cookieOf('setup-reviewer@load.test');
    const base0 = bases[0] as string;

    // Every unit submitted by its site's preparer and reviewed by the set-up reviewer: the queue approved under load.
    const listed = (await api(base0, setupReviewer, 'GET', `/api/workflow?period=${LOAD_PERIOD}`)) as {
      units: { entityId: string; topic: string }[];
    };
    const units: Unit[] = listed.units
      .filter((u) => u.entityId.startsWith('site-'))
      .map((u) => ({ entity: u.entityId, topic: u.topic }));
    await inParallel(units, 4, async (u) => {
      const i = Number(u.entity.slice('site-'.length)) - 1;
      const path = `/api/workflow/${u.entity}/${LOAD_PERIOD}/${u.topic}`;
      await api(base0, cookieOf(`preparer${i + 1}@load.test`), 'POST', `${path}/submit`, { version: 0 });
      await api(base0, setupReviewer, 'POST', `${path}/review`, { version: 1 });
    });
    const queue = [...units];
    log(`${all.length} accounts signed in, ${units.length} units submitted and reviewed`);

    // The versions each preparer starts from.
    const points = (await api(base0, setupReviewer, 'GET', '/api/data-points')) as {
      dataPoints: { id: string; version: number }[];
    };
    const versionOf = new Map(points.dataPoints.map((p) => [p.id, p.version]));
    // Both servers must have caught up with the set-up writes before the run.
    await new Promise((r) => setTimeout(r, 500));

    const latencies = new Map<string, number[]>();
    const statuses = new Map<string, Record<string, number>>();
    const acks: Ack[] = [];
    const lastAck = new Map<string, number>();
    const uncertain = new Set<string>();
    /** Saves sent and not answered yet: those still open when the run stops may or may not be written. */
    const inFlight = new Map<string, string>();
    let conflicts412 = 0;
    let approvals = 0;
    const approvedUnits: Unit[] = [];
    let counter = 0;
    const setupSeconds = (performance.now() - setupStart) / 1000;

    type Req = autocannon.Request & { kind: string };
    const json = { 'content-type': 'application/json' };

    const preparerRequests = (i: number, cookie: string): Req[] => {
      const mine = pointIds(i).map((id) => ({ id, version: versionOf.get(id) ?? 1, dead: false }));
      let turn = 0;
      let pending: { id: string; value: string } | undefined;
      return [
        {
          kind: 'list data points',
          method: 'GET',
          path: `/api/data-points?entity=${siteId(i)}`,
          headers: { cookie },
        },
        {
          kind: 'save data point',
          method: 'PUT',
          headers: { cookie, ...json },
          setupRequest: (req) => {
            const live = mine.filter((p) => !p.dead);
            const p = live[turn++ % Math.max(1, live.length)];
            if (!p) return null as unknown as autocannon.Request;
            const value = String(100 + (++counter % 100000));
            pending = { id: p.id, value };
            inFlight.set(p.id, value);
            return {
              ...req,
              path: `/api/data-points/${p.id}`,
              headers: { ...req.headers, 'if-match': `"${p.version}"` },
              body: JSON.stringify({ value, reason: 'load test' }),
            };
          },
          onResponse: (status, _body, _ctx, headers) => {
            const sent = pending;
            pending = undefined;
            if (!sent) return;
            inFlight.delete(sent.id);
            const p = mine.find((x) => x.id === sent.id);
            if (!p) return;
            const etag = /\d+/.exec(String((headers as Record<string, string> | undefined)?.etag ?? ''))?.[0];
            if (status === 200 && etag) {
              p.version = Number(etag);
              acks.push({ id: p.id, version: p.version, value: sent.value });
              lastAck.set(p.id, p.version);
            } else {
              // Unknown whether it was written (a 5xx) or a version was lost (412): stop editing it.
              if (status === 412) conflicts412++;
              p.dead = true;
              uncertain.add(p.id);
            }
          },
        },
      ];
    };

    const reviewerRequests = (cookie: string): Req[] => {
      let taken: Unit | undefined;
      return [
        {
          kind: 'list units',
          method: 'GET',
          path: `/api/workflow?period=${LOAD_PERIOD}`,
          headers: { cookie },
        },
        {
          kind: 'approve unit',
          method: 'POST',
          headers: { cookie, ...json },
          setupRequest: (req) => {
            taken = queue.shift();
            if (!taken) return null as unknown as autocannon.Request;
            return {
              ...req,
              path: `/api/workflow/${taken.entity}/${LOAD_PERIOD}/${taken.topic}/approve`,
              body: JSON.stringify({ version: 2 }),
            };
          },
          onResponse: (status) => {
            if (status === 200 && taken) {
              approvals++;
              approvedUnits.push(taken);
            }
            taken = undefined;
          },
        },
      ];
    };

    const reporterRequests = (cookie: string): Req[] => [
      { kind: 'generate report', method: 'GET', path: '/api/reports/html?lang=zh-Hant', headers: { cookie } },
    ];

    const record = (kind: string, status: number, ms: number) => {
      const l = latencies.get(kind) ?? [];
      latencies.set(kind, l);
      l.push(ms);
      const s = statuses.get(kind) ?? {};
      s[status] = (s[status] ?? 0) + 1;
      statuses.set(kind, s);
    };
    const group = (
      connections: number,
      rate: number | undefined,
      requestsFor: (i: number) => Req[],
    ): Promise<autocannon.Result> => {
      let next = 0;
      let instance: autocannon.Instance | undefined;
      const done = new Promise<autocannon.Result>((resolve, reject) => {
        instance = autocannon(
          {
            // A list of URLs: autocannon gives connection i the URL i mod 2 (its README), so
            // person i works on server i mod 2, the one they signed in on.
            url: bases as unknown as string,
            connections,
            duration: o.seconds,
            timeout: 60,
            ...(rate === undefined ? {} : { connectionRate: rate }),
            setupClient: (client) => {
              client.setRequests(requestsFor(next++));
            },
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
      });
      if (!instance) throw new Error('autocannon did not start');
      instance.on('response', (client, status, _bytes, ms) => {
        const current = (client as unknown as { requestIterator: { currentRequest: Req } }).requestIterator
          .currentRequest;
        record(current.kind, status, ms);
      });
      return done;
    };

    const cookieList = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => cookieOf(`${prefix}${i + 1}@load.test`));
    const prepCookies = cookieList('preparer', o.preparers);
    const revCookies = cookieList('reviewer', o.reviewers);
    const repCookies = cookieList('reporter', o.reporters);
    log(
      `load: ${o.preparers} preparers, ${o.reviewers} reviewers, ${o.reporters} reporters for ${o.seconds} s`,
    );
    const started = performance.now();
    const think = o.thinkSeconds;
    const paced = (people: number, requestsFor: (i: number) => Req[]) =>
      pacedGroup({
        bases,
        people,
        seconds: o.seconds,
        thinkSeconds: think as number,
        requestsFor,
        record,
      }) as Promise<Pick<autocannon.Result, 'errors' | 'timeouts'>>;
    const runGroup = (
      people: number,
      rate: number | undefined,
      requestsFor: (i: number) => Req[],
    ): Promise<Pick<autocannon.Result, 'errors' | 'timeouts'>> =>
      think === undefined ? group(people, rate, requestsFor) : paced(people, requestsFor);
    const runs = [
      runGroup(o.preparers, o.preparerRate, (i) => preparerRequests(i, prepCookies[i] as string)),
      ...(o.reviewers > 0
        ? [runGroup(o.reviewers, o.reviewerRate, (i) => reviewerRequests(revCookies[i] as string))]
        : []),
      ...(o.reporters > 0
        ? [runGroup(o.reporters, o.reporterRate, (i) => reporterRequests(repCookies[i] as string))]
        : []),
    ];
    const results = await Promise.all(runs);
    const durationSeconds = (performance.now() - started) / 1000;
    const transportErrors = results.reduce((n, r) => n + r.errors, 0);
    for (const r of results)
      if ('errorCodes' in r && transportErrors > 0)
        log(`transport errors by code (paced mode): ${JSON.stringify(r.errorCodes)}`);
    const timeouts = results.reduce((n, r) => n + r.timeouts, 0);

    await Promise.all(servers.map(stopServer));
    log(`load done in ${durationSeconds.toFixed(1)} s; checking the database`);

    const kinds: Record<string, KindFigures> = {};
    let errors = 0;
    for (const [kind, l] of latencies) {
      const sorted = [...l].sort((a, b) => a - b);
      const st = statuses.get(kind) ?? {};
      for (const [code, n] of Object.entries(st))
        if (!code.startsWith('2') && !(code === '412' && kind === 'save data point')) errors += n;
      kinds[kind] = {
        requests: l.length,
        perSecond: Math.round((l.length / durationSeconds) * 10) / 10,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: percentile(sorted, 100),
        statuses: st,
      };
    }

    const expected = new Map<string, number>();
    for (let i = 0; i < o.preparers; i++)
      for (const id of pointIds(i)) expected.set(id, lastAck.get(id) ?? versionOf.get(id) ?? 1);
    const check = await verifyDatabase(db.url, acks, expected, inFlight, uncertain, approvedUnits);
    const auditVerify = await run([ASSAY, 'audit', 'verify'], { DATABASE_URL: db.url });
    const sortedSignIn = [...signInMs].sort((a, b) => a - b);
    return {
      options: {
        preparers: o.preparers,
        reviewers: o.reviewers,
        reporters: o.reporters,
        seconds: o.seconds,
        ...(o.preparerRate === undefined ? {} : { preparerRate: o.preparerRate }),
        ...(o.reviewerRate === undefined ? {} : { reviewerRate: o.reviewerRate }),
        ...(o.reporterRate === undefined ? {} : { reporterRate: o.reporterRate }),
        ...(o.thinkSeconds === undefined ? {} : { thinkSeconds: o.thinkSeconds }),
      },
      durationSeconds: Math.round(durationSeconds * 10) / 10,
      setupSeconds: Math.round(setupSeconds * 10) / 10,
      signIn: {
        count: sortedSignIn.length,
        p50: percentile(sortedSignIn, 50),
        p95: percentile(sortedSignIn, 95),
        max: percentile(sortedSignIn, 100),
      },
      kinds,
      transportErrors,
      timeouts,
      errors,
      conflicts412,
      acknowledgedSaves: acks.length,
      approvals,
      unitsQueued: units.length,
      ...check,
      auditVerify,
    };
  } finally {
    await Promise.all(servers.map(stopServer));
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  }
}

/** Every acknowledged save is the revision it was told, with its value; nothing more was written. */
async function verifyDatabase(
  url: string,
  acks: readonly Ack[],
  expected: ReadonlyMap<string, number>,
  inFlight: ReadonlyMap<string, string>,
  uncertain: ReadonlySet<string>,
  approved: readonly Unit[],
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const lost = await c.query<{ id: string; rev: number; value: string }>(
      `select a.id, a.rev, a.value from unnest($1::text[], $2::int[], $3::text[]) as a(id, rev, value)
        where not exists (select 1 from data_point_revision r
          where r.fact_id = a.id and r.rev = a.rev and r.value = a.value::numeric and not r.retracted)`,
      [acks.map((a) => a.id), acks.map((a) => a.version), acks.map((a) => a.value)],
    );
    const newest = await c.query<{ id: string; rev: number; value: string }>(
      `select distinct on (fact_id) fact_id as id, rev, value::text as value from data_point_revision
        order by fact_id, rev desc`,
    );
    // Each point's newest revision is the last one acknowledged (or the imported one), except that
    // a save still in flight when the load stopped may have been written: then it is the next
    // revision, with the value sent. A point that got an error answer is left out (uncertain).
    const unacknowledgedRevisions: string[] = [];
    let committedInFlight = 0;
    for (const r of newest.rows) {
      const want = expected.get(r.id);
      if (want === undefined || uncertain.has(r.id) || r.rev === want) continue;
      const sent = inFlight.get(r.id);
      if (sent !== undefined && r.rev === want + 1 && Number(r.value) === Number(sent)) committedInFlight++;
      else unacknowledgedRevisions.push(`${r.id}: newest revision ${r.rev}, last acknowledged ${want}`);
    }
    const approvedRows = await c.query<{ n: number }>(
      `select count(*)::int as n from workflow_unit w join unnest($1::text[], $2::text[]) as a(entity, topic)
         on w.entity_id = a.entity and w.topic = a.topic where w.state = 'approved'`,
      [approved.map((u) => u.entity), approved.map((u) => u.topic)],
    );
    return {
      lostWrites: lost.rows.map((r) => `${r.id} revision ${r.rev} = ${r.value}`),
      unacknowledgedRevisions,
      committedInFlight,
      savesInFlightAtStop: inFlight.size,
      approvedInDatabase: approvedRows.rows[0]?.n ?? 0,
    };
  } finally {
    await c.end();
  }
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.once('exit', (exitCode) => resolve({ exitCode, output: output.slice(-2000) }));
  });
}
