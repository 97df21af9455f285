/**
 * The collection cycle (#/cycle?period=…; issue #17, docs/workflow.md): a period's workflow units
 * grouped by entity with their progress, the actions the caller may take on each, and the
 * period's lock. Server state through TanStack Query (query/keys.ts); every write refreshes the
 * list (query/write.ts). The period is in the URL, so a link names it.
 */
import { useQuery } from '@tanstack/react-query';
import { useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type WorkflowUnit } from '../../api';
import { ErrorNote } from '../../components/error-note';
import { pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { cycleHref } from '../../route';
import { EntityUnits } from './entity-units';
import { LockPanel } from './lock-panel';
import './cycle.css';

export function CyclePage(props: { period: string | null }) {
  const { t } = useTranslation('cycle');
  const lang = useLang();
  const org = useContext(OrgContext);
  const periods = useQuery({ queryKey: queryKeys.periods(), queryFn: () => api.periods() });
  const period = props.period ?? periods.data?.current;
  const list = useQuery({
    queryKey: queryKeys.workflow(period ?? ''),
    queryFn: () => api.workflow(period ?? ''),
    enabled: period !== undefined,
  });
  const choices = useMemo(() => {
    const p = periods.data;
    const all = p ? [p.current, ...p.prior, ...p.withData] : [];
    return [...new Set(period ? [period, ...all] : all)].sort().reverse();
  }, [periods.data, period]);
  /** The units by entity, in the organisation's order (an entity unknown to it last, by id). */
  const groups = useMemo(() => {
    const byEntity = new Map<string, WorkflowUnit[]>();
    for (const u of list.data?.units ?? [])
      byEntity.set(u.entityId, [...(byEntity.get(u.entityId) ?? []), u]);
    const order = (org?.entities ?? []).map((e) => e.id);
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return [...byEntity.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
  }, [list.data, org]);
  const nameOf = (id: string) => {
    const e = org?.entities.find((x) => x.id === id);
    return e ? pick(e.name, lang) : id;
  };
  const error = periods.error ?? list.error;
  return (
    <div className="cycle" data-cycle-ready={list.data ? list.data.period : undefined}>
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      <div className="toolbar">
        <label>
          {t('period')}{' '}
          <select
            name="period"
            value={period ?? ''}
            onChange={(e) => {
              window.location.hash = cycleHref(e.target.value);
            }}
          >
            {choices.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <ErrorNote message={error.message} /> : null}
      {list.data && period ? <LockPanel period={period} lock={list.data.lock} /> : null}
      {list.data && groups.length === 0 ? (
        <p className="muted" data-no-units>
          {t('noUnits', { period })}
        </p>
      ) : null}
      {groups.map(([entityId, units]) => (
        <EntityUnits key={entityId} entityId={entityId} name={nameOf(entityId)} units={units} />
      ))}
    </div>
  );
}
