# PostgreSQL helpers shared by run.sh and test.sh: install with apt when missing, and run a project-local cluster.
# PostgreSQL refuses to run as root, so when we are root every server command runs as the `postgres` OS user.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

pg_log() { printf '\033[36m[pg]\033[0m %s\n' "$*" >&2; }
pg_die() { printf '\033[31m[pg] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Prints the bin folder of the newest installed PostgreSQL server.
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

pg_ensure_installed() {
  if [ -z "$(pg_bindir)" ]; then
    pg_log "PostgreSQL server not found"
    apt_install postgresql postgresql-contrib
  fi
  [ -n "$(pg_bindir)" ] || pg_die "PostgreSQL server binaries still missing after install"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    as_root useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

# Runs a PostgreSQL binary as the right user.
pg_run() {
  local bin; bin="$(pg_bindir)/$1"; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bin" "$@"; else "$bin" "$@"; fi
}

# True when something already listens on 127.0.0.1:$1.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a free TCP port from $1 upwards.
free_port() {
  local port=${1:-55432}
  while port_busy "$port"; do port=$((port + 1)); done
  echo "$port"
}

# pg_data_dir PREFERRED: prints PREFERRED, or a folder under /var/tmp when the postgres OS user (the server's user
# when we are root) cannot reach PREFERRED, e.g. a checkout under /root (mode 700).
pg_data_dir() {
  local preferred=$1 parent
  parent=$(dirname "$preferred")
  mkdir -p "$parent"
  if [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$parent" 2>/dev/null; then
    echo "$preferred"
    return
  fi
  local fallback
  fallback="/var/tmp/icpsearch-$(printf '%s' "$preferred" | sha1sum | cut -c1-12)/pg"
  mkdir -p "$(dirname "$fallback")"
  chmod 755 "$(dirname "$fallback")"
  pg_log "the postgres user cannot reach $parent; keeping the cluster in $fallback instead"
  echo "$fallback"
}

# pg_init DIR: creates a cluster in DIR (trust auth on loopback and the socket only).
pg_init() {
  local dir=$1
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  pg_run initdb -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
    || { cat "$dir.initdb.log" >&2; pg_die "initdb failed in $dir"; }
}

# pg_start DIR PORT [extra -c settings...]: starts the cluster, listening on 127.0.0.1:PORT, socket in DIR.
pg_start() {
  local dir=$1 port=$2; shift 2
  local opts="-p $port -k $dir -c listen_addresses=127.0.0.1"
  for setting in "$@"; do opts="$opts -c $setting"; done
  pg_run pg_ctl -D "$dir" -o "$opts" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { tail -n 30 "$dir/server.log" >&2; pg_die "PostgreSQL did not start on port $port (log: $dir/server.log)"; }
}

pg_stop() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] && pg_run pg_ctl -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_psql PORT DB SQL: runs one statement as postgres over TCP.
pg_psql() {
  local port=$1 db=$2 sql=$3
  "$(pg_bindir)/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qtAc "$sql"
}

pg_ensure_database() {
  local port=$1 db=$2
  if [ "$(pg_psql "$port" postgres "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    pg_psql "$port" postgres "CREATE DATABASE \"$db\"" >/dev/null
  fi
}

# pg_admin_from_conn CONN: reads an Npgsql "Key=Value;..." connection string into pg_host, pg_port, pg_user,
# pg_admin_db and PGPASSWORD, and defines psql_admin SQL, which runs SQL there with the same server, user and password.
pg_admin_from_conn() {
  local part key
  local -a parts
  declare -gA conn=()
  IFS=';' read -r -a parts <<<"$1"
  for part in "${parts[@]}"; do
    [ -n "$part" ] || continue
    key=$(tr '[:upper:]' '[:lower:]' <<<"${part%%=*}" | tr -d ' ')
    conn[$key]=${part#*=}
  done
  pg_host=${conn[host]:-${conn[server]:-127.0.0.1}}
  pg_port=${conn[port]:-5432}
  pg_user=${conn[username]:-${conn[userid]:-${conn[user]:-postgres}}}
  pg_admin_db=${conn[database]:-postgres}
  export PGPASSWORD=${conn[password]:-}
  psql_bin=$(command -v psql || true)
  [ -n "$psql_bin" ] || psql_bin="$(pg_bindir)/psql"
  [ -x "$psql_bin" ] || pg_die "psql is required (install postgresql-client)"
  psql_admin() { "$psql_bin" -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_admin_db" -v ON_ERROR_STOP=1 -qtAc "$1"; }
}
