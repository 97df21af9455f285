/**
 * The load test (docs/performance.md, "Load"): two `assay serve` processes over one fresh
 * PostgreSQL database on 127.0.0.1 (ASSAY_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * the database is created for the run and dropped after it), autocannon driving preparers saving
 * their own data points, reviewers listing and approving, and people generating reports.
 *
 *   npm run load-test                                   # 200 preparers, 20 reviewers, 5 reporters, 60 s
 *   LOAD_PREPARERS=5 LOAD_REVIEWERS=2 LOAD_REPORTERS=1 LOAD_SECONDS=5 npm run load-test
 *
 * Environment: LOAD_PREPARERS, LOAD_REVIEWERS, LOAD_REPORTERS, LOAD_SECONDS, and requests per
 * second per person LOAD_PREPARER_RATE, LOAD_REVIEWER_RATE, LOAD_REPORTER_RATE (unset: each
 * person sends the next request as soon as the last is answered), or LOAD_THINK_SECONDS: each
 * person waits that long on average between two requests (paced mode, paced-load.ts). Prints the figures as JSON;
 * exit status 1 on any error answer, transport error, lost write or failed `assay audit verify`.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { loadFailed, runLoadTest } from '../packages/cli/test/load-test.js';

const num = (name: string, fallback?: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
  );
  const preparerRate = num('LOAD_PREPARER_RATE');
  const reviewerRate = num('LOAD_REVIEWER_RATE');
  const reporterRate = num('LOAD_REPORTER_RATE');
  const thinkSeconds = num('LOAD_THINK_SECONDS');
  const r = await runLoadTest({
    preparers: num('LOAD_PREPARERS', 200) as number,
    reviewers: num('LOAD_REVIEWERS', 20) as number,
    reporters: num('LOAD_REPORTERS', 5) as number,
    seconds: num('LOAD_SECONDS', 60) as number,
    ...(preparerRate === undefined ? {} : { preparerRate }),
    ...(reviewerRate === undefined ? {} : { reviewerRate }),
    ...(reporterRate === undefined ? {} : { reporterRate }),
    ...(thinkSeconds === undefined ? {} : { thinkSeconds }),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(r, null, 2));
  console.log(`load after the run: ${loadavg()[0]?.toFixed(1)}`);
  const why = loadFailed(r);
  if (why.length > 0) console.log(`FAILED: ${why.join('; ')}`);
  process.exit(why.length > 0 ? 1 : 0);
}
