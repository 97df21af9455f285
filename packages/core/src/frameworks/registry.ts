/**
 * The frameworks Assay ships, their editions by financial year, and look-up of provision codes
 * ("hkex:D.MT.GHG.e"). FRAMEWORKS holds each framework's newest edition; completeness and
 * citations of a bundle use the edition for its year (editionFor).
 */
import { GRI } from './data/gri.js';
import { HKEX_C2_2025 } from './data/hkex.js';
import { HKEX_GUIDE_2019 } from './data/hkex-guide-2019.js';
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

/** Every edition loaded, oldest first; their `years` do not overlap (frameworks-data.test.ts). */
export const FRAMEWORK_EDITIONS: Readonly<Record<FrameworkId, readonly Framework[]>> = {
  hkex: [HKEX_GUIDE_2019, HKEX_C2_2025],
  'ifrs-s2': [IFRS_S2],
  gri: [GRI],
  sasb: [SASB_EM_MM],
  sasac: [SASAC],
};

const covers = (fw: Framework, year: number): boolean =>
  (fw.years?.from === undefined || year >= fw.years.from) &&
  (fw.years?.until === undefined || year <= fw.years.until);

/** The edition in force for a financial year; undefined when no edition loaded covers it. */
export function editionFor(id: FrameworkId, year: number): Framework | undefined {
  return FRAMEWORK_EDITIONS[id].find((fw) => covers(fw, year));
}

/** The editions loaded, for messages: "2019 (FY2021–FY2024), 2025 (FY2025 onwards)". */
export function editionsText(id: FrameworkId): string {
  return FRAMEWORK_EDITIONS[id]
    .map((fw) => {
      const from = fw.years?.from;
      const until = fw.years?.until;
      const span =
        from === undefined && until === undefined
          ? 'all years'
          : from === undefined
            ? `up to FY${until}`
            : until === undefined
              ? `FY${from} onwards`
              : `FY${from}–FY${until}`;
      return `${fw.version}${fw.citedAs ? ` ${fw.citedAs.en}` : ''} (${span})`;
    })
    .join(', ');
}

/** Why a year has no edition of a framework: names the year and the editions available. */
export function noEditionMessage(id: FrameworkId, year: string): string {
  return `${id} has no edition loaded for FY${year}: the editions available are ${editionsText(id)}`;
}

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
