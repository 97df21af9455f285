/** Checks: findings filtered by rule, severity and entity, each linking to its figure. */
import { useContext, useState } from 'react';
import { api, type Finding } from '../api';
import { ErrorNote } from '../components/error-note';
import { pick, useLang, useT } from '../i18n';
import { OrgContext } from '../org-context';
import { figureHref } from '../route';
import { useLoad } from '../use-load';

const place = (f: Finding) =>
  [f.where?.section, f.where?.entityId, f.where?.periodId].filter(Boolean).join(' · ');

export function ChecksPage({ severity: initial }: { severity: string | null }) {
  const t = useT();
  const lang = useLang();
  const org = useContext(OrgContext);
  const [filter, setFilter] = useState({ rule: '', severity: initial ?? '', entity: '' });
  const all = useLoad(() => api.findings({}), []);
  if (all.error) return <ErrorNote message={all.error.message} />;
  const findings = all.data?.findings ?? [];
  const rules = [...new Set(findings.map((f) => f.ruleId))].sort();
  const shown = findings.filter(
    (f) =>
      (!filter.rule || f.ruleId === filter.rule) &&
      (!filter.severity || f.severity === filter.severity) &&
      (!filter.entity || f.where?.entityId === filter.entity),
  );
  return (
    <div>
      <h1>{t('checks')}</h1>
      <div className="toolbar">
        <label>
          {t('rule')}{' '}
          <select
            name="rule"
            value={filter.rule}
            onChange={(e) => setFilter({ ...filter, rule: e.target.value })}
          >
            <option value="">{t('all')}</option>
            {rules.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          {t('severity')}{' '}
          <select
            name="severity"
            value={filter.severity}
            onChange={(e) => setFilter({ ...filter, severity: e.target.value })}
          >
            <option value="">{t('all')}</option>
            <option value="error">{t('sevError')}</option>
            <option value="warning">{t('sevWarning')}</option>
            <option value="info">{t('sevInfo')}</option>
          </select>
        </label>
        <label>
          {t('entity')}{' '}
          <select
            name="entity"
            value={filter.entity}
            onChange={(e) => setFilter({ ...filter, entity: e.target.value })}
          >
            <option value="">{t('all')}</option>
            {org?.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {pick(e.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {shown.length} / {findings.length}
        </span>
      </div>
      {all.data && shown.length === 0 ? <p className="muted">{t('noFindings')}</p> : null}
      <table className="findings">
        <thead>
          <tr>
            <th>{t('severity')}</th>
            <th>{t('rule')}</th>
            <th>{t('problem')}</th>
            <th>{t('expectedActual')}</th>
            <th>{t('location')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is replaced whole on each load
            <tr key={`${f.ruleId}-${i}`} className={`finding severity-${f.severity}`}>
              <td>{f.severity}</td>
              <td>
                <code>{f.ruleId}</code>
                {f.code ? <div className="muted">{f.code}</div> : null}
              </td>
              <td>{pick(f.message, lang)}</td>
              <td>{f.expected !== undefined ? `${f.expected} / ${f.actual ?? ''}` : ''}</td>
              <td>
                {f.where?.figureId ? (
                  <a href={figureHref(f.where.figureId)} data-finding-figure={f.where.figureId}>
                    {f.where.figureId}
                  </a>
                ) : null}
                <div className="muted">{place(f)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
