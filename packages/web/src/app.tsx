/**
 * The shell: header with navigation, the signed-in user and the language switch, and the page
 * for the route. On start it asks GET /api/session (issue #16): open (no accounts yet) works as
 * before with a note in the header; accounts with nobody signed in shows only the sign-in page;
 * signed in, the nav and pages follow the user's roles (access.ts). When a call is refused for
 * want of a session (401), the sign-in form is laid over the page, which stays mounted and
 * inert behind it, so nothing typed in its forms is lost. While the security settings require a
 * second factor of this administrator and none is on (`mustEnrolTotp`), only its enrolment is
 * shown; once confirmed the session is fetched again and the app appears.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { AccessContext, accessFor } from './access';
import { api, type Session } from './api';
import { ErrorNote } from './components/error-note';
import { NotificationBell } from './components/notification-bell';
import { type Lang, LangContext, pick, type TextKey, translate, useLang, useT } from './i18n';
import { i18n, initialLang } from './i18n-setup';
import { OrgContext } from './org-context';
import { OverviewPage } from './pages/overview';
import { SignInForm } from './pages/sign-in';
import { makeQueryClient, useRefetchAfterSignIn } from './query/client';

// The overview is in the first bundle (it must show in under 1 s); other pages load on demand.
const DataPage = lazy(() => import('./pages/data').then((m) => ({ default: m.DataPage })));
const CataloguePage = lazy(() => import('./pages/catalogue').then((m) => ({ default: m.CataloguePage })));
const FigurePage = lazy(() => import('./pages/figure').then((m) => ({ default: m.FigurePage })));
const ChecksPage = lazy(() => import('./pages/checks').then((m) => ({ default: m.ChecksPage })));
const DisclosuresPage = lazy(() =>
  import('./pages/disclosures').then((m) => ({ default: m.DisclosuresPage })),
);
const ReportPage = lazy(() => import('./pages/report').then((m) => ({ default: m.ReportPage })));
const AdminPage = lazy(() => import('./pages/admin').then((m) => ({ default: m.AdminPage })));
const TokensPage = lazy(() => import('./pages/tokens').then((m) => ({ default: m.TokensPage })));
const CyclePage = lazy(() => import('./pages/cycle/cycle-page').then((m) => ({ default: m.CyclePage })));
const TasksPage = lazy(() => import('./pages/tasks/tasks-page').then((m) => ({ default: m.TasksPage })));
const EntryPage = lazy(() => import('./pages/entry/entry-page').then((m) => ({ default: m.EntryPage })));
const AssignmentsPage = lazy(() =>
  import('./pages/assignments/assignments-page').then((m) => ({ default: m.AssignmentsPage })),
);
const RestatementsPage = lazy(() =>
  import('./pages/restatements/restatements-page').then((m) => ({ default: m.RestatementsPage })),
);
const TargetsPage = lazy(() =>
  import('./pages/targets/targets-page').then((m) => ({ default: m.TargetsPage })),
);
const MaterialityPage = lazy(() =>
  import('./pages/materiality/materiality-page').then((m) => ({ default: m.MaterialityPage })),
);
const SurveyPage = lazy(() =>
  import('./pages/materiality/survey-page').then((m) => ({ default: m.SurveyPage })),
);
const CasesPage = lazy(() => import('./pages/cases/cases-page').then((m) => ({ default: m.CasesPage })));
const RegisterPage = lazy(() =>
  import('./pages/registers/register-page').then((m) => ({ default: m.RegisterPage })),
);
const NarrativePage = lazy(() =>
  import('./pages/narrative/narrative-page').then((m) => ({ default: m.NarrativePage })),
);
const MetersPage = lazy(() => import('./pages/meters/meters-page').then((m) => ({ default: m.MetersPage })));
const MustEnrolSecondFactor = lazy(() =>
  import('./pages/second-factor').then((m) => ({ default: m.MustEnrolSecondFactor })),
);

import { type Page, type Route, useRoute } from './route';
import { useLoad } from './use-load';
import { useSession } from './use-session';

const NAV: { page: Page; key: TextKey }[] = [
  { page: 'overview', key: 'overview' },
  { page: 'tasks', key: 'myTasks' },
  { page: 'data', key: 'data' },
  { page: 'entry', key: 'entry' },
  { page: 'cycle', key: 'cycle' },
  { page: 'assignments', key: 'assignments' },
  { page: 'restatements', key: 'restatements' },
  { page: 'catalogue', key: 'catalogue' },
  { page: 'figure', key: 'figures' },
  { page: 'checks', key: 'checks' },
  { page: 'disclosures', key: 'disclosures' },
  { page: 'targets', key: 'targetsNav' },
  { page: 'suppliers', key: 'suppliersNav' },
  { page: 'hazards', key: 'hazardsNav' },
  { page: 'projects', key: 'projectsNav' },
  { page: 'certifications', key: 'certificationsNav' },
  { page: 'tailings-facilities', key: 'tailingsNav' },
  { page: 'climate-risks', key: 'climateRisksNav' },
  { page: 'climate-scales', key: 'climateScalesNav' },
  { page: 'hazard-screening', key: 'hazardScreeningNav' },
  { page: 'supplier-practices', key: 'supplierPracticesNav' },
  { page: 'cases', key: 'casesNav' },
  { page: 'materiality', key: 'materialityNav' },
  { page: 'meters', key: 'metersNav' },
  { page: 'narrative', key: 'narrativeNav' },
  { page: 'report', key: 'report' },
  { page: 'admin', key: 'admin' },
  { page: 'tokens', key: 'tokens' },
];

/**
 * The side navigation groups the pages by the year's work (collect, calculate and check, keep
 * registers, disclose, administer): over two dozen pages did not fit a header at 1280 px (they
 * wrapped to four rows). A page not named here (a new one) is listed under the registers.
 */
