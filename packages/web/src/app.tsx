/** The shell: header with navigation and the language switch, and the page for the route. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from './api';
import { type Lang, LangContext, pick, type TextKey, translate } from './i18n';
import { OrgContext } from './org-context';
import { OverviewPage } from './pages/overview';

// The overview is in the first bundle (it must show in under 1 s); other pages load on demand.
const DataPage = lazy(() => import('./pages/data').then((m) => ({ default: m.DataPage })));
const CataloguePage = lazy(() => import('./pages/catalogue').then((m) => ({ default: m.CataloguePage })));
const FigurePage = lazy(() => import('./pages/figure').then((m) => ({ default: m.FigurePage })));
const ChecksPage = lazy(() => import('./pages/checks').then((m) => ({ default: m.ChecksPage })));
const DisclosuresPage = lazy(() =>
  import('./pages/disclosures').then((m) => ({ default: m.DisclosuresPage })),
);
const ReportPage = lazy(() => import('./pages/report').then((m) => ({ default: m.ReportPage })));

import { type Page, useRoute } from './route';
import { useLoad } from './use-load';

const NAV: { page: Page; key: TextKey }[] = [
  { page: 'overview', key: 'overview' },
  { page: 'data', key: 'data' },
  { page: 'catalogue', key: 'catalogue' },
  { page: 'figure', key: 'figures' },
  { page: 'checks', key: 'checks' },
  { page: 'disclosures', key: 'disclosures' },
  { page: 'report', key: 'report' },
];

function initialLang(): Lang {
  const saved = localStorage.getItem('assay.lang');
  return saved === 'en' || saved === 'zh-Hant' ? saved : 'zh-Hant';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const route = useRoute();
  const org = useLoad(() => api.organisation(), []);
  useEffect(() => {
    localStorage.setItem('assay.lang', lang);
    document.documentElement.lang = lang;
  }, [lang]);
  const page = (() => {
    switch (route.page) {
      case 'overview':
        return <OverviewPage />;
      case 'data':
        return <DataPage />;
      case 'catalogue':
        return <CataloguePage />;
      case 'figure':
        return <FigurePage id={route.params.get('id')} />;
      case 'checks':
        return <ChecksPage severity={route.params.get('severity')} />;
      case 'disclosures':
        return <DisclosuresPage framework={route.params.get('framework')} />;
      case 'report':
        return <ReportPage />;
    }
  })();
  return (
    <LangContext.Provider value={lang}>
      <OrgContext.Provider value={org.data}>
        <header className="top">
          <span className="brand">Assay</span>
          <span className="org">{org.data ? pick(org.data.name, lang) : ''}</span>
          <nav>
            {NAV.map((n) => (
              <a
                key={n.page}
                href={`#/${n.page}`}
                className={route.page === n.page ? 'active' : ''}
                data-nav={n.page}
              >
                {translate(lang, n.key)}
              </a>
            ))}
          </nav>
          <button
            type="button"
            className="lang"
            data-lang-switch
            onClick={() => setLang(lang === 'en' ? 'zh-Hant' : 'en')}
          >
            {lang === 'en' ? '中文' : 'English'}
          </button>
        </header>
        <main>
          <Suspense fallback={<p className="muted">{translate(lang, 'loading')}</p>}>{page}</Suspense>
        </main>
      </OrgContext.Provider>
    </LangContext.Provider>
  );
}
