#!/bin/sh
# pg_test_server start|stop|status DIR
#
# The PostgreSQL 15 server the test suite starts for itself (reliability.md "Store mode"): a
# throw-away cluster in DIR/data, reachable only on a unix socket in DIR (no TCP:
# listen_addresses=''), trust authentication on that socket only, fsync left on. As root,
# initdb refuses to run, so the cluster then belongs to an unprivileged user (postgres, which
# Debian's postgresql package creates; PAYDESK_PG_USER overrides it).
#
# Tests find the server through PAYDESK_PG_SOCKET_DIR (DIR) and PAYDESK_PG_PORT.
set -eu

usage() {
    echo "usage: $0 start|stop|status DIR" >&2
    exit 2
}

[ $# -eq 2 ] || usage
action=$1
dir=$2
port=${PAYDESK_PG_PORT:-5432}
bindir=${PAYDESK_PG_BINDIR:-}
if [ -z "$bindir" ]; then
    for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/16/bin /usr/lib/postgresql/17/bin; do
        if [ -x "$candidate/initdb" ]; then
            bindir=$candidate
            break
        fi
    done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "pg_test_server: PostgreSQL's server binaries (initdb, pg_ctl) are not installed:" \
        "run packaging/install-deps.sh (Debian: apt-get install postgresql libqt6sql6-psql)" >&2
    exit 1
fi

# Commands as the cluster's owner: ourselves, unless we are root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        owner=${PAYDESK_PG_USER:-postgres}
        if ! id "$owner" >/dev/null 2>&1; then
            echo "pg_test_server: running as root and there is no user $owner to own the cluster" >&2
            exit 1
        fi
        runuser -u "$owner" -- "$@"
    else
        "$@"
    fi
}

stop_server() {
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
}

case $action in
start)
    stop_server || true
    # Only a directory this script made (or none) is cleared.
    if [ -e "$dir" ] && [ ! -f "$dir/paydesk-pg-test" ]; then
        echo "pg_test_server: $dir exists and is not a test server's directory: not touching it" >&2
        exit 1
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    touch "$dir/paydesk-pg-test"
    if [ "$(id -u)" -eq 0 ]; then
        chown "${PAYDESK_PG_USER:-postgres}" "$dir"
    fi
    chmod 700 "$dir"
    # The cluster's superuser is "postgres" whoever runs it, so tests connect as one name.
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=reject \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # The socket directory must be reachable by the (possibly root) test processes.
    chmod 755 "$dir"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c port=$port -c max_connections=200" \
        start >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "pg_test_server: PostgreSQL running on $dir/.s.PGSQL.$port"
    ;;
stop)
    stop_server
    echo "pg_test_server: stopped"
    ;;
status)
    as_owner "$bindir/pg_ctl" -D "$dir/data" status
    ;;
*)
    usage
    ;;
esac
