#!/usr/bin/env bash
# `npm run test:editors`: enclint in editors nobody on this project wrote.
#   1. the packaged .vsix installed into code-server (real VS Code workbench and extension host),
#      driven in headless Chromium by playwright-core (test/e2e/vscode.e2e.ts);
#   2. the Terraform grammar through VS Code's tokenizer (vscode-textmate + Oniguruma, test/e2e/grammar.e2e.ts);
#   3. Neovim's built-in LSP client against `enclint-lsp --stdio` (test/editors/, .mocharc.editors.json);
#   4. the HTML evidence report (`enclint report`) rendered in headless Chromium (test/e2e/report.e2e.ts).
# Installs what it needs when missing (Debian packages; code-server from the npm registry into a cache
# folder, see test/e2e/install-code-server.sh), builds and packages the extension, runs both suites
# even if the first fails, prints timings, and exits non-zero on any failure. Assumes `npm ci` was run.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
timings=()
failures=()
phase_start=$SECONDS
phase() { phase_start=$SECONDS; echo; echo "=== $1"; }
done_phase() { timings+=("$(printf '%-32s %4d s' "$1" $((SECONDS - phase_start)))"); }

# --- system packages ----------------------------------------------------------------------------
# chromium: the browser playwright-core drives (never `npx playwright install`: it downloads one);
# neovim: the second client; ripgrep: VS Code's search; libkrb5-dev, g++, make, python3: to build
# code-server's native modules the first time (later runs use the cached install).
phase "system packages"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
command -v rg >/dev/null || missing+=(ripgrep)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
else
  echo "all present"
fi
[ -d node_modules/playwright-core ] && [ -d node_modules/@vscode/vsce ] || { echo "node_modules is incomplete: run npm ci first" >&2; exit 2; }
done_phase "system packages"

# --- build and package ----------------------------------------------------------------------------
phase "build and package the .vsix"
version=$(node -p "require('./package.json').version")
name=$(node -p "require('./package.json').name")
vsix="$PWD/$name-$version.vsix"
ENCLINT_VSIX="$vsix" node scripts/package.mjs
done_phase "build + package"

phase "code-server (cached after the first run)"
test/e2e/install-code-server.sh >/dev/null
done_phase "code-server install/cache"

# --- editors ----------------------------------------------------------------------------------------
phase "Terraform grammar through VS Code's tokenizer"
if node --import tsx test/e2e/grammar.e2e.ts; then :; else failures+=("grammar"); fi
done_phase "grammar (vscode-textmate)"

phase "Neovim as LSP client"
if npx mocha --config .mocharc.editors.json; then :; else failures+=("neovim"); fi
done_phase "neovim"

phase "HTML evidence report in Chromium"
if node --import tsx test/e2e/report.e2e.ts; then :; else failures+=("report e2e"); fi
done_phase "report (Chromium)"

phase "VS Code (code-server + Chromium)"
if node --import tsx test/e2e/vscode.e2e.ts "$vsix"; then :; else failures+=("vscode e2e"); fi
done_phase "vscode e2e"

echo
echo "=== timings"
printf '  %s\n' "${timings[@]}"
printf "  %-32s %4d s\n" "total" $((SECONDS - started))
echo "  screenshots: test/e2e/artifacts/"
if [ ${#failures[@]} -gt 0 ]; then
  echo "FAILED: ${failures[*]}" >&2
  exit 1
fi
echo "editor tests passed"
