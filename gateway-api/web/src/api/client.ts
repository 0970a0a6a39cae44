// The one fetch helper: every call to the gateway goes through `request` so that credentials, tenant, error
// classification and connection state are handled in exactly one place.
import { loadSettings } from '../settings';
import { connection } from './connection';

/** An RFC 9457 problem as the gateway writes it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  field?: string;
}

/** Why a call failed, as the console shows it. */
export type ApiErrorKind = 'auth' | 'unreachable' | 'problem' | 'aborted';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: string;
  /** A JSON body; sent with Content-Type: application/json. */
  json?: unknown;
  signal?: AbortSignal;
  accept?: string;
  /**
   * Background calls (e.g. reporting TTFB) must not flip the console into "server unreachable" or open the settings
   * panel; their failures are only returned.
   */
  quiet?: boolean;
  /** Called with the milliseconds from send to the response headers (the first byte), measured with performance.now(). */
  onFirstByte?: (ms: number) => void;
}

/** Headers every call carries: the bearer token and tenant from the settings panel, when set. */
export function authHeaders(): Record<string, string> {
  const { token, tenant } = loadSettings();
  const headers: Record<string, string> = {};
  if (token.trim()) headers.Authorization = `Bearer ${token.trim()}`;
  if (tenant.trim()) headers['X-Tenant-ID'] = tenant.trim();
  return headers;
}

/** Sends a request and returns the raw response when it succeeded (2xx); throws an ApiError otherwise. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', ...authHeaders() };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }

  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal, cache: 'no-store' });
  } catch (error) {
    if (isAbort(error)) throw new ApiError('aborted', 'The request was cancelled.');
    if (!options.quiet) connection.report({ state: 'unreachable', message: 'Server unreachable: the gateway did not answer.' });
    throw new ApiError('unreachable', 'Server unreachable: the gateway did not answer.');
  }

  // fetch resolves once the status line and headers have arrived: the first byte of the response.
  options.onFirstByte?.(performance.now() - started);

  if (response.ok) {
    if (!options.quiet) connection.report({ state: 'ok' });
    return response;
  }

  const problem = await readProblem(response);
  if (response.status === 401 || response.status === 403) {
    const base = response.status === 401
      ? 'Authentication required: the gateway answered 401. Enter a bearer token (and tenant) in Settings.'
      : 'Access denied: the gateway answered 403 for this token or tenant. Check Settings.';
    const why = problem?.detail ?? problem?.title;
    const message = why ? `${base} (${why})` : base;
    if (!options.quiet) connection.report({ state: 'auth', message, status: response.status });
    throw new ApiError('auth', message, response.status, problem);
  }

  if (response.status >= 500) {
    const message = `Server unreachable: the gateway answered ${response.status}${problem?.title ? ` (${problem.title})` : ''}.`;
    if (!options.quiet) connection.report({ state: 'unreachable', message });
    throw new ApiError('unreachable', problem?.detail ? `${message} ${problem.detail}` : message, response.status, problem);
  }

  if (!options.quiet) connection.report({ state: 'ok' });
  throw new ApiError('problem', describeProblem(problem, response.status), response.status, problem);
}

/** Sends a request and parses its JSON body. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** "Title: detail" for a problem, or a plain status line when the body was not a problem. */
export function describeProblem(problem: Problem | undefined, status: number): string {
  if (!problem) return `The gateway answered ${status}.`;
  const title = problem.title ?? `Error ${status}`;
  return problem.detail ? `${title}: ${problem.detail}` : title;
}

export function isAbort(error: unknown): boolean {
  return (error instanceof DOMException && error.name === 'AbortError')
    || (error instanceof ApiError && error.kind === 'aborted');
}

/** A message fit for the page for any error a call can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

/** Builds a query string from the defined values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
