# Command-line tools the scripts need besides PostgreSQL, installed with apt when missing (needs scripts/lib/pg.sh for as_root).

tools_log() { printf '\033[36m[tools]\033[0m %s\n' "$*" >&2; }

apt_install() {
  tools_log "installing $* with apt"
  as_root apt-get update -qq
  # Through env: sudo resets the environment, so a prefix assignment would not reach apt-get.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || { echo "apt-get install $* failed" >&2; exit 1; }
}

# Node.js 18 or newer with npm, for the web console (Vite 6) and its browser tests (playwright-core).
ensure_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 18 ] || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    [ "$major" -ge 18 ] || { echo "Node.js 18 or newer is required (found major version $major)" >&2; exit 1; }
  fi
}

ensure_curl() { command -v curl >/dev/null 2>&1 || apt_install curl ca-certificates; }
