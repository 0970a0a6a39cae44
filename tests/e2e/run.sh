#!/usr/bin/env bash
# End-to-end browser tests of the web console against the real system: a fresh database (admin connection from
# ICPSEARCH_TEST_PG, as for the .NET tests), `migrate` and `demo --rows 60000`, one silo and the gateway on free ports,
# >= 10,000 candidate rows seeded for tenant "e2e" through the API, then `node --test` driving Debian's headless
# Chromium with playwright-core. Screenshots go to $ICPSEARCH_E2E_ARTIFACTS (default /tmp/icpsearch-e2e-screens).
# Everything it starts is stopped on exit; it exits non-zero when anything fails. Usage: tests/e2e/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/scripts/lib/pg.sh"

log() { printf '\033[35m[e2e]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[e2e] error:\033[0m %s\n' "$*" >&2; exit 1; }

DEMO_ROWS=${E2E_DEMO_ROWS:-60000}
# "Wholesale and retail trade" (SSIC section G) is the largest section of the demo registry: ~22 % of its rows.
SEED_TERM=${E2E_SEED_TERM:-wholesale and retail trade}
SEED_INDUSTRY=${E2E_SEED_INDUSTRY:-Wholesale and retail trade}
MIN_CANDIDATES=10000
ARTIFACTS=${ICPSEARCH_E2E_ARTIFACTS:-/tmp/icpsearch-e2e-screens}
CHROMIUM=${E2E_CHROMIUM:-/usr/bin/chromium}

[ -n "${ICPSEARCH_TEST_PG:-}" ] || die "ICPSEARCH_TEST_PG is not set. Set it to an admin connection string, e.g.
  export ICPSEARCH_TEST_PG=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" (./test.sh sets it for its throwaway cluster)."
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"
ensure_node
ensure_curl

silo_dll="$root/silo/bin/Release/net10.0/IcpSearch.Silo.dll"
gateway_dll="$root/gateway-api/bin/Release/net10.0/IcpSearch.Gateway.dll"
[ -f "$silo_dll" ] && [ -f "$gateway_dll" ] || die "build first: dotnet build IcpSearch.sln -c Release (missing $silo_dll or $gateway_dll)"

if [ ! -x "$CHROMIUM" ]; then
  log "$CHROMIUM is missing; installing Debian's chromium with apt"
  apt_install chromium
  [ -x "$CHROMIUM" ] || die "chromium is still missing at $CHROMIUM"
fi

if [ ! -f "$root/gateway-api/wwwroot/index.html" ]; then
  build_web "$root"
