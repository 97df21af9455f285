/**
 * The respond link of a materiality survey (#/survey/<id>; issue #18): any signed-in user
 * chooses a stakeholder group and scores each topic 1–5 on both axes; sending again changes the
 * answer (its version sent; a stale one, 412, reloads the form).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { materialityApi, type TopicScore } from '../../api-materiality';
import { ErrorNote } from '../../components/error-note';
import { pick, useLang } from '../../i18n';
import { useLoad } from '../../use-load';

const SCORES = [1, 2, 3, 4, 5] as const;

export function SurveyPage({ id }: { id: string }) {
  const { t } = useTranslation('materiality');
  const lang = useLang();
  const form = useLoad(() => materialityApi.form(id), [id]);
  const [group, setGroup] = useState('');
  const [scores, setScores] = useState<Record<string, TopicScore>>({});
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const r = form.data?.response?.value;
    setGroup(r?.groupId ?? '');
    setScores(Object.fromEntries((r?.scores ?? []).map((s) => [s.topicId, s])));
  }, [form.data]);
  if (form.error) return <ErrorNote message={form.error.message} />;
  const s = form.data?.survey;
  if (!s) return null;
  const set = (topicId: string, axis: 'financial' | 'impact', v: number) =>
    setScores((old) => ({
      ...old,
      [topicId]: { topicId, financial: 0, impact: 0, ...old[topicId], [axis]: v },
    }));
  const submit = async () => {
    setNote(undefined);
    setError(undefined);
    try {
      const out = await materialityApi.respond(
        id,
        group,
        s.topics.map((x) => scores[x.id] ?? { topicId: x.id, financial: 0, impact: 0 }),
        form.data?.response?.version,
      );
      setNote(t('saved', { version: out.version }));
      form.reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setNote(t('stale'));
        form.reload();
      } else setError(e);
    }
  };
  return (
    <section data-survey-page={id}>
      <h1>
        {t('respondTitle')}: {pick(s.title, lang)}
      </h1>
      <p className="muted">{t('respondIntro')}</p>
      <label>
        {t('group')}{' '}
        <select data-survey-group value={group} onChange={(e) => setGroup(e.target.value)}>
          <option value="">{t('choose')}</option>
          {s.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {pick(g.name, lang)}
            </option>
          ))}
        </select>
      </label>
      <table>
        <thead>
          <tr>
            <th>{t('topic')}</th>
            <th>{t('financial')}</th>
            <th>{t('impact')}</th>
          </tr>
        </thead>
        <tbody>
          {s.topics.map((x) => (
            <tr key={x.id} data-survey-topic={x.id}>
              <td>{pick(x.name, lang)}</td>
              {(['financial', 'impact'] as const).map((axis) => (
                <td key={axis}>
                  <select
                    data-score={`${x.id}.${axis}`}
                    value={scores[x.id]?.[axis] || ''}
                    onChange={(e) => set(x.id, axis, Number(e.target.value))}
                  >
                    <option value="">—</option>
                    {SCORES.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" data-survey-submit onClick={() => void submit()}>
        {t('submit')}
      </button>
      {note ? (
        <p data-survey-note role="status">
          {note}
        </p>
      ) : null}
      {error ? <ErrorNote message={error instanceof Error ? error.message : String(error)} /> : null}
    </section>
  );
}
