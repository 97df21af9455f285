/**
 * Single sign-on through OpenID Connect (issue #16), end to end over real HTTP: a real provider
 * (oidc-provider, with its development login and consent pages) on 127.0.0.1 with one static
 * client, and Assay's app listening on 127.0.0.1 over PGlite with examples/minimal. A small
 * cookie-keeping "browser" (plain fetch, redirects followed by hand) goes start → provider login
 * and consent → callback. Asserted: an account whose email the provider vouches for (in another
 * case) signs in and its cookie works; a changed state, a callback from another browser's flow,
 * a replayed callback, an unknown email, a disabled user and an unverified email are refused and
 * make nothing; the routes answer 404 without configuration and send the browser back when the
 * provider cannot be reached. Then the same in real Chromium (Debian /usr/bin/chromium): the web
 * sign-in page's "Sign in with <label>" link, the provider's pages, back signed in; a refused
 * email lands on the sign-in page saying so. Screenshots go to artifacts/screenshots/
 * (sign-in-sso-en.png, sign-in-sso-refused-zh-Hant.png). Needs the web build
 * (npm run build -w @assay/web).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreWorkspace } from '@assay/app';
import { addUser, disableAccount, grantRole, type OidcSettings } from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { launchBrowser } from '@assay/render';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import Provider from 'oidc-provider';
import type { Browser as Chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { SSO_FAILED, SSO_REFUSED } from '../src/routes/oidc.js';
import { listen, type Started, WEB_ROOT } from '../src/start-server.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const CLIENT_ID = 'assay-test';
const CLIENT_SECRET = 'a client secret for the test provider only';
/** The provider's users: login name → claims. Ann's email differs from her account's in case only. */
const PROVIDER_USERS: Record<string, { email: string; email_verified: boolean }> = {
  ann: { email: 'Ann.Lee@Example.COM', email_verified: true },
  stranger: { email: 'stranger@example.com', email_verified: true },
  dora: { email: 'dora@example.com', email_verified: true },
  eve: { email: 'eve@example.com', email_verified: false },
};

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let providerServer: Server;
let issuer: string;
let assay: Started;
let assayUrl: string;
let settings: OidcSettings;
type App = ReturnType<typeof createApp>;
// biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers, checked by expect
type Json = any;

/** Free a port-0 server's port: listen first, so the issuer and redirect URI can name it. */
const listening = (s: Server) =>
  new Promise<number>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-oidc-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  const now = new Date();
  // Ann has no local password: single sign-on is her only way in.
  const ann = await addUser(store, { email: 'ann.lee@example.com', name: 'Ann Lee' }, now);
  const admin = await addUser(
    store,
    { email: 'admin@example.com', name: 'Admin', password: 'an admin password' },
    now,
  );
  const dora = await addUser(store, { email: 'dora@example.com', name: 'Dora' }, now);
  if (!ann.ok || !admin.ok || !dora.ok) throw new Error('users');
  await grantRole(store, { userId: ann.id, role: 'preparer', entityId: 'smelter', grantedBy: 'test' }, now);
  await grantRole(
    store,
    { userId: admin.id, role: 'administrator', entityId: 'group', grantedBy: 'test' },
    now,
  );
  const off = await disableAccount(store, dora.id);
  if (!off.ok) throw new Error(off.message);

  // Assay first (its port goes into the redirect URI); the app is made once the provider's is known.
  let app: App | undefined;
  assay = await listen({ fetch: (r: Request, ...env: unknown[]) => (app as App).fetch(r, ...env) }, 0);
  assayUrl = `http://127.0.0.1:${assay.port}`;

  providerServer = createServer();
  const providerPort = await listening(providerServer);
  issuer = `http://127.0.0.1:${providerPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${assayUrl}/api/session/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, id) {
      const user = PROVIDER_USERS[id];
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...user }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['a cookie signing key for the test provider only'] },
    features: { devInteractions: { enabled: true } },
    // Refuse a request without PKCE: proves Assay sends it.
    pkce: { required: () => true },
  });
  providerServer.on('request', provider.callback());

  settings = {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${assayUrl}/api/session/oidc/callback`,
    label: 'Test IdP',
  };
  const built = existsSync(join(WEB_ROOT, 'index.html'));
  app = createApp({
    workspace: ws,
    accounts: { store, oidc: settings },
    ...(built ? { webRoot: WEB_ROOT } : {}),
  });
}, 60_000);

