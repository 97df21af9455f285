/**
 * Security headers on every response (issue #14, item 5): hono/secure-headers for the fixed
 * ones (X-Frame-Options DENY, nosniff, Referrer-Policy no-referrer, Cross-Origin-Opener- and
 * -Resource-Policy same-origin; no HSTS: the server speaks plain HTTP on loopback) and a
 * Content-Security-Policy. A response that needs another policy sets its own headers and keeps
 * them (overwrite off): the web app's index.html allows its inline boot script by hash
 * (static-files.ts), the report preview is framed by the app (routes/disclosure.ts).
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type Policy = Readonly<Record<string, readonly string[]>>;

const APP_POLICY: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const text = (p: Policy) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');

/** The report as a page: inline CSS and SVG only, no script; the app may frame it. */
export const REPORT_PAGE_HEADERS = {
  'content-security-policy': text({
    'default-src': ["'none'"],
    'style-src': ["'unsafe-inline'"],
    'img-src': ['data:'],
    'font-src': ['data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'self'"],
  }),
  'x-frame-options': 'SAMEORIGIN',
} as const;

/** The app's policy, with the inline scripts of `html` allowed by their SHA-256 (CSP level 2). */
export function pagePolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
  return text({ ...APP_POLICY, 'script-src': ["'self'", ...hashes] });
}

export function securityHeaders(): MiddlewareHandler {
  const fixed = secureHeaders({
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    overwrite: false,
  });
  const policy = text(APP_POLICY);
  return async (c, next) => {
    await fixed(c, next);
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', policy);
  };
}
