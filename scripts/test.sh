#!/usr/bin/env bash
# Restores, builds and runs every test project. Starts Azurite on 127.0.0.1 when nothing answers on
# its ports, and stops it again at the end. Extra arguments go to `dotnet test`.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

azurite_pid="$(scripts/azurite.sh start "$root/.data/azurite-test")"
cleanup() { if [[ -n "$azurite_pid" ]]; then scripts/azurite.sh stop "$azurite_pid"; fi; }
trap cleanup EXIT

dotnet restore CareerConvFunctions.sln
dotnet build CareerConvFunctions.sln --no-restore -c Release
dotnet test CareerConvFunctions.sln --no-build -c Release \
  --blame-hang --blame-hang-timeout 5m \
  --logger "console;verbosity=normal" "$@"