afterAll(async () => {
  await assay?.close();
  await new Promise<void>((done) => (providerServer ? providerServer.close(() => done()) : done()));
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

type Cookie = { name: string; value: string; path: string; raw: string };

/**
 * A browser as far as this flow needs one: cookies by name and path (both servers are on
 * 127.0.0.1, and cookies do not tell ports apart), redirects followed by hand, forms posted.
 */
class Browser {
  readonly cookies = new Map<string, Cookie>();
  /** The Set-Cookie lines of the last answer. */
  lastSetCookies: string[] = [];

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const u = new URL(url);
    const cookie = [...this.cookies.values()]
      .filter((c) => u.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const headers: Record<string, string> = cookie ? { cookie } : {};
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(u, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers,
      ...(body === undefined ? {} : { body }),
    });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) this.take(line);
    return res;
  }

  private take(line: string) {
    const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (n: string) =>
      attrs.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1) ?? undefined;
    const path = attr('path') ?? '/';
    const maxAge = attr('max-age');
    const expires = attr('expires');
    const gone = maxAge === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone) this.cookies.delete(`${name};${path}`);
    else this.cookies.set(`${name};${path}`, { name, value, path, raw: line });
  }

  cookie(name: string): Cookie | undefined {
    return [...this.cookies.values()].find((c) => c.name === name);
  }
}

const locationOf = (res: Response, base: string) => new URL(res.headers.get('location') ?? '', base);

/**
 * Start at Assay, log in at the provider as `login` and consent: the URL the provider sends the
 * browser back to (Assay's callback with code and state), not yet followed.
 */
async function throughProvider(browser: Browser, login: string): Promise<URL> {
  const start = await browser.request(`${assayUrl}/api/session/oidc/start`);
  expect(start.status).toBe(302);
  let next = locationOf(start, assayUrl);
  expect(next.origin).toBe(issuer);
  for (let hop = 0; hop < 12; hop++) {
    if (next.href.startsWith(`${assayUrl}/`)) return next;
    if (next.pathname.startsWith('/interaction/')) {
      const page = await (await browser.request(next)).text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? 'consent';
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: 'consent' };
      const posted = await browser.request(next, { method: 'POST', form });
      expect(posted.status, `POST ${next.pathname} (${prompt})`).toBeGreaterThanOrEqual(300);
      next = locationOf(posted, issuer);
      continue;
    }
    const res = await browser.request(next);
    expect(res.status, `GET ${next.href}`).toBeGreaterThanOrEqual(300);
    expect(res.status, `GET ${next.href}`).toBeLessThan(400);
    next = locationOf(res, next.href);
  }
  throw new Error('the provider never sent the browser back');
}

const count = async (sql: string, params: unknown[] = []) =>
  ((await store.query<{ n: number }>(`select count(*)::int as n ${sql}`, params))[0] as { n: number }).n;
const sessionsOf = (email: string) =>
  count('from sessions s join users u on u.id = s.user_id where lower(u.email) = lower($1)', [email]);
const attempts = async (email: string) =>
  (
    await store.query<{ outcome: string }>(
      'select outcome from sign_in_attempts where email_key = $1 order by id',
      [email.toLowerCase()],
    )
  ).map((r) => r.outcome);

