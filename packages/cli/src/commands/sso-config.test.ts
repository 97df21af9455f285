/**
 * `assay serve` and single sign-on settings from ASSAY_OIDC_* (sso-config.ts): none set is no
 * single sign-on; an incomplete or wrong set exits 2 naming the variable; with --memory exits 2;
 * a complete set is offered on GET /api/session, and the redirect URI's host is accepted by the
 * request guard. Over a real PGlite folder; the provider is not contacted until a sign-in starts
 * (packages/server/test/oidc-sign-in.test.ts runs the flow against a real provider).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../command.js';
import { main } from '../main.js';
import { startOn } from './serve.js';
import { OIDC_ENV, oidcFromEnv } from './sso-config.js';

const BUNDLE = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
const COMPLETE = {
  ASSAY_OIDC_ISSUER: 'https://login.example.com/realms/main',
  ASSAY_OIDC_CLIENT_ID: 'assay',
  ASSAY_OIDC_CLIENT_SECRET: 'secret',
  ASSAY_OIDC_REDIRECT_URI: 'https://assay.example.com/api/session/oidc/callback',
};

function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}

const saved = new Map<string, string | undefined>();
function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (!saved.has(k)) saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}
afterEach(() => {
  for (const [k, v] of saved) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  saved.clear();
});

/** GET a path with a chosen Host header (fetch does not let one set it). */
function getWithHost(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('single sign-on settings for assay serve', () => {
  it('reads nothing when no ASSAY_OIDC_* is set, and ignores empty ones', () => {
    expect(oidcFromEnv({})).toBeUndefined();
    expect(oidcFromEnv({ ASSAY_OIDC_ISSUER: '' })).toBeUndefined();
    expect(oidcFromEnv({ ...COMPLETE, ASSAY_OIDC_LABEL: 'Example SSO' })).toEqual({
      issuer: COMPLETE.ASSAY_OIDC_ISSUER,
      clientId: 'assay',
      clientSecret: 'secret',
      redirectUri: COMPLETE.ASSAY_OIDC_REDIRECT_URI,
      label: 'Example SSO',
    });
  });

  it('exits 2 naming the variable when the settings are incomplete or wrong', async () => {
    const cases: [Record<string, string | undefined>, string][] = [
      [{ ...COMPLETE, ASSAY_OIDC_CLIENT_ID: undefined }, `${OIDC_ENV.clientId}: clientId is missing`],
      [
        { ...COMPLETE, ASSAY_OIDC_ISSUER: 'http://login.example.com' },
        `${OIDC_ENV.issuer}: issuer must be https`,
      ],
      [
        { ...COMPLETE, ASSAY_OIDC_REDIRECT_URI: 'https://assay.example.com/callback' },
        `${OIDC_ENV.redirectUri}: redirectUri must be this server's /api/session/oidc/callback`,
      ],
    ];
    for (const [env, message] of cases) {
      setEnv(env);
      const io = capture();
      expect(await startOn(BUNDLE, 0, io, false), message).toBe(2);
      expect(io.text()).toContain(message);
    }
  });

  it('exits 2 with --memory, which has no accounts', async () => {
    setEnv(COMPLETE);
    const io = capture();
    expect(await main(['serve', BUNDLE, '--memory', '--port', '0'], io)).toBe(2);
    expect(io.text()).toContain('--memory has no accounts');
  });

  it('offers a complete set on GET /api/session and accepts the redirect URI host', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-serve-sso-'));
    setEnv({ ...COMPLETE, ASSAY_OIDC_LABEL: 'Example SSO', ASSAY_DATA_DIR: dir, DATABASE_URL: undefined });
    try {
      const s = await startOn(BUNDLE, 0, capture(), false);
      if (typeof s === 'number') throw new Error(`expected a server, got exit ${s}`);
      try {
        const session = (await (await fetch(`http://127.0.0.1:${s.port}/api/session`)).json()) as {
          sso: unknown;
        };
        expect(session.sso).toEqual({ label: 'Example SSO' });
        const asNamed = await getWithHost(s.port, '/api/session', 'assay.example.com');
        expect(asNamed.status, asNamed.body).toBe(200);
        const other = await getWithHost(s.port, '/api/session', 'evil.example.net');
        expect(other.status).toBe(421);
      } finally {
        await s.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
