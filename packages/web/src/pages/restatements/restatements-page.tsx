/**
 * Restatements (#/restatements; issue #17, docs/workflow.md "Restatement and base year",
 * journey 6): for an administrator of the group, the base year and its recalculation policy
 * (base-year-panel.tsx); for whoever may request one, a new request (new-restatement.tsx); and
 * the requests the caller may read, newest first, each with its values as reported and restated,
 * its effect and base-year test as the API weighed them, who acted, and the caller's steps
 * (restatement-card.tsx). Server state through TanStack Query (query/keys.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { restatementApi } from '../../api-restatement';
import { ErrorNote } from '../../components/error-note';
import { queryKeys } from '../../query/keys';
import { BaseYearPanel } from './base-year-panel';
import { NewRestatement } from './new-restatement';
import { RestatementCard } from './restatement-card';
import '../cycle/cycle.css';
import './restatements.css';

export function RestatementsPage() {
  const { t } = useTranslation('restatement');
  const access = useAccess();
  const list = useQuery({ queryKey: queryKeys.restatements(), queryFn: () => restatementApi.list() });
  const requests = [...(list.data?.restatements ?? [])].sort((a, b) => b.id - a.id);
  return (
    <div className="restatements" data-restatements-ready={list.data ? requests.length : undefined}>
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      {access.canOrgWide('manage-settings') ? <BaseYearPanel /> : null}
      {access.canSomewhere('request-restatement') ? <NewRestatement /> : null}
      <section className="requests" aria-labelledby="restatement-requests">
        <h2 id="restatement-requests">{t('requests')}</h2>
        {list.error ? <ErrorNote message={list.error.message} /> : null}
        {!list.data && !list.error ? <p className="muted">{t('loading')}</p> : null}
        {list.data && requests.length === 0 ? <p className="muted">{t('none')}</p> : null}
        {requests.map((r) => (
          <RestatementCard key={r.id} request={r} />
        ))}
      </section>
    </div>
  );
}
