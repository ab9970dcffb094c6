#!/usr/bin/env bash
# Installs code-server (the VS Code server and workbench, from the npm registry) into a cache folder
# keyed on its version, without network access beyond the npm registry and Debian:
# its postinstall would download ripgrep, so we skip install scripts and do their steps by hand
# (see ../shared/recipes/vscode-e2e-offline.md). Prints the code-server package folder on stdout.
set -euo pipefail

# 4.100.x is the newest code-server that runs on Node 20 (4.104+ wants Node 22).
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${ENCLINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/enclint-e2e}"
DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
PKG="$DIR/node_modules/code-server"
MARKER="$DIR/.installed"

if [ -f "$MARKER" ] && [ -f "$PKG/out/node/entry.js" ]; then
  echo "$PKG"
  exit 0
fi

log() { echo "[install-code-server] $*" >&2; }

for bin in rg; do
  command -v "$bin" >/dev/null || { log "missing $bin (apt-get install -y ripgrep)"; exit 1; }
done

rm -rf "$DIR"
mkdir -p "$DIR"
log "npm install code-server@$CODE_SERVER_VERSION into $DIR"
npm install --prefix "$DIR" "code-server@$CODE_SERVER_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error >&2

# argon2 (password hashing for --auth password; loaded even with --auth none) is hoisted next to
# code-server, so rebuild it from the install root; its prebuilt-binary download falls back to a build.
log "building argon2"
(cd "$DIR" && npm rebuild argon2 --build-from-source --loglevel=error >"$DIR/rebuild-argon2.log" 2>&1) || true
[ -n "$(find "$DIR/node_modules/argon2" -name argon2.node -path '*binding*' -print -quit)" ] ||
  { log "argon2 did not build; see $DIR/rebuild-argon2.log"; exit 1; }

log "installing the VS Code server's own dependencies"
(
  cd "$PKG/lib/vscode"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  # node-pty's own post-install step exits non-zero after building pty.node; the .node check below is what counts.
  # spdlog (the server's log files) and native-watchdog are not in the recipe's list, but without them
  # code-server logs a stack trace at every start.
  npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog --loglevel=error >"$DIR/rebuild.log" 2>&1 ||
    log "npm rebuild exited non-zero (node-pty's post-install does; see $DIR/rebuild.log); checking the native modules"
  for native in node_modules/node-pty/build/Release/pty.node node_modules/kerberos/build/Release/kerberos.node \
    node_modules/@vscode/spdlog/build/Release/spdlog.node; do
    [ -f "$native" ] || { log "native module not built: $native"; exit 1; }
  done
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
)

log "installing the built-in extensions' dependencies"
(cd "$PKG/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)

(
  cd "$PKG/lib/vscode/bin"
  ln -sf code-linux.sh remote-cli/code-server
  ln -sf browser-linux.sh helpers/browser.sh
)

touch "$MARKER"
log "code-server $CODE_SERVER_VERSION ready"
echo "$PKG"
