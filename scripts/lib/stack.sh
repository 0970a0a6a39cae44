# The process harness of the Node test suites (tests/e2e/run.sh, tests/langgraph/run.sh): a fresh database on the
# cluster named by ICPSEARCH_TEST_PG, `migrate` and `demo`, a silo and gateways on free ports, the suite under
# `node --test`, and on exit everything stopped and the database dropped (the logs' warnings shown when it failed).
# Call stack_init first; it defines the log and die the suite's own steps use too.
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

stack_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
silo_dll="$stack_root/silo/bin/Release/net10.0/IcpSearch.Silo.dll"
gateway_dll="$stack_root/gateway-api/bin/Release/net10.0/IcpSearch.Gateway.dll"

# stack_init NAME COLOUR: names the suite (log prefix "[NAME]" in ANSI colour COLOUR; also in the database, temp
# folder and cluster names) and checks what every suite needs: ICPSEARCH_TEST_PG, dotnet, node, curl, a Release build.
stack_init() {
  stack_name=$1
  stack_colour=$2
  [ -n "${ICPSEARCH_TEST_PG:-}" ] || die "ICPSEARCH_TEST_PG is not set. Set it to an admin connection string, e.g.
  export ICPSEARCH_TEST_PG=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" (./test.sh sets it for its throwaway cluster)."
  command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"
  ensure_node
  ensure_curl
  [ -f "$silo_dll" ] && [ -f "$gateway_dll" ] || die "build first: dotnet build IcpSearch.sln -c Release (missing $silo_dll or $gateway_dll)"
}

log() { printf '\033[%sm[%s]\033[0m %s\n' "$stack_colour" "$stack_name" "$*" >&2; }
die() { printf '\033[31m[%s] error:\033[0m %s\n' "$stack_name" "$*" >&2; exit 1; }

