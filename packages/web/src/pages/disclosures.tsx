/**
 * Disclosures: each framework's index with status; write the explanation for an omission (only
 * with `write-explanation` on the group: explanations are organisation-wide).
 */
import { Fragment, useState } from 'react';
import { useAccess } from '../access';
import { ApiError, api, type FrameworkStatus } from '../api';
import { ErrorNote } from '../components/error-note';
import { pick, type TextKey, useLang, useT } from '../i18n';
import { useLoad } from '../use-load';
import { frameworkLabel } from './fact-labels';

/** Obligations (core frameworks/framework.ts `Obligation`), printed in the page's language. */
const OBLIGATIONS: readonly string[] = [
  'mandatory',
  'comply-or-explain',
  'encouraged',
  'voluntary',
  'withdrawn',
  'not-effective',
] as const;
type Obligation =
  | 'mandatory'
  | 'comply-or-explain'
  | 'encouraged'
  | 'voluntary'
  | 'withdrawn'
  | 'not-effective';

const STATUS_KEY: Record<string, TextKey> = {
  disclosed: 'disclosed',
  'partly-disclosed': 'partlyDisclosed',
  explained: 'explained',
  missing: 'missing',
};

function ExplanationForm(props: { subject: string; version: number; onSaved: () => void }) {
  const t = useT();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [problem, setProblem] = useState<string>();
  async function save() {
    try {
      await api.writeExplanation(props.subject, { 'zh-Hant': zh, en }, props.version);
      props.onSaved();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  }
  return (
    <div className="form" data-testid="explanation-form">
      <textarea name="explanation-zh" placeholder="中文" value={zh} onChange={(e) => setZh(e.target.value)} />
      <textarea
        name="explanation-en"
        placeholder="English"
        value={en}
        onChange={(e) => setEn(e.target.value)}
      />
      <button type="button" disabled={!zh.trim() || !en.trim()} onClick={() => void save()}>
        {t('save')}
      </button>
      {problem ? <ErrorNote message={problem} /> : null}
    </div>
  );
}

function FrameworkIndex({ f, version, reload }: { f: FrameworkStatus; version: number; reload: () => void }) {
  const t = useT();
  const lang = useLang();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [editing, setEditing] = useState<string>();
  const mayExplain = useAccess().canOrgWide('write-explanation');
  const rows = f.provisions.filter((p) => !onlyMissing || p.status === 'missing');
  return (
    <section className="panel" data-framework={f.framework}>
      <h2>
        {frameworkLabel(f.framework, lang)}{' '}
        <span className="muted" translate="no">
          {f.version}
        </span>
      </h2>
      <label>
        <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />{' '}
        {t('provisionFilter')}
      </label>
      <table>
        <thead>
          <tr>
            <th>{t('subject')}</th>
            <th>{t('obligation')}</th>
            <th>{t('status')}</th>
            <th>{t('where')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.subject} className={`status-${p.status}`} data-subject={p.subject}>
              <td title={pick(p.text, lang)} translate="no">
                {p.label}
              </td>
              <td data-obligation={p.obligation}>
                {OBLIGATIONS.includes(p.obligation)
                  ? t(`obligation.${p.obligation as Obligation}`)
                  : p.obligation}
              </td>
              <td>
                {t(STATUS_KEY[p.status] ?? 'missing')}
                {p.explanation ? <div className="muted">{pick(p.explanation, lang)}</div> : null}
                {mayExplain && p.status === 'missing' && p.obligation === 'comply-or-explain' ? (
                  <button
                    type="button"
                    className="small"
                    onClick={() => setEditing(editing === p.subject ? undefined : p.subject)}
                  >
                    {t('explain')}
                  </button>
                ) : null}
                {editing === p.subject ? (
                  <ExplanationForm
                    subject={p.subject}
                    version={version}
                    onSaved={() => {
                      setEditing(undefined);
                      reload();
                    }}
                  />
                ) : null}
              </td>
              <td className="muted">
                {/* sections, registers and figures by id */}
                {p.where.slice(0, 3).map((w, n) => (
                  <Fragment key={w}>
                    {n > 0 ? ', ' : ''}
                    <code>{w}</code>
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DisclosuresPage({ framework }: { framework: string | null }) {
  const t = useT();
  const lang = useLang();
  const { data, error, reload } = useLoad(() => api.disclosures(), []);
  if (error) return <ErrorNote message={error.message} />;
  if (!data) return <p className="muted">{t('loading')}</p>;
  // The HKEX index first (the listing rule the report answers to); others one click away.
  const selected = framework ?? (data.frameworks.some((f) => f.framework === 'hkex') ? 'hkex' : null);
  const shown = data.frameworks.filter((f) => !selected || f.framework === selected);
  return (
    <div>
      <h1>{t('disclosures')}</h1>
      <div className="toolbar">
        {data.frameworks.map((f) => (
          <a key={f.framework} href={`#/disclosures?framework=${f.framework}`}>
            {frameworkLabel(f.framework, lang)}: {t('missing')} {f.counts.missing}
          </a>
        ))}
      </div>
      {shown.map((f) => (
        <FrameworkIndex key={f.framework} f={f} version={data.workspaceVersion} reload={reload} />
      ))}
    </div>
  );
}
