/**
 * Narrative sections over HTTP (issue #19), on a PGlite store with accounts over examples/minimal
 * with one section added (revenue of the group: 1,000 CNY million in 2025). The viewer lists the
 * sections and the figures to pick and previews a text; the administrator saves a text naming its
 * version (ETag) and the report prints it; a stale version is 412 and nothing changes; a preparer
 * and a viewer may not save (403); a bad body is 400 naming the field; an unknown section 404.
 */

import { addUser, grantRole, listAccessLog, type Role } from '@assay/app/access';
import { auditEntries } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type MinimalStore, minimalStoreWorkspace } from './browser-fixture.js';

const PASSWORD = 'narrative password 1';
const SECTION = {
  id: 'energy',
  title: { en: 'Energy', 'zh-Hant': '能源' },
  body: { en: 'Energy text.', 'zh-Hant': '能源文字。' },
};
let fx: MinimalStore;
let app: ReturnType<typeof createApp>;
const cookies = new Map<string, string>();
const USERS: [string, Role][] = [
  ['ada', 'administrator'],
  ['pam', 'preparer'],
  ['vic', 'viewer'],
];

beforeAll(async () => {
  fx = await minimalStoreWorkspace('assay-narrative-http-', (b) => ({ ...b, narrative: [SECTION] }));
  app = createApp({ workspace: fx.ws, accounts: { store: fx.store } });
  for (const [name, role] of USERS) {
    const u = await addUser(fx.store, { email: `${name}@example.com`, name, password: PASSWORD }, new Date());
    if (!u.ok) throw new Error(u.message);
    await grantRole(fx.store, { userId: u.id, role, entityId: 'group', grantedBy: 'test' }, new Date());
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
afterAll(() => fx?.dispose());

// biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes
type Body = Record<string, any>;
async function call(who: string, method: string, path: string, body?: unknown, headers: object = {}) {
  const r = await app.request(`/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `assay_session=${cookies.get(who)}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = r.headers.get('content-type') ?? '';
  return {
    status: r.status,
    etag: r.headers.get('etag'),
    body: (type.includes('json') ? await r.json() : {}) as Body,
  };
}
const footprint = async () => [
  JSON.stringify(fx.ws.snapshot().bundle.narrative),
  await auditEntries(fx.store),
];
const text = { en: 'Revenue reached {{figure:revenue|unit}}.', 'zh-Hant': '收入達{{figure:revenue|unit}}。' };

describe('narrative over HTTP', () => {
  it('lists sections and figures and previews a text for a viewer', async () => {
    const l = await call('vic', 'GET', '/narrative');
    expect(l.status).toBe(200);
    expect(l.body.sections).toEqual([{ section: SECTION, version: 1, unbound: { en: [], 'zh-Hant': [] } }]);
    const revenue = l.body.figures.find((f: Body) => f.figureId === 'revenue@group/2025');
    expect(revenue).toMatchObject({
      placeholder: '{{figure:revenue|unit}}',
      printed: { en: expect.stringMatching(/^1,000/) },
    });
    const p = await call('vic', 'POST', '/narrative/preview', {
      body: { en: `${text.en} 42`, 'zh-Hant': '' },
    });
    expect(p.body).toEqual({
      text: { en: `Revenue reached ${revenue.printed.en}. 42`, 'zh-Hant': '' },
      unbound: { en: ['42'], 'zh-Hant': [] },
    });
  });

  it('saves a text naming its version; the report prints it', async () => {
    const w = await call('ada', 'PUT', '/narrative/energy', {
      body: text,
      version: 1,
      reason: 'bind revenue',
    });
    expect(w).toMatchObject({ status: 200, etag: '"2"', body: { id: 'energy', version: 2 } });
    const printed = (await call('vic', 'GET', '/narrative')).body.figures.find(
      (f: Body) => f.figureId === 'revenue@group/2025',
    ).printed;
    const html = await app.request('/api/reports/html?lang=zh-Hant', {
      headers: { cookie: `assay_session=${cookies.get('vic')}` },
    });
    expect((await html.text()).includes(`收入達${printed['zh-Hant']}。`)).toBe(true);
  }, 60_000);

  it('412 for a stale version, 403 for a preparer and a viewer, 400 naming the field, 404 for no section; nothing changes', async () => {
    const before = await footprint();
    const other = { en: 'Lost text.', 'zh-Hant': '遺失文字。' };
    expect(await call('ada', 'PUT', '/narrative/energy', { body: other, version: 1 })).toMatchObject({
      status: 412,
      body: { error: { code: 'stale-version', field: 'version' } },
    });
    expect(
      await call('ada', 'PUT', '/narrative/energy', { body: other }, { 'if-match': '"1"' }),
    ).toMatchObject({
      status: 412,
    });
    for (const who of ['pam', 'vic'])
      expect((await call(who, 'PUT', '/narrative/energy', { body: other, version: 2 })).status).toBe(403);
    expect(
      await call('ada', 'PUT', '/narrative/energy', { body: { en: 'x', 'zh-Hant': ' ' }, version: 2 }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid-request', field: 'body.zh-Hant' } } });
    expect(
      await call('ada', 'PUT', '/narrative/energy', { body: other, version: 2, extra: 1 }),
    ).toMatchObject({
      status: 400,
    });
    expect(await call('ada', 'PUT', '/narrative/energy', { body: { en: 'x' }, version: 2 })).toMatchObject({
      status: 400,
      body: { error: { field: 'body.zh-Hant' } },
    });
    expect((await call('ada', 'PUT', '/narrative/nope', { body: other, version: 1 })).status).toBe(404);
    expect(await footprint()).toEqual(before);
  });
  it('logs a save as an allowed write, and a preview (which saves nothing) only when it is denied', async () => {
    const p = await call('vic', 'POST', '/narrative/preview', { body: { en: 'Preview.', 'zh-Hant': '' } });
    expect(p.status).toBe(200);
    const anonymous = await app.request('/api/narrative/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: { en: 'Preview.', 'zh-Hant': '' } }),
    });
    expect(anonymous.status).toBe(401);
    const log = await listAccessLog(fx.store, 1000);
    // the viewer previewed twice (here and in the first test): neither is an allowed write
    const previews = log.filter((e) => e.path === '/api/narrative/preview');
    expect(previews.map((e) => [e.actor, e.decision])).toEqual([['anonymous', 'unauthenticated']]);
    // the administrator's saves are (the rule allowed them; the route then took or refused them)
    const saves = log.filter((e) => e.path === '/api/narrative/energy' && e.decision === 'allowed');
    expect(saves.length).toBeGreaterThan(0);
  });
});
