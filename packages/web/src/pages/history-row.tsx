/**
 * The revisions of one data point under its row in the data grid (GET
 * /api/data-points/{id}/history, `read-history`): version, value, reason, author (as the API
 * gives it: the user's name once accounts exist) and time, newest first.
 */

import { api } from '../api';
import { ErrorNote } from '../components/error-note';
import { authorText, reasonText } from '../components/system-text';
import { formatTime, useLang, useT } from '../i18n';
import { useLoad } from '../use-load';

export function HistoryRow(props: { id: string; columns: number; version: number }) {
  const t = useT();
  const lang = useLang();
  // The version is a dependency: a save or a retraction shows its new revision.
  const history = useLoad(() => api.history(props.id), [props.id, props.version]);
  return (
    <tr className="history" data-history-of={props.id}>
      <td colSpan={props.columns}>
        {history.error ? <ErrorNote message={history.error.message} /> : null}
        {!history.data && !history.error ? <p className="muted">{t('loading')}</p> : null}
        {history.data ? (
          <table>
            <thead>
              <tr>
                <th>{t('version')}</th>
                <th>{t('value')}</th>
                <th>{t('reason')}</th>
                <th>{t('author')}</th>
                <th>{t('time')}</th>
              </tr>
            </thead>
            <tbody>
              {[...history.data.revisions].reverse().map((r) => (
                <tr key={r.version} data-revision={r.version}>
                  <td>{r.version}</td>
                  <td>
                    {r.value} <span className="unit">{r.unit}</span>
                    {r.retracted ? <span className="warn"> {t('retracted')}</span> : null}
                  </td>
                  <td>{reasonText(r.reason, lang)}</td>
                  <td data-author>{authorText(r.author, lang)}</td>
                  <td className="muted">{formatTime(r.at, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </td>
    </tr>
  );
}
