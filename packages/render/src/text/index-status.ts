/** A content-index row's status as printed: the localised status, then its explanation if any. */
import { type ReportIndexRow, type ReportModel, STATUS_LABEL } from '@assay/core/report-model';
import { type RenderLang, tx } from './lang.js';

export function statusText(row: ReportIndexRow, model: ReportModel, lang: RenderLang): string {
  const status = row.status ? tx(model.labels[STATUS_LABEL[row.status]], lang) : '';
  const explanation = row.explanation ? tx(row.explanation, lang) : '';
  return [status, explanation].filter(Boolean).join(lang === 'en' ? ': ' : '：');
}

export const hasStatus = (rows: readonly ReportIndexRow[]) => rows.some((r) => r.status || r.explanation);