describe('single sign-on through an OpenID Connect provider', () => {
  // The refusals log one line each by design (the reason for the administrator).
  const quiet = vi.spyOn(console, 'warn');
  beforeAll(() => {
    quiet.mockImplementation(() => {});
  });
  afterAll(() => quiet.mockRestore());

  it('offers itself on GET /api/session with its label', async () => {
    const s: Json = await (await fetch(`${assayUrl}/api/session`)).json();
    expect(s.mode).toBe('accounts');
    expect(s.user).toBeNull();
    expect(s.sso).toEqual({ label: 'Test IdP' });
  });

  it('signs an existing account in: the session cookie as for a password sign-in, and it works', async () => {
    const browser = new Browser();
    // A session from before (planted or old) that must not survive the sign-in.
    browser.cookies.set('assay_session;/', {
      name: 'assay_session',
      value: 'x'.repeat(43),
      path: '/',
      raw: '',
    });
    const callback = await throughProvider(browser, 'ann');
    expect(callback.pathname).toBe('/api/session/oidc/callback');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const pendingCookie = browser.cookie('assay_oidc');
    expect(pendingCookie?.raw).toMatch(/HttpOnly/);
    expect(pendingCookie?.raw).toMatch(/SameSite=Lax/);
    expect(pendingCookie?.raw).toMatch(/Path=\/api\/session\/oidc/);
    expect(pendingCookie?.raw).toMatch(/Max-Age=600/);

    const back = await browser.request(callback);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/');
    const set = browser.lastSetCookies.find((l) => l.startsWith('assay_session='));
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/); // plain http on loopback
    expect(browser.cookie('assay_oidc'), 'the pending cookie is used once').toBeUndefined();
    const token = browser.cookie('assay_session')?.value;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toBe('x'.repeat(43));

    const me: Json = await (
      await fetch(`${assayUrl}/api/session`, { headers: { cookie: `assay_session=${token}` } })
    ).json();
    expect(me.user).toMatchObject({ email: 'ann.lee@example.com', name: 'Ann Lee' });
    expect(me.via).toBe('session');
    expect(me.grants).toEqual([{ role: 'preparer', entityId: 'smelter' }]);
    // The session reaches data: her subsidiary's data points, not the other's.
    const points: Json = await (
      await fetch(`${assayUrl}/api/data-points`, { headers: { cookie: `assay_session=${token}` } })
    ).json();
    expect(points, JSON.stringify(points).slice(0, 300)).toHaveProperty('dataPoints');
    expect(points.dataPoints.length).toBeGreaterThan(0);
    expect(new Set(points.dataPoints.map((p: Json) => p.entityId))).toEqual(new Set(['smelter']));
    expect(await attempts('ann.lee@example.com')).toEqual(['success']);

    // The same callback again (replayed): the pending cookie is gone, nothing new.
    const sessions = await sessionsOf('ann.lee@example.com');
    const again = await browser.request(callback);
    expect(again.headers.get('location')).toBe(SSO_FAILED);
    expect(await sessionsOf('ann.lee@example.com')).toBe(sessions);
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const before = await count('from sessions');
    const browser = new Browser();
    const callback = await throughProvider(browser, 'ann');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')?.slice(0, -2)}xx`);
    const res = await browser.request(tampered);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(SSO_FAILED);
    expect(browser.cookie('assay_session')).toBeUndefined();
    expect(await count('from sessions')).toBe(before);
  });

  it("refuses another browser's callback (login CSRF): the code is bound to the browser that started", async () => {
    const before = await count('from sessions');
    const attacker = new Browser();
    const stolen = await throughProvider(attacker, 'ann');
    const victim = new Browser();
    // The victim has a sign-in of their own under way (its cookie), and one with none at all.
    await victim.request(`${assayUrl}/api/session/oidc/start`);
    const withOther = await victim.request(stolen);
    expect(withOther.headers.get('location')).toBe(SSO_FAILED);
    const fresh = new Browser();
    const withNone = await fresh.request(stolen);
    expect(withNone.headers.get('location')).toBe(SSO_FAILED);
    expect(victim.cookie('assay_session')).toBeUndefined();
    expect(fresh.cookie('assay_session')).toBeUndefined();
    expect(await count('from sessions')).toBe(before);
  });

  it('refuses an email no account has, and makes nothing', async () => {
    const users = await count('from users');
    const sessions = await count('from sessions');
    const browser = new Browser();
    const res = await browser.request(await throughProvider(browser, 'stranger'));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(SSO_REFUSED);
    expect(browser.cookie('assay_session')).toBeUndefined();
    expect(await count('from users')).toBe(users);
    expect(await count('from sessions')).toBe(sessions);
    expect(await count('from users where lower(email) = $1', ['stranger@example.com'])).toBe(0);
    expect(await attempts('stranger@example.com')).toEqual(['failure']);
  });

  it('refuses a disabled user', async () => {
    const browser = new Browser();
    const res = await browser.request(await throughProvider(browser, 'dora'));
    expect(res.headers.get('location')).toBe(SSO_REFUSED);
    expect(browser.cookie('assay_session')).toBeUndefined();
    expect(await sessionsOf('dora@example.com')).toBe(0);
    expect(await attempts('dora@example.com')).toEqual(['failure']);
  });

  it('refuses an email the provider says is not verified', async () => {
    // eve@example.com gets an account here; the provider does not vouch for the address.
    const eve = await addUser(store, { email: 'eve@example.com', name: 'Eve' }, new Date());
    if (!eve.ok) throw new Error(eve.message);
    const browser = new Browser();
    const res = await browser.request(await throughProvider(browser, 'eve'));
    expect(res.headers.get('location')).toBe(SSO_REFUSED);
    expect(await sessionsOf('eve@example.com')).toBe(0);
  });

  it('answers 404 without configuration, and sends the browser back when the provider is unreachable', async () => {
    const plain = createApp({ workspace: ws, accounts: { store } });
    for (const path of ['/api/session/oidc/start', '/api/session/oidc/callback?code=c&state=s']) {
      const r = await plain.request(path);
      expect(r.status).toBe(404);
      const body: Json = await r.json();
      expect(body.error).toMatchObject({
        code: 'not-found',
        message: 'single sign-on is not configured on this server',
      });
    }
    expect(((await (await plain.request('/api/session')).json()) as Json).sso).toBeNull();

    // A port nothing listens on: the provider's metadata cannot be fetched.
    const closed = createServer();
    const port = await listening(closed);
    await new Promise<void>((done) => closed.close(() => done()));
    const down = createApp({
      workspace: ws,
      accounts: { store, oidc: { ...settings, issuer: `http://127.0.0.1:${port}` } },
    });
    const r = await down.request('/api/session/oidc/start');
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(SSO_FAILED);
    expect(r.headers.get('set-cookie')).toBeNull();
  });
});

