/**
 * Data: a grid per entity and period, edited in place; the figures each edit changed; CSV import;
 * each data point's revisions. Entities, editing, retracting, importing, exporting and history
 * are offered only where the user's roles allow them (access.ts). Rows keep their order through
 * saves and re-fetches, and a row with an unsaved cell stays until its edit is settled
 * (stable-rows.ts, value-cell.tsx).
 */
import { Fragment, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../access';
import { api, type Figure } from '../api';
import { ErrorNote } from '../components/error-note';
import { FigureValue } from '../components/figure-link';
import { disaggregationText } from '../glossary';
import { pick, useLang, useT } from '../i18n';
import { OrgContext } from '../org-context';
import { useLoad } from '../use-load';
import { EvidenceRow } from './evidence-row';
import { unitLabel } from './fact-labels';
import { HistoryRow } from './history-row';
import { ImportPanel } from './import-panel';
import { RetractCell } from './retract-cell';
import { useStableRows } from './stable-rows';
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
  const access = useAccess();
  const periods = useLoad(() => api.periods(), []);
  const [entity, setEntity] = useState<string>();
  const [period, setPeriod] = useState<string>();
  const [reason, setReason] = useState('');
  const [changes, setChanges] = useState<Change[]>([]);
  const [historyOf, setHistoryOf] = useState<string>();
  const [evidenceOf, setEvidenceOf] = useState<string>();
  const evidenceText = useTranslation('evidence').t;
  const entities = (org?.entities ?? []).filter((e) => access.can('read-data-points', e.id));
  const entityId = entity ?? entities[0]?.id ?? '';
  const mayWrite = access.can('write-data-point', entityId);
  const mayRetract = access.can('retract-data-point', entityId);
  const mayImport = access.can('import-data-points', entityId);
  const mayExport = access.can('export-data-points', entityId);
  const mayReadHistory = access.can('read-history', entityId);
  const mayReadEvidence = access.can('read-evidence', entityId);
  /** Evidence files: listed with `read-evidence`, attached with `write-data-point` (evidence-row.tsx). */
  const evidenceColumn = mayReadEvidence || mayWrite;
  /** Columns of the grid: indicator, breakdown, value, unit, source, version, then the optional ones. */
  const columns = 6 + (mayRetract ? 1 : 0) + (mayReadHistory ? 1 : 0) + (evidenceColumn ? 1 : 0);
  const periodId = period ?? periods.data?.current ?? '';
  const rows = useLoad(
    () => (entityId && periodId ? api.dataPoints(entityId, periodId) : Promise.resolve(undefined)),
    [entityId, periodId],
  );
  /** The grid's rows are on their way: the periods, or the rows of the chosen entity and period. */
  const rowsLoading =
    (!periods.data && !periods.error) || (entityId !== '' && periodId !== '' && !rows.data && !rows.error);
  /** Ids of data points whose cell holds an edit not saved yet (or a failed save). */
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const onUnsaved = useCallback((id: string, is: boolean) => {
    setUnsaved((now) => {
      if (now.has(id) === is) return now;
      const next = new Set(now);
      if (is) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const gridRows = useStableRows(rows.data?.dataPoints, unsaved);
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
            {entities.map((e) => (
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
        {mayWrite || mayRetract ? (
          <label className="grow">
            {t('reason')}{' '}
            <input
              name="reason"
              value={reason}
              placeholder={t('reasonHint')}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        ) : null}
      </div>
      <div className="grid2 data-layout">
        <section className="panel">
          {rows.error ? <ErrorNote message={rows.error.message} /> : null}
          <table
            className={evidenceColumn ? 'grid with-evidence' : 'grid'}
            data-ready={rows.data ? 'data' : undefined}
            aria-busy={rowsLoading}
          >
            <thead>
              <tr>
                <th>{t('indicator')}</th>
                <th>{t('breakdown')}</th>
                <th>{t('value')}</th>
                <th>{t('unit')}</th>
                <th>{t('source')}</th>
                <th>{t('version')}</th>
                {mayRetract ? <th>{t('action')}</th> : null}
                {mayReadHistory ? <th>{t('history')}</th> : null}
                {evidenceColumn ? <th>{evidenceText('column')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {gridRows.map(({ dp, kept }) => (
                <Fragment key={dp.id}>
                  <tr data-row={dp.id} className={kept ? 'kept' : undefined}>
                    <td title={dp.indicatorId}>
                      {pick(dp.name, lang)}
                      {kept ? <div className="warn">{t('keptRow')}</div> : null}
                    </td>
                    <td>{disaggregationText(dp.disaggregation, lang)}</td>
                    {mayWrite ? (
                      <ValueCell
                        dp={dp}
                        reason={reason}
                        onSaved={() => void afterWrite()}
                        onStale={rows.reload}
                        onUnsaved={onUnsaved}
                      />
                    ) : (
                      <td className="cell read-only" data-dp-value={dp.id}>
                        {dp.value}
                      </td>
                    )}
                    <td className="unit">{unitLabel(dp.unit, lang)}</td>
                    {/* the source as entered: data, not UI text (not translated) */}
                    <td className="muted source" title={dp.source} translate="no">
                      {dp.source}
                    </td>
                    <td className="muted">{dp.version}</td>
                    {mayRetract ? (
                      <RetractCell
                        dp={dp}
                        reason={reason}
                        onRetracted={() => void afterWrite()}
                        onStale={rows.reload}
                      />
                    ) : null}
                    {mayReadHistory ? (
                      <td>
                        <button
                          type="button"
                          className="small lang"
                          data-history={dp.id}
                          aria-expanded={historyOf === dp.id}
                          onClick={() => setHistoryOf(historyOf === dp.id ? undefined : dp.id)}
                        >
                          {historyOf === dp.id ? t('hideHistory') : t('history')}
                        </button>
                      </td>
                    ) : null}
                    {evidenceColumn ? (
                      <td>
                        <button
                          type="button"
                          className="small lang"
                          data-evidence={dp.id}
                          aria-expanded={evidenceOf === dp.id}
                          aria-controls={evidenceOf === dp.id ? `evidence-${dp.id}` : undefined}
                          aria-label={evidenceText('showFor', { id: dp.id })}
                          onClick={() => setEvidenceOf(evidenceOf === dp.id ? undefined : dp.id)}
                        >
                          {evidenceText('show')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                  {historyOf === dp.id && mayReadHistory ? (
                    <HistoryRow id={dp.id} version={dp.version} columns={columns} />
                  ) : null}
                  {evidenceOf === dp.id && evidenceColumn ? (
                    <EvidenceRow dp={dp} columns={columns} mayList={mayReadEvidence} mayUpload={mayWrite} />
                  ) : null}
                </Fragment>
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
      {mayImport || mayExport ? (
        <ImportPanel
          onApplied={() => void afterWrite()}
          entity={entityId}
          period={periodId}
          mayImport={mayImport}
          mayExport={mayExport}
        />
      ) : null}
    </div>
  );
}
