/**
 * The report's table of management-system certificates and green-factory titles (issue #18;
 * docs/registers.md "Certifications"), in the ESG governance section (the outline's
 * `certifications` extra): site, standard, scope, issuer, expiry, one row per certificate of the
 * register in its order. The issuer prints as entered (a name, the same in both languages).
 * Dates print as ISO dates in both languages, so both state the same numbers. Standards are
 * named in words in Chinese (the Chinese report prints no Latin word but its allow-list). No
 * table when the register is empty; expiry warnings are findings (checks/rules/registers.ts).
 */
import type { Bundle } from '../model/bundle.js';
import type { CertificationStandard } from '../model/site-registers.js';
import type { LocalisedText } from '../model/text.js';
import type { Block, Cell } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });
const same = (s: string): Cell => text(t(s, s));

export const CERTIFICATION_STANDARD_LABEL: Readonly<Record<CertificationStandard, LocalisedText>> = {
  'iso-14001': t('環境管理體系（國際標準14001）', 'ISO 14001 environmental management'),
  'iso-45001': t('職業健康安全管理體系（國際標準45001）', 'ISO 45001 occupational health and safety'),
  'iso-50001': t('能源管理體系（國際標準50001）', 'ISO 50001 energy management'),
  'iso-9001': t('質量管理體系（國際標準9001）', 'ISO 9001 quality management'),
  'green-factory': t('綠色工廠', 'Green factory'),
};
const NO_EXPIRY = t('長期有效', 'Does not expire');
const DEMO = t('（示範數據）', ' (demonstration data)');

export function certificationBlocks(bundle: Bundle): Block[] {
  const rows = bundle.registers.certifications ?? [];
  if (rows.length === 0) return [];
  const entity = new Map(bundle.organisation.entities.map((e) => [e.id, e.name]));
  return [
    {
      kind: 'table',
      id: 'certifications',
      caption: t('管理體系認證及綠色工廠', 'Management system certificates and green factory titles'),
      head: [
        t('場所', 'Site'),
        t('標準', 'Standard'),
        t('認證範圍', 'Scope'),
        t('發證機構', 'Issuer'),
        t('有效期至', 'Expires on'),
      ],
      rows: rows.map((c) => {
        const scope =
          c.isDemonstration && !c.scope['zh-Hant'].includes('示範數據')
            ? { 'zh-Hant': `${c.scope['zh-Hant']}${DEMO['zh-Hant']}`, en: `${c.scope.en}${DEMO.en}` }
            : c.scope;
        return [
          text(entity.get(c.entityId) ?? t(c.entityId, c.entityId)),
          text(CERTIFICATION_STANDARD_LABEL[c.standard]),
          text(scope),
          same(c.issuer),
          c.expiresOn === undefined ? text(NO_EXPIRY) : same(c.expiresOn),
        ];
      }),
    },
  ];
}
