// One function per gateway endpoint the console uses; all of them go through the fetch helper in client.ts.
import { query, request, requestJson } from './client';
import type { ChatResponse, IcpFromUnderstanding, IcpOptions, IcpProfile, IndustrySuggestion, Info, Job, Lead, Metrics, Page, Understood } from './types';

export const getInfo = (signal?: AbortSignal) => requestJson<Info>('/api/info', { signal });

export const postChat = (message: string, onFirstByte: (ms: number) => void, signal?: AbortSignal) =>
  requestJson<ChatResponse>('/chat', { method: 'POST', json: { message }, onFirstByte, signal });

/** Reports the TTFB this browser measured; failures (rate limits, an older gateway) never disturb the page. */
export const reportTtfb = (ms: number, route: string) =>
  request('/metrics/ttfb', { method: 'POST', json: { ms: Math.round(ms * 10) / 10, route }, quiet: true }).then(
    () => true,
    () => false,
  );

export const getJob = (jobId: number, signal?: AbortSignal) => requestJson<Job>(`/jobs/${jobId}`, { signal });

export const listJobs = (after: string | null, limit = 50, signal?: AbortSignal) =>
  requestJson<Page<Job>>(`/jobs${query({ limit, after })}`, { signal });

export const runJob = (jobId: number) => requestJson<Job>(`/jobs/${jobId}/run`, { method: 'POST' });

export const cancelJob = (jobId: number) => requestJson<Job>(`/jobs/${jobId}/cancel`, { method: 'POST' });

export const suggestIndustries = (q: string, signal: AbortSignal, limit = 8) =>
  requestJson<{ items: IndustrySuggestion[] }>(`/industries/suggest${query({ q, limit })}`, { signal });

export const listCandidates = (industry: string, after: string | null, limit: number, signal?: AbortSignal) =>
  requestJson<Page<Lead>>(`/candidates${query({ industry, limit, after })}`, { signal });

export const exportCandidates = (industry: string) =>
  request(`/candidates/export${query({ industry })}`, { accept: 'text/csv' });

export const getMetrics = (signal?: AbortSignal) => requestJson<Metrics>('/api/metrics', { signal });

export const getIcp = (signal?: AbortSignal) => requestJson<IcpProfile>('/icp', { signal });

export const putIcp = (profile: IcpProfile) => requestJson<IcpProfile>('/icp', { method: 'PUT', json: profile });

export const getIcpOptions = (signal?: AbortSignal) => requestJson<IcpOptions>('/icp/options', { signal });

/** "Save as my ICP": the server maps what the answer understood onto the profile, keeping the tenant's weights. */
export const saveUnderstoodAsIcp = (understood: Understood) =>
  requestJson<IcpFromUnderstanding>('/icp/from-understanding', {
    method: 'POST',
    // Only the headings and the filters are read; the matched codes and unmatched words stay behind.
    json: { industries: understood.industries, filters: understood.filters },
  });