describe('single sign-on in the browser', () => {
  const SHOTS = join(import.meta.dirname, '..', '..', '..', 'artifacts', 'screenshots');
  let chromium: Chromium;
  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html')))
      throw new Error('the web app is not built: npm run build -w @assay/web');
    await mkdir(SHOTS, { recursive: true });
    chromium = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
  });

  /** A fresh browser profile in `lang`, on Assay's first page (the sign-in page). */
  async function openAssay(lang: 'en' | 'zh-Hant') {
    const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((l) => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('assay.lang', l);
    }, lang);
    const page = await context.newPage();
    await page.goto(`${assayUrl}/`);
    await page.locator('form[data-sign-in-form]').waitFor();
    return { context, page };
  }

  /** Log in at the provider's own pages as `login` and consent. */
  async function atProvider(page: Awaited<ReturnType<typeof openAssay>>['page'], login: string) {
    await page.waitForURL((u) => u.origin === issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button', { hasText: 'Continue' }).click();
  }

  it('signs in through the link on the sign-in page', async () => {
    const { context, page } = await openAssay('en');
    try {
      const link = page.locator('a[data-sso-link]');
      expect(await link.textContent()).toBe('Sign in with Test IdP');
      expect(await link.getAttribute('href')).toBe('/api/session/oidc/start');
      await page.screenshot({ path: join(SHOTS, 'sign-in-sso-en.png'), fullPage: true });
      await link.click();
      await atProvider(page, 'ann');
      await page.waitForURL((u) => u.origin === assayUrl);
      await page.locator('[data-current-user]', { hasText: 'Ann Lee' }).waitFor();
    } finally {
      await context.close();
    }
  }, 30_000);

  it('comes back to the sign-in page saying why when the email has no account', async () => {
    const { context, page } = await openAssay('zh-Hant');
    try {
      expect(await page.locator('a[data-sso-link]').textContent()).toBe('以 Test IdP 登入');
      await page.locator('a[data-sso-link]').click();
      await atProvider(page, 'stranger');
      await page.waitForURL((u) => u.origin === assayUrl);
      const note = page.locator('[data-sign-in-error="sso-refused"]');
      await note.waitFor();
      expect(await note.textContent()).toContain('沒有使用該電郵的有效帳戶');
      // Shown once: the address no longer carries it.
      expect(new URL(page.url()).hash).toBe('');
      await page.screenshot({ path: join(SHOTS, 'sign-in-sso-refused-zh-Hant.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 30_000);
});
