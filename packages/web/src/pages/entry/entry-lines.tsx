/**
 * The activity lines of one entity (and the entities below it) in one period (GET
 * /api/activity-lines?entity=&period=), as rows of the entry form (line-row.tsx): the lines
 * entered, and the lines of last period or last year not entered yet ("to enter"), each where
 * its line would be (entity in the organisation's order, then activity, subject and use), so a
 * save never moves a row. A line with an edit not saved stays even when a refetched list no
 * longer has it (retracted meanwhile), as last seen: what was typed is never dropped unseen.
 * Below the table, the form to add a line of another kind (new-line-form.tsx).
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { collectionApi, type ListedLine } from '../../api-collection';
import { ErrorNote } from '../../components/error-note';
import { pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { ACTIVITIES } from './entry-terms';
import { LineRow, type LineRowData } from './line-row';
import { NewLineForm } from './new-line-form';
import { periodName } from './period-label';

const COLUMNS = 6;
const sameLine = (l: { entityId: string; activity: string; subject: string; use: string | null }) =>
  `${l.entityId}|${l.activity}|${l.subject}|${l.use ?? ''}`;

export function EntryLines(props: {
  entity: string;
  period: string;
  reason: () => string;
  /** How many rows hold something not saved (the submit waits for none). */
  onUnsavedCount: (n: number) => void;
}) {
  const { t } = useTranslation('entry');
  const lang = useLang();
  const access = useAccess();
  const org = useContext(OrgContext);
  const list = useQuery({
    queryKey: queryKeys.activityLines(props.entity, props.period),
    queryFn: () => collectionApi.activityLines(props.entity, props.period),
  });
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const onUnsaved = useCallback(
    (key: string, is: boolean) =>
      setUnsaved((now) => {
        if (now.has(key) === is) return now;
        const next = new Set(now);
        if (is) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  const { onUnsavedCount } = props;
  useEffect(() => onUnsavedCount(unsaved.size), [unsaved.size, onUnsavedCount]);
  const [announced, setAnnounced] = useState('');
  const lastSeen = useRef(new Map<string, ListedLine>());
  const order = useMemo(() => (org?.entities ?? []).map((e) => e.id), [org]);
  const rows = useMemo((): LineRowData[] => {
    const lines = list.data?.lines ?? [];
    for (const l of lines) lastSeen.current.set(l.id, l);
    const present = new Set(lines.map((l) => l.id));
    const gone = [...unsaved]
      .filter((k) => k.startsWith('line:') && !present.has(k.slice(5)))
      .map((k) => lastSeen.current.get(k.slice(5)))
      .filter((l): l is ListedLine => l !== undefined);
    const all: LineRowData[] = [
      ...lines.map((l) => ({ kind: 'line' as const, key: `line:${l.id}`, line: l, gone: false })),
      ...gone.map((l) => ({ kind: 'line' as const, key: `line:${l.id}`, line: l, gone: true })),
      ...(list.data?.toEnter ?? []).map((l) => ({
        kind: 'toEnter' as const,
        key: `new:${sameLine(l)}`,
        line: l,
      })),
    ];
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    const sortKey = (r: LineRowData) =>
      [
        String(rank(r.line.entityId)).padStart(6, '0'),
        String(ACTIVITIES.indexOf(r.line.activity) + 1).padStart(3, '0'),
        r.line.subject,
        r.line.use ?? '',
        r.kind === 'line' ? r.line.id : '~',
      ].join('\u0000');
    return all.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  }, [list.data, unsaved, order]);
  const nameOf = (id: string) => {
    const e = org?.entities.find((x) => x.id === id);
    return e ? pick(e.name, lang) : id;
  };
  const data = list.data;
  const entityName = nameOf(props.entity);
  return (
    <section
      className="panel entry-lines"
      aria-labelledby="entry-lines-title"
      data-lines-ready={data ? 'yes' : undefined}
    >
      <h2 id="entry-lines-title">{t('linesTitle')}</h2>
      <p className="muted">{t('linesIntro')}</p>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      {data && rows.length === 0 ? <p className="muted">{t('noLines')}</p> : null}
      {rows.length > 0 && data ? (
        <table className="lines">
          <caption className="sr-only">
            {t('linesOf', { entity: entityName, period: periodName(props.period, lang) })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="col-line">
                {t('col.line')}
              </th>
              <th scope="col" className="col-amount">
                {t('col.amount')}
              </th>
              <th scope="col" className="col-num" data-previous-period={data.previousPeriod ?? ''}>
                {t('col.previous', { period: periodName(data.previousPeriod ?? '', lang) })}
              </th>
              <th scope="col" className="col-num" data-last-year-period={data.lastYearPeriod ?? ''}>
                {t('col.lastYear', { period: periodName(data.lastYearPeriod ?? '', lang) })}
              </th>
              <th scope="col" className="col-source">
                {t('col.source')}
              </th>
              <th scope="col" className="col-actions">
                {t('col.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <LineRow
                key={row.key}
                row={row}
                listEntity={props.entity}
                period={props.period}
                reason={props.reason}
                entityLabel={row.line.entityId === props.entity ? undefined : nameOf(row.line.entityId)}
                columns={COLUMNS}
                access={{
                  write: access.can('write-data-point', row.line.entityId),
                  retract: access.can('retract-data-point', row.line.entityId),
                  readEvidence: access.can('read-evidence', row.line.entityId),
                  comment: access.can('write-comment', row.line.entityId),
                }}
                onUnsaved={onUnsaved}
                onAnnounce={setAnnounced}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="ok" role="status" data-lines-status>
        {announced}
      </div>
      {access.entitiesWith('write-data-point').length > 0 && data ? (
        <NewLineForm
          entity={props.entity}
          period={props.period}
          reason={props.reason}
          references={[...(data.lines ?? []), ...(data.toEnter ?? [])]}
          onAnnounce={setAnnounced}
        />
      ) : null}
    </section>
  );
}
