// Token and tenant for the gateway, kept in localStorage so a reload keeps them.
import { useSyncExternalStore } from 'react';

export interface Settings {
  token: string;
  tenant: string;
}

const KEY = 'icpsearch.settings';
const listeners = new Set<() => void>();
let cached: Settings | undefined;

export function loadSettings(): Settings {
  if (cached) return cached;
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Settings>) : {};
    cached = { token: typeof parsed.token === 'string' ? parsed.token : '', tenant: typeof parsed.tenant === 'string' ? parsed.tenant : '' };
  } catch {
    cached = { token: '', tenant: '' };
  }
  return cached;
}

export function saveSettings(settings: Settings): void {
  cached = { token: settings.token.trim(), tenant: settings.tenant.trim() };
  try {
    localStorage.setItem(KEY, JSON.stringify(cached));
  } catch {
    // Storage can be disabled (private mode); the settings still apply to this page.
  }
  listeners.forEach((l) => l());
}

export function useSettings(): Settings {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    loadSettings,
  );
}
