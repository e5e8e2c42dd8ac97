#!/usr/bin/env bash
# Seeds an AppHost data directory once, for NEXTLEVEL_E2E_SEEDED_DATA (the 100,000-lead journey):
#   tests/NextLevel.Web.E2E/seed-snapshot.sh /work/e2e-100k 100000
#   NEXTLEVEL_E2E_LEADS=100000 NEXTLEVEL_E2E_SEEDED_DATA=/work/e2e-100k dotnet test -c Release tests/NextLevel.Web.E2E
# The seed's dates are relative to when it ran: reseed when "today" should have leads again.
set -euo pipefail
dir=${1:?usage: seed-snapshot.sh <data-dir> [leads]}
leads=${2:-100000}
port=${PORT:-27999}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir/mongodb"
dotnet build -c Release "$root/NextLevel.EmbeddedMongo" >/dev/null
dotnet build -c Release "$root/NextLevel.Api" >/dev/null
dotnet "$root/NextLevel.EmbeddedMongo/bin/Release/net10.0/NextLevel.EmbeddedMongo.dll" --port "$port" --dbpath "$dir/mongodb" > "$dir/engine.out" &
engine=$!
trap 'kill "$engine" 2>/dev/null || true' EXIT
until grep -q EMBEDDED_MONGO_READY "$dir/engine.out"; do sleep 1; done
ConnectionStrings__mongodb="mongodb://127.0.0.1:$port/next_level_real_estate" \
  dotnet "$root/NextLevel.Api/bin/Release/net10.0/NextLevel.Api.dll" seed --leads "$leads" --seed 7
kill "$engine"
wait "$engine" || true
trap - EXIT
echo "seeded $leads leads into $dir"
