/**
 * The Simplified Chinese draft: every zh-Hant text of the model converted with opencc-js
 * (Traditional HK → mainland), glossary terms protected first and replaced by their curated
 * zh-Hans form (opencc alone gets ESG terms wrong, e.g. 持份者 is 利益相关方 on the mainland).
 * The result is a draft for a person to review, never a final text.
 */
import { glossaryEntries, type LocalisedText, type ReportModel } from '@assay/core/report-model';
import * as OpenCC from 'opencc-js';

let converter: ((s: string) => string) | undefined;
function opencc(): (s: string) => string {
  const c = converter ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  converter = c;
  return c;
}

/** Private-use brackets around a term index; opencc leaves them and the digits alone. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

export function toSimplified(text: string): string {
  const terms = glossaryEntries();
  let protectedText = text;
  terms.forEach((term, i) => {
    if (term['zh-Hant'] !== '')
      protectedText = protectedText.split(term['zh-Hant']).join(`${OPEN}${i}${CLOSE}`);
  });
  const converted = opencc()(protectedText);
  return converted.replace(
    new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'),
    (_, i) => terms[Number(i)]?.['zh-Hans'] ?? '',
  );
}

function isLocalised(v: unknown): v is LocalisedText {
  return typeof v === 'object' && v !== null && 'zh-Hant' in v && 'en' in v;
}

function walk(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(walk);
  if (isLocalised(v)) return { ...v, 'zh-Hans': v['zh-Hans'] ?? toSimplified(v['zh-Hant']) };
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  }
  return v;
}

/** The model with a zh-Hans form on every text (texts that already have one keep it). */
export function withSimplified(model: ReportModel): ReportModel {
  return walk(model) as ReportModel;
}
