import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, saveBundle } from './bundle-folder.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');

describe('bundle folder', () => {
  it('round-trips: load → save → load gives the same model', async () => {
    const first = await loadBundle(join(examples, 'minimal'));
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const dir = await mkdtemp(join(tmpdir(), 'assay-rt-'));
    await saveBundle(first.bundle, dir);
    const second = await loadBundle(dir);
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    expect(JSON.parse(JSON.stringify(second.bundle))).toEqual(JSON.parse(JSON.stringify(first.bundle)));
    // and saving again writes byte-identical files
    const dir2 = await mkdtemp(join(tmpdir(), 'assay-rt-'));
    await saveBundle(second.bundle, dir2);
    for (const f of ['assay.yaml', 'data-points.csv', 'activity-lines.csv']) {
      expect(await readFile(join(dir2, f), 'utf8')).toBe(await readFile(join(dir, f), 'utf8'));
    }
  });

  it('names the file for a missing settings file, bad YAML and bad CSV quoting', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'assay-bad-'));
    const r1 = await loadBundle(empty);
    expect(r1.ok === false && r1.issues[0]?.file).toBe('assay.yaml');

    await writeFile(join(empty, 'assay.yaml'), 'schemaVersion: 1\norganisation: [unclosed\n');
    const r2 = await loadBundle(empty);
    expect(r2.ok === false && r2.issues[0]?.file).toBe('assay.yaml');

    const copy = await mkdtemp(join(tmpdir(), 'assay-bad-'));
    await writeFile(join(copy, 'assay.yaml'), await readFile(join(examples, 'minimal', 'assay.yaml')));
    await writeFile(
      join(copy, 'data-points.csv'),
      'entity,period,indicator,value,unit,source\ngroup,2025,revenue,"1,CNY million,x\n',
    );
    const r3 = await loadBundle(copy);
    expect(r3.ok === false && r3.issues[0]?.file).toBe('data-points.csv');
  });
});
