#!/usr/bin/env bash
# The LangGraph Server API (what agent-chat-ui speaks) against the real system, driven by the real
# @langchain/langgraph-sdk 1.8.10 from npm: a fresh database (admin connection from ICPSEARCH_TEST_PG, as for the
# .NET tests), `migrate` and `demo --rows 10000`, two API keys made with `apikey create` (tenants lg-a and lg-b),
# one silo and one gateway with AUTH_MODE=jwt on free ports, then `node --test`. Everything it starts is stopped on
# exit (scripts/lib/stack.sh); it exits non-zero when anything fails. Usage: tests/langgraph/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/stack.sh"

DEMO_ROWS=${LANGGRAPH_DEMO_ROWS:-10000}

stack_init langgraph 34
stack_npm_ci "$here" @langchain/langgraph-sdk @langchain/langgraph-sdk
stack_create_database

log "migrate + demo --rows $DEMO_ROWS + two API keys"
stack_migrate_demo "$DEMO_ROWS" --out "$work/demo"
key_a=$(timeout 120 dotnet "$silo_dll" apikey create --tenant lg-a --label "langgraph tests" 2>"$work/apikey.log") || { cat "$work/apikey.log" >&2; die "apikey create failed"; }
key_b=$(timeout 120 dotnet "$silo_dll" apikey create --tenant lg-b 2>>"$work/apikey.log") || { cat "$work/apikey.log" >&2; die "apikey create failed"; }

stack_cluster "${LANGGRAPH_GATEWAY_PORT:-18180}" "${LANGGRAPH_SILO_HTTP_PORT:-18190}" "${LANGGRAPH_SILO_PORT:-11711}" \
  "${LANGGRAPH_SILO_GATEWAY_PORT:-30711}"
jwt_key=$(stack_random_key)

log "starting the silo (cluster $cluster_id) and the gateway on $base (AUTH_MODE=jwt)"
stack_start_silo
stack_start_gateway gateway "$gateway_port" \
  AUTH_MODE=jwt JWT_SIGNING_KEY="$jwt_key" JWT_ISSUER=icpsearch-langgraph JWT_AUDIENCE=icpsearch
stack_wait_healthy "$base"

log "running the SDK tests against $base"
status=0
stack_node_tests "$here" LANGGRAPH_URL="$base" LANGGRAPH_KEY_A="$key_a" LANGGRAPH_KEY_B="$key_b" LANGGRAPH_JWT_KEY="$jwt_key" \
  LANGGRAPH_JWT_ISSUER=icpsearch-langgraph LANGGRAPH_JWT_AUDIENCE=icpsearch || status=$?
[ "$status" -eq 0 ] || die "LangGraph SDK tests failed (exit $status)"
log "LangGraph SDK tests passed"
