import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Info } from '../api/types';
import { loadSettings, saveSettings } from '../settings';

interface Props {
  info: Info | null;
  message?: string;
  onClose: () => void;
  onSaved: () => void;
}

/** Token and tenant for every call; kept in this browser's localStorage. */
export function SettingsPanel({ info, message, onClose, onSaved }: Props) {
  const initial = loadSettings();
  const [token, setToken] = useState(initial.token);
  const [tenant, setTenant] = useState(initial.tenant);
  const [showToken, setShowToken] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    saveSettings({ token, tenant });
    onSaved();
  };

  const auth = info?.auth;
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section className="dialog" role="dialog" aria-modal="true" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        {message && (
          <p className="callout callout-warn" role="alert">
            {message}
          </p>
        )}
        <form onSubmit={submit} className="form">
          <label htmlFor="settings-token">Bearer token</label>
          <div className="input-row">
            <input
              id="settings-token"
              ref={first}
              type={showToken ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              placeholder="eyJhbGciOi…"
            />
            <button type="button" className="button-ghost" onClick={() => setShowToken((s) => !s)} aria-label={showToken ? 'Hide token' : 'Show token'}>
              {showToken ? 'Hide' : 'Show'}
            </button>
          </div>
          <label htmlFor="settings-tenant">Tenant ID</label>
          <input
            id="settings-tenant"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={tenant}
            onChange={(e) => setTenant(e.target.value)}
            placeholder={auth?.default_tenant ? `default: ${auth.default_tenant}` : 'sent as X-Tenant-ID'}
          />
          <p className="hint">
            Sent as <code>Authorization: Bearer …</code> and <code>X-Tenant-ID</code> on every call; stored in this browser only.
            {auth ? (
              <>
                {' '}Gateway authentication: <strong>{auth.enabled ? auth.mode : 'off'}</strong>
                {auth.default_tenant ? <> · default tenant <strong>{auth.default_tenant}</strong></> : null}.
              </>
            ) : null}
          </p>
          <div className="actions">
            <button type="button" className="button-ghost" onClick={() => { setToken(''); setTenant(''); }}>
              Clear
            </button>
            <span className="spacer" />
            <button type="button" className="button-ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button-primary">
              Save
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