# stack_npm_ci DIR PACKAGE WHAT: npm ci in DIR when PACKAGE is not installed there or package-lock.json changed since.
stack_npm_ci() {
  local dir=$1 package=$2 what=$3
  if [ ! -d "$dir/node_modules/$package" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing $what (npm ci in ${dir#"$stack_root"/})"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
}

# stack_create_database: creates the suite's database (exported as ICPSEARCH_DB) and its temp folder ($work, for
# the logs), and arms the cleanup. Set stack_logs_to first to keep a copy of every log there when the suite fails.
stack_create_database() {
  pg_admin_from_conn "$ICPSEARCH_TEST_PG"
  db="icpsearch_${stack_name}_$(date +%s)_$$"
  work=$(mktemp -d "/tmp/icpsearch-$stack_name.XXXXXX")
  pids=()
  stack_logs=()
  trap stack_cleanup EXIT
  trap 'exit 130' INT TERM
  log "creating database $db on $pg_host:$pg_port"
  psql_admin "CREATE DATABASE \"$db\"" >/dev/null || die "cannot create a database with ICPSEARCH_TEST_PG"
  export ICPSEARCH_DB="Host=$pg_host;Port=$pg_port;Username=$pg_user;Database=$db${PGPASSWORD:+;Password=$PGPASSWORD}"
}

# The EXIT trap: stops the processes, drops the database, shows the warnings and errors of each process's log when
# the exit status is not 0, and exits with that status.
stack_cleanup() {
  local code=$? pid f
  trap - EXIT INT TERM
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "$code" -ne 0 ] && [ -d "$work" ]; then
    if [ -n "${stack_logs_to:-}" ]; then
      mkdir -p "$stack_logs_to" && cp "$work"/*.log "$stack_logs_to/" 2>/dev/null || true
    fi
    for f in "${stack_logs[@]:-}"; do
      [ -f "$f" ] || continue
      echo "--- warnings and errors in $(basename "$f")${stack_logs_to:+ (full logs: $stack_logs_to/)}" >&2
      grep -E '^\[[0-9:]+ (WRN|ERR|FTL)\]|Exception' "$f" | tail -n 15 >&2 || true
    done
  fi
  rm -rf "$work"
  exit "$code"
}

# stack_migrate_demo ROWS [DEMO_ARG...]: applies the migrations and loads ROWS demo registry rows.
stack_migrate_demo() {
  local rows=$1; shift
  timeout 600 dotnet "$silo_dll" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; die "migrate failed"; }
  timeout 600 dotnet "$silo_dll" demo --rows "$rows" "$@" >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; die "demo failed"; }
}

# stack_cluster GATEWAY_PORT SILO_HTTP_PORT SILO_PORT SILO_GATEWAY_PORT: names the cluster ($cluster_id), picks the
# nightly window ($nightly_at) and the first free port from each given one ($gateway_port, $silo_http_port,
# $silo_port, $silo_gateway_port; the gateway's URL in $base).
stack_cluster() {
  cluster_id="$stack_name-$(date +%s)-$$"
  # The nightly window (UTC) must not open while the tests run (or look at queued jobs): 02:00 unless that is near.
  case "$(date -u +%H)" in 00 | 01 | 02 | 03) nightly_at=14:00 ;; *) nightly_at=02:00 ;; esac
  gateway_port=$(free_port "$1")
  silo_http_port=$(free_port "$2")
  silo_port=$(free_port "$3")
  silo_gateway_port=$(free_port "$4")
  base="http://127.0.0.1:$gateway_port"
}

# Prints a random 48-character key, e.g. an HS256 signing key made for this run.
stack_random_key() { head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48; }

# stack_start_silo [VAR=value...]: starts the silo on the cluster's ports with its nightly window (log: silo.log).
stack_start_silo() {
  (cd "$stack_root/silo" && CLUSTER_ID=$cluster_id SILO_HTTP_PORT=$silo_http_port SILO_PORT=$silo_port \
    SILO_GATEWAY_PORT=$silo_gateway_port JOBS_NIGHTLY_AT=$nightly_at JOBS_TIME_ZONE=UTC JOBS_RUN_IMMEDIATELY=false \
    MIGRATE_ON_START=false exec env "$@" dotnet "$silo_dll") >"$work/silo.log" 2>&1 &
  pids+=($!)
  stack_logs+=("$work/silo.log")
}

# stack_start_gateway NAME PORT [VAR=value...]: starts a gateway (Development) on the cluster, listening on PORT
# (log: NAME.log).
stack_start_gateway() {
  local name=$1 port=$2; shift 2
  (cd "$stack_root/gateway-api" && CLUSTER_ID=$cluster_id ASPNETCORE_ENVIRONMENT=Development GATEWAY_PORT=$port \
    exec env "$@" dotnet "$gateway_dll") >"$work/$name.log" 2>&1 &
  pids+=($!)
  stack_logs+=("$work/$name.log")
}

# stack_wait_healthy URL...: waits up to 180 s until every URL's /healthz answers; dies when a process exits first.
stack_wait_healthy() {
  local url pid healthy _
  for _ in $(seq 1 180); do
    healthy=1
    for url in "$@"; do curl -fsS "$url/healthz" >/dev/null 2>&1 || { healthy=0; break; }; done
    [ "$healthy" = 1 ] && return 0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "the silo or the gateway exited early"; done
    sleep 1
  done
  if [ $# -gt 1 ]; then die "the gateways did not report healthy within 180 s"; fi
  die "the gateway did not report healthy within 180 s"
}

# stack_node_tests DIR [VAR=value...]: runs DIR's *.test.mjs with node --test (TAP, one file at a time, output also
# in node-test.log) and returns node's exit status; call it as `stack_node_tests ... || status=$?`.
stack_node_tests() {
  local dir=$1; shift
  (cd "$dir" && exec env "$@" node --test --test-concurrency=1 --test-reporter=tap ./*.test.mjs) 2>&1 | tee "$work/node-test.log"
  return "${PIPESTATUS[0]}"
}
