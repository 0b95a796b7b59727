#!/usr/bin/env bash
# `docker compose config` where the Compose v2 plugin exists, else Debian's docker-compose 1.29.
# Validates docker-compose.yml without an engine (none runs on the development machines).
set -euo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then exec docker compose config "$@"; fi
exec docker-compose config "$@"
