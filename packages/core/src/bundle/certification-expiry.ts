/**
 * Warnings before a certificate expires (issue #18; docs/registers.md, "Certifications"). Core
 * has no clock: the adapter passes today's date. A certificate is 'expired' after its expiry
 * date, 'expiring' when it expires within `warnDays` days (inclusive; default
 * DEFAULT_CERTIFICATE_WARNING_DAYS), 'valid' otherwise; one without an expiry date is 'no-expiry'.
 */

import type { Certification } from '../model/site-registers.js';
import { dayNumber } from './calendar-date.js';

/** Default warning window: 90 days, about the lead time of a surveillance or recertification audit. */
export const DEFAULT_CERTIFICATE_WARNING_DAYS = 90;

export type CertificateState = 'valid' | 'expiring' | 'expired' | 'no-expiry';

export type CertificateExpiry = {
  readonly state: CertificateState;
  /** Days from `today` to the expiry date (negative once expired); null without one. */
  readonly daysLeft: number | null;
};

export function certificateExpiry(
  c: Certification,
  today: string,
  warnDays: number = DEFAULT_CERTIFICATE_WARNING_DAYS,
): CertificateExpiry {
  if (c.expiresOn === undefined) return { state: 'no-expiry', daysLeft: null };
  const daysLeft = dayNumber(c.expiresOn) - dayNumber(today);
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  return { state: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft };
}