type NavGroupKey = 'navCollect' | 'navCalculate' | 'navRegisters' | 'navDisclose' | 'navAccount';
const NAV_GROUPS: readonly NavGroupKey[] = [
  'navCollect',
  'navCalculate',
  'navRegisters',
  'navDisclose',
  'navAccount',
];
const NAV_GROUP_OF: Partial<Record<Page, NavGroupKey | 'top'>> = {
  overview: 'top',
  tasks: 'navCollect',
  data: 'navCollect',
  entry: 'navCollect',
  cycle: 'navCollect',
  assignments: 'navCollect',
  restatements: 'navCollect',
  meters: 'navCollect',
  catalogue: 'navCalculate',
  figure: 'navCalculate',
  checks: 'navCalculate',
  disclosures: 'navDisclose',
  narrative: 'navDisclose',
  report: 'navDisclose',
  admin: 'navAccount',
  tokens: 'navAccount',
};
const groupOf = (page: Page) => NAV_GROUP_OF[page] ?? 'navRegisters';

function navLink(n: { page: Page; key: TextKey }, shown: Page | undefined, t: (k: TextKey) => string) {
  return (
    <a
      key={n.page}
      href={`#/${n.page}`}
      className={shown === n.page ? 'active' : ''}
      data-nav={n.page}
      aria-current={shown === n.page ? 'page' : undefined}
    >
      {t(n.key)}
    </a>
  );
}

function pageFor(page: Page, route: Route): ReactNode {
  switch (page) {
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
    case 'narrative':
      return <NarrativePage section={route.params.get('section')} />;
    case 'admin':
      return <AdminPage />;
    case 'tokens':
      return <TokensPage />;
    case 'cycle':
      return <CyclePage period={route.params.get('period')} />;
    case 'tasks':
      return <TasksPage />;
    case 'entry':
      return (
        <EntryPage
          entity={route.params.get('entity')}
          period={route.params.get('period')}
          topic={route.params.get('topic')}
        />
      );
    case 'assignments':
      return <AssignmentsPage cycle={route.params.get('cycle')} />;
    case 'restatements':
      return <RestatementsPage />;
    case 'targets':
      return <TargetsPage entity={route.params.get('entity')} status={route.params.get('status')} />;
    case 'cases':
      return (
        <CasesPage
          kind={route.params.get('kind')}
          type={route.params.get('type')}
          status={route.params.get('status')}
        />
      );
    case 'suppliers':
    case 'hazards':
    case 'projects':
    case 'certifications':
    case 'tailings-facilities':
    case 'climate-risks':
    case 'climate-scales':
    case 'hazard-screening':
    case 'supplier-practices':
      return <RegisterPage key={page} register={page} params={route.params} />;
    case 'materiality':
      return <MaterialityPage survey={route.params.get('survey')} />;
    case 'survey':
      return <SurveyPage id={route.params.get('id') ?? ''} />;
    case 'meters':
      return <MetersPage site={route.params.get('site')} carrier={route.params.get('carrier')} />;
  }
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  /** The UI language, for the shell's context (useT) and i18next (useTranslation) at once. */
  const changeLang = (next: Lang) => {
    void i18n.changeLanguage(next);
    setLang(next);
  };
  const state = useSession();
  useEffect(() => {
    localStorage.setItem('assay.lang', lang);
    document.documentElement.lang = lang;
  }, [lang]);
  const langSwitch = (
    <button
      type="button"
      className="lang"
      data-lang-switch
      onClick={() => changeLang(lang === 'en' ? 'zh-Hant' : 'en')}
    >
      {lang === 'en' ? '中文' : 'English'}
    </button>
  );
  const { session } = state;
  const bare = (body: ReactNode) => (
    <>
      <header className="top">
        <span className="brand">Assay</span>
        <span className="grow" />
        {langSwitch}
      </header>
      <main>{body}</main>
    </>
  );
  let content: ReactNode;
  if (!session)
    content = bare(
      state.failure ? (
        <ErrorNote message={state.failure.message} />
      ) : (
        <p className="muted">{translate(lang, 'loading')}</p>
      ),
    );
  else if (session.mode === 'accounts' && session.user === null)
    content = bare(<SignInForm onSignedIn={state.signedIn} sso={session.sso ?? null} />);
  else if (session.user !== null && session.mustEnrolTotp === true)
    content = (
      <>
        <header className="top">
          <span className="brand">Assay</span>
          <span className="grow" />
          <span className="user">
            <span data-current-user title={session.user.email}>
              {session.user.name}
            </span>
            <button type="button" className="lang" data-sign-out onClick={() => void state.signOut()}>
              {translate(lang, 'signOut')}
            </button>
          </span>
          {langSwitch}
        </header>
        <main>
          {state.signInNeeded ? (
            <SignInForm
              onSignedIn={state.signedIn}
              notice={translate(lang, 'sessionEnded')}
              sso={session.sso ?? null}
            />
          ) : (
            <Suspense fallback={<p className="muted">{translate(lang, 'loading')}</p>}>
              <MustEnrolSecondFactor />
            </Suspense>
          )}
        </main>
      </>
    );
  else
    content = (
      // A different user (or the local user) gets a fresh app: nothing of the last one stays.
      <Workspace
        key={session.user?.id ?? 'local'}
        session={session}
        signInNeeded={state.signInNeeded}
        onSignedIn={state.signedIn}
        onSignOut={state.signOut}
        langSwitch={langSwitch}
      />
    );
  return <LangContext.Provider value={lang}>{content}</LangContext.Provider>;
}