fi
if [ ! -d "$here/node_modules/playwright-core" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  log "installing the test driver (npm ci in tests/e2e)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

pg_admin_from_conn "$ICPSEARCH_TEST_PG"

db="icpsearch_e2e_$(date +%s)_$$"
work=$(mktemp -d /tmp/icpsearch-e2e.XXXXXX)
pids=()
cleanup() {
  local code=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "$code" -ne 0 ] && [ -d "$work" ]; then
    mkdir -p "$ARTIFACTS/logs" && cp "$work"/*.log "$ARTIFACTS/logs/" 2>/dev/null || true
    for f in "$work"/silo.log "$work"/gateway.log "$work"/gateway-auth.log; do
      [ -f "$f" ] || continue
      echo "--- warnings and errors in $(basename "$f") (full logs: $ARTIFACTS/logs/)" >&2
      grep -E '^\[[0-9:]+ (WRN|ERR|FTL)\]|Exception' "$f" | tail -n 15 >&2 || true
    done
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "creating database $db on $pg_host:$pg_port"
psql_admin "CREATE DATABASE \"$db\"" >/dev/null || die "cannot create a database with ICPSEARCH_TEST_PG"
export ICPSEARCH_DB="Host=$pg_host;Port=$pg_port;Username=$pg_user;Database=$db${PGPASSWORD:+;Password=$PGPASSWORD}"

log "migrate + demo --rows $DEMO_ROWS"
timeout 600 dotnet "$silo_dll" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; die "migrate failed"; }
timeout 600 dotnet "$silo_dll" demo --rows "$DEMO_ROWS" >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; die "demo failed"; }

cluster_id="e2e-$(date +%s)-$$"
# The nightly window (UTC) must not open while the tests look at queued jobs: 02:00 unless that is near.
case "$(date -u +%H)" in 00 | 01 | 02 | 03) nightly_at=14:00 ;; *) nightly_at=02:00 ;; esac
gateway_port=$(free_port "${E2E_GATEWAY_PORT:-18080}")
auth_gateway_port=$(free_port $((gateway_port + 1)))
silo_http_port=$(free_port "${E2E_SILO_HTTP_PORT:-18090}")
silo_port=$(free_port "${E2E_SILO_PORT:-11611}")
silo_gateway_port=$(free_port "${E2E_SILO_GATEWAY_PORT:-30611}")
base="http://127.0.0.1:$gateway_port"
auth_base="http://127.0.0.1:$auth_gateway_port"
# A second gateway on the same cluster requires JWTs (HS256 with a key made for this run), for the 401 tests.
jwt_key=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
jwt_issuer=icpsearch-e2e
jwt_audience=icpsearch-console

log "starting the silo (cluster $cluster_id, ports $silo_port/$silo_gateway_port, http $silo_http_port)"
(cd "$root/silo" && CLUSTER_ID=$cluster_id SILO_HTTP_PORT=$silo_http_port SILO_PORT=$silo_port SILO_GATEWAY_PORT=$silo_gateway_port \
  UPSERT_MAX_PER_JOB=20000 STAGING_BATCH_SIZE=1000 JOBS_NIGHTLY_AT=$nightly_at JOBS_TIME_ZONE=UTC JOBS_RUN_IMMEDIATELY=false \
  MIGRATE_ON_START=false exec dotnet "$silo_dll") >"$work/silo.log" 2>&1 &
pids+=($!)
log "starting the gateway on $base"
(cd "$root/gateway-api" && CLUSTER_ID=$cluster_id ASPNETCORE_ENVIRONMENT=Development DEFAULT_TENANT=e2e GATEWAY_PORT=$gateway_port \
  exec dotnet "$gateway_dll") >"$work/gateway.log" 2>&1 &
pids+=($!)
log "starting a second gateway with AUTH_MODE=jwt on $auth_base"
(cd "$root/gateway-api" && CLUSTER_ID=$cluster_id ASPNETCORE_ENVIRONMENT=Development GATEWAY_PORT=$auth_gateway_port \
  AUTH_MODE=jwt JWT_SIGNING_KEY=$jwt_key JWT_ISSUER=$jwt_issuer JWT_AUDIENCE=$jwt_audience \
  exec dotnet "$gateway_dll") >"$work/gateway-auth.log" 2>&1 &
pids+=($!)

healthy=0
for _ in $(seq 1 180); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1 && curl -fsS "$auth_base/healthz" >/dev/null 2>&1; then healthy=1; break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "the silo or the gateway exited early"; done
  sleep 1
done
[ "$healthy" = 1 ] || die "the gateways did not report healthy within 180 s"

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s));console.log(v ?? "")})' "$1"; }
api() { curl -fsS -H 'Content-Type: application/json' -H 'X-Tenant-ID: e2e' "$@"; }

log "seeding candidates: staging upsert job for \"$SEED_TERM\", run now"
created=$(api -X POST "$base/jobs/staging_upsert" -d "{\"terms\":[\"$SEED_TERM\"]}") || die "POST /jobs/staging_upsert failed"
job_id=$(json job_id <<<"$created"); total=$(json total <<<"$created")
[ "$total" -ge "$MIN_CANDIDATES" ] || die "\"$SEED_TERM\" matches only $total demo rows; need >= $MIN_CANDIDATES (set E2E_SEED_TERM)"
[ "$total" -le 20000 ] || log "note: $total rows exceed UPSERT_MAX_PER_JOB=20000; one run processes 20,000"
api -X POST "$base/jobs/$job_id/run" >/dev/null || die "POST /jobs/$job_id/run failed"
deadline=$((SECONDS + 600))
while :; do
  snapshot=$(api "$base/jobs/$job_id") || die "GET /jobs/$job_id failed"
  status=$(json status <<<"$snapshot"); processed=$(json processed <<<"$snapshot")
  case "$status" in
    done) break ;;
    queued) [ "$processed" -ge "$MIN_CANDIDATES" ] && break ;; # capped run ended; enough rows are scored
    error | cancelled) die "seeding job $job_id ended $status: $(json error <<<"$snapshot")" ;;
  esac
  [ "$SECONDS" -lt "$deadline" ] || die "seeding job $job_id did not finish in 600 s (status $status, $processed/$total)"
  sleep 2
done
log "seeded $processed of $total rows (job $job_id, ${SECONDS}s since start)"

mkdir -p "$ARTIFACTS"
log "running the browser tests (screenshots: $ARTIFACTS)"
set +e
(cd "$here" && E2E_BASE_URL=$base E2E_ARTIFACTS=$ARTIFACTS E2E_CHROMIUM=$CHROMIUM E2E_TENANT=e2e E2E_NIGHTLY_AT=$nightly_at \
  E2E_CANDIDATE_INDUSTRY=$SEED_INDUSTRY E2E_AUTH_BASE_URL=$auth_base E2E_JWT_SIGNING_KEY=$jwt_key \
  E2E_JWT_ISSUER=$jwt_issuer E2E_JWT_AUDIENCE=$jwt_audience \
  node --test --test-concurrency=1 --test-reporter=tap ./*.test.mjs) 2>&1 | tee "$work/node-test.log"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || die "browser tests failed (exit $status); screenshots in $ARTIFACTS"
log "browser tests passed; screenshots in $ARTIFACTS"
