import type { ConnectionStatus } from '../api/connection';
import type { Info } from '../api/types';
import { href, type PageName } from '../router';

const LINKS: { page: PageName; label: string }[] = [
  { page: 'chat', label: 'Chat' },
  { page: 'candidates', label: 'Candidates' },
  { page: 'jobs', label: 'Jobs' },
  { page: 'icp', label: 'ICP' },
  { page: 'metrics', label: 'Metrics' },
];

const STATUS_TEXT: Record<ConnectionStatus['state'], string> = {
  unknown: 'Connecting…',
  ok: 'Connected',
  auth: 'Sign-in required',
  unreachable: 'Server unreachable',
};

interface Props {
  page: PageName;
  status: ConnectionStatus;
  info: Info | null;
  onOpenSettings: () => void;
}

export function Header({ page, status, info, onOpenSettings }: Props) {
  return (
    <header className="topbar">
      <a className="brand" href={href('chat')} aria-label="IcpSearch home (chat)">
        <span className="brand-mark" aria-hidden="true">◆</span> IcpSearch
      </a>
      <nav aria-label="Main">
        <ul className="nav">
          {LINKS.map((link) => (
            <li key={link.page}>
              <a href={href(link.page)} aria-current={page === link.page ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar-end">
        <span className={`status-pill status-${status.state}`} role="status" aria-label={`Gateway: ${STATUS_TEXT[status.state]}`}>
          <span className="dot" aria-hidden="true" />
          {STATUS_TEXT[status.state]}
          {info && status.state === 'ok' ? <span className="muted"> · v{info.version}</span> : null}
        </span>
        <button type="button" className="button-ghost" onClick={onOpenSettings} aria-label="Settings">
          ⚙ Settings
        </button>
      </div>
    </header>
  );
}
