#!/usr/bin/env bash
# Runs one benchmark against its own throwaway PostgreSQL (default durability settings), e.g.
#   bench/run.sh jobs --rows 100000
# Lists the benchmarks when called without arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pg.sh
pg_ensure_installed
dotnet build IcpSearch.sln -c Release -nologo -clp:ErrorsOnly -v:q
dll=bench/IcpSearch.Bench/bin/Release/net10.0/IcpSearch.Bench.dll
if [ $# -eq 0 ]; then exec dotnet "$dll"; fi

work=$(mktemp -d /tmp/icpsearch-bench.XXXXXX)
chmod 755 "$work"
trap 'pg_stop "$work/pg"; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
port=$(free_port 58432)
pg_init "$work/pg"
pg_start "$work/pg" "$port" shared_buffers=1GB max_connections=300 max_wal_size=4GB
export ICPSEARCH_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export PG_BIN_DIR="$(pg_bindir)"
dotnet "$dll" "$@"
