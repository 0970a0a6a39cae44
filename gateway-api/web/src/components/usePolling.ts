import { useEffect, type DependencyList } from 'react';

/**
 * One run of a poll. `signal` aborts when the polling stops; `stopped()` says whether it has stopped meanwhile (check
 * it after each await before touching state). Return false to end the polling after this run.
 */
export type PollTick = (signal: AbortSignal, stopped: () => boolean) => Promise<boolean | void>;

export interface PollingOptions {
  /** The pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** Run even while the tab is hidden when this returns true; by default a hidden tab skips the run (not the schedule). */
  runWhileHidden?: () => boolean;
  /** Checked after each run, skipped or not: return false to stop polling. */
  keepGoing?: () => boolean;
}

/**
 * Runs `tick` at once and then `intervalMs` after each run ends, until `deps` change, the component unmounts, `tick`
 * returns false or `keepGoing` returns false. A hidden tab skips runs but keeps the schedule, so it catches up on the
 * next visible one. Stopping aborts the run in flight and clears the pending timer.
 */
export function usePolling(tick: PollTick, { intervalMs, runWhileHidden, keepGoing }: PollingOptions, deps: DependencyList): void {
  useEffect(() => {
    let timer = 0;
    let stopped = false;
    const isStopped = () => stopped;
    const controller = new AbortController();
    const run = async () => {
      if (stopped) return;
      if (document.visibilityState !== 'hidden' || runWhileHidden?.()) {
        if ((await tick(controller.signal, isStopped)) === false) return;
      }
      if (!stopped && (keepGoing?.() ?? true)) timer = window.setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      controller.abort();
      window.clearTimeout(timer);
    };
    // The caller's deps decide when polling restarts, as they would for its own effect.
  }, deps);
}
