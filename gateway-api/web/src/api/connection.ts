// What the console knows about its link to the gateway, shared by the header, the banner and the settings panel.
import { useSyncExternalStore } from 'react';

export type ConnectionState = 'unknown' | 'ok' | 'auth' | 'unreachable';

export interface ConnectionStatus {
  state: ConnectionState;
  message?: string;
  status?: number;
}

type Listener = () => void;

class ConnectionStore {
  private current: ConnectionStatus = { state: 'unknown' };
  private readonly listeners = new Set<Listener>();

  get = (): ConnectionStatus => this.current;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Records the outcome of a call. A success clears "unreachable" but not "auth required": an open endpoint such as
   * /api/info can succeed while the protected ones still refuse the token; saving new settings clears it instead.
   */
  report(status: ConnectionStatus): void {
    if (status.state === 'ok' && this.current.state === 'auth') return;
    if (status.state === this.current.state && status.message === this.current.message) return;
    this.current = status;
    this.listeners.forEach((l) => l());
  }

  reset(): void {
    this.current = { state: 'unknown' };
    this.listeners.forEach((l) => l());
  }
}

export const connection = new ConnectionStore();

export function useConnection(): ConnectionStatus {
  return useSyncExternalStore(connection.subscribe, connection.get);
}
