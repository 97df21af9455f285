/** A target's revisions (GET /api/targets/{id}/history), oldest first, shown under its row. */

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { targetsApi } from '../../api-targets';
import { ErrorNote } from '../../components/error-note';
import { authorText, reasonText } from '../../components/system-text';
import { formatTime, pick, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { personName } from '../cycle/cycle-rules';
import { unitLabel } from '../fact-labels';

export function TargetHistory(props: { id: string; columns: number }) {
  const { t } = useTranslation('targets');
  const lang = useLang();
  const h = useQuery({
    queryKey: queryKeys.targetHistory(props.id),
    queryFn: () => targetsApi.history(props.id),
  });
  return (
    <tr className="target-history" data-target-history={props.id}>
      <td colSpan={props.columns}>
        {h.error ? <ErrorNote message={h.error.message} /> : null}
        <ol>
          {(h.data?.revisions ?? []).map((r) => (
            <li key={r.version} data-revision={r.version}>
              {t('revision', {
                version: r.version,
                at: formatTime(r.at, lang),
                author: authorText(personName(r.author), lang),
                reason: reasonText(r.reason, lang),
              })}{' '}
              <span className="muted">
                {r.target
                  ? `${pick(r.target.name, lang)}${r.target.value ? ` · ${r.target.value} ${unitLabel(r.target.unit ?? '', lang)}` : ''}`
                  : t('retractedRevision')}
              </span>
            </li>
          ))}
        </ol>
      </td>
    </tr>
  );
}
