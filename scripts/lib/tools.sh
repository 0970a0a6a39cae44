# Command-line tools the scripts need, installed with apt when missing, and the web console build.

tools_log() { printf '\033[36m[tools]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; exit 1; fi
}

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

# build_web ROOT: builds the web console (ROOT/gateway-api/web) into ROOT/gateway-api/wwwroot.
build_web() {
  ensure_node
  tools_log "building the web console (npm ci, vite build)"
  (cd "$1/gateway-api/web" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent) >&2
}
