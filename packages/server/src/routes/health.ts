/**
 * Health (docs/operations.md, "Health"; docs/security.md): GET /api/health is public and says
 * only `{"status":"ok"}` (200) or `{"status":"unavailable"}` (503), for a load balancer or a
 * monitor; GET /api/health/details (administrators: 'manage-settings') adds the database, its
 * migrations and the free disk, with the same status code. The database is asked afresh on
 * every call, and answers within 3 s or counts as unreachable.
 */
import { checkHealth, type HealthReport } from '@assay/app';
import type { Store } from '@assay/app/access';
import type { Context, Handler } from 'hono';

const statusOf = (h: HealthReport) => (h.ok ? 'ok' : 'unavailable');

export function healthRoutes(store: Store | undefined): { publicStatus: Handler; details: Handler } {
  const answer = async (c: Context, details: boolean) => {
    const h = await checkHealth(store);
    c.header('Cache-Control', 'no-store');
    return c.json(details ? { status: statusOf(h), ...h } : { status: statusOf(h) }, h.ok ? 200 : 503);
  };
  return { publicStatus: (c) => answer(c, false), details: (c) => answer(c, true) };
}
