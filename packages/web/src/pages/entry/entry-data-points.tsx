/**
 * The entry form's data points: the topic's values of the entity in the period (GET
 * /api/data-points?entity=&period=, indicators of the topic from GET /api/catalogue), each edited
 * in place by the data grid's cell (value-cell.tsx: checked as typed, saved on Enter or leaving
 * the cell with the version it started from, a 412 shown with both values and what was typed
 * kept), with last period's and last year's value of the same indicator and breakdown beside it
 * (the same lists for those periods) and the ten-times warning. Indicators assigned to the caller
 * with no value yet are named, to be entered in the data grid or the XLSX template.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api, type DataPoint } from '../../api';
import { ErrorNote } from '../../components/error-note';
import { disaggregationText } from '../../glossary';
import { pick, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { unitLabel } from '../fact-labels';
import { breakdownOf } from '../stable-rows';
import { ValueCell } from '../value-cell';
import { groupDigits, plausibility, type Reference } from './amount-check';
import { periodName, previousPeriod, referenceName, samePeriodLastYear } from './period-label';

const sameValue = (dp: DataPoint) => `${dp.indicatorId}|${breakdownOf(dp)}`;

function useDataPoints(entity: string, period: string | undefined) {
  return useQuery({
    queryKey: queryKeys.dataPoints(entity, period ?? ''),
    queryFn: () => api.dataPoints(entity, period ?? ''),
    enabled: period !== undefined,
  });
}

export function EntryDataPoints(props: {
  entity: string;
  period: string;
  topic: string;
  reason: string;
  /** The indicators of this unit assigned to the caller (their task), if any. */
  assigned: readonly string[];
}) {
  const { t } = useTranslation('entry');
  const lang = useLang();
  const access = useAccess();
  const client = useQueryClient();
  const catalogue = useQuery({ queryKey: queryKeys.catalogue(), queryFn: () => api.catalogue() });
  const prevId = previousPeriod(props.period);
  const lastId = samePeriodLastYear(props.period);
  const now = useDataPoints(props.entity, props.period);
  const prev = useDataPoints(props.entity, prevId);
  const last = useDataPoints(props.entity, lastId);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const onUnsaved = useCallback(() => {}, []);
  const indicators = new Map((catalogue.data?.indicators ?? []).map((i) => [i.id, i]));
  const inTopic = (id: string) => indicators.get(id)?.topic === props.topic;
  const rows = (now.data?.dataPoints ?? []).filter((dp) => inTopic(dp.indicatorId));
  const byKey = (list: DataPoint[] | undefined) => new Map((list ?? []).map((dp) => [sameValue(dp), dp]));
  const prevBy = byKey(prev.data?.dataPoints);
  const lastBy = byKey(last.data?.dataPoints);
  const entered = new Set(rows.map((dp) => dp.indicatorId));
  const missing = props.assigned.filter((id) => indicators.get(id)?.kind === 'input' && !entered.has(id));
  const refresh = () =>
    client.invalidateQueries({ queryKey: queryKeys.dataPoints(props.entity, props.period) });
  const ref = (dp: DataPoint | undefined, period: string | undefined): Reference =>
    dp && period ? { period, amount: dp.value, unit: dp.unit } : null;
  const show = (dp: DataPoint | undefined) =>
    dp ? `${groupDigits(dp.value)} ${dp.unit}` : <span className="muted">{t('none')}</span>;
  const error = catalogue.error ?? now.error;
  return (
    <section
      className="panel entry-data-points"
      aria-labelledby="entry-dp-title"
      data-dp-ready={now.data ? 'yes' : undefined}
    >
      <h2 id="entry-dp-title">{t('dataPointsTitle')}</h2>
      <p className="muted">{t('dataPointsIntro')}</p>
      {error ? <ErrorNote message={error.message} /> : null}
      {now.data && catalogue.data && rows.length === 0 ? <p className="muted">{t('noDataPoints')}</p> : null}
      {rows.length > 0 ? (
        <table className="grid entry-grid">
          <thead>
            <tr>
              <th scope="col">{t('col.indicator')}</th>
              <th scope="col">{t('col.breakdown')}</th>
              <th scope="col">{t('col.value')}</th>
              <th scope="col">{t('col.unit')}</th>
              <th scope="col" className="col-num">
                {t('col.previous', { period: periodName(prevId ?? '', lang) })}
              </th>
              <th scope="col" className="col-num">
                {t('col.lastYear', { period: periodName(lastId ?? '', lang) })}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((dp) => {
              const p = prevBy.get(sameValue(dp));
              const l = lastBy.get(sameValue(dp));
              const name = indicators.get(dp.indicatorId);
              const warnings = plausibility(
                typed[dp.id] ?? dp.value,
                dp.unit,
                ref(p, prevId),
                ref(l, lastId),
              );
              return (
                <tr key={dp.id} data-entry-dp={dp.id}>
                  <th scope="row">
                    {name ? pick(name.name, lang) : dp.indicatorId}
                    {warnings.map((w) => (
                      <div key={w.against} className="warn-note" role="status" data-warning={w.scale}>
                        {t(`warn.${w.scale}`, {
                          reference: referenceName(w.against, w.reference.period, lang),
                          amount: `${groupDigits(w.reference.amount)} ${unitLabel(w.reference.unit, lang)}`,
                        })}
                      </div>
                    ))}
                  </th>
                  <td>{disaggregationText(dp.disaggregation, lang)}</td>
                  {access.can('write-data-point', dp.entityId) ? (
                    <ValueCell
                      dp={dp}
                      reason={props.reason}
                      onSaved={() => void refresh()}
                      onStale={() => void refresh()}
                      onUnsaved={onUnsaved}
                      onTyped={(text) => setTyped((m) => ({ ...m, [dp.id]: text }))}
                    />
                  ) : (
                    <td className="num">{groupDigits(dp.value)}</td>
                  )}
                  <td>{unitLabel(dp.unit, lang)}</td>
                  <td className="num">{show(p)}</td>
                  <td className="num">{show(l)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {missing.length > 0 ? (
        <p className="note" data-not-entered>
          {t('notEntered', {
            indicators: missing
              .map((id) => {
                const i = indicators.get(id);
                return i ? pick(i.name, lang) : id;
              })
              .join(lang === 'en' ? '; ' : '；'),
          })}
        </p>
      ) : null}
    </section>
  );
}
