#!/usr/bin/env bash
# The main command: starts Azurite on 127.0.0.1 when nothing answers on its ports, then the local host
# on http://127.0.0.1:7071 with the sample roster imported into the sample cycle. Ctrl+C stops the
# host and the Azurite this script started. Extra arguments go to the host, for example --port 7072.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

azurite_pid="$(scripts/azurite.sh start "$root/.data/azurite")"
cleanup() { if [[ -n "$azurite_pid" ]]; then scripts/azurite.sh stop "$azurite_pid"; fi; }
trap cleanup EXIT

dotnet build LocalHost -c Release --nologo -v quiet
# The built host runs directly rather than through `dotnet run`, so Ctrl+C reaches it and it stops
# cleanly before the exit trap stops Azurite.
dotnet LocalHost/bin/Release/net10.0/CareerConv.LocalHost.dll serve --sample --data "$root/.data/localhost" "$@"
