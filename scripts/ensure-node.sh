#!/usr/bin/env bash
# Source this file: it puts a Node >= 22.12 (Node 24 LTS) first on PATH.
# Machines here ship Node 20, where better-sqlite3 13 segfaults; the npm registry's
# `node@24` package gives a Node 24 binary without any other download.
baton_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! baton_node_ok; then
  BATON_NODE_DIR="${BATON_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/baton-node24}"
  if [ ! -x "$BATON_NODE_DIR/node_modules/node/bin/node" ]; then
    echo "[ensure-node] installing Node 24 from the npm registry into $BATON_NODE_DIR" >&2
    mkdir -p "$BATON_NODE_DIR"
    (cd "$BATON_NODE_DIR" && [ -f package.json ] || echo '{"name":"baton-node24","private":true}' > "$BATON_NODE_DIR/package.json")
    (cd "$BATON_NODE_DIR" && npm install --no-audit --no-fund --no-save node@24 >&2) || {
      echo "[ensure-node] could not install Node 24" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$BATON_NODE_DIR/node_modules/node/bin:$PATH"
  hash -r
  baton_node_ok || { echo "[ensure-node] Node 24 is still not first on PATH" >&2; return 1 2>/dev/null || exit 1; }
fi
