#include "Schema.h"

#include "SqlSupport.h"

#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace paydesk::schema {

namespace {

// Portable DDL on purpose (TEXT, no AUTOINCREMENT): the same tables are meant to run on
// PostgreSQL through QPSQL. What differs between dialects comes from the storage backend: the
// {id}, {int} and {bytes} column types (substituted in applyStep) and the append-only guards of
// versions 1 (PostgreSQL only), 3 and 5. Money is integer minor units, times UTC epoch ms. On
// SQLite every step produces the same statements as when it was released.

QStringList version1(const StorageBackend &backend)
{
    return QStringList{
               u"CREATE TABLE schema_version (version {int} NOT NULL)"_s,
               u"CREATE TABLE orders ("
               " id {id},"
               " mch_order_no TEXT NOT NULL UNIQUE,"
               " terminal_id TEXT NOT NULL,"
               " cashier TEXT NOT NULL DEFAULT '',"
               " channel TEXT NOT NULL,"
               " amount_minor {int} NOT NULL,"
               " currency TEXT NOT NULL,"
               " state TEXT NOT NULL,"
               " late {int} NOT NULL DEFAULT 0,"
               " source TEXT NOT NULL DEFAULT 'counter',"
               " subject TEXT NOT NULL DEFAULT '',"
               " pay_order_id TEXT,"
               " channel_order_no TEXT,"
               " qr_payload TEXT,"
               " created_at_ms {int} NOT NULL,"
               " updated_at_ms {int} NOT NULL,"
               " paid_at_ms {int},"
               " expires_at_ms {int},"
               " refunded_minor {int} NOT NULL DEFAULT 0,"
               " last_error TEXT)"_s,
               u"CREATE INDEX orders_created_at ON orders (created_at_ms)"_s,
               u"CREATE INDEX orders_state ON orders (state)"_s,
               u"CREATE TABLE events ("
               " id {id},"
               " order_id {int} NOT NULL REFERENCES orders (id),"
               " at_ms {int} NOT NULL,"
               " kind TEXT NOT NULL,"
               " from_state TEXT,"
               " to_state TEXT,"
               " actor TEXT NOT NULL DEFAULT '',"
               " detail TEXT NOT NULL DEFAULT '')"_s,
               u"CREATE INDEX events_order ON events (order_id)"_s,
               u"CREATE TABLE gateway_messages ("
               " id {id},"
               " order_id {int} NOT NULL REFERENCES orders (id),"
               " at_ms {int} NOT NULL,"
               " endpoint TEXT NOT NULL,"
               " direction TEXT NOT NULL,"
               " body {bytes})"_s,
               u"CREATE INDEX gateway_messages_order ON gateway_messages (order_id)"_s,
               u"CREATE TABLE notifications ("
               " id {id},"
               " received_at_ms {int} NOT NULL,"
               " verdict TEXT NOT NULL,"
               " reason TEXT NOT NULL DEFAULT '',"
               " mch_order_no TEXT,"
               " pay_order_id TEXT,"
               " remote_address TEXT,"
               " raw {bytes})"_s,
               u"CREATE TABLE refunds ("
               " id {id},"
               " order_id {int} NOT NULL REFERENCES orders (id),"
               " mch_refund_no TEXT NOT NULL UNIQUE,"
               " amount_minor {int} NOT NULL,"
               " currency TEXT NOT NULL,"
               " reason TEXT NOT NULL DEFAULT '',"
               " state TEXT NOT NULL,"
               " requested_by TEXT NOT NULL DEFAULT '',"
               " created_at_ms {int} NOT NULL,"
               " updated_at_ms {int} NOT NULL,"
               " refund_order_id TEXT,"
               " detail TEXT)"_s,
               u"CREATE TABLE sequences (name TEXT PRIMARY KEY, value {int} NOT NULL)"_s,
           }
    + backend.laterAppendOnlyGuards(u"notifications"_s, u"notifications are append-only"_s);
}

// Second gateway (iOnline) support and the audit view's date-range query.
QStringList version2(const StorageBackend &)
{
    return {
        u"ALTER TABLE orders ADD COLUMN gateway TEXT NOT NULL DEFAULT 'iotpay'"_s,
        u"ALTER TABLE notifications ADD COLUMN gateway TEXT NOT NULL DEFAULT 'iotpay'"_s,
        u"CREATE INDEX notifications_received_at ON notifications (received_at_ms)"_s,
    };
}

// The audit trail is only trustworthy if it cannot be edited: events become append-only.
QStringList version3(const StorageBackend &backend)
{
    return QStringList{
               u"CREATE INDEX refunds_order ON refunds (order_id)"_s,
           }
    + backend.appendOnlyGuards(u"events"_s, u"events are append-only"_s);
}

// Refunds and the daily report: refunds are counted on the business day they were made
// (a range over created_at_ms), and the ones still in flight are found by state. (A covering
// index for the report's GROUP BY was measured and left out: 17 % more file for 0.5 ms.)
QStringList version4(const StorageBackend &)
{
    return {
        u"CREATE INDEX refunds_created_at ON refunds (created_at_ms)"_s,
        u"CREATE INDEX refunds_state ON refunds (state)"_s,
    };
}

// Manager actions not tied to one order (exports, reports, settings changes, PIN failures,
// reconciliation runs): an append-only audit table beside the order events, read by day.
QStringList version5(const StorageBackend &backend)
{
    return QStringList{
               u"CREATE TABLE audit ("
               " id {id},"
               " at_ms {int} NOT NULL,"
               " kind TEXT NOT NULL,"
               " actor TEXT NOT NULL DEFAULT '',"
               " detail TEXT NOT NULL DEFAULT '')"_s,
               u"CREATE INDEX audit_at ON audit (at_ms)"_s,
           }
    + backend.appendOnlyGuards(u"audit"_s, u"audit is append-only"_s);
}

// Online orders' clientOrderRef as a column instead of the detail of a 'client-ref' event, so
// that the relay's one-order-per-reference check is an indexed read. Not unique: a reference
// may come back after the 24 h window and make a new order. Filled in from the events of the
// orders made before. Partial: counter orders (most rows) have none.
QStringList version6(const StorageBackend &)
{
    return {
        u"ALTER TABLE orders ADD COLUMN client_reference TEXT"_s,
        u"UPDATE orders SET client_reference = (SELECT e.detail FROM events e"
        " WHERE e.order_id = orders.id AND e.kind = 'client-ref' AND e.detail <> '' ORDER BY e.id LIMIT 1)"
        " WHERE EXISTS (SELECT 1 FROM events e WHERE e.order_id = orders.id AND e.kind = 'client-ref'"
        " AND e.detail <> '')"_s,
        u"CREATE INDEX orders_client_reference ON orders (client_reference, created_at_ms)"
        " WHERE client_reference IS NOT NULL"_s,
    };
}

// Staff accounts (design.md "Staff"), shared by the terminals of a store's database: a name,
// a role, the PIN's verifier (never the PIN) and the lock-out counters that must survive a
// restart and hold on every terminal.
QStringList version7(const StorageBackend &)
{
    return {
        u"CREATE TABLE staff ("
        " id {id},"
        " name TEXT NOT NULL UNIQUE,"
        " role TEXT NOT NULL,"
        " pin_verifier TEXT NOT NULL,"
        " failed_attempts {int} NOT NULL DEFAULT 0,"
        " locked_until_ms {int} NOT NULL DEFAULT 0,"
        " disabled {int} NOT NULL DEFAULT 0,"
        " created_at_ms {int} NOT NULL,"
        " updated_at_ms {int} NOT NULL)"_s,
    };
}

// A store with several counters and a chain on one database (design.md "Storage backends"):
// the store of every order (empty: a single counter's own file, and every order made before),
// the terminal ids registered by the installs that use them (unique across the chain: an order
// number starts with its terminal id), and what `paydeskctl store import` has copied from a
// terminal's own file (source file identity + table + source row id -> row here), so that an
// import run twice copies nothing twice. The day summaries of one store or one terminal read
// their own index.
QStringList version8(const StorageBackend &)
{
    return {
        u"ALTER TABLE orders ADD COLUMN store_id TEXT NOT NULL DEFAULT ''"_s,
        u"CREATE INDEX orders_store_created_at ON orders (store_id, created_at_ms)"_s,
        u"CREATE INDEX orders_terminal_created_at ON orders (terminal_id, created_at_ms)"_s,
        u"CREATE TABLE terminals ("
        " terminal_id TEXT PRIMARY KEY,"
        " store_id TEXT NOT NULL DEFAULT '',"
        " instance_id TEXT NOT NULL,"
        " registered_at_ms {int} NOT NULL,"
        " last_seen_ms {int} NOT NULL)"_s,
        u"CREATE TABLE import_map ("
        " source_id TEXT NOT NULL,"
        " source_table TEXT NOT NULL,"
        " source_row_id {int} NOT NULL,"
        " imported_id {int} NOT NULL,"
        " imported_at_ms {int} NOT NULL,"
        " PRIMARY KEY (source_id, source_table, source_row_id))"_s,
    };
}

// The day summaries of a store and of the chain (design.md performance table, 10,000,000 orders)
// read the columns they group on from an index alone, not from the rows behind it. PostgreSQL:
// a store's day by an index-only scan (which the visibility map, kept by autovacuum, allows);
// the chain's day keeps orders_created_at, as a covering copy of it was measured no faster (its
// time is the grouping) for 817 MB more. SQLite: both, the chain's day 70 -> 51 ms at p50. The
// covering indexes replace the plain ones of the same leading keys, whose searches they serve.
QStringList version9(const StorageBackend &backend)
{
    const QString grouped = u"terminal_id, cashier, state, channel, currency, late, source, amount_minor"_s;
    if (backend.name() == u"postgresql") {
        return {
            u"CREATE INDEX orders_store_day_report ON orders (store_id, created_at_ms) INCLUDE ("_s + grouped + u')',
            u"DROP INDEX orders_store_created_at"_s,
        };
    }
    return {
        u"CREATE INDEX orders_day_report ON orders (created_at_ms, store_id, "_s + grouped + u')',
        u"CREATE INDEX orders_store_day_report ON orders (store_id, created_at_ms, "_s + grouped + u')',
        u"DROP INDEX orders_created_at"_s,
        u"DROP INDEX orders_store_created_at"_s,
    };
}

// Store mode: the database announces every order that becomes PAID, on commit, on the channel the
// terminals LISTEN on (PostgresBackend::paymentChannel), whatever wrote it: one statement fewer in
// the relay's confirming transaction than a pg_notify() of its own. A hint only: anyone connected
// may NOTIFY, so a terminal re-reads its row. SQLite: nothing (its readers poll data_version).
QStringList version10(const StorageBackend &backend)
{
    if (backend.name() != u"postgresql")
        return {};
    return {
        u"CREATE OR REPLACE FUNCTION paydesk_announce_paid() RETURNS trigger LANGUAGE plpgsql AS"
        " $$BEGIN PERFORM pg_notify('paydesk_paid', NEW.mch_order_no); RETURN NULL; END$$"_s,
        u"CREATE TRIGGER orders_announce_paid AFTER UPDATE OF state ON orders FOR EACH ROW"
        " WHEN (NEW.state = 'PAID' AND OLD.state <> 'PAID') EXECUTE FUNCTION paydesk_announce_paid()"_s,
    };
}

struct Step
{
    int version = 0;
    QStringList (*statements)(const StorageBackend &backend) = nullptr;
};

// Append only: a released step is never edited, a change is a new step.
const std::array Steps{
    Step{1, &version1}, Step{2, &version2}, Step{3, &version3}, Step{4, &version4}, Step{5, &version5},
    Step{6, &version6}, Step{7, &version7}, Step{8, &version8}, Step{9, &version9}, Step{10, &version10},
};

Error newerThanCode(int stored)
{
    return Error{ErrorCode::StoreFailure,
                 u"order log created by a newer PayDesk (schema version "_s + QString::number(stored)
                     + u", this build knows up to "_s + QString::number(latestVersion()) + u')',
                 {},
                 0};
}

// The dialect's column types in a step's statement.
QString inDialect(QString statement, const StorageBackend &backend)
{
    return statement.replace(u"{id}"_s, backend.idColumnType())
        .replace(u"{int}"_s, backend.integerType())
        .replace(u"{bytes}"_s, backend.bytesType());
}

Result<void> applyStep(const sql::Connection &db, const Step &step)
{
    sql::WriteTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (const QString lock = db.backend->migrationLockStatement(); !lock.isEmpty()) {
        if (auto locked = sql::run(db, lock); !locked)
            return fail(locked.error());
    }
    // Re-read under the write lock: another process may have migrated meanwhile.
    const auto stored = storedVersion(db);
    if (!stored)
        return fail(stored.error());
    if (*stored > latestVersion())
        return fail(newerThanCode(*stored));
    if (*stored >= step.version)
        return {};
    if (*stored != step.version - 1) {
        return fail(ErrorCode::StoreFailure,
                    u"schema version "_s + QString::number(*stored) + u" cannot step to "_s
                        + QString::number(step.version));
    }
    for (const QString &statement : step.statements(*db.backend)) {
        if (auto done = sql::run(db, inDialect(statement, *db.backend)); !done)
            return fail(done.error());
    }
    const QString record = step.version == 1 ? u"INSERT INTO schema_version (version) VALUES (?)"_s
                                             : u"UPDATE schema_version SET version = ?"_s;
    if (auto done = sql::run(db, record, {step.version}); !done)
        return fail(done.error());
    return transaction.commit();
}

} // namespace

