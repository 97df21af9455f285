/**
 * Cycles, assignments, task lists, progress and comments over HTTP (issue #17), on a PGlite
 * store with accounts and a fixed server clock (2026-02-11 01:00 UTC): the administrator opens
 * 2026 (monthly) and assigns the smelter's energy and emissions for January to Ann, due
 * 2026-02-10; another preparer of the smelter is refused the submission (403 not-assigned); Ann
 * submits; the reviewer returns it with a comment and asks in the unit's thread; Ann's task list
 * shows it returned and overdue with the comment; she answers in the thread. Refusals name their
 * field and store nothing; others' entities are 404, a viewer 403.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, grantRole, type Role } from '@assay/app/access';
import { bundleCatalogue } from '@assay/core';
import { loadBundle } from '@assay/io';
import { auditEntries, migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const PASSWORD = 'cycles password 1';
const NOW = new Date('2026-02-11T01:00:00.000Z');
const size = (topic: string) =>
  [...bundleCatalogue(loaded.bundle).values()].filter((i) => i.topic === topic).length;
const JANUARY_ENERGY = size('energy') + size('emissions');

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();
const ids = new Map<string, string>();

const USERS: [string, [Role, string][]][] = [
  ['ada', [['administrator', 'group']]],
  ['ann', [['preparer', 'smelter']]],
  ['bo', [['preparer', 'smelter']]],
  ['pat', [['preparer', 'mine']]],
  ['rita', [['reviewer', 'group']]],
  ['vic', [['viewer', 'group']]],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-cycles-http-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle, () => NOW.toISOString());
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store, now: () => NOW } });
  for (const [name, grants] of USERS) {
    const u = await addUser(store, { email: `${name}@example.com`, name, password: PASSWORD }, NOW);
    if (!u.ok) throw new Error(u.message);
    ids.set(name, u.id);
    for (const [role, entityId] of grants)
      await grantRole(store, { userId: u.id, role, entityId, grantedBy: 'test' }, NOW);
    const r = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
    });
    const cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    if (r.status !== 204 || !cookie) throw new Error(`sign-in of ${name}: ${r.status}`);
    cookies.set(name, cookie);
  }
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes, read loosely
type Body = Record<string, any>;
async function call(who: string, method: string, path: string, body?: unknown) {
  const r = await app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}` },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Body };
}
const id = (name: string) => ids.get(name) ?? '';
const UNIT = 'unit:smelter/2026-01/energy';
const thread = `/comments?target=${encodeURIComponent(UNIT)}`;

describe('cycles, assignments, tasks and comments over HTTP', () => {
  it('opens the 2026 cycle: the group administrator only; again is 200, a different frequency 409', async () => {
    expect((await call('ann', 'POST', '/cycles', { period: '2026', frequency: 'month' })).status).toBe(403);
    expect(await call('ada', 'POST', '/cycles', { period: '2026', frequency: 'monthly' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', field: 'frequency' } },
    });
    expect(await call('ada', 'POST', '/cycles', { period: '2026', frequency: 'month' })).toMatchObject({
      status: 201,
      body: {
        created: true,
        cycle: { periodId: '2026', frequency: 'month', actor: 'ada <ada@example.com>' },
      },
    });
    expect((await call('ada', 'POST', '/cycles', { period: '2026', frequency: 'month' })).status).toBe(200);
    expect((await call('ada', 'POST', '/cycles', { period: '2026-Q1', frequency: 'month' })).status).toBe(
      409,
    );
    const list = await call('ann', 'GET', '/cycles');
    expect(list.body.cycles.map((c: Body) => [c.periodId, c.entryPeriods.length])).toEqual([['2026', 12]]);
    expect((await call('vic', 'GET', '/cycles')).status).toBe(403);
  });

  it('assigns in bulk, refusing bad requests with the field named and storing nothing', async () => {
    const request = {
      topics: ['energy', 'emissions'],
      entity: 'smelter',
      periods: ['2026-01'],
      assignee: id('ann'),
      due: '2026-02-10',
    };
    const audit = await auditEntries(store);
    const refusals: [string, object, number, string | undefined][] = [
      ['pat', request, 403, undefined],
      ['ada', { ...request, extra: 1 }, 400, undefined],
      ['ada', { ...request, assignee: id('rita') }, 400, 'assignee'],
      ['ada', { ...request, assignee: 'no-such-user' }, 400, 'assignee'],
      ['ada', { ...request, entity: 'group' }, 400, 'assignee'],
      ['ada', { ...request, periods: ['2025-01'] }, 400, 'periods.0'],
      ['ada', { ...request, due: '10/02/2026' }, 400, 'due'],
      ['ada', { ...request, topics: ['energy', 'horoscopes'] }, 404, 'topics.1'],
      ['ada', { ...request, entity: 'atlantis' }, 404, 'entity'],
    ];
    for (const [who, body, status, field] of refusals) {
      const r = await call(who, 'POST', '/cycles/2026/assignments', body);
      expect([r.status, r.body.error?.field], JSON.stringify(body)).toEqual([status, field]);
    }
    expect((await call('ada', 'POST', '/cycles/2030/assignments', request)).status).toBe(404);
    expect(await auditEntries(store)).toBe(audit);
    const done = await call('ada', 'POST', '/cycles/2026/assignments', request);
    expect(done).toMatchObject({
      status: 200,
      body: {
        cycleId: '2026',
        created: JANUARY_ENERGY,
        changed: 0,
        unchanged: 0,
        entities: ['smelter'],
        periods: ['2026-01'],
      },
    });
    expect((await call('ada', 'POST', '/cycles/2026/assignments', request)).body).toMatchObject({
      created: 0,
      unchanged: JANUARY_ENERGY,
    });
    expect(await auditEntries(store)).toBe(audit + 1);
    const listed = await call('ann', 'GET', '/cycles/2026/assignments?entity=smelter');
    expect(listed.body.assignments).toHaveLength(JANUARY_ENERGY);
    expect(listed.body.assignments[0]).toMatchObject({
      assignee: id('ann'),
      assigneeLabel: 'ann <ann@example.com>',
      dueDate: '2026-02-10',
    });
    expect((await call('pat', 'GET', '/cycles/2026/assignments')).body.assignments).toEqual([]);
    expect((await call('pat', 'GET', '/cycles/2026/assignments?entity=smelter')).status).toBe(404);
  });

  it('refuses the submission of a preparer not assigned (403 not-assigned); the assignee submits', async () => {
    const refused = await call('bo', 'POST', '/workflow/smelter/2026-01/energy/submit', { version: 0 });
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', rule: 'not-assigned' } },
    });
    expect(refused.body.error.message).toBe(
      'this unit is assigned to ann <ann@example.com>, not to you: only an assigned preparer (or an administrator) may submit it; ask an administrator to assign it to you',
    );
    expect((await call('bo', 'POST', '/workflow/smelter/2026-01/water/submit', { version: 0 })).status).toBe(
      200,
    );
    expect(
      (await call('ann', 'POST', '/workflow/smelter/2026-01/energy/submit', { version: 0 })).status,
    ).toBe(200);
  });

  it('returns it with a comment; the thread and the task list show it, returned and overdue', async () => {
    expect(
      (
        await call('rita', 'POST', '/workflow/smelter/2026-01/energy/return', {
          version: 1,
          comment: 'diesel invoice missing',
        })
      ).status,
    ).toBe(200);
    const asked = await call('rita', 'POST', thread, { text: 'Please attach the January diesel invoice.' });
    expect(asked).toMatchObject({
      status: 201,
      body: {
        comment: {
          targetKind: 'unit',
          targetId: 'smelter/2026-01/energy',
          author: 'rita <rita@example.com>',
          replyTo: null,
        },
      },
    });
    const tasks = await call('ann', 'GET', '/tasks');
    expect(tasks.status).toBe(200);
    expect(tasks.body.now).toBe(NOW.toISOString());
    // Emissions (also Ann's, due the same day) is not submitted: due and overdue too.
    expect(tasks.body.counts).toEqual({ due: 1, returned: 1, done: 0, overdue: 2 });
    const energy = tasks.body.tasks.find((t: Body) => t.topic === 'energy');
    expect(energy).toMatchObject({
      entityId: 'smelter',
      periodId: '2026-01',
      status: 'returned',
      overdue: true,
      dueDate: '2026-02-10',
      version: 2,
      sentBack: { event: 'return', comment: 'diesel invoice missing', actor: 'rita <rita@example.com>' },
    });
    const replied = await call('ann', 'POST', thread, {
      text: '已補上發票。Attached now.',
      replyTo: asked.body.comment.id,
    });
    expect(replied.status).toBe(201);
    const read = await call('ann', 'GET', thread);
    expect(read.body.comments.map((c: Body) => [c.author, c.text, c.replyTo])).toEqual([
      ['rita <rita@example.com>', 'Please attach the January diesel invoice.', null],
      ['ann <ann@example.com>', '已補上發票。Attached now.', asked.body.comment.id],
    ]);
    expect((await call('pat', 'GET', thread)).status).toBe(404);
    expect((await call('pat', 'POST', thread, { text: 'hello' })).status).toBe(404);
    expect((await call('vic', 'GET', thread)).status).toBe(403);
    expect((await call('vic', 'POST', thread, { text: 'hello' })).status).toBe(403);
    const bad: [object | string, string][] = [
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(4001) }, 'text'],
      ['{"text":"nul \\u0000 here"}', 'text'],
      [{ text: 'rtl \u202e' }, 'text'],
      [{ text: 'ok', replyTo: '99999' }, 'replyTo'],
      [{ text: 'ok', replyTo: 'abc' }, 'replyTo'],
      [{ text: 'ok', extra: true }, ''],
    ];
    for (const [body, field] of bad) {
      const r = await call('ann', 'POST', thread, body);
      expect(
        [r.status >= 400 && r.status < 500, r.body.error?.field ?? ''],
        JSON.stringify(body).slice(0, 40),
      ).toEqual([true, field]);
    }
    expect((await call('ann', 'GET', '/comments?target=figure:x')).body.error.field).toBe('target');
    // A finding is named by the id GET /api/findings gives it (examples/minimal's are the group's).
    const [finding] = (await call('ada', 'GET', '/findings')).body.findings;
    const onFinding = `/comments?target=finding:${finding.id}`;
    expect((await call('rita', 'POST', onFinding, { text: 'Explain this omission, please.' })).status).toBe(
      201,
    );
    expect((await call('ada', 'GET', onFinding)).body).toMatchObject({
      entityId: 'group',
      comments: [{ author: 'rita <rita@example.com>' }],
    });
    expect((await call('ann', 'GET', onFinding)).status).toBe(404);
    expect((await call('ann', 'GET', thread)).body.comments).toHaveLength(2);
  });

  it('shows progress per entity to the lead, and each assignment’s history', async () => {
    const progress = await call('ada', 'GET', '/cycles/2026/progress');
    expect(progress.body).toMatchObject({
      cycle: '2026',
      now: NOW.toISOString(),
      entities: [
        { entityId: 'smelter', assigned: 2, due: 1, returned: 1, submitted: 0, approved: 0, overdue: 2 },
      ],
    });
    expect((await call('pat', 'GET', '/cycles/2026/progress')).body.entities).toEqual([]);
    // Reassign January's renewable energy to Bo: the history keeps both.
    expect(
      (
        await call('ada', 'POST', '/cycles/2026/assignments', {
          indicators: ['energy.renewable-consumed'],
          entity: 'smelter',
          periods: ['2026-01'],
          assignee: id('bo'),
          due: '2026-02-12',
        })
      ).body,
    ).toMatchObject({ changed: 1, created: 0 });
    const [one] = (await call('ann', 'GET', `/cycles/2026/assignments?assignee=${id('bo')}`)).body
      .assignments;
    const history = await call('ann', 'GET', `/cycles/2026/assignments/${one.id}/history`);
    expect(history.body.changes.map((c: Body) => [c.version, c.assigneeLabel, c.dueDate, c.actor])).toEqual([
      [1, 'ann <ann@example.com>', '2026-02-10', 'ada <ada@example.com>'],
      [2, 'bo <bo@example.com>', '2026-02-12', 'ada <ada@example.com>'],
    ]);
    expect((await call('pat', 'GET', `/cycles/2026/assignments/${one.id}/history`)).status).toBe(404);
    expect((await call('vic', 'GET', '/tasks')).status).toBe(403);
  });

  it('refuses a NUL or other control character in a query with 400 naming it (PostgreSQL text cannot hold NUL)', async () => {
    const paths: [string, string][] = [
      ['/comments?target=data-point:%00', 'target'],
      ['/comments?target=unit:smelter%2F2026-01%2Fenergy%07', 'target'],
      ['/cycles/2026/assignments?assignee=%00', 'assignee'],
      ['/cycles/2026/assignments?period=2026-01%00', 'period'],
      ['/tasks?cycle=%00', 'cycle'],
    ];
    for (const [path, field] of paths) {
      const r = await call('ada', 'GET', path);
      expect([r.status, r.body.error?.field], path).toEqual([400, field]);
    }
    const posted = await call('ada', 'POST', '/comments?target=data-point:%00', { text: 'x' });
    expect([posted.status, posted.body.error?.field]).toEqual([400, 'target']);
  });
});
