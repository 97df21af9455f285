/**
 * `assay calc <bundle> | head -c 1`: the reader closes the pipe after one byte while assay is
 * still writing. assay must stop quietly with status 0 (as `cat`, `git log` do), not crash on
 * the unhandled EPIPE. A real shell pipe and a real child process; the output is made larger
 * than a pipe's buffer (64 KiB on Linux) so that a write certainly meets the closed pipe.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'assay.js');
const BUNDLE = join(ROOT, 'examples', 'xinxin-2025');

describe('stdout closed by the reader', () => {
  it('the JSON output is larger than a pipe buffer, so the pipe closes mid-write', async () => {
    const lines: string[] = [];
    await main(['calc', BUNDLE, '--format', 'json'], { out: (t) => lines.push(t), err: () => {} });
    expect(lines.join('\n').length).toBeGreaterThan(65536);
  });

  it('assay calc --format json | head -c 1 exits 0 without an error', () => {
    const r = spawnSync(
      'bash',
      ['-c', `node "${BIN}" calc "${BUNDLE}" --format json | head -c 1; echo " status=\${PIPESTATUS[0]}"`],
      { encoding: 'utf8', cwd: ROOT, timeout: 60_000 },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|throw/);
    expect(r.stdout).toBe('{ status=0\n');
  });
});
