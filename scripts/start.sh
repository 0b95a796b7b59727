#!/usr/bin/env bash
# Command 1 of the README: the whole system on embedded defaults, in the foreground.
# Installs what is missing, starts PostgreSQL and Kafka, migrates, seeds the demo data, then runs the
# simulator, ingest, API and dashboard until Ctrl-C, which stops everything this command started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec node -r @swc-node/register tools/stack/src/run-all.ts "$@"
