/** The examples/minimal bundle, loaded once, as the contract suite's sample data. */
import { fileURLToPath } from 'node:url';
import type { Bundle } from '@assay/core';
import { loadBundle } from '@assay/io';

export const MINIMAL_DIR = fileURLToPath(new URL('../../../examples/minimal', import.meta.url));

export async function minimalBundle(): Promise<Bundle> {
  const v = await loadBundle(MINIMAL_DIR);
  if (!v.ok) throw new Error(`examples/minimal is invalid: ${JSON.stringify(v.issues)}`);
  return v.bundle;
}
