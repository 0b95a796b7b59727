#!/usr/bin/env bash
# Installs what a fresh machine lacks, once: Debian packages (Java, Maven, PostgreSQL 15 with the
# headers and cmake that building TimescaleDB needs, and for the browser and video tiers Chromium and
# ffmpeg) and the npm dependencies. A second run finds everything and
# returns in about a second.
#   usage: scripts/bootstrap.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

step() { printf '\033[1m▸ %s\033[0m\n' "$*"; }

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
# The stack's database: Debian's PostgreSQL 15 with TimescaleDB built from the vendored source
# (tools/stack/src/timescaledb.ts); 2.28.x is the last TimescaleDB line that builds against 15.
[[ -x /usr/lib/postgresql/15/bin/postgres ]] || missing+=(postgresql-15)
[[ -d /usr/include/postgresql/15/server ]] || missing+=(postgresql-server-dev-15)
command -v cmake >/dev/null || missing+=(cmake)
command -v make >/dev/null || missing+=(make)
command -v gcc >/dev/null || missing+=(gcc)
if [[ $want_browser == 1 ]]; then
  # The test command validates docker-compose.yml; no engine is needed for that.
  docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v chromium >/dev/null || missing+=(chromium)
  # Chinese glyphs for the wall's screenshots; (no grep -q: under pipefail its early exit fails the pipe)
  [[ -n "$(fc-list :lang=zh family 2>/dev/null)" ]] || missing+=(fonts-noto-cjk)
fi
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) != 0 ]]; then
    echo "✖ bootstrap: missing system packages: ${missing[*]}" >&2
    echo "  what to do: sudo apt-get install -y ${missing[*]}   (then run this again)" >&2
    exit 1
  fi
  step "installing system packages: ${missing[*]} (first run only; this takes a few minutes)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q 2>&1 | tail -n 1
  apt-get install -y -q --no-install-recommends "${missing[@]}" 2>&1 | grep -E '^(Setting up|E:)' | sed 's/^/  /' || true
  for p in "${missing[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || { echo "✖ bootstrap: apt-get could not install $p" >&2; exit 1; }
  done
fi

# npm ci when node_modules is missing or older than the lockfile.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "installing npm dependencies (npm ci; first run only, about a minute)"
  npm ci --no-audit --no-fund --loglevel=error
fi
