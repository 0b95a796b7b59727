#!/usr/bin/env bash
# Command 1 of the README: the whole system on embedded defaults, in the foreground.
# Installs what is missing, starts PostgreSQL and Kafka, migrates, seeds the demo data, then runs the
# simulator, ingest, API and dashboard until Ctrl-C, which stops everything this command started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
# The demo uses the district boundaries shipped beside the checkout when there are any (a deployment
# points FQ_GEOJSON at its licensed data); without them the map is a generated schematic.
if [[ -z "${FQ_GEOJSON:-}" && -f ../shared/geo/bazhong-districts.geojson ]]; then
  export FQ_GEOJSON=$PWD/../shared/geo/bazhong-districts.geojson
fi
exec node -r @swc-node/register tools/stack/src/run-all.ts "$@"
