/** Report: preview in either language; download every format. */
import { useState } from 'react';
import { type Lang, useLang, useT } from '../i18n';

const FORMATS = ['pdf', 'docx', 'xlsx', 'html', 'json'] as const;

export function ReportPage() {
  const t = useT();
  const uiLang = useLang();
  const [lang, setLang] = useState<Lang>(uiLang);
  return (
    <div>
      <h1>{t('report')}</h1>
      <div className="toolbar">
        <label>
          {t('reportLang')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} name="report-lang">
            <option value="zh-Hant">繁體中文</option>
            <option value="en">English</option>
          </select>
        </label>
        {FORMATS.map((f) => (
          <a key={f} className="button" href={`/api/reports/${f}?lang=${lang}`} download data-format={f}>
            {t('download')} {f.toUpperCase()}
          </a>
        ))}
      </div>
      <iframe className="report-preview" title="report" src={`/api/reports/html?lang=${lang}`} />
    </div>
  );
}
