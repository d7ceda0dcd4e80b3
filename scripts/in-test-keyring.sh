#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked, throwaway gnome-keyring (Node 24 and
# node_modules/.bin first on PATH), e.g. `bash scripts/in-test-keyring.sh vitest run src-main/team`.
# `npm test` does the same around the whole suite (scripts/test-all.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/ensure-node.sh"
export PATH="$here/../node_modules/.bin:$PATH"
if [ "${BATON_IN_KEYRING_SESSION:-}" = "1" ] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export BATON_IN_KEYRING_SESSION=1
HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" \
  dbus-run-session -- bash -c 'bash "$0" && exec "$@"' "$here/start-test-keyring.sh" "$@" \
  2> >(grep -v 'dbus-daemon\[' >&2)
