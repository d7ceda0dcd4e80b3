#!/usr/bin/env bash
# Inside a private D-Bus session: start gnome-keyring's Secret Service with an unlocked throwaway
# "login" keyring, then wait until it owns org.freedesktop.secrets. Without the wait, a client that
# asks first makes D-Bus activate a second daemon, whose keyring is locked and which then wants to
# show an unlock prompt (there is no display): keychain calls hang or fail at random.
set -euo pipefail
echo -n "${BATON_TEST_KEYRING_PASSWORD:-baton-test}" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
for _ in $(seq 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    exit 0
  fi
  sleep 0.1
done
echo "gnome-keyring did not come up on the session bus" >&2
exit 1
