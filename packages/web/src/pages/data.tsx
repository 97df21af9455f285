/** Data: a grid per entity and period, edited in place; the figures each edit changed; CSV import. */
import { useContext, useEffect, useRef, useState } from 'react';
import { api, type Figure } from '../api';
import { ErrorNote } from '../components/error-note';
import { FigureValue } from '../components/figure-link';
import { pick, useLang, useT } from '../i18n';
import { OrgContext } from '../org-context';
import { useLoad } from '../use-load';
import { ImportPanel } from './import-panel';
import { RetractCell } from './retract-cell';
import { ValueCell } from './value-cell';

type Change = { id: string; before: Figure | undefined; after: Figure | undefined };

function diff(before: Figure[], after: Figure[]): Change[] {
  const old = new Map(before.map((f) => [f.id, f]));
  const now = new Map(after.map((f) => [f.id, f]));
  const ids = [...new Set([...old.keys(), ...now.keys()])];
  return ids
    .filter((id) => old.get(id)?.value !== now.get(id)?.value || old.get(id)?.unit !== now.get(id)?.unit)
    .map((id) => ({ id, before: old.get(id), after: now.get(id) }));
}

export function DataPage() {
  const t = useT();
  const lang = useLang();
  const org = useContext(OrgContext);
  const periods = useLoad(() => api.periods(), []);
  const [entity, setEntity] = useState<string>();
  const [period, setPeriod] = useState<string>();
  const [reason, setReason] = useState('');
  const [changes, setChanges] = useState<Change[]>([]);
  const entityId = entity ?? org?.entities[0]?.id ?? '';
  const periodId = period ?? periods.data?.current ?? '';
  const rows = useLoad(
    () => (entityId && periodId ? api.dataPoints(entityId, periodId) : Promise.resolve(undefined)),
    [entityId, periodId],
  );
  const figuresBefore = useRef<Figure[]>([]);
  useEffect(() => {
    void api.figures({ period: periodId }).then((r) => {
      figuresBefore.current = r.figures;
    });
  }, [periodId]);
  async function afterWrite() {
    rows.reload();
    const now = (await api.figures({ period: periodId })).figures;
    setChanges(diff(figuresBefore.current, now));
    figuresBefore.current = now;
  }
  const allPeriods = periods.data
    ? [...new Set([periods.data.current, ...periods.data.prior, ...periods.data.withData])]
    : [];
  return (
    <div>
      <h1>{t('data')}</h1>
      <div className="toolbar">
        <label>
          {t('entity')}{' '}
          <select value={entityId} onChange={(e) => setEntity(e.target.value)} name="entity">
            {org?.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {pick(e.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('period')}{' '}
          <select value={periodId} onChange={(e) => setPeriod(e.target.value)} name="period">
            {allPeriods.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('reason')}{' '}
          <input
            name="reason"
            value={reason}
            placeholder={t('reasonHint')}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      </div>
      <div className="grid2 data-layout">
        <section className="panel">
          {rows.error ? <ErrorNote message={rows.error.message} /> : null}
          <table className="grid" data-ready={rows.data ? 'data' : undefined}>
            <thead>
              <tr>
                <th>{t('indicator')}</th>
                <th>{t('breakdown')}</th>
                <th>{t('value')}</th>
                <th>{t('unit')}</th>
                <th>{t('source')}</th>
                <th>{t('version')}</th>
                <th>{t('action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data?.dataPoints.map((dp) => (
                <tr key={dp.id}>
                  <td title={dp.indicatorId}>{pick(dp.name, lang)}</td>
                  <td>
                    {Object.entries(dp.disaggregation)
                      .map(([k, v]) => `${k}=${v}`)
                      .join('; ')}
                  </td>
                  <ValueCell
                    dp={dp}
                    reason={reason}
                    onSaved={() => void afterWrite()}
                    onStale={rows.reload}
                  />
                  <td className="unit">{dp.unit}</td>
                  <td className="muted source" title={dp.source}>
                    {dp.source}
                  </td>
                  <td className="muted">{dp.version}</td>
                  <RetractCell
                    dp={dp}
                    reason={reason}
                    onRetracted={() => void afterWrite()}
                    onStale={rows.reload}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel" data-testid="changed-figures">
          <h2>{t('changedFigures')}</h2>
          {changes.length === 0 ? <p className="muted">{t('noChanges')}</p> : null}
          <ul className="changes">
            {changes.map((c) => (
              <li key={c.id} data-changed={c.id}>
                <code>{c.id}</code>: <FigureValue figure={c.before ?? null} /> →{' '}
                <FigureValue figure={c.after ?? null} />
              </li>
            ))}
          </ul>
        </section>
      </div>
      <ImportPanel onApplied={() => void afterWrite()} entity={entityId} period={periodId} />
    </div>
  );
}
