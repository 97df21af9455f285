/** Checks: findings filtered by rule, severity and entity, each linking to its figure. */
import { useState } from 'react';
import { api, type Finding } from '../api';
import { ErrorNote, NotAvailable } from '../components/not-available';
import { type Lang, useLang, useT } from '../i18n';
import { figureHref } from '../route';
import { useLoad } from '../use-load';

const message = (f: Finding, lang: Lang) => f.message[lang];

export function ChecksPage({ severity: initial }: { severity: string | null }) {
  const t = useT();
  const lang = useLang();
  const [filter, setFilter] = useState({ rule: '', severity: initial ?? '', entity: '' });
  const all = useLoad(() => api.findings({}), []);
  if (all.error?.status === 501)
    return (
      <div>
        <h1>{t('checks')}</h1>
        <NotAvailable />
      </div>
    );
  if (all.error) return <ErrorNote message={all.error.message} />;
  const findings = all.data?.findings ?? [];
  const options = (k: 'ruleId' | 'severity') => [...new Set(findings.map((f) => f[k]))].sort();
  const shown = findings.filter(
    (f) =>
      (!filter.rule || f.ruleId === filter.rule) &&
      (!filter.severity || f.severity === filter.severity) &&
      (!filter.entity || f.where?.entityId === filter.entity),
  );
  const select = (k: 'ruleId' | 'severity', label: string) => (
    <label>
      {label}{' '}
      <select
        value={filter[k === 'ruleId' ? 'rule' : k]}
        onChange={(e) => setFilter({ ...filter, [k === 'ruleId' ? 'rule' : k]: e.target.value })}
      >
        <option value="">{t('all')}</option>
        {options(k).map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
  return (
    <div>
      <h1>{t('checks')}</h1>
      <div className="toolbar">
        {select('ruleId', t('rule'))}
        {select('severity', t('severity'))}
        <label>
          {t('entity')}{' '}
          <input value={filter.entity} onChange={(e) => setFilter({ ...filter, entity: e.target.value })} />
        </label>
      </div>
      {shown.length === 0 ? <p className="muted">{t('noFindings')}</p> : null}
      <table>
        <tbody>
          {shown.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is replaced whole on each load
            <tr key={`${f.ruleId}-${i}`} className={`severity-${f.severity}`}>
              <td>{f.severity}</td>
              <td>
                <code>{f.ruleId}</code>
              </td>
              <td>{message(f, lang)}</td>
              <td>{f.expected !== undefined ? `${f.expected} / ${f.actual ?? ''}` : ''}</td>
              <td>
                {f.where?.figureId ? <a href={figureHref(f.where.figureId)}>{f.where.figureId}</a> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
