/** Overview: headline figures with prior year and change, breakdowns, targets, findings, completeness. */
import { useEffect } from 'react';
import { api, type Headline } from '../api';
import { Bars } from '../components/bars';
import { ErrorNote } from '../components/error-note';
import { FigureValue } from '../components/figure-link';
import { pick, type TextKey, useLang, useT } from '../i18n';

const SEVERITY_KEY: Record<string, TextKey> = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo' };

import { useEntityName } from '../org-context';
import { useLoad } from '../use-load';
import { breakdownLabel, frameworkLabel, unitLabel } from './fact-labels';

function HeadlineCard({ h }: { h: Headline }) {
  const lang = useLang();
  const t = useT();
  const up = h.changePercent !== null && !h.changePercent.startsWith('-');
  return (
    <div className="card headline" data-indicator={h.current.indicatorId}>
      <div className="card-title">{pick(h.current.name, lang)}</div>
      <div className="big">
        <FigureValue figure={h.current} />
      </div>
      <div className="muted">
        {t('prior')}: <FigureValue figure={h.prior} withUnit={false} />
        {h.changePercent !== null ? (
          <span className={up ? 'up' : 'down'}>
            {' '}
            {t('change')} {up ? '+' : ''}
            {h.changePercent}%
          </span>
        ) : null}
      </div>
    </div>
  );
}

export function OverviewPage() {
  const t = useT();
  const lang = useLang();
  const entityName = useEntityName();
  const { data, error } = useLoad(() => api.overview(), []);
  useEffect(() => {
    if (data) performance.mark('assay:overview-ready');
  }, [data]);
  if (error) return <ErrorNote message={error.message} />;
  if (!data) return <p className="muted">{t('loading')}</p>;
  const section = (title: string, body: React.ReactNode, empty: boolean) => (
    <section className="panel">
      <h2>{title}</h2>
      {empty ? <p className="muted">{t('notCalculated')}</p> : body}
    </section>
  );
  return (
    <div data-ready="overview">
      <h1>
        {t('overview')} · {data.period}
      </h1>
      <section className="cards">
        {data.headlines.length === 0 ? <p className="muted">{t('noHeadlines')}</p> : null}
        {data.headlines.map((h) => (
          <HeadlineCard key={h.current.id} h={h} />
        ))}
      </section>
      <div className="grid2">
        {section(
          t('emissionsByScope'),
          <Bars items={data.emissions.byScope} label={(_k, f) => pick(f.name, lang)} />,
          data.emissions.byScope.length === 0,
        )}
        {section(
          t('emissionsByEntity'),
          <Bars items={data.emissions.byEntity} label={(k) => entityName(k, lang)} />,
          data.emissions.byEntity.length === 0,
        )}
        {section(
          t('emissionsBySource'),
          <Bars items={data.emissions.bySource} label={(k) => breakdownLabel(k, lang)} />,
          data.emissions.bySource.length === 0,
        )}
        {section(
          t('energyMix'),
          <Bars items={data.energyMix} label={(k) => breakdownLabel(k, lang)} />,
          data.energyMix.length === 0,
        )}
      </div>
      <section className="panel">
        <h2>{t('targets')}</h2>
        {data.targets.length === 0 ? (
          <p className="muted">–</p>
        ) : (
          <table>
            <tbody>
              {data.targets.map((x) => (
                <tr key={x.id}>
                  <td>{pick(x.name, lang)}</td>
                  <td>{x.target === null ? '–' : `${x.target} ${x.unit ? unitLabel(x.unit, lang) : ''}`}</td>
                  <td>{x.targetYear ?? ''}</td>
                  <td>
                    <FigureValue figure={x.current} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="grid2">
        <section className="panel">
          <h2>{t('openFindings')}</h2>
          <ul className="severity-list">
            {Object.entries(data.findings).map(([sev, n]) => (
              <li key={sev} className={`severity-${sev}`}>
                <a href={`#/checks?severity=${encodeURIComponent(sev)}`}>
                  {t(SEVERITY_KEY[sev] ?? 'all')}: {n}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h2>{t('completeness')}</h2>
          <table className="completeness">
            <thead>
              <tr>
                <th />
                <th>{t('disclosed')}</th>
                <th>{t('partlyDisclosed')}</th>
                <th>{t('explained')}</th>
                <th>{t('missing')}</th>
              </tr>
            </thead>
            <tbody>
              {data.completeness.map((f) => (
                <tr key={f.framework}>
                  <td>
                    <a href={`#/disclosures?framework=${f.framework}`}>{frameworkLabel(f.framework, lang)}</a>
                  </td>
                  <td>{f.counts.disclosed}</td>
                  <td>{f.counts['partly-disclosed']}</td>
                  <td>{f.counts.explained}</td>
                  <td className={f.counts.missing > 0 ? 'warn' : ''}>{f.counts.missing}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
