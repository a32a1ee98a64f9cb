#!/usr/bin/env bash
# Installs Azurite into .tools/ and starts it on 127.0.0.1 unless something already listens on its
# ports. It installs even when one is running, because the storage fault tests start their own Azurite
# from .tools/ on other ports. Telemetry is always off. Prints the process id of an Azurite it started, or
# nothing.
#   scripts/azurite.sh start DATA_DIR   starts Azurite with its data under DATA_DIR
#   scripts/azurite.sh stop PID         stops the Azurite this script started
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=3.37.0
bin="$root/.tools/node_modules/.bin/azurite"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_azurite() {
  if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -qx "$version"; then
    return
  fi
  echo "Installing Azurite $version into .tools/ ..." >&2
  mkdir -p "$root/.tools"
  npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error "azurite@$version" >&2
}

start() {
  local data="$1"
  install_azurite
  if port_open 10000 && port_open 10001 && port_open 10002; then
    echo "Azurite (or another storage emulator) already listens on 127.0.0.1:10000-10002; using it." >&2
    return
  fi
  mkdir -p "$data"
  # A session of its own, so Ctrl+C in the terminal reaches the host first: the host then stops while
  # storage is still up, and the caller's exit trap stops Azurite afterwards.
  setsid "$bin" --silent --disableTelemetry --location "$data" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    >"$data/azurite.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do
    if port_open 10000 && port_open 10001 && port_open 10002; then
      echo "$pid"
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Azurite exited at start-up; its log follows." >&2
      cat "$data/azurite.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "Azurite did not open ports 10000-10002 within 30 s; see $data/azurite.log." >&2
  kill "$pid" 2>/dev/null || true
  exit 1
}

case "${1:-}" in
  start) start "${2:?give the data folder}" ;;
  stop) kill "${2:?give the process id}" 2>/dev/null || true ;;
  *) echo "usage: scripts/azurite.sh start DATA_DIR | stop PID" >&2; exit 2 ;;
esac
