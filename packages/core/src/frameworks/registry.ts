/** The frameworks Assay ships, and look-up of provision codes ("hkex:D.MT.GHG.e"). */
import { GRI } from './data/gri.js';
import { HKEX_C2_2025 } from './data/hkex.js';
import { IFRS_S2 } from './data/ifrs-s2.js';
import { SASAC } from './data/sasac.js';
import { SASB_EM_MM } from './data/sasb-em-mm.js';
import { FRAMEWORK_IDS, type Framework, type FrameworkId, type Provision } from './framework.js';

export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = {
  hkex: HKEX_C2_2025,
  'ifrs-s2': IFRS_S2,
  gri: GRI,
  sasb: SASB_EM_MM,
  sasac: SASAC,
};

export const isFrameworkId = (s: string): s is FrameworkId =>
  (FRAMEWORK_IDS as readonly string[]).includes(s);

/** "KPI A1.1" and "A1.1" are the same HKEX code. */
export function normaliseCode(code: string): string {
  return code.trim().replace(/^KPI\s+/i, '');
}

/** "hkex:A1.2" → framework and code; undefined when the prefix is not a framework id. */
export function splitCitation(citation: string): { framework: FrameworkId; code: string } | undefined {
  const i = citation.indexOf(':');
  if (i <= 0) return undefined;
  const fw = citation.slice(0, i);
  return isFrameworkId(fw) ? { framework: fw, code: normaliseCode(citation.slice(i + 1)) } : undefined;
}

export function findProvision(framework: Framework, code: string): Provision | undefined {
  const c = normaliseCode(code);
  return framework.provisions.find((p) => p.code === c);
}
