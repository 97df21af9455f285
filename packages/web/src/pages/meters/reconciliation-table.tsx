/**
 * The reconciliation of main meters (issue #22): main vs sub-meters vs bill, differences and %,
 * findings. Where some months are beyond tolerance and others not, those months are listed first
 * on their own (a year of four main meters is 48 rows, the few to look into among them), with a
 * check box to list every month.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reconciliation } from '../../api-meters';
import { pick, useLang } from '../../i18n';
import { unitLabel } from '../fact-labels';
import { shortNumber } from './consumption-chart';

const num = (v: string | null) => (v === null ? '—' : shortNumber(v));
const pct = (v: string | null) => (v === null ? '—' : `${v} %`);

export function ReconciliationTable({ data }: { data: Reconciliation }) {
  const { t } = useTranslation('meters');
  const lang = useLang();
  const [everyMonth, setEveryMonth] = useState(false);
  const beyond = data.reconciliation.filter((r) => r.subMeterBeyondTolerance || r.billBeyondTolerance);
  const choice = beyond.length > 0 && beyond.length < data.reconciliation.length;
  const rows = choice && !everyMonth ? beyond : data.reconciliation;
  return (
    <>
      <p className="muted">{t('reconciliationIntro', { tolerance: data.tolerancePercent })}</p>
      {choice ? (
        <label className="toolbar">
          <input
            type="checkbox"
            checked={everyMonth}
            onChange={(e) => setEveryMonth(e.target.checked)}
            data-reconciliation-every-month
          />
          {t('reconciliationEveryMonth', { beyond: beyond.length, total: data.reconciliation.length })}
        </label>
      ) : null}
      {data.reconciliation.length === 0 ? (
        <p className="muted">{t('noReconciliation')}</p>
      ) : (
        <table className="meters-table" data-reconciliation>
          <thead>
            <tr>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('month')}</th>
              <th scope="col">{t('main')}</th>
              <th scope="col">{t('subMeters')}</th>
              <th scope="col">{t('difference')}</th>
              <th scope="col">{t('percent')}</th>
              <th scope="col">{t('bill')}</th>
              <th scope="col">{t('difference')}</th>
              <th scope="col">{t('percent')}</th>
              <th scope="col">{t('unit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.meterId}-${r.month}`} data-reconciled={`${r.meterId}@${r.month}`}>
                <th scope="row">{r.meterId}</th>
                <td className="nowrap">{r.month}</td>
                <td className="num">
                  {num(r.main)}
                  {r.includesEstimates ? <span className="muted"> ({t('includesEstimates')})</span> : null}
                </td>
                <td className="num">{num(r.subMeters)}</td>
                <td className="num">{num(r.subMeterDifference)}</td>
                <td className={`num${r.subMeterBeyondTolerance ? ' beyond' : ''}`}>
                  {pct(r.subMeterDifferencePercent)}
                  {r.subMeterBeyondTolerance ? <span className="badge-beyond"> {t('beyond')}</span> : null}
                </td>
                <td className="num">{num(r.bill)}</td>
                <td className="num">{num(r.billDifference)}</td>
                <td className={`num${r.billBeyondTolerance ? ' beyond' : ''}`}>
                  {pct(r.billDifferencePercent)}
                  {r.billBeyondTolerance ? <span className="badge-beyond"> {t('beyond')}</span> : null}
                </td>
                <td>{unitLabel(r.unit, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.findings.length > 0 ? (
        <ul className="meter-findings" data-reconciliation-findings>
          {data.findings.map((f) => (
            <li key={`${f.code}-${f.meterId}-${f.month}`} className="severity-warning">
              {pick(f.message, lang)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
