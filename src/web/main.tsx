import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MeasureMeta } from './api.js';
import { getJson, SignInNeeded } from './api.js';
import { LoginForm } from './components/LoginForm.js';
import { PageFilters } from './components/PageFilters.js';
import { PageContext } from './page-context.js';
import { AuditPage } from './pages/AuditPage.js';
import { EdPage } from './pages/EdPage.js';
import { ExecutivePage } from './pages/ExecutivePage.js';
import { QualityPage } from './pages/QualityPage.js';
import { ReadmissionPage } from './pages/ReadmissionPage.js';
import { SessionsPage } from './pages/SessionsPage.js';
import { parseViewState, type ViewState, viewStateSearch } from './url-state.js';

const PAGES = [
  {
    path: 'executive',
    title: 'Executive summary',
    page: ExecutivePage,
    slicers: ['payer', 'drg_code', 'disposition'],
  },
  {
    path: 'readmission',
    title: 'Readmission risk',
    page: ReadmissionPage,
    slicers: ['payer', 'drg_code', 'disposition'],
    dates: false,
  },
  { path: 'ed', title: 'ED operations', page: EdPage, slicers: ['payer', 'drg_code', 'disposition'] },
  { path: 'sessions', title: 'Clinician sessions', page: SessionsPage, slicers: ['clinician_role'] },
  { path: 'quality', title: 'Data quality', page: QualityPage, slicers: [], dates: false },
  { path: 'audit', title: 'Audit', page: AuditPage, slicers: [], dates: false, admin: true },
] as const;

function currentPage() {
  const name = location.pathname.replace(/^\/app\/?/, '').split('/')[0];
  return PAGES.find((p) => p.path === name) ?? PAGES[0];
}

function App() {
  const [page, setPage] = useState(currentPage);
  const [state, setState] = useState<ViewState>(() => parseViewState(location.search));
  const [measures, setMeasures] = useState<Record<string, MeasureMeta>>({});
  const [signIn, setSignIn] = useState(false);
  const [who, setWho] = useState<{ name: string; role: string }>();
  const load = useCallback(() => {
    getJson<{ measures: MeasureMeta[] }>('/api/measures').then(
      (b) => {
        setMeasures(Object.fromEntries(b.measures.map((m) => [m.name, m])));
        setSignIn(false);
        void getJson<{ name: string; role: string }>('/api/session').then(setWho, () => undefined);
      },
      (e) => e instanceof SignInNeeded && setSignIn(true),
    );
  }, []);
  useEffect(load, []);
  useEffect(() => {
    const onPop = () => {
      setPage(currentPage());
      setState(parseViewState(location.search));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.title = `${page.title} · carelake`;
  }, [page]);
  const update = useCallback((patch: Record<string, string | undefined>) => {
    setState((old) => {
      const next: ViewState = { ...old };
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      history.pushState(null, '', `${location.pathname}${viewStateSearch(next)}`);
      return next;
    });
  }, []);
  const go = (e: Event, path: string) => {
    e.preventDefault();
    const keep: ViewState = state.asOf ? { asOf: state.asOf } : {};
    history.pushState(null, '', `/app/${path}${viewStateSearch(keep)}`);
    setPage(currentPage());
    setState(keep);
  };
  if (signIn) return <LoginForm onDone={load} />;
  const Page = page.page;
  return (
    <PageContext.Provider value={{ state, update, measures, onSignIn: () => setSignIn(true) }}>
      <header class="top">
        <span class="brand">carelake</span>
        <nav aria-label="Pages">
          {PAGES.filter((p) => !('admin' in p) || who?.role === 'admin').map((p) => (
            <a
              key={p.path}
              href={`/app/${p.path}`}
              aria-current={p === page ? 'page' : undefined}
              onClick={(e) => go(e, p.path)}
            >
              {p.title}
            </a>
          ))}
        </nav>
        <span class="who">{who ? `${who.name} (${who.role})` : ''}</span>
      </header>
      <main>
        <h1>{page.title}</h1>
        <PageFilters slicers={page.slicers} dates={'dates' in page ? page.dates : true} />
        <div class="grid">{Object.keys(measures).length > 0 && <Page />}</div>
      </main>
    </PageContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
