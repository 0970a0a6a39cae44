import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { connection, useConnection } from './api/connection';
import { getInfo } from './api/endpoints';
import type { Info } from './api/types';
import { Header } from './components/Header';
import { SettingsPanel } from './components/SettingsPanel';
import { InfoContext } from './info';
import { CandidatesPage } from './pages/CandidatesPage';
import { ChatPage } from './pages/ChatPage';
import { IcpPage } from './pages/IcpPage';
import { JobsPage } from './pages/JobsPage';
import { useRoute } from './router';
import { useSettings } from './settings';

const RETRY_MS = 10_000;

// The chart library is only needed on the Metrics page; it loads with that page.
const MetricsPage = lazy(() => import('./pages/MetricsPage').then((m) => ({ default: m.MetricsPage })));

export function App() {
  const route = useRoute();
  const status = useConnection();
  const settings = useSettings();
  const [info, setInfo] = useState<Info | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const loadInfo = useCallback(async () => {
    try {
      setInfo(await getInfo());
    } catch {
      // request() reports an unreachable gateway or a refused token to the connection store, which drives the banners.
    }
  }, []);

  // Reload the service description whenever the credentials change: a new token may turn 401 into 200.
  useEffect(() => {
    void loadInfo();
  }, [loadInfo, settings]);

  useEffect(() => {
    if (status.state === 'auth') setSettingsOpen(true);
  }, [status.state]);

  // A gateway that requires tokens says so in /api/info: ask for one before the first call is refused.
  const needsToken = !!info?.auth?.enabled && !settings.token;
  useEffect(() => {
    if (needsToken) setSettingsOpen(true);
  }, [needsToken]);

  // While the gateway is down, probe it now and then so the banner clears by itself when it is back.
  useEffect(() => {
    if (status.state !== 'unreachable') return;
    const timer = window.setInterval(() => void loadInfo(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [status.state, loadInfo]);

  useEffect(() => {
    const titles = { chat: 'Chat', candidates: 'Candidates', jobs: 'Jobs', icp: 'ICP', metrics: 'Metrics' } as const;
    document.title = `${titles[route.page]} · IcpSearch`;
    window.scrollTo(0, 0);
  }, [route.page]);

  return (
    <InfoContext.Provider value={info}>
      <div className="chrome">
        <Header page={route.page} status={status} info={info} onOpenSettings={() => setSettingsOpen(true)} />
        {status.state === 'unreachable' && (
          <div className="banner banner-error" role="alert">
            <span>{status.message ?? 'Server unreachable.'}</span>
            <button type="button" className="button-small" onClick={() => void loadInfo()}>
              Retry
            </button>
          </div>
        )}
        {status.state === 'auth' && !settingsOpen && (
          <div className="banner banner-warn" role="alert">
            <span>{status.message}</span>
            <button type="button" className="button-small" onClick={() => setSettingsOpen(true)}>
              Open settings
            </button>
          </div>
        )}
      </div>
      <main className="page" id="main">
        {route.page === 'chat' && <ChatPage />}
        {route.page === 'candidates' && <CandidatesPage params={route.params} />}
        {route.page === 'jobs' && <JobsPage />}
        {route.page === 'icp' && <IcpPage />}
        {route.page === 'metrics' && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <MetricsPage />
          </Suspense>
        )}
      </main>
      {settingsOpen && (
        <SettingsPanel
          info={info}
          message={
            status.state === 'auth'
              ? status.message
              : needsToken
                ? `This gateway requires a bearer token (AUTH_MODE=${info?.auth?.mode ?? 'jwt'}). Enter one to continue.`
                : undefined
          }
          onClose={() => setSettingsOpen(false)}
          onSaved={() => {
            connection.reset();
            setSettingsOpen(false);
          }}
        />
      )}
    </InfoContext.Provider>
  );
}
