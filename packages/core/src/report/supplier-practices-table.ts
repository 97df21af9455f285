/**
 * The supply-chain section's practices table (issue #18; HKEX C2 KPIs B5.2–B5.4): one row per
 * practice text of the register, in KPI order (a KPI's rows in register order), the KPI's
 * subject in words and the company's text.
 * The B5.2 count itself is a figure derived from the supplier register (`suppliers.assessed`),
 * printed with the section's figures. No table when the register holds no practice.
 */
import type { Registers } from '../model/registers.js';
import { SUPPLIER_PRACTICE_PROVISIONS, type SupplierPracticeProvision } from '../model/supplier-practices.js';
import type { LocalisedText } from '../model/text.js';
import type { Block } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const DEMO = t('（示範數據）', ' (demonstration data)');

const SUBJECT: Readonly<Record<SupplierPracticeProvision, LocalisedText>> = {
  'B5.2': t(
    'B5.2 供應商聘用慣例及其執行與監察',
    'B5.2 Supplier engagement practices, how implemented and monitored',
  ),
  'B5.3': t(
    'B5.3 識別供應鏈環境及社會風險的慣例',
    'B5.3 Identifying environmental and social risks along the supply chain',
  ),
  'B5.4': t(
    'B5.4 促進環保產品及服務的慣例',
    'B5.4 Promoting environmentally preferable products and services',
  ),
};

export function supplierPracticeBlocks(r: Registers): Block[] {
  const rows = [...(r.supplierPractices ?? [])].sort(
    (a, b) =>
      SUPPLIER_PRACTICE_PROVISIONS.indexOf(a.provision) - SUPPLIER_PRACTICE_PROVISIONS.indexOf(b.provision),
  );
  if (rows.length === 0) return [];
  return [
    {
      kind: 'table',
      id: 'supplier-practices',
      caption: t('供應鏈管理慣例', 'Supply chain practices'),
      head: [t('關鍵績效指標', 'KPI'), t('我們的做法', 'Our practice')],
      rows: rows.map((p) => [
        { kind: 'text', text: SUBJECT[p.provision] },
        {
          kind: 'text',
          text:
            p.isDemonstration && !p.text['zh-Hant'].includes('示範數據')
              ? { 'zh-Hant': `${p.text['zh-Hant']}${DEMO['zh-Hant']}`, en: `${p.text.en}${DEMO.en}` }
              : p.text,
        },
      ]),
    },
  ];
}
