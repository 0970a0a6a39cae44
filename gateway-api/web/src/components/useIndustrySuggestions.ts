import { useEffect, useRef, useState } from 'react';
import { isAbort } from '../api/client';
import { suggestIndustries } from '../api/endpoints';
import type { IndustrySuggestion } from '../api/types';

export const MIN_QUERY = 2;
const MAX_QUERY = 100;

/**
 * Suggestions from the SSIC reference for what the user is typing. Requests wait until typing pauses for
 * `debounceMs` (CHAT_DEBOUNCE_MS), and the previous in-flight request is aborted before the next one starts, so a
 * quick burst of keys costs one request and a slow answer never overwrites a newer one.
 */
export function useIndustrySuggestions(text: string, debounceMs: number, enabled: boolean) {
  const [items, setItems] = useState<IndustrySuggestion[]>([]);
  const [loading, setLoading] = useState(false);
  const inflight = useRef<AbortController | null>(null);

  useEffect(() => {
    const q = text.trim().slice(0, MAX_QUERY);
    if (!enabled || q.length < MIN_QUERY) {
      inflight.current?.abort();
      inflight.current = null;
      setItems([]);
      setLoading(false);
      return;
    }

    const timer = window.setTimeout(() => {
      inflight.current?.abort();
      const controller = new AbortController();
      inflight.current = controller;
      setLoading(true);
      suggestIndustries(q, controller.signal)
        .then((page) => {
          if (controller.signal.aborted) return;
          setItems(page.items);
        })
        .catch((e) => {
          if (isAbort(e) || controller.signal.aborted) return;
          setItems([]);
        })
        .finally(() => {
          if (inflight.current === controller) {
            inflight.current = null;
            setLoading(false);
          }
        });
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [text, debounceMs, enabled]);

  // Leaving the page cancels whatever is still on its way.
  useEffect(() => () => inflight.current?.abort(), []);

  return { items, loading };
}
