// Shapes of the gateway's JSON (snake_case, except the page envelope's nextCursor), per the API contract.

export interface Info {
  service: string;
  version: string;
  environment: string;
  chat_debounce_ms: number;
  auth?: { enabled: boolean; mode: string; default_tenant?: string | null };
}

// The company columns the chat's 10 and the score pages share.
export interface ScoredCompany {
  company_id: number;
  uen: string | null;
  name: string;
  industry: string | null;
  industry_code: string | null;
  score: number;
  bucket: 'high' | 'medium' | 'low' | string;
  rationale: string;
}

export interface ChatCompany extends ScoredCompany {
  enrichment_status: string;
  enrichment_reason: string | null;
}

export interface ChatResponse {
  notice: string;
  terms: string[];
  codes_matched: number;
  companies: ChatCompany[];
  total_matches: number;
  sync_count: number;
  scheduled: number;
  job_id: number | null;
  job_reused: boolean;
  mode: 'background' | 'sync_preview' | 'off' | string;
  matched_by: string;
  preview_names: string[];
  understood: Understood;
  refinements: Refinement[];
}

export interface UnderstoodIndustry {
  code: string;
  title: string;
  level: 'section' | 'division' | 'group' | 'class' | 'subclass' | string;
  matched_by: string;
  term: string;
  code_count: number;
}

export interface Range {
  min: number | null;
  max: number | null;
}

export interface SearchFilters {
  districts: string[];
  officers: Range | null;
  incorporated: { from: string | null; to: string | null } | null;
  age_years: Range | null;
  entity_types: string[];
  statuses: string[];
  exclude: string[];
  not_applicable: string[];
}

export interface Understood {
  industries: UnderstoodIndustry[];
  ssic_codes: string[];
  filters: SearchFilters;
  unmatched: string[];
}

export interface Refinement {
  code: string;
  title: string;
  level: string;
  count: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export interface Job {
  job_id: number;
  job_type: string;
  status: JobStatus;
  processed: number;
  total: number;
  remaining: number;
  batches: number;
  error: string | null;
  error_code: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  next_run_at: string | null;
  terms: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Lead extends ScoredCompany {
  scored_at: string;
  incorporation_year: number | null;
  size_band: string | null;
  hq_district: string | null;
  entity_status: string | null;
  enrichment_status: string | null;
  website_domain: string | null;
}

export interface IndustrySuggestion {
  code: string;
  title: string;
  level: 'section' | 'division' | 'group' | 'class' | 'code' | string;
}

export interface SeriesPoint {
  at: string;
  value: number;
}

export interface Metrics {
  rows_per_minute: number;
  job_duration_p95_ms: number | null;
  chat_ttfb_p95_ms: { server: number | null; client: number | null };
  jobs_processed: number;
  lead_scores_total: number;
  jobs_by_status: Record<JobStatus, number>;
  queue_depth: number;
  window_minutes: number;
  series: {
    rows_per_minute: SeriesPoint[];
    chat_ttfb_p95_server_ms: SeriesPoint[];
    chat_ttfb_p95_client_ms: SeriesPoint[];
  };
}

export interface IcpWeights {
  industry: number;
  status: number;
  age: number;
  size: number;
  district: number;
  entity_type: number;
}

/** The tenant's ICP profile, as GET /icp returns it and PUT /icp takes it. */
export interface IcpProfile {
  target_ssic_codes: string[];
  min_age_years: number | null;
  max_age_years: number | null;
  entity_types: string[];
  statuses: string[];
  min_officers: number | null;
  max_officers: number | null;
  districts: string[];
  weights: IcpWeights;
}

/** GET /icp/options: the one list of districts, entity types and statuses a profile names. */
export interface IcpOptions {
  districts: { code: string; places: string }[];
  entity_types: { code: string; label: string; descriptions: string[] }[];
  statuses: { description: string; live: boolean }[];
}

export interface IcpFromUnderstanding {
  profile: IcpProfile;
  not_carried: string[];
}
