/**
 * The load test in a tiny configuration (issue #23), so the script cannot rot: two `assay serve`
 * processes over a fresh PostgreSQL database, 5 preparers, 2 reviewers and 1 reporter for 5 s.
 * Asserts what the full run must show: no error answer, no transport error, no lost write, no
 * revision nobody was told about, every acknowledged approval stored, `assay audit verify` clean;
 * then the same in paced mode (people with think time, paced-load.ts).
 * The figures of the full run are in docs/performance.md ("Load"; `npm run load-test`).
 */
import { expect, it } from 'vitest';
import { loadFailed, runLoadTest } from './load-test.js';

it('5 preparers, 2 reviewers and 1 reporter on two servers for 5 s: no error, no lost write, audit intact', async () => {
  const r = await runLoadTest({ preparers: 5, reviewers: 2, reporters: 1, seconds: 5 });
  expect(loadFailed(r)).toEqual([]);
  // The run did work of every kind the full run measures (the report may take longer than 5 s here).
  expect(r.acknowledgedSaves).toBeGreaterThan(0);
  expect(r.approvals).toBeGreaterThan(0);
  expect(r.kinds['list data points']?.requests).toBeGreaterThan(0);
  expect(r.kinds['list units']?.requests).toBeGreaterThan(0);
  expect(r.conflicts412).toBe(0);
  expect(r.auditVerify.exitCode).toBe(0);
}, 300_000);

it('paced (think time 0.5 s): 4 preparers, 1 reviewer, 1 reporter for 5 s: no error, no lost write, audit intact', async () => {
  const r = await runLoadTest({ preparers: 4, reviewers: 1, reporters: 1, seconds: 5, thinkSeconds: 0.5 });
  expect(loadFailed(r)).toEqual([]);
  expect(r.options.thinkSeconds).toBe(0.5);
  expect(r.acknowledgedSaves).toBeGreaterThan(0);
  expect(r.approvals).toBeGreaterThan(0);
  // Nothing is left in flight in paced mode: every request sent before the end is awaited.
  expect(r.savesInFlightAtStop).toBe(0);
}, 300_000);
