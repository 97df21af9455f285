/**
 * Cycles and assignments (#/assignments?cycle=…; issue #17, docs/workflow.md "Cycles and
 * assignments"): an administrator of the group opens a reporting cycle (POST /api/cycles: period
 * and entry frequency); an administrator assigns topics × an entity subtree × entry periods to a
 * preparer with a due date (POST /api/cycles/{period}/assignments); the progress per entity
 * (GET …/progress: assigned, due, returned, submitted, approved, overdue) and the assignments of
 * one entry period (GET …/assignments?period=) are tables (TanStack Table). The cycle is in the
 * URL, so a link names it.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { collectionApi } from '../../api-collection';
import { ErrorNote } from '../../components/error-note';
import { formatTime, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { assignmentsHref } from '../../route';
import { personName } from '../cycle/cycle-rules';
import { AssignForm } from './assign-form';
import { AssignmentList } from './assignment-list';
import { OpenCycleForm } from './open-cycle-form';
import { ProgressTable } from './progress-table';
import './assignments.css';

export function AssignmentsPage(props: { cycle: string | null }) {
  const { t } = useTranslation('assignments');
  const lang = useLang();
  const access = useAccess();
  const cycles = useQuery({ queryKey: queryKeys.cycles(), queryFn: () => collectionApi.cycles() });
  const list = cycles.data?.cycles ?? [];
  const chosen = list.find((c) => c.periodId === props.cycle) ?? list[list.length - 1];
  return (
    <div
      className="assignments"
      data-assignments-ready={cycles.data ? (chosen?.periodId ?? 'none') : undefined}
    >
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      {cycles.error ? <ErrorNote message={cycles.error.message} /> : null}
      {access.canOrgWide('manage-cycle') ? <OpenCycleForm /> : null}
      {cycles.data && list.length === 0 ? <p className="muted">{t('noCycles')}</p> : null}
      {chosen ? (
        <>
          <div className="toolbar">
            <label>
              {t('cycle')}{' '}
              <select
                name="cycle"
                value={chosen.periodId}
                data-cycle-choice
                onChange={(e) => {
                  window.location.hash = assignmentsHref(e.target.value);
                }}
              >
                {list.map((c) => (
                  <option key={c.periodId} value={c.periodId}>
                    {t('cycleOption', { period: c.periodId, frequency: t(`frequency.${c.frequency}`) })}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted small-text">
              {t('openedBy', { by: personName(chosen.actor), at: formatTime(chosen.openedAt, lang) })}
            </span>
          </div>
          <AssignForm cycle={chosen} />
          <ProgressTable cycle={chosen.periodId} />
          <AssignmentList cycle={chosen} />
        </>
      ) : null}
    </div>
  );
}
