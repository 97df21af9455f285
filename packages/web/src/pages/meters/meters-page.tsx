/**
 * The meters page (#/meters?site=…&carrier=…; issue #22, docs/meters.md): the meters of the
 * register filtered by site and carrier (in the URL, so a link names them), the consumption of
 * a chosen meter per month (SVG, estimated parts hatched), the quality findings of the readings,
 * the reconciliation (main vs sub-meters vs bill) and the monthly activity lines the readings
 * give, with what writing them would do. Read-only; server state through TanStack Query.
 */
import { useQuery } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MeterFilter, metersApi } from '../../api-meters';
import { ErrorNote } from '../../components/error-note';
import { pick, useLang } from '../../i18n';
import { OrgContext, useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { unitLabel } from '../fact-labels';
import { ConsumptionChart, shortNumber } from './consumption-chart';
import { ReconciliationTable } from './reconciliation-table';
import './meters.css';

const CARRIERS = [
  'electricity',
  'natural-gas',
  'steam',
  'heat',
  'chilled-water',
  'water',
  'diesel',
  'gasoline',
  'lpg',
  'fuel-oil',
] as const;

const metersHref = (f: MeterFilter) => {
  const q = new URLSearchParams(
    Object.entries(f).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return `#/meters${q ? `?${q}` : ''}`;
};

export function MetersPage(props: { site: string | null; carrier: string | null }) {
  const { t } = useTranslation('meters');
  const lang = useLang();
  const org = useContext(OrgContext);
  const entityName = useEntityName();
  const filter: MeterFilter = { site: props.site ?? undefined, carrier: props.carrier ?? undefined };
  const key = [filter.site ?? '', filter.carrier ?? ''] as const;
  const register = useQuery({ queryKey: queryKeys.meterRegister(), queryFn: metersApi.register });
  const rollUp = useQuery({
    queryKey: queryKeys.meterRollUp(...key),
    queryFn: () => metersApi.rollUp(filter),
  });
  const findings = useQuery({
    queryKey: queryKeys.meterFindings(key[0]),
    queryFn: () => metersApi.findings(filter.site),
  });
  const rec = useQuery({
    queryKey: queryKeys.meterReconciliation(...key),
    queryFn: () => metersApi.reconciliation(filter),
  });
  const lines = useQuery({
    queryKey: queryKeys.meterLines(...key),
    queryFn: () => metersApi.activityLines(filter),
  });
  const meters = (register.data?.meters ?? []).filter(
    (m) => (!filter.site || m.site === filter.site) && (!filter.carrier || m.carrier === filter.carrier),
  );
  const [chosen, setChosen] = useState<string | undefined>();
  const chartMeter = chosen && meters.some((m) => m.id === chosen) ? chosen : meters[0]?.id;
  const chartMonths = (rollUp.data?.months ?? []).filter((m) => m.meterId === chartMeter);
  const chartUnit = meters.find((m) => m.id === chartMeter)?.unit ?? '';
  const shownIds = new Set(meters.map((m) => m.id));
  const shownFindings = (findings.data?.findings ?? []).filter((f) => shownIds.has(f.meterId));
  const ready = register.data && rollUp.data && findings.data && rec.data && lines.data;
  const error = register.error ?? rollUp.error ?? findings.error ?? rec.error ?? lines.error;
  const go = (f: MeterFilter) => {
    window.location.hash = metersHref(f);
  };
  return (
    <div className="meters" data-meters-ready={ready ? 'yes' : undefined}>
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      <div className="toolbar">
        <label>
          {t('site')}{' '}
          <select
            name="site"
            value={filter.site ?? ''}
            onChange={(e) => go({ ...filter, site: e.target.value })}
          >
            <option value="">{t('allSites')}</option>
            {(org?.entities ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {pick(e.name, lang)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('carrier')}{' '}
          <select
            name="carrier"
            value={filter.carrier ?? ''}
            onChange={(e) => go({ ...filter, carrier: e.target.value })}
          >
            <option value="">{t('allCarriers')}</option>
            {CARRIERS.map((c) => (
              <option key={c} value={c}>
                {t(`carrier.${c}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        {register.data ? (
          <span className="muted">{t('registerVersion', { version: register.data.version })}</span>
        ) : null}
      </div>
      {error ? <ErrorNote message={error.message} /> : null}

      <h2>{t('register')}</h2>
      {register.data && meters.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {meters.length > 0 ? (
        <table className="meters-table" data-meter-list>
          <thead>
            <tr>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('site')}</th>
              <th scope="col">{t('carrier')}</th>
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('multiplier')}</th>
              <th scope="col">{t('mode')}</th>
              <th scope="col">{t('parent')}</th>
              <th scope="col">{t('account')}</th>
            </tr>
          </thead>
          <tbody>
            {meters.map((m) => (
              <tr key={m.id} data-meter={m.id}>
                <th scope="row">{m.id}</th>
                <td>{m.site ? entityName(m.site, lang) : '—'}</td>
                <td>{m.carrier ? t(`carrier.${m.carrier as (typeof CARRIERS)[number]}`) : '—'}</td>
                <td>{m.unit ? unitLabel(m.unit, lang) : '—'}</td>
                <td className="num">{m.multiplier || '1'}</td>
                <td>{m.mode === 'interval' ? t('mode.interval') : t('mode.cumulative')}</td>
                <td>{m.parent || '—'}</td>
                <td>{m.utility_account || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>{t('chart')}</h2>
      {meters.length > 0 ? (
        <label>
          {t('chartMeter')}{' '}
          <select name="meter" value={chartMeter ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {meters.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {chartMeter && rollUp.data ? (
        <ConsumptionChart meter={chartMeter} months={chartMonths} unit={unitLabel(chartUnit, lang)} />
      ) : null}

      <h2>{t('findings')}</h2>
      {findings.data && shownFindings.length === 0 ? <p className="muted">{t('noFindings')}</p> : null}
      {shownFindings.length > 0 ? (
        <table className="meters-table" data-meter-findings>
          <thead>
            <tr>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('severity')}</th>
              <th scope="col">{t('range')}</th>
              <th scope="col">{t('message')}</th>
            </tr>
          </thead>
          <tbody>
            {shownFindings.map((f) => (
              <tr
                key={`${f.meterId}-${f.code}-${f.fromText}`}
                className={`severity-${f.severity}`}
                data-finding={f.code}
              >
                <th scope="row">{f.meterId}</th>
                <td>{t(`severity.${f.severity}`)}</td>
                <td>
                  {f.fromText} – {f.toText}
                </td>
                <td>{pick(f.message, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>{t('reconciliation')}</h2>
      {rec.data ? <ReconciliationTable data={rec.data} /> : null}

      <h2>{t('lines')}</h2>
      <p className="muted">{t('linesIntro')}</p>
      {lines.data && lines.data.lines.length === 0 ? <p className="muted">{t('noLines')}</p> : null}
      {lines.data && lines.data.lines.length > 0 ? (
        <table className="meters-table" data-meter-lines>
          <thead>
            <tr>
              <th scope="col">{t('site')}</th>
              <th scope="col">{t('carrier')}</th>
              <th scope="col">{t('month')}</th>
              <th scope="col">{t('amount')}</th>
              <th scope="col">{t('estimated')}</th>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.data.lines.map((o) => (
              <tr key={o.id} data-meter-line={o.id}>
                <td>{entityName(o.line.siteId, lang)}</td>
                <td>{t(`carrier.${o.line.carrier as (typeof CARRIERS)[number]}`)}</td>
                <td className="nowrap">{o.line.month}</td>
                <td className="num nowrap">
                  {shortNumber(o.line.amount)} {unitLabel(o.line.unit, lang)}
                </td>
                <td className="num">{o.line.isEstimated ? shortNumber(o.line.estimated) : '—'}</td>
                <td>
                  {o.line.lineage.map((x) => (
                    <div key={x.meterId} className="small-text">
                      {x.meterId}: {x.from} – {x.to}
                    </div>
                  ))}
                </td>
                <td data-action={o.action}>{t(`action.${o.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