/** The app for one user (or the local user of an open server). */
function Workspace(props: {
  session: Session;
  signInNeeded: boolean;
  onSignedIn: () => Promise<void>;
  onSignOut: () => Promise<void>;
  langSwitch: ReactNode;
}) {
  const { session } = props;
  const t = useT();
  const lang = useLang();
  const route = useRoute();
  const org = useLoad(() => api.organisation(), []);
  const access = useMemo(() => accessFor(session, org.data), [session, org.data]);
  // Server state of this user only (the Workspace is remounted for another user).
  const [queries] = useState(makeQueryClient);
  useRefetchAfterSignIn(queries);
  // With accounts, what a user may open depends on the organisation's tree: wait for it.
  const ready = access.open || org.data !== undefined;
  const nav = ready ? NAV.filter((n) => access.mayOpen(n.page)) : [];
  // A preparer (no other role) starts on their task list; everyone else on the first page they may open.
  const preparerOnly = access.heldRoles.length > 0 && access.heldRoles.every((r) => r === 'preparer');
  const landing: Page | undefined = preparerOnly && access.mayOpen('tasks') ? 'tasks' : undefined;
  const shown: Page | undefined =
    !route.named && landing
      ? landing
      : access.mayOpen(route.page)
        ? route.page
        : route.named
          ? undefined
          : nav[0]?.page;
  const main = (() => {
    if (!ready)
      return org.error ? <ErrorNote message={org.error.message} /> : <p className="muted">{t('loading')}</p>;
    const page = shown ? (
      pageFor(shown, route)
    ) : (
      <p className="muted" data-no-access>
        {t('noAccess')}
      </p>
    );
    if (access.open || access.heldRoles.length > 0) return page;
    return (
      <>
        <p className="note" data-no-roles>
          {t('noRoles')}
        </p>
        {page}
      </>
    );
  })();
  return (
    <QueryClientProvider client={queries}>
      <AccessContext.Provider value={access}>
        <OrgContext.Provider value={org.data}>
          <div className="app" inert={props.signInNeeded}>
            <header className="top">
              <span className="brand">Assay</span>
              <span className="org">{org.data ? pick(org.data.name, lang) : ''}</span>
              {session.user && ready ? <NotificationBell /> : null}
              {session.user ? (
                <span className="user">
                  <span data-current-user title={session.user.email}>
                    {session.user.name}
                  </span>
                  <button type="button" className="lang" data-sign-out onClick={() => void props.onSignOut()}>
                    {t('signOut')}
                  </button>
                </span>
              ) : (
                <span className="user muted" data-local-user>
                  {t('localUser')}
                </span>
              )}
              {props.langSwitch}
            </header>
            <div className="shell">
              <nav className="side" aria-label={t('navLabel')}>
                {[
                  ...nav.filter((n) => groupOf(n.page) === 'top').map((n) => navLink(n, shown, t)),
                  ...NAV_GROUPS.map((g) => {
                    const items = nav.filter((n) => groupOf(n.page) === g);
                    if (items.length === 0) return null;
                    return (
                      <div className="nav-group" key={g} data-nav-group={g}>
                        <div className="nav-heading">{t(g)}</div>
                        {items.map((n) => navLink(n, shown, t))}
                      </div>
                    );
                  }),
                ]}
              </nav>
              <main>
                <Suspense fallback={<p className="muted">{t('loading')}</p>}>{main}</Suspense>
              </main>
            </div>
          </div>
          {props.signInNeeded ? (
            <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="sign-in-title">
              <div className="overlay-bar">{props.langSwitch}</div>
              <SignInForm
                onSignedIn={props.onSignedIn}
                notice={t('sessionEnded')}
                sso={props.session.sso ?? null}
              />
            </div>
          ) : null}
        </OrgContext.Provider>
      </AccessContext.Provider>
    </QueryClientProvider>
  );
}
