/**
 * One log line per request (log.ts): a request id of our own (also sent back as X-Request-Id, so
 * a user can quote it; an incoming X-Request-Id is not trusted), the caller's user id, the
 * method, the route PATTERN from the route-rule table (never the path or query), the status and
 * the duration in milliseconds.
 */
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { callerOf } from './caller.js';
import { bindRequestLog, type Logger } from './log.js';
import { ruleFor } from './route-rules.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The pattern a path answers to: `/api` + the rule's path, `/api (no route)`, or `static`. */
export function routePattern(method: string, path: string): string {
  if (path !== '/api' && !path.startsWith('/api/')) return 'static';
  const found = ruleFor(method, path.slice('/api'.length));
  return found ? `/api${found.entry.path}` : '/api (no route)';
}

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomBytes(8).toString('hex');
    bindRequestLog(c, { logger, requestId });
    const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER';
    try {
      await next();
    } finally {
      c.header('X-Request-Id', requestId);
      const caller = callerOf(c);
      logger.info('request', {
        requestId,
        userId: caller ? (caller.userId ?? 'local') : null,
        method,
        route: routePattern(c.req.method, c.req.path),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
