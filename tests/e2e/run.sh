#!/usr/bin/env bash
# End-to-end browser tests of the web console against the real system: a fresh database (admin connection from
# ICPSEARCH_TEST_PG, as for the .NET tests), `migrate` and `demo --rows 60000`, one silo and two gateways (the second
# with AUTH_MODE=jwt) on free ports, >= 10,000 candidate rows seeded for tenant "e2e" through the API, then
# `node --test` driving Debian's headless Chromium with playwright-core. Screenshots go to $ICPSEARCH_E2E_ARTIFACTS
# (default /tmp/icpsearch-e2e-screens). Everything it starts is stopped on exit (scripts/lib/stack.sh); it exits
# non-zero when anything fails, and then copies every log to logs/ in the screenshots folder. Usage: tests/e2e/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/stack.sh"

DEMO_ROWS=${E2E_DEMO_ROWS:-60000}
# "Wholesale and retail trade" (SSIC section G) is the largest section of the demo registry: ~22 % of its rows.
SEED_TERM=${E2E_SEED_TERM:-wholesale and retail trade}
SEED_INDUSTRY=${E2E_SEED_INDUSTRY:-Wholesale and retail trade}
MIN_CANDIDATES=10000
ARTIFACTS=${ICPSEARCH_E2E_ARTIFACTS:-/tmp/icpsearch-e2e-screens}
CHROMIUM=${E2E_CHROMIUM:-/usr/bin/chromium}

stack_init e2e 35

if [ ! -x "$CHROMIUM" ]; then
  log "$CHROMIUM is missing; installing Debian's chromium with apt"
  apt_install chromium
  [ -x "$CHROMIUM" ] || die "chromium is still missing at $CHROMIUM"
fi

if [ ! -f "$stack_root/gateway-api/wwwroot/index.html" ]; then
  build_web "$stack_root"
fi
stack_npm_ci "$here" playwright-core "the test driver"

stack_logs_to="$ARTIFACTS/logs"
stack_create_database

log "migrate + demo --rows $DEMO_ROWS"
stack_migrate_demo "$DEMO_ROWS"

stack_cluster "${E2E_GATEWAY_PORT:-18080}" "${E2E_SILO_HTTP_PORT:-18090}" "${E2E_SILO_PORT:-11611}" "${E2E_SILO_GATEWAY_PORT:-30611}"
auth_gateway_port=$(free_port $((gateway_port + 1)))
auth_base="http://127.0.0.1:$auth_gateway_port"
# A second gateway on the same cluster requires JWTs (HS256 with a key made for this run), for the 401 tests.
jwt_key=$(stack_random_key)
jwt_issuer=icpsearch-e2e
jwt_audience=icpsearch-console

log "starting the silo (cluster $cluster_id, ports $silo_port/$silo_gateway_port, http $silo_http_port)"
stack_start_silo UPSERT_MAX_PER_JOB=20000 STAGING_BATCH_SIZE=1000
log "starting the gateway on $base"
stack_start_gateway gateway "$gateway_port" DEFAULT_TENANT=e2e
log "starting a second gateway with AUTH_MODE=jwt on $auth_base"
stack_start_gateway gateway-auth "$auth_gateway_port" \
  AUTH_MODE=jwt JWT_SIGNING_KEY="$jwt_key" JWT_ISSUER=$jwt_issuer JWT_AUDIENCE=$jwt_audience
stack_wait_healthy "$base" "$auth_base"

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
status=0
stack_node_tests "$here" E2E_BASE_URL="$base" E2E_ARTIFACTS="$ARTIFACTS" E2E_CHROMIUM="$CHROMIUM" E2E_TENANT=e2e \
  E2E_NIGHTLY_AT="$nightly_at" E2E_CANDIDATE_INDUSTRY="$SEED_INDUSTRY" E2E_AUTH_BASE_URL="$auth_base" \
  E2E_JWT_SIGNING_KEY="$jwt_key" E2E_JWT_ISSUER=$jwt_issuer E2E_JWT_AUDIENCE=$jwt_audience || status=$?
[ "$status" -eq 0 ] || die "browser tests failed (exit $status); screenshots in $ARTIFACTS"
log "browser tests passed; screenshots in $ARTIFACTS"
