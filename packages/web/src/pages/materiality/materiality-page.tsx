/**
 * The materiality assessment (#/materiality?survey=…; issue #18, docs/registers.md
 * "Materiality"): the surveys; for the administrator (manage-materiality) a builder that picks
 * topics (the HKEX aspects and the bundle's own) and weights the stakeholder groups, the
 * questionnaire workbook out and back in; for everyone who reads the report the matrix drawn by
 * the server as in the report (labels never overlap) with each topic's scores; for the
 * approver (approve-materiality) the topic list to approve, proposed by the survey's rule.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { materialityApi, type Survey } from '../../api-materiality';
import { ErrorNote } from '../../components/error-note';
import { pick, useLang } from '../../i18n';
import { useLoad } from '../../use-load';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Builder({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation('materiality');
  const lang = useLang();
  const seed = useLoad(() => materialityApi.topics(), []);
  const [f, setF] = useState({
    id: '',
    en: '',
    zh: '',
    year: String(new Date().getFullYear() - 1),
    threshold: '3.5',
  });
  const [double, setDouble] = useState(true);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  if (seed.error) return <ErrorNote message={seed.error.message} />;
  if (!seed.data) return null;
  const { topics, groups } = seed.data;
  const create = async () => {
    setError(undefined);
    const survey: Survey = {
      id: f.id,
      title: { en: f.en, 'zh-Hant': f.zh },
      year: f.year,
      doubleMateriality: double,
      threshold: f.threshold,
      groups: groups.map((g) => ({ ...g, weight: weights[g.id] ?? g.weight })),
      topics: topics.filter((x) => picked.has(x.id)),
    };
    try {
      await materialityApi.create(survey);
      onCreated(survey.id);
    } catch (e) {
      setError(message(e));
    }
  };
  const input = (k: keyof typeof f, label: string) => (
    <label>
      {label} <input data-build={k} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
    </label>
  );
  return (
    <fieldset data-builder>
      <legend>{t('build')}</legend>
      {input('id', t('id'))} {input('en', t('titleEn'))} {input('zh', t('titleZh'))}{' '}
      {input('year', t('year'))} {input('threshold', t('threshold'))}
      <label>
        <input
          data-build="double"
          type="checkbox"
          checked={double}
          onChange={(e) => setDouble(e.target.checked)}
        />{' '}
        {t('double')}
      </label>
      <h3>{t('topics')}</h3>
      <ul className="plain-list">
        {topics.map((x) => (
          <li key={x.id}>
            <label>
              <input
                type="checkbox"
                data-build-topic={x.id}
                checked={picked.has(x.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(x.id);
                  else next.delete(x.id);
                  setPicked(next);
                }}
              />{' '}
              {pick(x.name, lang)}{' '}
              {x.hkex?.length ? <span className="muted">({x.hkex.join(', ')})</span> : null}
            </label>
          </li>
        ))}
      </ul>
      <h3>{t('groups')}</h3>
      <ul className="plain-list">
        {groups.map((g) => (
          <li key={g.id}>
            {pick(g.name, lang)} {t('weight')}{' '}
            <input
              data-build-weight={g.id}
              size={4}
              value={weights[g.id] ?? g.weight}
              onChange={(e) => setWeights({ ...weights, [g.id]: e.target.value })}
            />
          </li>
        ))}
      </ul>
      <button type="button" data-build-create onClick={() => void create()}>
        {t('create')}
      </button>
      {error ? <ErrorNote message={error} /> : null}
    </fieldset>
  );
}

function SurveyDetail({ id }: { id: string }) {
  const { t } = useTranslation('materiality');
  const lang = useLang();
  const access = useAccess();
  const view = useLoad(() => materialityApi.view(id), [id]);
  const [tick, setTick] = useState(0);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const v = view.data;
    if (v)
      setChosen(
        new Set(
          v.approval
            ? v.approval.value.topicIds
            : v.matrix.points.filter((p) => p.proposed).map((p) => p.topic.id),
        ),
      );
  }, [view.data]);
  if (view.error) return <ErrorNote message={view.error.message} />;
  const v = view.data;
  if (!v) return null;
  const manage = access.canOrgWide('manage-materiality');
  const approve = access.canOrgWide('approve-materiality');
  const reload = () => {
    view.reload();
    setTick((n) => n + 1);
  };
  const upload = async (file: File) => {
    setNote(undefined);
    setError(undefined);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    try {
      const out = await materialityApi.importQuestionnaire(id, file.name, btoa(bin));
      setNote(t('imported', { count: out.imported }));
      reload();
    } catch (e) {
      setError(message(e));
    }
  };
  const doApprove = async () => {
    setError(undefined);
    try {
      await materialityApi.approve(id, [...chosen], v.approval?.version);
      reload();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <section data-survey={id}>
      <h2>{pick(v.survey.title, lang)}</h2>
      <p data-responses={v.matrix.responses}>{t('responses', { count: v.matrix.responses })}</p>
      <p>
        {t('respondLink')}: <a data-respond-link href={`#/survey/${id}`}>{`#/survey/${id}`}</a>
      </p>
      {manage ? (
        <p>
          <a data-questionnaire href={materialityApi.questionnaireHref(id)}>
            {t('questionnaire')}
          </a>{' '}
          <label>
            {t('importQuestionnaire')}{' '}
            <input
              type="file"
              accept=".xlsx"
              data-questionnaire-import
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
        </p>
      ) : null}
      <figure>
        <img data-matrix alt={t('matrixAlt')} src={materialityApi.matrixSrc(id, lang, tick)} width={640} />
      </figure>
      <table data-matrix-table>
        <thead>
          <tr>
            <th>{t('topic')}</th>
            <th>{t('financial')}</th>
            <th>{t('impact')}</th>
            <th>{t('proposed')}</th>
            <th>{t('approvedCol')}</th>
          </tr>
        </thead>
        <tbody>
          {v.matrix.points.map((p) => (
            <tr key={p.topic.id} data-point={p.topic.id}>
              <td>{pick(p.topic.name, lang)}</td>
              <td className="num">{p.financial ?? '—'}</td>
              <td className="num">{p.impact ?? '—'}</td>
              <td>{p.proposed ? t('yes') : t('no')}</td>
              <td>
                {approve ? (
                  <input
                    type="checkbox"
                    data-approve-topic={p.topic.id}
                    checked={chosen.has(p.topic.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(p.topic.id);
                      else next.delete(p.topic.id);
                      setChosen(next);
                    }}
                  />
                ) : p.approved ? (
                  t('yes')
                ) : (
                  t('no')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.approval ? (
        <p data-approved>
          {t('approvedBy', { who: v.approval.value.approvedBy, on: v.approval.value.approvedOn })}{' '}
          {t('required', { codes: v.requiredAspects.join(', ') || '—' })}
        </p>
      ) : (
        <p>{t('notApproved')}</p>
      )}
      {approve ? (
        <button type="button" data-approve onClick={() => void doApprove()}>
          {t('approve')}
        </button>
      ) : null}
      {note ? <p role="status">{note}</p> : null}
      {error ? <ErrorNote message={error} /> : null}
    </section>
  );
}

export function MaterialityPage({ survey }: { survey: string | null }) {
  const { t } = useTranslation('materiality');
  const lang = useLang();
  const access = useAccess();
  const list = useLoad(() => materialityApi.list(), []);
  const go = (id: string) => {
    window.location.hash = `#/materiality?survey=${encodeURIComponent(id)}`;
    list.reload();
  };
  const surveys = list.data?.surveys ?? [];
  const shown = survey ?? surveys[surveys.length - 1]?.survey.id;
  return (
    <section data-materiality-page>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      <h2>{t('surveys')}</h2>
      {surveys.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="plain-list">
        {surveys.map((s) => (
          <li key={s.survey.id}>
            <a
              data-survey-link={s.survey.id}
              href={`#/materiality?survey=${encodeURIComponent(s.survey.id)}`}
            >
              {pick(s.survey.title, lang)} ({s.survey.year})
            </a>
          </li>
        ))}
      </ul>
      {shown ? <SurveyDetail key={shown} id={shown} /> : null}
      {access.canOrgWide('manage-materiality') ? <Builder onCreated={go} /> : null}
    </section>
  );
}
