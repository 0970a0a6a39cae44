// The conversation lives outside the chat page so that leaving it (Candidates, Jobs, …) and coming back keeps it.
import { useSyncExternalStore } from 'react';
import type { ChatResponse } from './api/types';

export interface Exchange {
  id: number;
  message: string;
  sentAt: number;
  state: 'pending' | 'done' | 'error';
  response?: ChatResponse;
  error?: string;
  ttfbMs?: number;
}

let exchanges: Exchange[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const chatStore = {
  add(message: string): number {
    const id = nextId++;
    exchanges = [...exchanges, { id, message, sentAt: Date.now(), state: 'pending' }];
    emit();
    return id;
  },
  update(id: number, patch: Partial<Exchange>): void {
    exchanges = exchanges.map((x) => (x.id === id ? { ...x, ...patch } : x));
    emit();
  },
};

export function useExchanges(): Exchange[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => exchanges,
  );
}
