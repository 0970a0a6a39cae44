#!/usr/bin/env bash
# The LangGraph Server API (what agent-chat-ui speaks) against the real system, driven by the real
# @langchain/langgraph-sdk 1.8.10 from npm: a fresh database (admin connection from ICPSEARCH_TEST_PG, as for the
# .NET tests), `migrate` and `demo --rows 10000`, two API keys made with `apikey create` (tenants lg-a and lg-b),
# one silo and one gateway with AUTH_MODE=jwt on free ports, then `node --test`. Everything it starts is stopped on
# exit; it exits non-zero when anything fails. Usage: tests/langgraph/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/scripts/lib/pg.sh"

log() { printf '\033[34m[langgraph]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[langgraph] error:\033[0m %s\n' "$*" >&2; exit 1; }

DEMO_ROWS=${LANGGRAPH_DEMO_ROWS:-10000}

[ -n "${ICPSEARCH_TEST_PG:-}" ] || die "ICPSEARCH_TEST_PG is not set. Set it to an admin connection string, e.g.
  export ICPSEARCH_TEST_PG=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" (./test.sh sets it for its throwaway cluster)."
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"
ensure_node
ensure_curl

silo_dll="$root/silo/bin/Release/net10.0/IcpSearch.Silo.dll"
gateway_dll="$root/gateway-api/bin/Release/net10.0/IcpSearch.Gateway.dll"
[ -f "$silo_dll" ] && [ -f "$gateway_dll" ] || die "build first: dotnet build IcpSearch.sln -c Release (missing $silo_dll or $gateway_dll)"

if [ ! -d "$here/node_modules/@langchain/langgraph-sdk" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  log "installing @langchain/langgraph-sdk (npm ci in tests/langgraph)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

pg_admin_from_conn "$ICPSEARCH_TEST_PG"

db="icpsearch_langgraph_$(date +%s)_$$"
work=$(mktemp -d /tmp/icpsearch-langgraph.XXXXXX)
pids=()
cleanup() {
  local code=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "$code" -ne 0 ] && [ -d "$work" ]; then
    for f in "$work"/silo.log "$work"/gateway.log; do
      [ -f "$f" ] || continue
      echo "--- warnings and errors in $(basename "$f")" >&2
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

log "migrate + demo --rows $DEMO_ROWS + two API keys"
timeout 600 dotnet "$silo_dll" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; die "migrate failed"; }
timeout 600 dotnet "$silo_dll" demo --rows "$DEMO_ROWS" --out "$work/demo" >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; die "demo failed"; }
key_a=$(timeout 120 dotnet "$silo_dll" apikey create --tenant lg-a --label "langgraph tests" 2>"$work/apikey.log") || { cat "$work/apikey.log" >&2; die "apikey create failed"; }
key_b=$(timeout 120 dotnet "$silo_dll" apikey create --tenant lg-b 2>>"$work/apikey.log") || { cat "$work/apikey.log" >&2; die "apikey create failed"; }

cluster_id="langgraph-$(date +%s)-$$"
# The nightly window (UTC) must not open while the tests run: 02:00 unless that is near.
case "$(date -u +%H)" in 00 | 01 | 02 | 03) nightly_at=14:00 ;; *) nightly_at=02:00 ;; esac
gateway_port=$(free_port "${LANGGRAPH_GATEWAY_PORT:-18180}")
silo_http_port=$(free_port "${LANGGRAPH_SILO_HTTP_PORT:-18190}")
silo_port=$(free_port "${LANGGRAPH_SILO_PORT:-11711}")
silo_gateway_port=$(free_port "${LANGGRAPH_SILO_GATEWAY_PORT:-30711}")
base="http://127.0.0.1:$gateway_port"
jwt_key=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)

log "starting the silo (cluster $cluster_id) and the gateway on $base (AUTH_MODE=jwt)"
(cd "$root/silo" && CLUSTER_ID=$cluster_id SILO_HTTP_PORT=$silo_http_port SILO_PORT=$silo_port SILO_GATEWAY_PORT=$silo_gateway_port \
  JOBS_NIGHTLY_AT=$nightly_at JOBS_TIME_ZONE=UTC JOBS_RUN_IMMEDIATELY=false MIGRATE_ON_START=false \
  exec dotnet "$silo_dll") >"$work/silo.log" 2>&1 &
pids+=($!)
(cd "$root/gateway-api" && CLUSTER_ID=$cluster_id ASPNETCORE_ENVIRONMENT=Development GATEWAY_PORT=$gateway_port \
  AUTH_MODE=jwt JWT_SIGNING_KEY=$jwt_key JWT_ISSUER=icpsearch-langgraph JWT_AUDIENCE=icpsearch \
  exec dotnet "$gateway_dll") >"$work/gateway.log" 2>&1 &
pids+=($!)

healthy=0
for _ in $(seq 1 180); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then healthy=1; break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "the silo or the gateway exited early"; done
  sleep 1
done
[ "$healthy" = 1 ] || die "the gateway did not report healthy within 180 s"

log "running the SDK tests against $base"
set +e
(cd "$here" && LANGGRAPH_URL=$base LANGGRAPH_KEY_A=$key_a LANGGRAPH_KEY_B=$key_b LANGGRAPH_JWT_KEY=$jwt_key \
  LANGGRAPH_JWT_ISSUER=icpsearch-langgraph LANGGRAPH_JWT_AUDIENCE=icpsearch \
  node --test --test-concurrency=1 --test-reporter=tap ./*.test.mjs) 2>&1 | tee "$work/node-test.log"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || die "LangGraph SDK tests failed (exit $status)"
log "LangGraph SDK tests passed"
