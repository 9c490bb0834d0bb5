#!/bin/sh
# Runs the benchmarks of two builds side by side in one run, alternating A and B for each round,
# so that both see the same machine; prints one JSON line per run, tagged with its build.
# Usage: sh tests/bench/compare.sh BUILD_A BUILD_B [ROUNDS]     (RelWithDebInfo/Release builds)
set -eu
A=$1
B=$2
ROUNDS=${3:-3}
DAY_ORDERS=${PAYDESK_BENCH_DAY_ORDERS:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One order log of DAY_ORDERS orders per build, generated once and timed every round.
for side in A B; do
    eval dir=\$$side
    mkdir -p "$work/$side"
    "$dir/tests/bench/bench_daily_report" --orders "$DAY_ORDERS" --runs 1 --keep "$work/$side" >/dev/null
done

run() {
    side=$1
    shift
    eval dir=\$$side
    name=$1
    shift
    printf '{"build":"%s","dir":"%s","result":' "$side" "$dir"
    QT_LOGGING_RULES='paydesk.*.info=false' "$dir/tests/bench/$name" "$@" 2>/dev/null | tr -d '\n'
    printf '}\n'
}

i=1
while [ "$i" -le "$ROUNDS" ]; do
    for side in A B; do
        run "$side" bench_relay_throughput --orders 2000 --clients 8
        run "$side" bench_paid_latency --sales 200 --poll-sales 20
        run "$side" bench_charge_qr --charges 200
        run "$side" bench_daily_report --log "$work/$side/bench-orders.sqlite" --runs 50
    done
    i=$((i + 1))
done
