/**
 * Rule 15, registers (issue #18; docs/registers.md): what the registers themselves call for.
 * - `screening-without-risk` (warning): a hazard scored at a site at or above the screening
 *   threshold with no physical risk in the climate register for that hazard and site
 *   (methods/climate-screening.ts): add the risk or say why not.
 * - `certificate-expired` (warning) / `certificate-expiring` (info): a certificate expired by the
 *   report date, or expiring within `certificateWarnDays` days after it (bundle
 *   certification-expiry.ts). The report date is the option `reportDate`, else the end of the
 *   reporting year (31 December), which the findings can know without a clock.
 */
import { certificateExpiry, DEFAULT_CERTIFICATE_WARNING_DAYS } from '../../bundle/certification-expiry.js';
import { screeningGaps } from '../../methods/climate-screening.js';
import { PHYSICAL_HAZARD_LABEL } from '../../model/climate-labels.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';

export const registersRule: CheckRule = { id: 'registers', run };

function run(ctx: CheckContext): Finding[] {
  const b = ctx.bundle;
  const year = b.reporting.current;
  const names = new Map(b.organisation.entities.map((e) => [e.id, e] as const));
  const nameOf = (id: string) => {
    const e = names.get(id);
    return e ? { en: e.name.en, zh: e.name['zh-Hant'] } : { en: id, zh: id };
  };
  const out: Finding[] = [];
  for (const g of screeningGaps(b.registers)) {
    const s = g.screening;
    const n = nameOf(s.entityId);
    const h = PHYSICAL_HAZARD_LABEL[s.hazard];
    out.push({
      ruleId: 'registers',
      code: 'screening-without-risk',
      severity: 'warning',
      where: { entityId: s.entityId, periodId: year, section: 'climate' },
      expected: `a physical risk for ${s.hazard} at ${s.entityId}`,
      actual: `score ${s.score} (threshold ${g.threshold}), no risk`,
      message: msg(
        `${h.en} scores ${s.score} at ${n.en} (screening "${s.id}"; a row is needed from ${g.threshold}), but the climate register has no physical risk for it there: add one or explain why not.`,
        `${n.zh}的${h['zh-Hant']}篩查評分為${s.score}（篩查「${s.id}」；達${g.threshold}分即須登記），但氣候風險登記冊中沒有該場所的相應實體風險：請補充，或說明不予登記的理由。`,
      ),
      lineage: [`register:hazardScreening/${s.id}`],
    });
  }
  const reportDate = ctx.options.reportDate ?? `${year}-12-31`;
  const warnDays = ctx.options.certificateWarnDays ?? DEFAULT_CERTIFICATE_WARNING_DAYS;
  for (const c of b.registers.certifications ?? []) {
    const e = certificateExpiry(c, reportDate, warnDays);
    if (e.state !== 'expired' && e.state !== 'expiring') continue;
    const n = nameOf(c.entityId);
    const days = e.daysLeft ?? 0;
    out.push({
      ruleId: 'registers',
      code: e.state === 'expired' ? 'certificate-expired' : 'certificate-expiring',
      severity: e.state === 'expired' ? 'warning' : 'info',
      where: { entityId: c.entityId, periodId: year, section: 'governance' },
      expected: `valid on ${reportDate}`,
      actual: `expires ${c.expiresOn}`,
      expectedText: msg(`valid on ${reportDate}`, `${reportDate}仍然有效`),
      actualText: msg(`expires ${c.expiresOn}`, `${c.expiresOn}到期`),
      message:
        e.state === 'expired'
          ? msg(
              `The ${c.standard} certificate "${c.id}" of ${n.en} expired on ${c.expiresOn}, ${-days} day(s) before the report date ${reportDate}: renew it or do not present it as valid.`,
              `${n.zh}的證書「${c.id}」已於${c.expiresOn}到期，早於報告日期${reportDate}共${-days}日：請續證，或勿列為有效證書。`,
            )
          : msg(
              `The ${c.standard} certificate "${c.id}" of ${n.en} expires on ${c.expiresOn}, ${days} day(s) after the report date ${reportDate} (warning window ${warnDays} days).`,
              `${n.zh}的證書「${c.id}」將於${c.expiresOn}到期，距報告日期${reportDate}僅${days}日（提示期${warnDays}日）。`,
            ),
      lineage: [`register:certifications/${c.id}`],
    });
  }
  return out;
}
