/**
 * Parts of Assay built in parallel plug in here. Today only the checker is optional: until core
 * exports `checkBundle`, the checks routes answer `not-available` (501) and the web app shows
 * that state, never stand-in data. Wire it by adding it to `defaultEngines`.
 */
import type { Bundle } from '@assay/core';

export type FindingLike = {
  readonly ruleId: string;
  readonly code?: string;
  readonly severity: string;
  readonly where?: Readonly<Record<string, string | undefined>>;
  readonly expected?: string;
  readonly actual?: string;
  readonly message: { readonly 'zh-Hant': string; readonly en: string };
};

export type Engines = {
  readonly check?: (bundle: Bundle) => readonly FindingLike[];
};

export const defaultEngines: Engines = {};
