import { useCallback, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { getJob, runJob } from '../api/endpoints';
import type { Job } from '../api/types';
import { formatInt, formatRunAt, percent } from '../format';
import { usePolling } from './usePolling';

export const POLL_MS = 1500;
const ENDED = new Set(['done', 'error', 'cancelled']);

export const isEnded = (job: Job | null | undefined) => !!job && ENDED.has(job.status);

/** Polls GET /jobs/{id} about every 1.5 s until the job ends (done, error or cancelled). */
export function useJobPolling(jobId: number) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobRef = useRef<Job | null>(null);

  const update = useCallback((next: Job) => {
    jobRef.current = next;
    setJob(next);
  }, []);

  usePolling(
    async (signal, stopped) => {
      try {
        update(await getJob(jobId, signal));
        setError(null);
      } catch (e) {
        if (stopped()) return false;
        setError(errorMessage(e));
        // No point polling a job this tenant cannot see or with credentials the gateway refuses.
        if (e instanceof ApiError && (e.kind === 'auth' || e.status === 404)) return false;
      }
    },
    {
      intervalMs: POLL_MS,
      // A hidden tab does not need live progress; it catches up on the next visible tick.
      runWhileHidden: () => !jobRef.current,
      keepGoing: () => !isEnded(jobRef.current),
    },
    [jobId, update],
  );

  return { job, error, update };
}

export function JobStatusBadge({ status }: { status: Job['status'] }) {
  return <span className={`badge badge-${status}`}>{status}</span>;
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
      <div className="progress-fill" style={{ width: `${value}%` }} />
    </div>
  );
}

/** "Queued until 02:00", "Running", "Done", … */
export function describeJob(job: Job): string {
  switch (job.status) {
    case 'queued':
      return job.next_run_at ? `Queued until ${formatRunAt(job.next_run_at)}` : 'Queued';
    case 'running':
      return 'Running';
    case 'done':
      return 'Done';
    case 'cancelled':
      return 'Cancelled';
    case 'error':
      return job.error ? `Failed: ${job.error}` : 'Failed';
    default:
      return job.status;
  }
}

/** The live progress of one job, with "Run now" while it is queued. */
export function JobProgress({ jobId }: { jobId: number }) {
  const { job, error, update } = useJobPolling(jobId);
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);

  const runNow = async () => {
    setStarting(true);
    setRunError(null);
    try {
      update(await runJob(jobId));
    } catch (e) {
      setRunError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  if (!job) {
    return (
      <div className="job-progress" aria-live="polite">
        <span className="muted">{error ?? `Loading job ${jobId}…`}</span>
      </div>
    );
  }

  const value = percent(job.processed, job.total, job.status === 'done');
  return (
    <div className="job-progress" data-job-id={job.job_id} data-status={job.status}>
      <div className="job-progress-head">
        <span>
          <strong>Job {job.job_id}</strong>
          <span className="sep" aria-hidden="true"> · </span>
          <span className={`job-state state-${job.status}`} aria-live="polite">{describeJob(job)}</span>
        </span>
        <span className="job-counts">
          {formatInt(job.processed)} / {formatInt(job.total)} · <span className="job-percent">{value}%</span>
        </span>
      </div>
      <ProgressBar value={value} label={`Job ${job.job_id} progress`} />
      <div className="job-progress-foot">
        <span className="muted">
          {formatInt(job.remaining)} remaining{job.batches ? ` · ${formatInt(job.batches)} batch${job.batches === 1 ? '' : 'es'}` : ''}
        </span>
        {job.status === 'queued' && (
          <button type="button" className="button-small" onClick={runNow} disabled={starting} aria-label={`Run job ${job.job_id} now`}>
            {starting ? 'Starting…' : 'Run now'}
          </button>
        )}
      </div>
      {(runError || error) && <p className="error-text" role="alert">{runError ?? error}</p>}
    </div>
  );
}
