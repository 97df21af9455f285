/**
 * Supply-chain practices (issue #18; HKEX C2 KPIs B5.2–B5.4; docs/registers.md "Suppliers"): the
 * company's own words on how it engages and monitors suppliers (B5.2), identifies environmental
 * and social risks along the supply chain (B5.3) and promotes environmentally preferable
 * products and services (B5.4), kept as register rows beside the supplier register. B5.2's count
 * is not typed here: it is derived from the supplier register (methods/register-figures.ts,
 * `suppliers.assessed`).
 */
import type { LocalisedText } from './text.js';

export const SUPPLIER_PRACTICE_PROVISIONS = ['B5.2', 'B5.3', 'B5.4'] as const;
export type SupplierPracticeProvision = (typeof SUPPLIER_PRACTICE_PROVISIONS)[number];

export type SupplierPractice = {
  readonly id: string;
  /** The HKEX KPI the practice answers. */
  readonly provision: SupplierPracticeProvision;
  readonly text: LocalisedText;
  readonly source?: string;
  readonly isDemonstration?: boolean;
};
