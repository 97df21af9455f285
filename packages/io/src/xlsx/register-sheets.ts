/**
 * The sheets of the compliance cases, certifications and tailings facilities registers
 * (issue #18; docs/registers.md), over row-sheet.ts. The rules are core's, passed in as the
 * entity ids they need. Sheet names: "cases", "certifications", "tailings".
 */
import {
  type Certification,
  type ComplianceCase,
  type SiteRulesContext,
  type TailingsFacility,
  validateCertification,
  validateComplianceCase,
  validateTailingsFacility,
} from '@assay/core';
import type { RowSheetSpec } from './row-sheet.js';

/** JSON round trip drops undefined optionals (exactOptionalPropertyTypes). */
const clean = <T>(r: Record<string, unknown>): T => JSON.parse(JSON.stringify(r)) as T;
const nested = (field: string) => field.split('.').slice(0, 2).join('.');

export function casesSheet(rules: SiteRulesContext): RowSheetSpec<ComplianceCase> {
  return {
    sheet: 'cases',
    columns: [
      { key: 'id', zh: '編號', en: 'Id', width: 18 },
      { key: 'kind', zh: '類別 (legal-case/whistleblowing)', en: 'Kind', width: 16 },
      { key: 'type', zh: '類型 (bribery/extortion/fraud/money-laundering/other)', en: 'Type', width: 16 },
      { key: 'entityId', zh: '主體', en: 'Entity', width: 16 },
      { key: 'openedOn', zh: '立案日期', en: 'Opened on', width: 12 },
      { key: 'concludedOn', zh: '結案日期', en: 'Concluded on', width: 12 },
      { key: 'outcome', zh: '結果 (substantiated/unsubstantiated/withdrawn)', en: 'Outcome', width: 16 },
      { key: 'summary', zh: '案情摘要', en: 'Summary', width: 40 },
      { key: 'actions', zh: '採取行動', en: 'Actions taken', width: 40 },
    ],
    required: ['id', 'kind', 'type', 'entityId', 'openedOn', 'summary'],
    cellsOf: (c) => ({
      id: c.id,
      kind: c.kind,
      type: c.type,
      entityId: c.entityId,
      openedOn: c.openedOn,
      concludedOn: c.concludedOn ?? '',
      outcome: c.outcome ?? '',
      summary: c.summary,
      actions: c.actions ?? '',
    }),
    fromCells: (o) =>
      clean({
        id: o('id') ?? '',
        kind: o('kind') ?? '',
        type: o('type') ?? '',
        entityId: o('entityId') ?? '',
        openedOn: o('openedOn') ?? '',
        concludedOn: o('concludedOn'),
        outcome: o('outcome'),
        summary: o('summary') ?? '',
        actions: o('actions'),
      }),
    validate: (c) => validateComplianceCase(c, rules),
  };
}

