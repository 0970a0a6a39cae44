import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { cancelJob, listJobs, runJob } from '../api/endpoints';
import type { Job } from '../api/types';
import { describeJob, JobStatusBadge, ProgressBar } from '../components/JobProgress';
import { formatDateTime, formatInt, formatRunAt, percent } from '../format';
import { useSettings } from '../settings';

const PAGE_SIZE = 25;
const REFRESH_MS = 5000;

export function JobsPage() {
  const settings = useSettings();
  const [jobs, setJobs] = useState<Job[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const pagesLoaded = useRef(1);

  // Refreshes everything shown so far (as many rows as the pages the user loaded) so statuses stay live.
  const refresh = useCallback(async (signal?: AbortSignal) => {
    setLoading(true);
    try {
      const page = await listJobs(null, Math.min(200, PAGE_SIZE * pagesLoaded.current), signal);
      setJobs(page.items);
      setCursor(page.nextCursor);
      setError(null);
      setLoaded(true);
    } catch (e) {
      if (!signal?.aborted) setError(errorMessage(e));
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void refresh(controller.signal);
    return () => controller.abort();
  }, [refresh, settings]);

  // Keep the list current while anything on it is still moving.
  const active = jobs.some((j) => j.status === 'running' || j.status === 'queued');
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void refresh();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active, refresh]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await listJobs(cursor, PAGE_SIZE);
      pagesLoaded.current += 1;
      setJobs((current) => current.concat(page.items.filter((j) => !current.some((c) => c.job_id === j.job_id))));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  const act = async (job: Job, action: 'run' | 'cancel') => {
    setBusy(job.job_id);
    try {
      const next = action === 'run' ? await runJob(job.job_id) : await cancelJob(job.job_id);
      setJobs((current) => current.map((j) => (j.job_id === next.job_id ? next : j)));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="jobs">
      <div className="page-head page-head-row">
        <div>
          <h1>Jobs</h1>
          <p className="muted">This tenant's jobs, newest first: staging upserts (queued ones run in the nightly window unless started now) and ICP re-scores (they run as soon as the ICP changes).</p>
        </div>
        <button type="button" className="button-ghost" onClick={() => void refresh()} disabled={loading} aria-label="Refresh jobs">
          ↻ Refresh
        </button>
      </div>
      {error && <p className="callout callout-error" role="alert">{error}</p>}
      <section className="card">
        <div className="table-wrap">
          <table className="table" aria-label="Jobs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Terms</th>
                <th scope="col">Status</th>
                <th scope="col" className="progress-col">Processed / total</th>
                <th scope="col" className="num">Remaining</th>
                <th scope="col">Next run</th>
                <th scope="col">Created</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => {
                const value = percent(job.processed, job.total, job.status === 'done');
                return (
                  <tr key={job.job_id} data-job-id={job.job_id}>
                    <td className="strong">#{job.job_id}</td>
                    <td className="terms">{job.job_type === 'rescore' ? 'ICP re-score (every score, under the current ICP)' : job.terms.join(', ') || '—'}</td>
                    <td>
                      <JobStatusBadge status={job.status} />
                      {job.status === 'error' && job.error && <div className="error-text small">{job.error}</div>}
                    </td>
                    <td className="progress-col">
                      <div className="small">
                        {formatInt(job.processed)} / {formatInt(job.total)} <span className="muted">({value}%)</span>
                      </div>
                      <ProgressBar value={value} label={`Job ${job.job_id} progress`} />
                    </td>
                    <td className="num">{formatInt(job.remaining)}</td>
                    <td title={job.status === 'queued' ? describeJob(job) : undefined}>{job.status === 'queued' ? formatRunAt(job.next_run_at) : '—'}</td>
                    <td className="muted">{formatDateTime(job.created_at)}</td>
                    <td className="actions-cell">
                      {job.status === 'queued' && (
                        <button type="button" className="button-small" disabled={busy === job.job_id} onClick={() => void act(job, 'run')} aria-label={`Run job ${job.job_id} now`}>
                          Run now
                        </button>
                      )}
                      {(job.status === 'queued' || job.status === 'running') && (
                        <button type="button" className="button-small button-ghost" disabled={busy === job.job_id} onClick={() => void act(job, 'cancel')} aria-label={`Cancel job ${job.job_id}`}>
                          Cancel
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {loaded && jobs.length === 0 && <p className="empty">No jobs yet. A chat search schedules one for the matches beyond the first 10.</p>}
        {!loaded && loading && <p className="empty muted">Loading jobs…</p>}
        <div className="list-foot">
          <span className="muted small">{formatInt(jobs.length)} shown</span>
          {cursor && (
            <button type="button" className="button-ghost" onClick={() => void loadMore()} disabled={loading} aria-label="Load more jobs">
              Load more
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
