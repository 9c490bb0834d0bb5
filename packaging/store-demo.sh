#!/bin/sh
# A store with two counters on one PostgreSQL database, on this machine, thrown away on exit:
#   - a PostgreSQL 15 cluster in a temporary directory (unix socket only, owned by an unprivileged
#     user when run as root), set up with `paydeskctl store init` and one login role per program;
#   - the IOTPay simulator (paydesk-sim; the customer pays by itself after a few seconds);
#   - two notification relays (paydesk-relay) on the same database;
#   - two counter windows (paydesk, terminal ids C1 and C2, each with its own settings file and the
#     terminal role), so that a payment taken at C1 shows in C2's manager view (manager "boss",
#     PIN 1357) and the other way round.
# Without a display the counters are replaced by a payment taken with `paydeskctl charge` at C1 and
# the day's orders listed from C2's settings.
# Usage: sh packaging/store-demo.sh   (as root, or as a user with sudo; Ctrl-C stops everything)
# The demo's PostgreSQL trusts every local connection on its socket (no passwords): a demo only.
set -eu
cd "$(dirname "$0")/.."
SOURCE_DIR=$(pwd)

if [ -z "${PAYDESK_SKIP_DEPS:-}" ]; then
    sh packaging/install-deps.sh
fi

BUILD_DIR=${PAYDESK_BUILD_DIR:-build/release}
if [ -z "${PAYDESK_SKIP_BUILD:-}" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPAYDESK_BUILD_TESTS=OFF \
        -DPAYDESK_BUILD_BENCHMARKS=OFF
    cmake --build "$BUILD_DIR" -j2 --target paydesk paydeskctl paydesk-relay paydesk-sim
fi
BIN=$(cd "$BUILD_DIR" && pwd)/app
PG_PORT=${PAYDESK_DEMO_PG_PORT:-55432}
SIM_PORT=${PAYDESK_DEMO_SIM_PORT:-18080}
RELAY1_PORT=${PAYDESK_DEMO_RELAY1_PORT:-18787}
RELAY2_PORT=${PAYDESK_DEMO_RELAY2_PORT:-18788}

WORK=$(mktemp -d /tmp/paydesk-store-demo.XXXXXX)
chmod 755 "$WORK" # the cluster's owner (postgres, when we are root) must reach its directory
PIDS=""
cleanup() {
    trap - EXIT INT TERM
    for pid in $PIDS; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $PIDS; do
        wait "$pid" 2>/dev/null || true
    done
    PAYDESK_PG_PORT=$PG_PORT sh "$SOURCE_DIR/tests/pg/pg_test_server.sh" stop "$WORK/pg" >/dev/null 2>&1 || true
    rm -rf "$WORK"
    echo "store demo: stopped, $WORK removed"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() { # start NAME COMMAND...: in the background, its output in $WORK/NAME.log
    name=$1
    shift
    "$@" >"$WORK/$name.log" 2>&1 &
    PIDS="$PIDS $!"
}

wait_for() { # wait_for FILE TEXT: until the program's log says it is up
    for _ in $(seq 1 100); do
        if grep -q "$2" "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "store demo: $(basename "$1" .log) did not start:" >&2
    cat "$1" >&2
    exit 1
}

PAYDESK_PG_PORT=$PG_PORT sh tests/pg/pg_test_server.sh start "$WORK/pg"
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/createdb | head -n 1)")
"$PG_BIN/createdb" -h "$WORK/pg" -p "$PG_PORT" -U postgres paydesk_store
url() { # url LOGIN: the store/orderLogPath of a program connecting as LOGIN
    echo "postgresql:///paydesk_store?host=$WORK/pg&port=$PG_PORT&user=$1"
}

"$BIN/paydeskctl/paydeskctl" store init "$(url postgres)" --login terminal=counter1 --login terminal=counter2 \
    --login relay=relay1 --login relay=relay2 --login manager=office --login report=accounts

# The simulator's and the relays' merchant key: the demo's, in a file only its owner reads.
printf '%s\n' PAYDESK-DEMO-KEY-NOT-FOR-REAL-MONEY >"$WORK/merchant.key"
chmod 600 "$WORK/merchant.key"

settings() { # settings FILE TERMINAL LOGIN RELAY_PORT
    cat >"$1" <<EOF
[General]
settingsVersion=1

[merchant]
mchId=10000701
jobNo=demo
name=PayDesk store demo

[gateway]
baseUrl=http://127.0.0.1:$SIM_PORT/v1/
notifyUrl=http://127.0.0.1:$4/notify/iotpay

[terminal]
id=$2
cashier=alice

[relay]
mode=service

[store]
storeId=S1
orderLogPath="$(url "$3")"
EOF
}
settings "$WORK/C1.ini" C1 counter1 "$RELAY1_PORT"
settings "$WORK/C2.ini" C2 counter2 "$RELAY2_PORT"
settings "$WORK/office.ini" OFFICE office "$RELAY1_PORT"
settings "$WORK/relay.ini" RELAY relay1 "$RELAY1_PORT"

# The first manager account, in the database every counter shares.
printf '1357\n' | "$BIN/paydeskctl/paydeskctl" staff add boss --role manager --config "$WORK/office.ini"

start sim "$BIN/paydesk-sim/paydesk-sim" --port "$SIM_PORT" --key-file "$WORK/merchant.key" --auto-pay-ms 4000
wait_for "$WORK/sim.log" "$SIM_PORT"
start relay1 "$BIN/paydesk-relay/paydesk-relay" --config "$WORK/relay.ini" --key-file "$WORK/merchant.key" \
    --port "$RELAY1_PORT" --order-log "$(url relay1)"
start relay2 "$BIN/paydesk-relay/paydesk-relay" --config "$WORK/relay.ini" --key-file "$WORK/merchant.key" \
    --port "$RELAY2_PORT" --order-log "$(url relay2)"
wait_for "$WORK/relay1.log" "listening"
wait_for "$WORK/relay2.log" "listening"

echo "store demo: PostgreSQL on $WORK/pg (port $PG_PORT), simulator on $SIM_PORT, relays on $RELAY1_PORT and $RELAY2_PORT"
if [ -z "${PAYDESK_DEMO_HEADLESS:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    echo "store demo: two counters, C1 and C2; manager view: boss, PIN 1357. Close both windows to stop."
    "$BIN/paydesk/paydesk" --config "$WORK/C1.ini" --key-file "$WORK/merchant.key" &
    C1=$!
    "$BIN/paydesk/paydesk" --config "$WORK/C2.ini" --key-file "$WORK/merchant.key" &
    C2=$!
    PIDS="$PIDS $C1 $C2"
    wait "$C1" || true
    wait "$C2" || true
    exit 0
fi
echo "store demo: no display (or PAYDESK_DEMO_HEADLESS set): a sale at C1, then C2's view of the day"
"$BIN/paydeskctl/paydeskctl" charge 28.65 --channel WX_NATIVE --config "$WORK/C1.ini" --key-file "$WORK/merchant.key"
echo "store demo: the orders of the day as counter C2 sees them:"
"$BIN/paydeskctl/paydeskctl" orders --config "$WORK/C2.ini"
