#include "Schema.h"

#include "SqlSupport.h"

#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace paydesk::schema {

namespace {

// Portable DDL on purpose (INTEGER/TEXT, no AUTOINCREMENT): the same tables are meant to run on
// PostgreSQL through QPSQL later. Only the triggers of versions 3 and 5 are SQLite dialect; the
// PostgreSQL port replaces that step. Money is integer minor units, times UTC epoch ms.

QStringList version1()
{
    return {
        u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
        u"CREATE TABLE orders ("
        " id INTEGER PRIMARY KEY,"
        " mch_order_no TEXT NOT NULL UNIQUE,"
        " terminal_id TEXT NOT NULL,"
        " cashier TEXT NOT NULL DEFAULT '',"
        " channel TEXT NOT NULL,"
        " amount_minor INTEGER NOT NULL,"
        " currency TEXT NOT NULL,"
        " state TEXT NOT NULL,"
        " late INTEGER NOT NULL DEFAULT 0,"
        " source TEXT NOT NULL DEFAULT 'counter',"
        " subject TEXT NOT NULL DEFAULT '',"
        " pay_order_id TEXT,"
        " channel_order_no TEXT,"
        " qr_payload TEXT,"
        " created_at_ms INTEGER NOT NULL,"
        " updated_at_ms INTEGER NOT NULL,"
        " paid_at_ms INTEGER,"
        " expires_at_ms INTEGER,"
        " refunded_minor INTEGER NOT NULL DEFAULT 0,"
        " last_error TEXT)"_s,
        u"CREATE INDEX orders_created_at ON orders (created_at_ms)"_s,
        u"CREATE INDEX orders_state ON orders (state)"_s,
        u"CREATE TABLE events ("
        " id INTEGER PRIMARY KEY,"
        " order_id INTEGER NOT NULL REFERENCES orders (id),"
        " at_ms INTEGER NOT NULL,"
        " kind TEXT NOT NULL,"
        " from_state TEXT,"
        " to_state TEXT,"
        " actor TEXT NOT NULL DEFAULT '',"
        " detail TEXT NOT NULL DEFAULT '')"_s,
        u"CREATE INDEX events_order ON events (order_id)"_s,
        u"CREATE TABLE gateway_messages ("
        " id INTEGER PRIMARY KEY,"
        " order_id INTEGER NOT NULL REFERENCES orders (id),"
        " at_ms INTEGER NOT NULL,"
        " endpoint TEXT NOT NULL,"
        " direction TEXT NOT NULL,"
        " body TEXT)"_s,
        u"CREATE INDEX gateway_messages_order ON gateway_messages (order_id)"_s,
        u"CREATE TABLE notifications ("
        " id INTEGER PRIMARY KEY,"
        " received_at_ms INTEGER NOT NULL,"
        " verdict TEXT NOT NULL,"
        " reason TEXT NOT NULL DEFAULT '',"
        " mch_order_no TEXT,"
        " pay_order_id TEXT,"
        " remote_address TEXT,"
        " raw TEXT)"_s,
        u"CREATE TABLE refunds ("
        " id INTEGER PRIMARY KEY,"
        " order_id INTEGER NOT NULL REFERENCES orders (id),"
        " mch_refund_no TEXT NOT NULL UNIQUE,"
        " amount_minor INTEGER NOT NULL,"
        " currency TEXT NOT NULL,"
        " reason TEXT NOT NULL DEFAULT '',"
        " state TEXT NOT NULL,"
        " requested_by TEXT NOT NULL DEFAULT '',"
        " created_at_ms INTEGER NOT NULL,"
        " updated_at_ms INTEGER NOT NULL,"
        " refund_order_id TEXT,"
        " detail TEXT)"_s,
        u"CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"_s,
    };
}

// Second gateway (iOnline) support and the audit view's date-range query.
QStringList version2()
{
    return {
        u"ALTER TABLE orders ADD COLUMN gateway TEXT NOT NULL DEFAULT 'iotpay'"_s,
        u"ALTER TABLE notifications ADD COLUMN gateway TEXT NOT NULL DEFAULT 'iotpay'"_s,
        u"CREATE INDEX notifications_received_at ON notifications (received_at_ms)"_s,
    };
}

// The audit trail is only trustworthy if it cannot be edited: events become append-only.
QStringList version3()
{
    return {
        u"CREATE INDEX refunds_order ON refunds (order_id)"_s,
        u"CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
        " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"_s,
        u"CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
        " BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"_s,
    };
}

// Refunds and the daily report: refunds are counted on the business day they were made
// (a range over created_at_ms), and the ones still in flight are found by state. (A covering
// index for the report's GROUP BY was measured and left out: 17 % more file for 0.5 ms.)
QStringList version4()
{
    return {
        u"CREATE INDEX refunds_created_at ON refunds (created_at_ms)"_s,
        u"CREATE INDEX refunds_state ON refunds (state)"_s,
    };
}

// Manager actions not tied to one order (exports, reports, settings changes, PIN failures,
// reconciliation runs): an append-only audit table beside the order events, read by day.
QStringList version5()
{
    return {
        u"CREATE TABLE audit ("
        " id INTEGER PRIMARY KEY,"
        " at_ms INTEGER NOT NULL,"
        " kind TEXT NOT NULL,"
        " actor TEXT NOT NULL DEFAULT '',"
        " detail TEXT NOT NULL DEFAULT '')"_s,
        u"CREATE INDEX audit_at ON audit (at_ms)"_s,
        u"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
        " BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END"_s,
        u"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
        " BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END"_s,
    };
}

struct Step
{
    int version = 0;
    QStringList (*statements)() = nullptr;
};

// Append only: a released step is never edited, a change is a new step.
const std::array Steps{
    Step{1, &version1},
    Step{2, &version2},
    Step{3, &version3},
    Step{4, &version4},
    Step{5, &version5},
};

Error newerThanCode(int stored)
{
    return Error{ErrorCode::StoreFailure,
                 u"order log created by a newer PayDesk (schema version "_s + QString::number(stored)
                     + u", this build knows up to "_s + QString::number(latestVersion()) + u')',
                 {}, 0};
}

Result<void> applyStep(const QSqlDatabase &db, const Step &step, int busyTimeoutMs)
{
    sql::WriteTransaction transaction(db, busyTimeoutMs);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    // Re-read under the write lock: another process may have migrated meanwhile.
    const auto stored = storedVersion(db);
    if (!stored)
        return fail(stored.error());
    if (*stored > latestVersion())
        return fail(newerThanCode(*stored));
    if (*stored >= step.version)
        return {};
    if (*stored != step.version - 1) {
        return fail(ErrorCode::StoreFailure, u"schema version "_s + QString::number(*stored)
                                                 + u" cannot step to "_s + QString::number(step.version));
    }
    for (const QString &statement : step.statements()) {
        if (auto done = sql::run(db, statement); !done)
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

Result<int> storedVersion(const QSqlDatabase &db)
{
    // SQLite catalogue; the PostgreSQL port asks information_schema.tables instead.
    const auto tables = sql::scalar(
        db, u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"_s);
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

Result<int> applyMigrations(const QSqlDatabase &db, int upToVersion, int busyTimeoutMs)
{
    if (upToVersion < 0 || upToVersion > latestVersion()) {
        return fail(ErrorCode::InvalidArgument,
                    u"no schema version "_s + QString::number(upToVersion));
    }
    const auto stored = storedVersion(db);
    if (!stored)
        return fail(stored.error());
    if (*stored > latestVersion())
        return fail(newerThanCode(*stored));
    for (const Step &step : Steps) {
        if (step.version <= *stored || step.version > upToVersion)
            continue;
        if (auto applied = applyStep(db, step, busyTimeoutMs); !applied)
            return fail(applied.error());
    }
    return storedVersion(db);
}

} // namespace paydesk::schema