export function certificationsSheet(rules: SiteRulesContext): RowSheetSpec<Certification> {
  return {
    sheet: 'certifications',
    columns: [
      { key: 'id', zh: '編號', en: 'Id', width: 20 },
      {
        key: 'standard',
        zh: '標準 (iso-14001/iso-45001/iso-50001/iso-9001/green-factory)',
        en: 'Standard',
        width: 16,
      },
      { key: 'entityId', zh: '場所／主體', en: 'Site', width: 16 },
      { key: 'scope.en', zh: '認證範圍（英文）', en: 'Scope (English)', width: 36 },
      { key: 'scope.zh-Hant', zh: '認證範圍（中文）', en: 'Scope (Chinese)', width: 30 },
      { key: 'issuer', zh: '發證機構', en: 'Issuer', width: 24 },
      { key: 'certificateNumber', zh: '證書編號', en: 'Certificate number', width: 20 },
      { key: 'issuedOn', zh: '發證日期', en: 'Issued on', width: 12 },
      { key: 'expiresOn', zh: '有效期至', en: 'Expires on', width: 12 },
      { key: 'source', zh: '來源', en: 'Source', width: 30 },
      { key: 'isDemonstration', zh: '示範數據 (yes)', en: 'Demonstration data', width: 10 },
    ],
    required: ['id', 'standard', 'entityId', 'issuedOn'],
    cellsOf: (c) => ({
      id: c.id,
      standard: c.standard,
      entityId: c.entityId,
      'scope.en': c.scope.en,
      'scope.zh-Hant': c.scope['zh-Hant'],
      issuer: c.issuer,
      certificateNumber: c.certificateNumber,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn ?? '',
      source: c.source ?? '',
      isDemonstration: c.isDemonstration ? 'yes' : '',
    }),
    fromCells: (o) =>
      clean({
        id: o('id') ?? '',
        standard: o('standard') ?? '',
        entityId: o('entityId') ?? '',
        scope: { en: o('scope.en') ?? '', 'zh-Hant': o('scope.zh-Hant') ?? '' },
        issuer: o('issuer') ?? '',
        certificateNumber: o('certificateNumber') ?? '',
        issuedOn: o('issuedOn') ?? '',
        expiresOn: o('expiresOn'),
        source: o('source'),
        isDemonstration: o('isDemonstration') === 'yes' ? true : undefined,
      }),
    validate: (c) => validateCertification(c, rules),
    columnOf: nested,
  };
}

export function tailingsSheet(rules: SiteRulesContext): RowSheetSpec<TailingsFacility> {
  const texts = ['name', 'monitoring', 'emergencyPlan', 'closurePlan'] as const;
  const heads: Record<(typeof texts)[number], [string, string]> = {
    name: ['名稱', 'Name'],
    monitoring: ['監測', 'Monitoring'],
    emergencyPlan: ['應急預案', 'Emergency plan'],
    closurePlan: ['閉庫計劃', 'Closure plan'],
  };
  return {
    sheet: 'tailings',
    columns: [
      { key: 'id', zh: '編號', en: 'Id', width: 20 },
      ...texts.flatMap((t) => [
        { key: `${t}.en`, zh: `${heads[t][0]}（英文）`, en: `${heads[t][1]} (English)`, width: 30 },
        { key: `${t}.zh-Hant`, zh: `${heads[t][0]}（中文）`, en: `${heads[t][1]} (Chinese)`, width: 26 },
      ]),
      { key: 'entityId', zh: '場所／主體', en: 'Site', width: 16 },
      { key: 'status', zh: '狀態 (active/inactive/closed)', en: 'Status', width: 12 },
      { key: 'consequence', zh: '後果分類', en: 'Consequence class', width: 18 },
      { key: 'source', zh: '來源', en: 'Source', width: 30 },
      { key: 'isDemonstration', zh: '示範數據 (yes)', en: 'Demonstration data', width: 10 },
    ],
    required: ['id', 'name.en', 'name.zh-Hant', 'entityId', 'status', 'consequence'],
    cellsOf: (f) => ({
      id: f.id,
      ...Object.fromEntries(
        texts.flatMap((t) => [
          [`${t}.en`, f[t].en],
          [`${t}.zh-Hant`, f[t]['zh-Hant']],
        ]),
      ),
      entityId: f.entityId,
      status: f.status,
      consequence: f.consequence,
      source: f.source ?? '',
      isDemonstration: f.isDemonstration ? 'yes' : '',
    }),
    fromCells: (o) =>
      clean({
        id: o('id') ?? '',
        ...Object.fromEntries(
          texts.map((t) => [t, { en: o(`${t}.en`) ?? '', 'zh-Hant': o(`${t}.zh-Hant`) ?? '' }]),
        ),
        entityId: o('entityId') ?? '',
        status: o('status') ?? '',
        consequence: o('consequence') ?? '',
        source: o('source'),
        isDemonstration: o('isDemonstration') === 'yes' ? true : undefined,
      }),
    validate: (f) => validateTailingsFacility(f, rules),
    columnOf: nested,
  };
}
