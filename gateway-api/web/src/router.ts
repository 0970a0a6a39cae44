// Hash routes (#/chat, #/candidates?industry=...), so the gateway serves one index.html and needs no SPA fallback.
import { useSyncExternalStore } from 'react';

export type PageName = 'chat' | 'candidates' | 'jobs' | 'icp' | 'metrics';

export interface Route {
  page: PageName;
  params: URLSearchParams;
}

const PAGES: PageName[] = ['chat', 'candidates', 'jobs', 'icp', 'metrics'];

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = text.split('?');
  const page = (PAGES as string[]).includes(path) ? (path as PageName) : 'chat';
  return { page, params: new URLSearchParams(search) };
}

export function href(page: PageName, params?: Record<string, string>): string {
  const search = params ? new URLSearchParams(params).toString() : '';
  return `#/${page}${search ? `?${search}` : ''}`;
}

/** Replaces the query of the current route without adding a history entry. */
export function replaceParams(page: PageName, params: Record<string, string>): void {
  const next = href(page, params);
  if (location.hash !== next) history.replaceState(null, '', next);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseHash(hash);
}
