#!/usr/bin/env bash
# Installs what Plume needs on a fresh clone: pnpm at the version package.json pins and the
# workspace's packages; with --test-tools, also Debian's Chromium and poppler-utils for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Plume needs Node.js 20.19 or newer; found: $(node --version 2>/dev/null || echo none)." >&2
  exit 1
fi

# corepack's signature check fails against some registry mirrors: install the pinned pnpm with npm.
pinned=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$pinned" ]; then
  npm install --global "pnpm@$pinned"
fi

if [ "${1:-}" = "--test-tools" ]; then
  # Chromium drives the end-to-end tests and renders PDFs; poppler's pdfinfo and pdftotext read them back.
  chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ ! -x "$chromium" ] || ! command -v pdftotext >/dev/null; then
    as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update
    "${as_root[@]}" apt-get install -y --no-install-recommends chromium poppler-utils
  fi
fi

pnpm install --frozen-lockfile
