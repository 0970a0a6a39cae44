// /api/info, loaded once at start (and again after the settings change), shared with every page.
import { createContext, useContext } from 'react';
import type { Info } from './api/types';

export const DEFAULT_DEBOUNCE_MS = 400;

export const InfoContext = createContext<Info | null>(null);

export function useInfo(): Info | null {
  return useContext(InfoContext);
}

/** CHAT_DEBOUNCE_MS as the gateway reports it, or 400 ms until it has answered. */
export function useDebounceMs(): number {
  const info = useInfo();
  const ms = info?.chat_debounce_ms;
  return typeof ms === 'number' && ms >= 0 ? ms : DEFAULT_DEBOUNCE_MS;
}
