/**
 * Site registers (issue #18; docs/registers.md, "Certifications" and "Tailings facilities"):
 * management-system certificates held by a site and the tailings storage facilities a site
 * runs. Both live in the registers (bundle registers.yaml; in the store the registers document)
 * and are checked by bundle/validate-site-registers.ts. Dates are ISO-8601 calendar dates
 * (YYYY-MM-DD) as text: core has no clock, so "how long until expiry" is asked with a date the
 * adapter passes in (bundle/certification-expiry.ts).
 */
import type { LocalisedText } from './text.js';

/** The certificates the register knows (ISO 14001, 45001, 50001, 9001; China's green factory). */
export const CERTIFICATION_STANDARDS = [
  'iso-14001',
  'iso-45001',
  'iso-50001',
  'iso-9001',
  'green-factory',
] as const;
export type CertificationStandard = (typeof CERTIFICATION_STANDARDS)[number];

export type Certification = {
  readonly id: string;
  readonly standard: CertificationStandard;
  /** The site (or subsidiary) certified: an entity of the organisation. */
  readonly entityId: string;
  /** What the certificate covers, as printed on it. */
  readonly scope: LocalisedText;
  /** The certification body (or the ministry, for a green factory). */
  readonly issuer: string;
  readonly certificateNumber: string;
  /** YYYY-MM-DD. */
  readonly issuedOn: string;
  /** YYYY-MM-DD; absent for a listing that does not expire (a green-factory designation). */
  readonly expiresOn?: string;
  readonly source?: string;
  /** Made-up rows of the demo bundle, marked so nobody takes them for the company's. */
  readonly isDemonstration?: boolean;
};

export const TAILINGS_STATUSES = ['active', 'inactive', 'closed'] as const;
export type TailingsStatus = (typeof TAILINGS_STATUSES)[number];

/**
 * Consequence classification of a tailings facility: the five classes of the Global Industry
 * Standard on Tailings Management (GISTM 2020, Annex 2 Table 1: low, significant, high, very
 * high, extreme), or China's grading of tailings ponds (尾礦庫等別, GB 50863: first to fifth class)
 * for a facility classified under it. GRI 14 and SASB EM-MM-540a.1 ask for it per facility.
 */
export const TAILINGS_CONSEQUENCE_CLASSES = [
  'gistm-low',
  'gistm-significant',
  'gistm-high',
  'gistm-very-high',
  'gistm-extreme',
  'cn-class-1',
  'cn-class-2',
  'cn-class-3',
  'cn-class-4',
  'cn-class-5',
] as const;
export type TailingsConsequence = (typeof TAILINGS_CONSEQUENCE_CLASSES)[number];

export type TailingsFacility = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly entityId: string;
  readonly status: TailingsStatus;
  readonly consequence: TailingsConsequence;
  /** How the facility is watched (instruments, inspections, frequency). */
  readonly monitoring: LocalisedText;
  /** Whether an emergency preparedness and response plan exists, and what it says. */
  readonly emergencyPlan: LocalisedText;
  readonly closurePlan: LocalisedText;
  readonly source?: string;
  readonly isDemonstration?: boolean;
};
