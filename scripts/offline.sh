#!/usr/bin/env bash
# Run a command with no network but loopback: a fresh network namespace where only `lo` is up.
#
#   scripts/offline.sh .venv/bin/python -m pytest tests/e2e
#
# Inside, 127.0.0.1 works (JupyterLab, Voila and the browser talk over it) and every other
# address fails at once ("Network is unreachable"), so a test that reaches the internet fails
# instead of passing by luck. Needs root (or unprivileged user namespaces: then it maps the
# caller to root inside with --map-root-user), `unshare` (util-linux) and `ip` (iproute2).
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]   (runs COMMAND with loopback as the only network)" >&2
    exit 2
fi
for tool in unshare ip; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        pkg=util-linux; [ "$tool" = ip ] && pkg=iproute2
        echo "$0: '$tool' not found; install it with: apt-get install -y $pkg" >&2
        exit 127
    fi
done

if [ "${OFFLINE_SH_INSIDE:-}" = 1 ]; then
    # Second stage, inside the new namespace: bring loopback up, check, run the command.
    ip link set lo up
    if ip -o link show | grep -v ': lo:' | grep -q 'state UP'; then
        echo "$0: an interface other than lo is up inside the namespace; refusing to run" >&2
        exit 1
    fi
    unset OFFLINE_SH_INSIDE
    exec "$@"
fi

userns=()
[ "$(id -u)" -eq 0 ] || userns=(--map-root-user)
OFFLINE_SH_INSIDE=1 exec unshare --net "${userns[@]}" -- "$0" "$@"
