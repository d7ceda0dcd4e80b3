#!/usr/bin/env bash
# Runs a command with Node >= 22.12 first on PATH (see ensure-node.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=ensure-node.sh
source "$here/ensure-node.sh"
export PATH="$here/../node_modules/.bin:$PATH"
exec "$@"
