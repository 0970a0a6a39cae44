import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { exportCandidates, listCandidates } from '../api/endpoints';
import type { IndustrySuggestion, Lead } from '../api/types';
import { IndustryInput } from '../components/IndustryInput';
import { formatInt } from '../format';
import { replaceParams } from '../router';
import { useSettings } from '../settings';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
// Start loading the next page while this many loaded rows are still below the viewport.
const PREFETCH_ROWS = 60;
const LAST_INDUSTRY_KEY = 'icpsearch.candidates.industry';

const sectionsOnly = (item: IndustrySuggestion) => item.level === 'section';

interface ListState {
  rows: Lead[];
  done: boolean;
  loading: boolean;
  error: string | null;
}

const emptyList: ListState = { rows: [], done: false, loading: false, error: null };

export function CandidatesPage({ params }: { params: URLSearchParams }) {
  const fromUrl = params.get('industry') ?? '';
  const initial = fromUrl || localStorage.getItem(LAST_INDUSTRY_KEY) || '';
  const [input, setInput] = useState(initial);
  const [industry, setIndustry] = useState(initial);
  const settings = useSettings();

  // The URL is the source of truth when it names an industry (links from the chat, reloads, bookmarks).
  useEffect(() => {
    if (fromUrl && fromUrl !== industry) {
      setIndustry(fromUrl);
      setInput(fromUrl);
    }
  }, [fromUrl]);

  const apply = (value: string) => {
    const next = value.trim();
    setIndustry(next);
    if (next) {
      localStorage.setItem(LAST_INDUSTRY_KEY, next);
      replaceParams('candidates', { industry: next });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(input);
  };

  return (
    <div className="candidates">
      <div className="page-head">
        <h1>Candidates</h1>
        <p className="muted">This tenant's scored companies in one industry (SSIC section), best score first.</p>
      </div>
      <form className="toolbar" onSubmit={submit} aria-label="Candidate filter">
        <IndustryInput
          id="candidates-industry"
          label="Industry"
          value={input}
          onChange={setInput}
          onPick={(item) => apply(item.title)}
          filter={sectionsOnly}
          placeholder="e.g. Manufacturing"
          className="toolbar-input"
        />
        <button type="submit" className="button-primary" aria-label="Apply filter">
          Apply
        </button>
        <span className="spacer" />
        <CsvButton industry={industry} />
      </form>
      {industry ? (
        <CandidateList key={`${industry}\u0000${settings.token}\u0000${settings.tenant}`} industry={industry} />
      ) : (
        <div className="empty card">
          <p>Choose an industry to list its candidates, e.g. <em>Manufacturing</em>.</p>
        </div>
      )}
    </div>
  );
}

function CandidateList({ industry }: { industry: string }) {
  const [list, setList] = useState<ListState>(emptyList);
  const loadingRef = useRef(false);
  const cursorRef = useRef<string | null>(null);
  const doneRef = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(async () => {
    if (loadingRef.current || doneRef.current) return;
    loadingRef.current = true;
    setList((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await listCandidates(industry, cursorRef.current, PAGE_SIZE);
      cursorRef.current = page.nextCursor;
      doneRef.current = page.nextCursor === null;
      setList((s) => ({
        ...s,
        rows: s.rows.concat(page.items),
        done: page.nextCursor === null,
        loading: false,
      }));
    } catch (e) {
      setList((s) => ({ ...s, loading: false, error: errorMessage(e) }));
    } finally {
      loadingRef.current = false;
    }
  }, [industry]);

  useEffect(() => {
    void loadMore();
  }, [loadMore]);

  const count = list.rows.length;
  const virtualizer = useVirtualizer({
    count: count + (list.done ? 0 : 1),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (!list.done && !list.loading && !list.error && lastIndex >= count - PREFETCH_ROWS) void loadMore();
  }, [lastIndex, count, list.done, list.loading, list.error, loadMore]);

  return (
    <section className="card list-card" aria-label="Candidate list">
      <div className="list-status" role="status" aria-live="polite">
        <span data-testid="candidates-count">
          {formatInt(count)} loaded{list.done ? ' · end of list' : list.loading ? ' · loading…' : ''}
        </span>
        {list.error && (
          <span className="error-text">
            {list.error}{' '}
            <button type="button" className="button-small" onClick={() => void loadMore()}>
              Retry
            </button>
          </span>
        )}
      </div>
      <div className="vtable" role="table" aria-label={`${industry} candidates`} aria-rowcount={count + 1}>
        <div role="rowgroup" className="vhead">
          <div role="row" className="vrow vrow-head" aria-rowindex={1}>
            <span role="columnheader" className="c-rank">#</span>
            <span role="columnheader" className="c-name">Company</span>
            <span role="columnheader" className="c-code">SSIC</span>
            <span role="columnheader" className="c-score">Score</span>
            <span role="columnheader" className="c-bucket">Bucket</span>
            <span role="columnheader" className="c-size">Size</span>
            <span role="columnheader" className="c-year">Since</span>
            <span role="columnheader" className="c-district">District</span>
            <span role="columnheader" className="c-rationale">Rationale</span>
          </div>
        </div>
        <div ref={scroller} className="vscroll" data-testid="candidates-scroll" tabIndex={0} aria-label="Candidate rows, scrollable">
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const lead = list.rows[item.index];
              const style = { transform: `translateY(${item.start}px)`, height: item.size };
              if (!lead) {
                return (
                  <div key="loader" className="vrow vrow-loader" style={style}>
                    <span className="muted">{list.error ? 'Could not load more rows.' : 'Loading more…'}</span>
                  </div>
                );
              }
              return (
                <div key={lead.company_id} role="row" className="vrow" aria-rowindex={item.index + 2} style={style} data-index={item.index}>
                  <span role="cell" className="c-rank muted">{formatInt(item.index + 1)}</span>
                  <span role="cell" className="c-name" title={lead.name}>
                    <span className="strong">{lead.name}</span>
                    <span className="muted small"> {lead.uen ?? ''}{lead.website_domain ? ` · ${lead.website_domain}` : ''}</span>
                  </span>
                  <span role="cell" className="c-code">{lead.industry_code ?? '—'}</span>
                  <span role="cell" className="c-score strong">{lead.score}</span>
                  <span role="cell" className="c-bucket"><span className={`badge bucket-${lead.bucket}`}>{lead.bucket}</span></span>
                  <span role="cell" className="c-size">{lead.size_band ?? '—'}</span>
                  <span role="cell" className="c-year">{lead.incorporation_year ?? '—'}</span>
                  <span role="cell" className="c-district">{lead.hq_district ?? '—'}</span>
                  <span role="cell" className="c-rationale" title={lead.rationale}>{lead.rationale}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {list.done && count === 0 && !list.error && (
        <p className="empty">No scored companies in “{industry}” for this tenant yet. Ask the chat for it first.</p>
      )}
    </section>
  );
}

/**
 * A plain link cannot carry the Authorization header, so the CSV is fetched through the API helper and handed to
 * the browser as a Blob download.
 */
function CsvButton({ industry }: { industry: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await exportCandidates(industry);
      const blob = await response.blob();
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? `candidates-${slug(industry)}.csv`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = decodeURIComponent(name);
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error && <span className="error-text" role="alert">{error}</span>}
      <button type="button" className="button-ghost" onClick={download} disabled={!industry || busy} aria-label="Download CSV">
        {busy ? 'Preparing CSV…' : '⤓ Download CSV'}
      </button>
    </>
  );
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'all';
