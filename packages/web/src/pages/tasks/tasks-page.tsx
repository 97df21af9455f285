/**
 * My tasks (#/tasks; issue #17, docs/workflow.md "Task lists"): the units assigned to the
 * signed-in preparer (GET /api/tasks), in three tables: due (with the due date, overdue flagged),
 * returned (with the reviewer's or approver's comment: what to correct) and done (its state).
 * Each unit links to its entry form (#/entry?entity=…&period=…&topic=…). The landing page of a
 * user whose only role is preparer (app.tsx).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { collectionApi, type Task } from '../../api-collection';
import { ErrorNote } from '../../components/error-note';
import { formatTime, useLang } from '../../i18n';
import { useEntityName } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { entryHref } from '../../route';
import { topicName } from '../catalogue-topics';
import { personName } from '../cycle/cycle-rules';
import { periodName } from '../entry/period-label';
import '../entry/entry.css';

const SECTIONS = ['due', 'returned', 'done'] as const;

export function TasksPage() {
  const { t } = useTranslation('tasks');
  const list = useQuery({ queryKey: queryKeys.tasks(), queryFn: () => collectionApi.tasks() });
  const data = list.data;
  return (
    <div className="tasks" data-tasks-ready={data ? 'yes' : undefined}>
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      {data ? (
        <ul className="progress" aria-label={t('counts')}>
          {(['due', 'returned', 'done', 'overdue'] as const).map((k) => (
            <li
              key={k}
              data-count={k}
              className={k === 'overdue' && data.counts.overdue > 0 ? 'overdue' : undefined}
            >
              {t(`count.${k}`)} <strong>{data.counts[k]}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {data && data.tasks.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {data && data.tasks.length > 0
        ? SECTIONS.map((s) => (
            <TaskTable key={s} section={s} tasks={data.tasks.filter((x) => x.status === s)} />
          ))
        : null}
    </div>
  );
}

function TaskTable({ section, tasks }: { section: (typeof SECTIONS)[number]; tasks: Task[] }) {
  const { t } = useTranslation('tasks');
  const cycleText = useTranslation('cycle').t;
  const lang = useLang();
  const entityName = useEntityName();
  const headingId = `tasks-${section}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-task-section={section}>
      <h2 id={headingId}>
        {t(`section.${section}`)} <span className="muted">({tasks.length})</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted">{t(`empty.${section}`)}</p>
      ) : (
        <table className="task-table">
          <thead>
            <tr>
              <th scope="col">{t('col.unit')}</th>
              <th scope="col">{section === 'done' ? t('col.state') : t('col.due')}</th>
              {section === 'returned' ? <th scope="col">{t('col.comment')}</th> : null}
              <th scope="col">{t('col.indicators')}</th>
              <th scope="col">{t('col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => {
              const what = `${entityName(task.entityId, lang)} · ${periodName(task.periodId, lang)} · ${topicName(task.topic, lang)}`;
              return (
                <tr
                  key={`${task.entityId}/${task.periodId}/${task.topic}`}
                  data-task={`${task.entityId}/${task.periodId}/${task.topic}`}
                  data-overdue={task.overdue ? 'yes' : undefined}
                >
                  <th scope="row">{what}</th>
                  <td>
                    {section === 'done' ? (
                      <span className={`state state-${task.state}`}>{cycleText(`state.${task.state}`)}</span>
                    ) : (
                      <>
                        <span data-due-date>{task.dueDate}</span>
                        {task.overdue ? (
                          <span className="overdue" data-overdue-flag>
                            {' '}
                            · {t('overdue')}
                          </span>
                        ) : null}
                      </>
                    )}
                  </td>
                  {section === 'returned' ? (
                    <td data-sent-back>
                      {task.sentBack?.comment ? <q>{task.sentBack.comment}</q> : null}
                      {task.sentBack ? (
                        <div className="muted small-text">
                          {t('returnedBy', {
                            actor: personName(task.sentBack.actor),
                            at: formatTime(task.sentBack.at, lang),
                          })}
                        </div>
                      ) : null}
                    </td>
                  ) : null}
                  <td>{t('indicators', { count: task.indicators.length })}</td>
                  <td>
                    <a
                      className="button small-link"
                      href={entryHref(task.entityId, task.periodId, task.topic)}
                      aria-label={t('openFor', { what })}
                      data-open-task
                    >
                      {t('open')}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