int latestVersion()
{
    return Steps.back().version;
}

Result<int> storedVersion(const sql::Connection &db)
{
    const auto tables = sql::scalar(db, db.backend->tableCountStatement(), {u"schema_version"_s});
    if (!tables)
        return fail(tables.error());
    if (tables->toLongLong() == 0)
        return 0;
    const auto version = sql::scalar(db, u"SELECT MAX(version) FROM schema_version"_s);
    if (!version)
        return fail(version.error());
    if (version->isNull())
        return fail(ErrorCode::StoreFailure, u"schema_version has no row"_s);
    return version->toInt();
}

Result<int> applyMigrations(const sql::Connection &db, int upToVersion)
{
    if (upToVersion < 0 || upToVersion > latestVersion()) {
        return fail(ErrorCode::InvalidArgument, u"no schema version "_s + QString::number(upToVersion));
    }
    const auto stored = storedVersion(db);
    if (!stored)
        return fail(stored.error());
    if (*stored > latestVersion())
        return fail(newerThanCode(*stored));
    for (const Step &step : Steps) {
        if (step.version <= *stored || step.version > upToVersion)
            continue;
        if (auto applied = applyStep(db, step); !applied)
            return fail(applied.error());
    }
    return storedVersion(db);
}

} // namespace paydesk::schema
