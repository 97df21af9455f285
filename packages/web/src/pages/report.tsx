/** Report: preview in either language; download every format. */
import { useState } from 'react';
import { NotAvailable } from '../components/not-available';
import { type Lang, useLang, useT } from '../i18n';
import { useLoad } from '../use-load';

const FORMATS = ['pdf', 'docx', 'xlsx', 'html', 'json'] as const;

async function probe(lang: Lang): Promise<boolean> {
  const r = await fetch(`/api/reports/html?lang=${lang}`, { method: 'GET' });
  return r.ok;
}

export function ReportPage() {
  const t = useT();
  const uiLang = useLang();
  const [lang, setLang] = useState<Lang>(uiLang);
  const available = useLoad(() => probe(lang), [lang]);
  return (
    <div>
      <h1>{t('report')}</h1>
      <div className="toolbar">
        <label>
          {t('reportLang')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="zh-Hant">繁體中文</option>
            <option value="en">English</option>
          </select>
        </label>
        {available.data
          ? FORMATS.map((f) => (
              <a key={f} className="button" href={`/api/reports/${f}?lang=${lang}`} download data-format={f}>
                {t('download')} {f.toUpperCase()}
              </a>
            ))
          : null}
      </div>
      {available.data === false ? <NotAvailable /> : null}
      {available.data ? (
        <iframe className="report-preview" title="report" src={`/api/reports/html?lang=${lang}`} />
      ) : null}
    </div>
  );
}
