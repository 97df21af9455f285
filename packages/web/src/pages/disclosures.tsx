/** Disclosures: the framework index with status (when available) and explanations for omissions. */
import { useState } from 'react';
import { ApiError, api } from '../api';
import { ErrorNote, NotAvailable } from '../components/not-available';
import { useLang, useT } from '../i18n';
import { useLoad } from '../use-load';

export function DisclosuresPage() {
  const t = useT();
  const lang = useLang();
  const index = useLoad(() => api.disclosures(), []);
  const ex = useLoad(() => api.explanations(), []);
  const [form, setForm] = useState({ subject: '', zh: '', en: '' });
  const [problem, setProblem] = useState<string>();
  async function save() {
    if (!ex.data) return;
    try {
      await api.writeExplanation(form.subject, { 'zh-Hant': form.zh, en: form.en }, ex.data.workspaceVersion);
      setProblem(undefined);
      setForm({ subject: '', zh: '', en: '' });
      ex.reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
      ex.reload();
    }
  }
  return (
    <div>
      <h1>{t('disclosures')}</h1>
      <section className="panel">
        {index.error?.status === 501 ? <NotAvailable what="HKEX" /> : null}
        {index.error && index.error.status !== 501 ? <ErrorNote message={index.error.message} /> : null}
        {index.data ? <pre>{JSON.stringify(index.data.disclosures, null, 2)}</pre> : null}
      </section>
      <section className="panel">
        <h2>{t('explanations')}</h2>
        <table>
          <tbody>
            {ex.data?.explanations.map((e) => (
              <tr key={e.subject}>
                <td>
                  <code>{e.subject}</code>
                </td>
                <td>{e.text[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form">
          <input
            placeholder={`${t('subject')} (hkex:…)`}
            value={form.subject}
            onChange={(e) => setForm({ ...form, subject: e.target.value })}
          />
          <textarea
            placeholder="中文"
            value={form.zh}
            onChange={(e) => setForm({ ...form, zh: e.target.value })}
          />
          <textarea
            placeholder="English"
            value={form.en}
            onChange={(e) => setForm({ ...form, en: e.target.value })}
          />
          <button type="button" disabled={!form.subject || !form.zh || !form.en} onClick={() => void save()}>
            {t('save')}
          </button>
          {problem ? <ErrorNote message={problem} /> : null}
        </div>
      </section>
    </div>
  );
}
