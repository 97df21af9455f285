/**
 * The report fixture is built directly (testing/bundle-builder.ts), not loaded from files, so
 * nothing else would notice a typo in an indicator id or a unit: check that it is a bundle core
 * accepts, by writing it out and validating what was written.
 */
import { expect, it } from 'vitest';
import { serializeBundle } from '../bundle/serialize-bundle.js';
import { reportTestBundle } from '../testing/report-bundle.js';
import { validateBundle } from '../validate/validate-bundle.js';

it('the report fixture is a valid bundle', () => {
  const v = validateBundle(serializeBundle(reportTestBundle()));
  expect(v.ok ? [] : v.issues).toEqual([]);
});
