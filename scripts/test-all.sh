#!/usr/bin/env bash
# `npm test`: every check CI holds a change to. Lint, format, typecheck (node and web), the core's
# unit and integration tests under Node, a build, and the e2e suite in Chromium against the browser
# host. Runs inside a private D-Bus session with an unlocked gnome-keyring where one is available, so
# the keychain tests use a real OS keychain (DESIGN §7) without touching the developer's own.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.."
source "$here/ensure-node.sh"
export PATH="$PWD/node_modules/.bin:$PATH"

if [ "${BATON_IN_KEYRING_SESSION:-}" != "1" ] && [ "$(uname)" = "Linux" ] && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  keyring_home="$(mktemp -d)"
  trap 'rm -rf "$keyring_home"' EXIT
  export BATON_IN_KEYRING_SESSION=1
  # gnome-keyring keeps its collections under XDG_DATA_HOME: a throwaway one per run.
  HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" \
    dbus-run-session -- bash -c 'bash "$(dirname "$0")/start-test-keyring.sh" && exec bash "$0"' "$0" \
    2> >(grep -v 'dbus-daemon\[' >&2)
  exit $?
fi

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "lint"
eslint --max-warnings 0 .
step "format"
prettier --check --log-level warn .
echo "all files formatted"
step "typecheck (node, web)"
tsc --noEmit -p tsconfig.node.json
tsc --noEmit -p tsconfig.web.json
# Built before vitest: the packaged-layout test packs this build with electron-builder.
step "build"
electron-vite build >/dev/null
echo "built out/main, out/preload, out/renderer"
step "unit and integration tests (vitest)"
# The packaged-layout test runs electron-builder (a minute of CPU): alone afterwards, so it does not
# slow the rest of the suite's timing-sensitive tests on a 2-core machine.
vitest run --exclude src-main/packaged-layout.test.ts
step "packaged layout (electron-builder output)"
vitest run src-main/packaged-layout.test.ts
step "end-to-end (playwright: chromium via the browser host; electron where its binary exists)"
playwright test

echo
echo "All checks passed in $((SECONDS - started)) s."
