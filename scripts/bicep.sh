#!/usr/bin/env bash
# Compiles and lints the Bicep templates under infra/ and fails on any error or warning. The Bicep
# CLI comes from the Azure.Bicep.CommandLine.linux-x64 NuGet package. The first run restores
# infra/tools/, which puts the package into the NuGet global packages folder, and later runs find it there.
#   scripts/bicep.sh                        builds into artifacts/bicep/ and lints every file
#   scripts/bicep.sh --recent-api-versions  also fails on API versions older than 730 days
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

check_recent=false
case "${1:-}" in
  "") ;;
  --recent-api-versions) check_recent=true ;;
  *) echo "usage: scripts/bicep.sh [--recent-api-versions]" >&2; exit 2 ;;
esac

tools=infra/tools/BicepTools.csproj
package=azure.bicep.commandline.linux-x64
version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' "$tools")"
if [[ -z "$version" ]]; then
  echo "No Azure.Bicep.CommandLine.linux-x64 version found in $tools. Give its PackageReference a Version." >&2
  exit 1
fi

packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')"
bicep="${packages%/}/$package/$version/tools/bicep"
if [[ ! -x "$bicep" ]]; then
  echo "Restoring the Bicep CLI $version into $packages ..." >&2
  dotnet restore "$tools" --verbosity quiet
fi

if [[ ! -x "$bicep" ]]; then
  echo "The restore finished but $bicep is missing or not executable." >&2
  exit 1
fi

out="$root/artifacts/bicep"
mkdir -p "$out"
failed=0

# Runs one Bicep command and prints its diagnostics. The CLI exits 0 when it reports only
# warnings, so any warning marks the run as failed too.
run_bicep() {
  local output status=0
  output="$("$bicep" "$@" 2>&1)" || status=$?
  if [[ -n "$output" ]]; then
    echo "$output"
  fi

  if (( status != 0 )) || grep -q ': Warning ' <<<"$output"; then
    echo "Failed: bicep $*" >&2
    failed=1
  fi
}

config=()
if [[ "$check_recent" == true ]]; then
  sed 's/"use-recent-api-versions": { "level": "off" }/"use-recent-api-versions": { "level": "error" }/' \
    infra/bicepconfig.json >"$out/bicepconfig.recent.json"
  config=(--config "$out/bicepconfig.recent.json")
fi

started=$(date +%s)
run_bicep build infra/main.bicep --no-restore --outfile "$out/main.json" "${config[@]}"
run_bicep build-params infra/main.bicepparam --outfile "$out/main.parameters.json" "${config[@]}"
run_bicep lint --pattern 'infra/**/*.bicep' --no-restore "${config[@]}"
run_bicep lint infra/main.bicepparam --no-restore "${config[@]}"

if (( failed != 0 )); then
  echo "Bicep found errors or warnings; see above." >&2
  exit 1
fi

echo "Bicep $version: templates built into artifacts/bicep/ and linted without findings in $(( $(date +%s) - started )) s."
