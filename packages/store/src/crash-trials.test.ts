/**
 * Crash trials in the suite (issue #23; the full run of 100 per store is `npm run crash-trials`,
 * results in docs/storage.md): a child writing through the store — CSV imports, data-point
 * saves, workflow transitions — is SIGKILLed at a random moment; after each restart every
 * acknowledged write is there, no import is half there, and the audit chain, revision
 * numbering and content digests verify (test/crash-trials.ts). Five trials on PostgreSQL and
 * three on PGlite, one of each kind (a PGlite trial takes 8–18 s here: the child loads the
 * store and opens the folder).
 */
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../test/crash-trials.js';

describe.each([
  ['PostgreSQL', 'postgres', 5],
  ['PGlite', 'pglite', 3],
] as const)('SIGKILL during writes to %s', (_name, store, trials) => {
  it(`loses no acknowledged write and leaves nothing half-written (${trials} trials)`, async () => {
    const s = await runCrashTrials({ store, trials, seed: Date.now() % 100_000, rows: 1000 });
    const failures = s.results.filter((r) => r.lost.length > 0 || r.problems.length > 0);
    expect(failures).toEqual([]);
    expect(s.trials).toBe(trials);
  }, 300_000);
});
