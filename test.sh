#!/usr/bin/env bash
# Builds everything and runs every test against a throwaway PostgreSQL cluster (initdb on a free port in a temp
# folder, stopped at the end). Fails loudly when PostgreSQL cannot be installed or started. Usage: ./test.sh
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/lib/pg.sh

log() { printf '\033[32m[test]\033[0m %s\n' "$*" >&2; }

command -v dotnet >/dev/null || { echo "test.sh: the .NET SDK (dotnet) is required" >&2; exit 1; }
pg_ensure_installed

work=$(mktemp -d /tmp/icpsearch-test.XXXXXX)
chmod 755 "$work"
pgdata="$work/pg"
cleanup() {
  pg_stop "$pgdata"
  rm -rf "$work"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap still stops PostgreSQL.
trap 'exit 130' INT
trap 'exit 143' TERM

log "building (Release)"
dotnet build IcpSearch.sln -c Release -nologo -clp:ErrorsOnly -v:q

# --- web console (gateway-api/web -> gateway-api/wwwroot), served by the gateway in the browser tests below ---
build_web "$root"
# --- end web console ---

port=$(free_port 56432)
log "starting throwaway PostgreSQL on 127.0.0.1:$port"
pg_init "$pgdata"
# Durability is pointless for a throwaway cluster; these make the suite faster.
pg_start "$pgdata" "$port" fsync=off synchronous_commit=off full_page_writes=off max_connections=400 shared_buffers=256MB
export ICPSEARCH_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

results="$work/results"
mkdir -p "$results"
status=0
log "running .NET tests"
# xunit v3 on Microsoft.Testing.Platform (global.json); it prints "total: / failed: / succeeded: / skipped:".
dotnet test --solution IcpSearch.sln -c Release --no-build --results-directory "$results" 2>&1 \
  | tee "$work/dotnet-test.log" || status=$?

summary_count() { sed -nE "s/^ +$1: ([0-9]+)$/\1/p" "$work/dotnet-test.log" | tail -n 1; }
passed=$(summary_count succeeded); failed=$(summary_count failed); skipped=$(summary_count skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: no .NET test results were found in the dotnet test output" >&2
  status=1
fi

# --- web console end-to-end tests (headless Chromium; counts from node's TAP summary) ---
log "running the web console's browser tests (tests/e2e/run.sh)"
e2e_status=0
tests/e2e/run.sh 2>&1 | tee "$work/e2e.log" || e2e_status=$?
e2e_count() { sed -nE "s/^# $1 ([0-9]+)$/\1/p" "$work/e2e.log" | tail -n 1; }
e2e_pass=$(e2e_count pass); e2e_fail=$(e2e_count fail)
if [ -z "$e2e_pass" ] && [ -z "$e2e_fail" ]; then
  echo "test.sh: the browser tests reported no results (tests/e2e/run.sh exit $e2e_status)" >&2
  status=1
else
  e2e_cancelled=$(e2e_count cancelled); e2e_skipped=$(e2e_count skipped); e2e_todo=$(e2e_count todo)
  passed=$((passed + ${e2e_pass:-0}))
  failed=$((failed + ${e2e_fail:-0} + ${e2e_cancelled:-0}))
  skipped=$((skipped + ${e2e_skipped:-0} + ${e2e_todo:-0}))
fi
[ "$e2e_status" -eq 0 ] || status=1
# --- end web console end-to-end tests ---

# --- LangGraph Server API tests (@langchain/langgraph-sdk 1.8.10; counts from node's TAP summary) ---
log "running the LangGraph API tests (tests/langgraph/run.sh)"
lg_status=0
tests/langgraph/run.sh 2>&1 | tee "$work/langgraph.log" || lg_status=$?
lg_count() { sed -nE "s/^# $1 ([0-9]+)$/\1/p" "$work/langgraph.log" | tail -n 1; }
lg_pass=$(lg_count pass); lg_fail=$(lg_count fail)
if [ -z "$lg_pass" ] && [ -z "$lg_fail" ]; then
  echo "test.sh: the LangGraph API tests reported no results (tests/langgraph/run.sh exit $lg_status)" >&2
  status=1
else
  lg_cancelled=$(lg_count cancelled); lg_skipped=$(lg_count skipped); lg_todo=$(lg_count todo)
  passed=$((passed + ${lg_pass:-0}))
  failed=$((failed + ${lg_fail:-0} + ${lg_cancelled:-0}))
  skipped=$((skipped + ${lg_skipped:-0} + ${lg_todo:-0}))
fi
[ "$lg_status" -eq 0 ] || status=1
# --- end LangGraph Server API tests ---

echo
# Repeat the failures at the end, where a truncated CI log still shows them: each .NET failure with the lines
# of its message up to the stack trace (silo log lines in between left out), each browser failure by name.
failed_names=$( {
  awk '/^[[:space:]]*failed [^:]/ { shown = 1; n = 0 }
       shown && /Stack Trace:/ { shown = 0 }
       shown && !/ (INF|WRN|DBG)\] / && n++ < 15 { print }' "$work/dotnet-test.log" || true
  grep -E '^[[:space:]]*not ok ' "$work/e2e.log" || true
  grep -E '^[[:space:]]*not ok ' "$work/langgraph.log" || true
} )
if [ -n "$failed_names" ]; then
  echo "failed tests:"
  echo "$failed_names"
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
