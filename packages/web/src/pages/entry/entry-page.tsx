/**
 * The entry form (#/entry?entity=…&period=…&topic=…; issue #17, docs/workflow.md "The entry
 * form"): for one entity × period (a month, quarter or year) × topic, the activity lines
 * (entry-lines.tsx) and the topic's data points (entry-data-points.tsx) with last period's and
 * last year's values beside each field, and the unit's submission and comments (entry-unit.tsx).
 * The three are in the URL, so a task links straight here; the bar at the top opens another.
 * Server state through TanStack Query (query/keys.ts); every write refreshes what it changed.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useContext, useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { api } from '../../api';
import { collectionApi } from '../../api-collection';
import { pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { entryHref } from '../../route';
import { topicName } from '../catalogue-topics';
import { EntryDataPoints } from './entry-data-points';
import { EntryLines } from './entry-lines';
import { EntryUnit } from './entry-unit';
import { parsePeriod, periodName } from './period-label';
import './entry.css';

/** Topics whose figures come from activity lines (fuel, electricity, heat…). */
const LINE_TOPICS = new Set(['energy', 'emissions', 'climate']);

export function EntryPage(props: { entity: string | null; period: string | null; topic: string | null }) {
  const { t } = useTranslation('entry');
  const lang = useLang();
  const org = useContext(OrgContext);
  const access = useAccess();
  const { entity, period, topic } = props;
  const complete = entity !== null && period !== null && topic !== null && parsePeriod(period) !== undefined;
  const tasks = useQuery({
    queryKey: queryKeys.tasks(),
    queryFn: () => collectionApi.tasks(),
    enabled: complete && access.canSomewhere('read-cycle'),
  });
  const task = tasks.data?.tasks.find(
    (x) => x.entityId === entity && x.periodId === period && x.topic === topic,
  );
  const [reason, setReason] = useState('');
  const defaultReason = period ? t('defaultReason', { period }) : '';
  const reasonNow = reason === '' ? defaultReason : reason;
  const reasonRef = useRef(reasonNow);
  reasonRef.current = reasonNow;
  const getReason = useCallback(() => reasonRef.current, []);
  const [unsavedLines, setUnsavedLines] = useState(0);
  const entityName = (id: string) => {
    const e = org?.entities.find((x) => x.id === id);
    return e ? pick(e.name, lang) : id;
  };
  return (
    <div className="entry" data-entry-ready={complete ? `${entity}/${period}/${topic}` : undefined}>
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      <EntryChooser entity={entity} period={period} topic={topic} />
      {complete ? (
        <>
          <h2 className="entry-heading" data-entry-heading>
            {t('heading', {
              entity: entityName(entity),
              period: periodName(period, lang),
              topic: topicName(topic, lang),
            })}
            {task ? (
              <span className={task.overdue ? 'due overdue' : 'due'} data-due={task.dueDate}>
                {task.overdue ? t('overdue', { date: task.dueDate }) : t('due', { date: task.dueDate })}
              </span>
            ) : null}
          </h2>
          {access.can('write-data-point', entity) ? (
            <label className="reason-field">
              {t('reason')}{' '}
              <input
                name="reason"
                value={reason}
                placeholder={defaultReason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          ) : null}
          {LINE_TOPICS.has(topic) ? (
            <EntryLines entity={entity} period={period} reason={getReason} onUnsavedCount={setUnsavedLines} />
          ) : null}
          <EntryDataPoints
            entity={entity}
            period={period}
            topic={topic}
            reason={reasonNow}
            assigned={task?.indicators ?? []}
          />
          <EntryUnit
            entity={entity}
            period={period}
            topic={topic}
            what={{
              entity: entityName(entity),
              period: periodName(period, lang),
              topic: topicName(topic, lang),
            }}
            task={task}
            unsavedLines={unsavedLines}
          />
        </>
      ) : null}
    </div>
  );
}

type Choice = { entity: string; period: string; topic: string };

/** Which entity, period and topic to enter: opens #/entry?… (react-hook-form; the period checked). */
function EntryChooser(props: { entity: string | null; period: string | null; topic: string | null }) {
  const { t } = useTranslation('entry');
  const lang = useLang();
  const id = useId();
  const org = useContext(OrgContext);
  const access = useAccess();
  const catalogue = useQuery({ queryKey: queryKeys.catalogue(), queryFn: () => api.catalogue() });
  const entities = (org?.entities ?? []).filter((e) => access.can('read-data-points', e.id));
  const topics = useMemo(
    () => [...new Set((catalogue.data?.indicators ?? []).map((i) => i.topic))],
    [catalogue.data],
  );
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Choice>({
    values: {
      entity: props.entity ?? entities[0]?.id ?? '',
      period: props.period ?? '',
      topic: props.topic ?? 'energy',
    },
  });
  return (
    <form
      className="toolbar entry-chooser"
      noValidate
      aria-label={t('choose')}
      onSubmit={handleSubmit((c) => {
        window.location.hash = entryHref(c.entity, c.period.trim(), c.topic);
      })}
    >
      <label>
        {t('entity')}{' '}
        <select data-choose-entity {...register('entity')}>
          {entities.map((e) => (
            <option key={e.id} value={e.id}>
              {pick(e.name, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('period')}{' '}
        <input
          className="period"
          placeholder="2026-01"
          data-choose-period
          aria-invalid={errors.period !== undefined}
          aria-describedby={`${id}-period-hint`}
          {...register('period', { validate: (v) => parsePeriod(v.trim()) !== undefined })}
        />
      </label>
      <span className="muted small-text" id={`${id}-period-hint`}>
        {errors.period ? (
          <span className="field-error" role="alert">
            {t('badPeriod')}
          </span>
        ) : (
          t('periodHint')
        )}
      </span>
      <label>
        {t('topic')}{' '}
        <select data-choose-topic {...register('topic')}>
          {(topics.length > 0 ? topics : [props.topic ?? 'energy']).map((c) => (
            <option key={c} value={c}>
              {topicName(c, lang)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-choose-open>
        {t('open')}
      </button>
    </form>
  );
}
