#!/usr/bin/env bash
# Starts IcpSearch locally: a project-local PostgreSQL (installed with apt when missing), migrations, the demo
# registry on first run, the web console, SILOS silos (default 1) in one cluster and the gateway. Ctrl-C stops
# everything; a second run reuses the data in .data/ (and leaves the connection string in .data/icpsearch-db for the
# silo's commands). Ports: PG_PORT (55432), SILO_HTTP_PORT (8081, dashboard, on 127.0.0.1), GATEWAY_PORT (8080),
# SILO_PORT (11111), SILO_GATEWAY_PORT (30000); silo i (0-based) adds i to each silo port.
# Usage: ./run.sh, or SILOS=3 ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/lib/pg.sh

log() { printf '\033[32m[run]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[run] error:\033[0m %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required: https://dot.net"

PG_PORT=${PG_PORT:-55432}
SILO_HTTP_PORT=${SILO_HTTP_PORT:-8081}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
SILO_PORT=${SILO_PORT:-11111}
SILO_GATEWAY_PORT=${SILO_GATEWAY_PORT:-30000}
SILOS=${SILOS:-1}
DEMO_ROWS=${DEMO_ROWS:-60000}
[[ "$SILOS" =~ ^[1-9][0-9]?$ ]] || die "SILOS must be a number of silos from 1 to 99 (got '$SILOS')"
for p in "$GATEWAY_PORT"; do
  port_busy "$p" && die "port $p is already in use (set GATEWAY_PORT)"
done
for ((i = 0; i < SILOS; i++)); do
  for p in $((SILO_HTTP_PORT + i)) $((SILO_PORT + i)) $((SILO_GATEWAY_PORT + i)); do
    port_busy "$p" && die "port $p (silo $i) is already in use (set SILO_HTTP_PORT, SILO_PORT or SILO_GATEWAY_PORT)"
  done
done

pids=()
started_pg=0
# stop_all [STATUS]: stops what this script started and exits with STATUS (default: the status that led here).
stop_all() {
  local status=${1:-$?}
  # Ctrl-C also reaches a pipe reader (./run.sh | tee run.log): keep cleaning up even when nobody reads our output.
  # A second signal (a service manager signals the whole process group, Ctrl-C pressed twice) must not cut the
  # cleanup short and leave PostgreSQL running.
  trap '' PIPE INT TERM
  trap - EXIT
  log "stopping" || true
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  if [ "$started_pg" = 1 ]; then pg_stop "$pgdata"; fi
  exit "$status"
}
# Armed before PostgreSQL starts, so a failure anywhere after that still stops it.
trap 'stop_all 130' INT
trap 'stop_all 143' TERM
trap 'stop_all' EXIT

pg_ensure_installed
ensure_curl
pgdata=$(pg_data_dir "$root/.data/pg")
if [ ! -f "$pgdata/PG_VERSION" ]; then
  log "creating the project PostgreSQL cluster in $pgdata"
  pg_init "$pgdata"
fi
if ! port_busy "$PG_PORT"; then
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  started_pg=1
  pg_start "$pgdata" "$PG_PORT"
else
  log "PostgreSQL already listening on $PG_PORT; using it"
fi
pg_ensure_database "$PG_PORT" icpsearch
export ICPSEARCH_DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=icpsearch"
# For the silo's commands run by hand (dotnet run --project silo -- import acra FILE): they read this file when
# ICPSEARCH_DB is not set. Readable by this user only, and never printed.
mkdir -p "$root/.data"
(umask 077 && printf '%s\n' "$ICPSEARCH_DB" >"$root/.data/icpsearch-db.tmp")
chmod 600 "$root/.data/icpsearch-db.tmp"
mv -f "$root/.data/icpsearch-db.tmp" "$root/.data/icpsearch-db"

if [ -f gateway-api/web/package.json ]; then
  build_web "$root"
fi

log "building the solution"
dotnet build IcpSearch.sln -c Release -nologo -clp:ErrorsOnly -v:q
silo_dll="$root/silo/bin/Release/net10.0/IcpSearch.Silo.dll"
gateway_dll="$root/gateway-api/bin/Release/net10.0/IcpSearch.Gateway.dll"

log "applying migrations"
dotnet "$silo_dll" migrate
log "loading the demo registry if the staging table is empty ($DEMO_ROWS rows)"
dotnet "$silo_dll" demo --rows "$DEMO_ROWS" --if-empty

mkdir -p "$root/.data/logs"
# A silo alone on its machine runs as many jobs at once as the machine has processors; silos sharing this machine share
# its processors, so each gets its part (bench/run.sh nightly: the same herd rate, chat p95 1.3x idle instead of 3.5x).
if [ -z "${JOBS_MAX_CONCURRENT_PER_SILO:-}" ] && [ "$SILOS" -gt 1 ]; then
  export JOBS_MAX_CONCURRENT_PER_SILO=$(( $(nproc) / SILOS > 0 ? $(nproc) / SILOS : 1 ))
  log "JOBS_MAX_CONCURRENT_PER_SILO=$JOBS_MAX_CONCURRENT_PER_SILO ($(nproc) processors shared by $SILOS silos; set it to override)"
fi
# Every silo joins the one cluster through the membership table in PostgreSQL; each needs its own three ports.
for ((i = 0; i < SILOS; i++)); do
  log_file=silo.log
  [ "$SILOS" = 1 ] || log_file=silo-$i.log
  log "starting silo $i on ports $((SILO_PORT + i))/$((SILO_GATEWAY_PORT + i)), dashboard $((SILO_HTTP_PORT + i)) (logs: .data/logs/$log_file)"
  (cd silo && SILO_HTTP_PORT=$((SILO_HTTP_PORT + i)) SILO_PORT=$((SILO_PORT + i)) SILO_GATEWAY_PORT=$((SILO_GATEWAY_PORT + i)) \
    MIGRATE_ON_START=false exec dotnet "$silo_dll") >"$root/.data/logs/$log_file" 2>&1 &
  pids+=($!)
done
gateway_env=${ASPNETCORE_ENVIRONMENT:-Development}
# The demo tenant is a development convenience; any other environment refuses DEFAULT_TENANT, so leave it unset there.
default_tenant=${DEFAULT_TENANT:-}
if [ "$gateway_env" = Development ]; then default_tenant=${default_tenant:-demo}; fi
log "starting the gateway ($gateway_env; logs: .data/logs/gateway.log)"
(cd gateway-api && ASPNETCORE_ENVIRONMENT=$gateway_env GATEWAY_PORT=$GATEWAY_PORT DEFAULT_TENANT=$default_tenant \
  exec dotnet "$gateway_dll") >"$root/.data/logs/gateway.log" 2>&1 &
pids+=($!)

log "waiting for the gateway to report healthy"
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$GATEWAY_PORT/healthz" >/dev/null 2>&1; then healthy=1; break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited early; see .data/logs/"; done
  sleep 1
done
[ "${healthy:-0}" = 1 ] || die "the gateway did not become healthy in 120 s; see .data/logs/"

cat <<INFO

  IcpSearch is running.
    Web console  http://localhost:$GATEWAY_PORT/
    Gateway API  http://localhost:$GATEWAY_PORT/api/info   (OpenAPI: /openapi/v1.json, health: /healthz)
    Dashboard    http://127.0.0.1:$SILO_HTTP_PORT/dashboard/   ($SILOS silo(s); silo i serves port $SILO_HTTP_PORT+i on this machine only unless SILO_HTTP_BIND; health: /healthz, metrics: /metrics)
    PostgreSQL   127.0.0.1:$PG_PORT (connection string in .data/icpsearch-db, read by the silo's commands)
  Try: curl -s -X POST localhost:$GATEWAY_PORT/chat -H 'content-type: application/json' -d '{"message":"Manufacturing"}'
  Logs in .data/logs/. Press Ctrl-C to stop.

INFO
wait -n "${pids[@]}" || true
log "a process exited; see .data/logs/"
exit 1
