import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client';
import { getMetrics } from '../api/endpoints';
import type { Metrics } from '../api/types';
import { TimeChart, type ChartSeries } from '../components/TimeChart';
import { usePolling } from '../components/usePolling';
import { formatDecimal, formatInt, formatMs } from '../format';
import { useSettings } from '../settings';

const REFRESH_MS = 5000;
const MAX_SAMPLES = 180;

interface Sample {
  at: number;
  jobDurationP95: number | null;
}

export function MetricsPage() {
  const settings = useSettings();
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The gateway keeps no history of the job-duration p95, so this page samples it on every refresh.
  const [samples, setSamples] = useState<Sample[]>([]);

  usePolling(
    async (signal, stopped) => {
      try {
        const next = await getMetrics(signal);
        if (stopped()) return;
        setMetrics(next);
        setError(null);
        setSamples((s) => s.concat({ at: Date.now() / 1000, jobDurationP95: next.job_duration_p95_ms }).slice(-MAX_SAMPLES));
      } catch (e) {
        if (stopped()) return;
        setError(errorMessage(e));
      }
    },
    { intervalMs: REFRESH_MS },
    [settings],
  );

  const rowsSeries = useMemo<ChartSeries[]>(
    () => [{ label: 'rows/min', color: '#2563eb', points: metrics?.series.rows_per_minute ?? [] }],
    [metrics],
  );
  const ttfbSeries = useMemo<ChartSeries[]>(
    () => [
      { label: 'server p95', color: '#7c3aed', points: metrics?.series.chat_ttfb_p95_server_ms ?? [] },
      { label: 'browser p95', color: '#059669', points: metrics?.series.chat_ttfb_p95_client_ms ?? [] },
    ],
    [metrics],
  );
  const durationSeries = useMemo<ChartSeries[]>(
    () => [{ label: 'job p95', color: '#d97706', points: samples.map((s) => ({ at: s.at, value: s.jobDurationP95 })) }],
    [samples],
  );
  // The newest sample was taken on the last successful refresh.
  const updatedAt = samples.length ? new Date(Math.round(samples[samples.length - 1].at * 1000)) : null;

  const ttfb = metrics?.chat_ttfb_p95_ms;
  return (
    <div className="metrics">
      <div className="page-head page-head-row">
        <div>
          <h1>Metrics</h1>
          <p className="muted">
            {metrics ? <>Last {formatInt(metrics.window_minutes)} minutes · </> : null}refreshes every {REFRESH_MS / 1000} s
            {updatedAt ? <> · updated {updatedAt.toLocaleTimeString()}</> : null}
          </p>
        </div>
      </div>
      {error && <p className="callout callout-error" role="alert">{error}</p>}
      <section className="kpis" aria-label="Key figures">
        <Kpi label="Chat TTFB p95 (server)" value={formatMs(ttfb?.server)} testId="kpi-ttfb-server" />
        <Kpi label="Chat TTFB p95 (browser)" value={formatMs(ttfb?.client)} testId="kpi-ttfb-client" />
        <Kpi label="Rows / min" value={formatDecimal(metrics?.rows_per_minute)} testId="kpi-rows-per-minute" />
        <Kpi label="Job duration p95" value={formatMs(metrics?.job_duration_p95_ms)} testId="kpi-job-duration" />
      </section>
      <section className="charts" aria-label="Charts">
        <TimeChart title="Rows upserted per minute" series={rowsSeries} />
        <TimeChart title="Chat TTFB p95 (ms)" series={ttfbSeries} />
        <TimeChart title="Job duration p95 (ms, sampled here)" series={durationSeries} />
      </section>
      {metrics && (
        <section className="card facts" aria-label="Jobs and scores">
          <Fact label="Queue depth" value={formatInt(metrics.queue_depth)} />
          <Fact label="Jobs processed" value={formatInt(metrics.jobs_processed)} />
          <Fact label="Lead scores" value={formatInt(metrics.lead_scores_total)} />
          {Object.entries(metrics.jobs_by_status).map(([status, n]) => (
            <Fact key={status} label={`Jobs ${status}`} value={formatInt(n)} />
          ))}
        </section>
      )}
    </div>
  );
}

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="kpi card" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <span className="muted small">{label}</span>
      <span className="strong">{value}</span>
    </div>
  );
}
