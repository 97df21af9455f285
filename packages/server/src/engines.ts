/**
 * Parts of Assay built in parallel (lineage, checks, frameworks, rendering) plug in here. Each
 * is optional: a missing engine makes its routes answer `not-available` (501) and the web app
 * show that state, never stand-in data. Wire a part in by adding it to `defaultEngines`.
 */
import type { Bundle, FactorRecord, QuantityResult } from '@assay/core';

/** The shape of core's Lineage (calc graph): a figure explained down to facts and factors. */
export type LineageLike = {
  readonly id: string;
  readonly kind: 'fact' | 'factor' | 'derived' | 'constant';
  readonly label: string | { readonly 'zh-Hant': string; readonly en: string };
  readonly op?: string;
  readonly value: QuantityResult;
  readonly unit?: string | { readonly symbol: string };
  readonly children: readonly LineageLike[];
  readonly fact?: { readonly id: string; readonly source?: string; readonly evidence?: string };
  readonly factor?: FactorRecord;
  readonly note?: string;
};

export type FindingLike = {
  readonly rule: string;
  readonly severity: string;
  readonly where?: unknown;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly message: { readonly 'zh-Hant': string; readonly en: string } | string;
  readonly figureId?: string;
};

export type ReportFormat = 'html' | 'pdf' | 'docx' | 'xlsx' | 'json';
export type RenderedReport = { readonly body: Uint8Array | string; readonly contentType: string };

export type Engines = {
  readonly explain?: (bundle: Bundle, figureId: string) => LineageLike | undefined;
  readonly check?: (bundle: Bundle) => readonly FindingLike[];
  readonly disclosures?: (bundle: Bundle) => unknown;
  readonly render?: (bundle: Bundle, format: ReportFormat, lang: 'zh-Hant' | 'en') => Promise<RenderedReport>;
};

export const defaultEngines: Engines = {};
