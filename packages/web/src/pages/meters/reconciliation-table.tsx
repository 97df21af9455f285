/** The reconciliation of main meters (issue #22): main vs sub-meters vs bill, differences and %, findings. */
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
  return (
    <>
      <p className="muted">{t('reconciliationIntro', { tolerance: data.tolerancePercent })}</p>
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
            {data.reconciliation.map((r) => (
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
