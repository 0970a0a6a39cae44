import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { postChat, reportTtfb, suggestIndustries } from '../api/endpoints';
import type { ChatCompany, ChatResponse, IndustrySuggestion } from '../api/types';
import { chatStore, useExchanges, type Exchange } from '../chatStore';
import { IndustryInput } from '../components/IndustryInput';
import { JobProgress } from '../components/JobProgress';
import { SaveAsIcp } from '../components/SaveAsIcp';
import { messageWithout, understoodChips } from '../components/understoodChips';
import { formatInt, formatMs } from '../format';
import { href } from '../router';

const EXAMPLES = ['Manufacturing', 'Logistics and warehousing', 'Software development', 'Wholesale trade'];

export function ChatPage() {
  const exchanges = useExchanges();
  const [message, setMessage] = useState('');
  const sending = exchanges.some((x) => x.state === 'pending');
  const bottom = useRef<HTMLDivElement>(null);
  const last = exchanges[exchanges.length - 1];

  // A new message scrolls to the bottom; its answer then scrolls so that the answer starts at the top of the view.
  useEffect(() => {
    if (!last) return;
    if (last.state === 'pending') bottom.current?.scrollIntoView({ block: 'end' });
    else document.getElementById(`exchange-${last.id}`)?.scrollIntoView({ block: 'start' });
  }, [last?.id, last?.state]);

  const send = async (text: string) => {
    const trimmed = text.trim();
    if (!trimmed || sending) return;
    setMessage('');
    const id = chatStore.add(trimmed);
    let ttfbMs: number | undefined;
    try {
      const response = await postChat(trimmed, (ms) => {
        ttfbMs = ms;
      });
      chatStore.update(id, { state: 'done', response, ttfbMs });
      // The measured time to first byte of answered chats feeds the browser-side p95 on the Metrics page.
      if (ttfbMs !== undefined) void reportTtfb(ttfbMs, 'chat');
    } catch (e) {
      chatStore.update(id, { state: 'error', error: errorMessage(e) });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(message);
  };

  return (
    <div className="chat">
      <div className="page-head">
        <h1>Chat</h1>
        <p className="muted">Name an industry; the first 10 matches are upserted, enriched and scored now and the rest are scheduled as a job.</p>
      </div>

      <section className="conversation" aria-label="Conversation">
        {exchanges.length === 0 && (
          <div className="empty">
            <p>Try one of these:</p>
            <div className="chips">
              {EXAMPLES.map((example) => (
                <button key={example} type="button" className="chip" onClick={() => void send(example)}>
                  {example}
                </button>
              ))}
            </div>
          </div>
        )}
        {exchanges.map((x) => (
          <ExchangeView key={x.id} exchange={x} onRerun={(text) => void send(text)} />
        ))}
        <div ref={bottom} />
      </section>

      <form className="composer" onSubmit={submit} aria-label="Send a message">
        <IndustryInput
          id="chat-message"
          label="Message"
          labelHidden
          value={message}
          onChange={setMessage}
          placeholder="Name an industry, e.g. Manufacturing"
          className="composer-input"
        />
        <button type="submit" className="button-primary" disabled={sending || !message.trim()} aria-label="Send">
          {sending ? 'Sending…' : 'Send'}
        </button>
      </form>
    </div>
  );
}

function ExchangeView({ exchange, onRerun }: { exchange: Exchange; onRerun: (message: string) => void }) {
  return (
    <article className="exchange" id={`exchange-${exchange.id}`} aria-label={`Answer to ${exchange.message}`}>
      <div className="bubble bubble-user">{exchange.message}</div>
      {exchange.state === 'pending' && (
        <div className="bubble bubble-bot muted" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Searching the registry…
        </div>
      )}
      {exchange.state === 'error' && (
        <div className="bubble bubble-bot bubble-error" role="alert">
          {exchange.error}
        </div>
      )}
      {exchange.state === 'done' && exchange.response && <Answer response={exchange.response} ttfbMs={exchange.ttfbMs} onRerun={onRerun} />}
    </article>
  );
}

function Answer({ response, ttfbMs, onRerun }: { response: ChatResponse; ttfbMs?: number; onRerun: (message: string) => void }) {
  const industry = response.companies.find((c) => c.industry)?.industry;
  return (
    <div className="bubble bubble-bot answer">
      <p className="notice" data-testid="chat-notice">{response.notice}</p>
      {response.understood && <UnderstoodChips response={response} onRerun={onRerun} />}
      {response.understood && <SaveAsIcp understood={response.understood} />}
      <p className="meta muted">
        {formatInt(response.total_matches)} matches
        {response.terms.length > 0 && <> · terms: {response.terms.join(', ')}</>}
        {response.codes_matched > 0 && <> · {formatInt(response.codes_matched)} SSIC codes</>}
        {ttfbMs !== undefined && <> · first byte in {formatMs(ttfbMs)}</>}
      </p>
      {response.job_id !== null && <JobProgress jobId={response.job_id} />}
      {response.companies.length > 0 && <CompanyTable companies={response.companies} />}
      {response.preview_names.length > 0 && (
        <ul className="preview-names" aria-label="Preview">
          {response.preview_names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
      {industry && (
        <p className="answer-links">
          <a href={href('candidates', { industry })}>See all {industry} candidates →</a>
        </p>
      )}
    </div>
  );
}

function UnderstoodChips({ response, onRerun }: { response: ChatResponse; onRerun: (message: string) => void }) {
  const chips = understoodChips(response.understood);
  const unmatched = response.understood.unmatched;
  if (chips.length === 0 && unmatched.length === 0 && response.refinements.length === 0) return null;
  // A refinement or a "did you mean" replaces the industries and keeps every filter.
  const withIndustry = (industry: string) => [industry, messageWithout(chips.filter((c) => c.kind !== 'industry'), '')].filter(Boolean).join(', ');
  return (
    <div className="understood" aria-label="Understood">
      {chips.length > 0 && (
        <ul className="understood-chips" aria-label="Understood items">
          {chips.map((chip) => (
            <li key={chip.key} className={`understood-chip understood-${chip.kind}`}>
              <span>{chip.label}</span>
              {chip.text && (
                <button type="button" className="chip-remove" aria-label={`Remove ${chip.label}`} onClick={() => onRerun(messageWithout(chips, chip.key))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {unmatched.map((word) => (
        <DidYouMean key={word} word={word} onPick={(title) => onRerun(withIndustry(title))} />
      ))}
      {response.refinements.length > 0 && (
        <div className="refinements" aria-label="Refine">
          <span className="muted small">Narrow it down:</span>
          {response.refinements.map((r) => (
            <button key={r.code} type="button" className="chip" onClick={() => onRerun(withIndustry(r.title))}>
              {r.title} · {formatInt(r.count)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function DidYouMean({ word, onPick }: { word: string; onPick: (title: string) => void }) {
  const [suggestions, setSuggestions] = useState<IndustrySuggestion[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    suggestIndustries(word, controller.signal, 3)
      .then((page) => setSuggestions(page.items))
      .catch(() => setSuggestions([]));
    return () => controller.abort();
  }, [word]);
  return (
    <p className="did-you-mean small" aria-label={`Not understood: ${word}`}>
      <span className="muted">Not understood: “{word}”</span>
      {suggestions.length > 0 && <span className="muted"> — did you mean </span>}
      {suggestions.map((s) => (
        <button key={s.code} type="button" className="chip" onClick={() => onPick(s.title)}>
          {s.title}
        </button>
      ))}
    </p>
  );
}

function CompanyTable({ companies }: { companies: ChatCompany[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Companies">
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Industry</th>
            <th scope="col" className="num">Score</th>
            <th scope="col">Bucket</th>
            <th scope="col">Rationale</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((c) => (
            <tr key={c.company_id}>
              <td>
                <div className="strong">{c.name}</div>
                <div className="muted small">{c.uen ?? '—'}</div>
              </td>
              <td>
                <div>{c.industry ?? '—'}</div>
                <div className="muted small">{c.industry_code ?? ''}</div>
              </td>
              <td className="num strong">{c.score}</td>
              <td>
                <span className={`badge bucket-${c.bucket}`}>{c.bucket}</span>
              </td>
              <td className="rationale">
                {c.rationale}
                {c.enrichment_status !== 'ok' && (
                  <div className="muted small" title={c.enrichment_reason ?? undefined}>
                    enrichment: {c.enrichment_status}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
