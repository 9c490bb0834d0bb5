#include "OrderLog.h"

#include "OrderLogPrivate.h"
#include "Schema.h"

#include <QFileInfo>
#include <QSqlQuery>

#include <atomic>
#include <limits>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

std::atomic<quint64> connectionCounter{0};

// Each OrderLog owns its Qt SQL connection: several instances (GUI, in-process relay, tests)
// may be open in one process, each on its own thread.
QString nextConnectionName()
{
    return u"paydesk-orderlog-"_s + QString::number(++connectionCounter);
}

Result<void> applyPragmas(const QSqlDatabase &db, const OrderLog::Options &options)
{
    const QString busy = u"PRAGMA busy_timeout = "_s + QString::number(options.busyTimeoutMs);
    if (auto done = sql::run(db, busy); !done)
        return fail(done.error());
    // SQLite opens files lazily: this first read is what tells garbage or a corrupt header
    // (StoreCorrupt) and a lock that outlasts busy_timeout (StoreBusy) apart from a database.
    if (auto probe = sql::scalar(db, u"SELECT COUNT(*) FROM sqlite_master"_s); !probe)
        return fail(probe.error());
    if (!options.readOnly) {
        // The relay and the GUI write the same file at once; only WAL lets readers and the
        // writer proceed together. The mode is stored in the file, so this is set once.
        auto mode = sql::runRetryingBusy(db, u"PRAGMA journal_mode = WAL"_s, options.busyTimeoutMs);
        if (!mode)
            return fail(mode.error());
        const QString modeName = mode->next() ? mode->value(0).toString() : QString();
        mode->finish();
        if (modeName.compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            return fail(ErrorCode::StoreFailure, u"journal_mode stays "_s + modeName + u" instead of wal"_s);
        }
    }
    // FULL: a notification is acknowledged only after a commit that survives power loss
    // (reliability.md); NORMAL in WAL mode may lose the last commits.
    if (auto done = sql::run(db, u"PRAGMA synchronous = FULL"_s); !done)
        return fail(done.error());
    if (auto done = sql::run(db, u"PRAGMA foreign_keys = ON"_s); !done)
        return fail(done.error());
    return {};
}

Result<void> openConnection(QSqlDatabase &db, const QString &path, const OrderLog::Options &options)
{
    if (!db.isValid())
        return fail(ErrorCode::StoreUnavailable, u"the Qt SQLite driver (QSQLITE) is not available"_s);
    db.setDatabaseName(path);
    QString connectOptions = u"QSQLITE_BUSY_TIMEOUT="_s + QString::number(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += u";QSQLITE_OPEN_READONLY"_s;
    db.setConnectOptions(connectOptions);
    if (!db.open())
        return fail(sql::storeError(db.lastError(), u"opening "_s + path));
    return applyPragmas(db, options);
}

// Brings the schema to the version of this build (read-write) or checks that it is there.
Result<int> prepareSchema(const QSqlDatabase &db, const OrderLog::Options &options)
{
    if (!options.readOnly) {
        // Proves the file is writable before anything relies on it: SQLite silently opens a
        // read-only file read-only and only fails at the first write.
        if (auto writable = sql::probeWritable(db, options.busyTimeoutMs); !writable)
            return fail(writable.error());
        if (auto migrated = schema::applyMigrations(db, schema::latestVersion(), options.busyTimeoutMs); !migrated)
            return fail(migrated.error());
    }
    const auto version = schema::storedVersion(db);
    if (!version)
        return fail(version.error());
    if (*version > schema::latestVersion()) {
        return fail(ErrorCode::StoreFailure, u"order log created by a newer PayDesk (schema version "_s
                                                 + QString::number(*version) + u')');
    }
    if (*version != schema::latestVersion()) {
        return fail(ErrorCode::StoreFailure, u"order log has schema version "_s + QString::number(*version)
                                                 + u" and needs a read-write open to migrate"_s);
    }
    return *version;
}

} // namespace

OrderLog::Private::~Private()
{
    if (connectionName.isEmpty())
        return;
    // removeDatabase() warns and leaks unless no QSqlDatabase handle is left.
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
}

OrderLog::OrderLog(std::unique_ptr<Private> p) : d(std::move(p)) {}

OrderLog::~OrderLog() = default;

Result<std::unique_ptr<OrderLog>> OrderLog::open(const QString &path, const Clock &clock)
{
    return open(path, clock, Options{});
}

Result<std::unique_ptr<OrderLog>> OrderLog::open(const QString &path, const Clock &clock,
                                                 const Options &options)
{
    if (path.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"no order log path"_s);
    if (options.busyTimeoutMs < 0)
        return fail(ErrorCode::InvalidArgument, u"negative busy timeout"_s);
    if ((!options.create || options.readOnly) && !QFileInfo::exists(path))
        return fail(ErrorCode::StoreUnavailable, u"no order log at "_s + path);

    auto p = std::make_unique<Private>();
    p->path = path;
    p->clock = &clock;
    p->options = options;
    p->connectionName = nextConnectionName();
    p->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, p->connectionName);
    if (auto opened = openConnection(p->db, path, options); !opened)
        return fail(opened.error());
    const auto version = prepareSchema(p->db, options);
    if (!version)
        return fail(version.error());
    p->schemaVersion = *version;
    return std::unique_ptr<OrderLog>(new OrderLog(std::move(p)));
}

QString OrderLog::path() const
{
    return d->path;
}

int OrderLog::schemaVersion() const
{
    return d->schemaVersion;
}

int OrderLog::currentSchemaVersion()
{
    return schema::latestVersion();
}

Result<Order> OrderLog::orderById(qint64 id) const
{
    return orderrows::readOne(d->db, u"id = ?"_s, id);
}

Result<Order> OrderLog::orderByMchOrderNo(const QString &mchOrderNo) const
{
    return orderrows::readOne(d->db, u"mch_order_no = ?"_s, mchOrderNo);
}

Result<QList<OrderEvent>> OrderLog::events(qint64 orderId) const
{
    auto query = sql::run(d->db,
                          u"SELECT id, order_id, at_ms, kind, from_state, to_state, actor, detail"
                          " FROM events WHERE order_id = ? ORDER BY id"_s,
                          {orderId});
    if (!query)
        return fail(query.error());
    QList<OrderEvent> result;
    while (query->next()) {
        OrderEvent event;
        event.id = query->value(0).toLongLong();
        event.orderId = query->value(1).toLongLong();
        event.atMs = query->value(2).toLongLong();
        event.kind = query->value(3).toString();
        event.fromState = orderStateFromName(query->value(4).toString());
        event.toState = orderStateFromName(query->value(5).toString());
        event.actor = query->value(6).toString();
        event.detail = query->value(7).toString();
        result.append(event);
    }
    if (query->lastError().isValid())
        return fail(sql::storeError(query->lastError(), u"reading events"_s));
    return result;
}

Result<QList<Order>> OrderLog::openOrdersSince(qint64 sinceUtcMs) const
{
    QVariantList values;
    QStringList placeholders;
    for (OrderState state : {OrderState::New, OrderState::Creating, OrderState::Unknown, OrderState::Awaiting}) {
        values.append(orderStateName(state));
        placeholders.append(u"?"_s);
    }
    values.append(sinceUtcMs);
    return orderrows::readMany(d->db,
                               u"state IN ("_s + placeholders.join(u", ") + u") AND created_at_ms >= ?"_s,
                               values);
}

Result<QList<Order>> OrderLog::ordersBetween(qint64 fromUtcMs, qint64 toUtcMs) const
{
    return orderrows::readMany(d->db, u"created_at_ms >= ? AND created_at_ms < ?"_s, {fromUtcMs, toUtcMs});
}

Result<QList<Order>> OrderLog::selectOrders(const OrderSelection &selection) const
{
    QString statement = u"SELECT "_s + orderrows::columns() + u" FROM orders"_s;
    if (!selection.condition.isEmpty())
        statement += u" WHERE "_s + selection.condition;
    statement += selection.descending ? u" ORDER BY created_at_ms DESC, id DESC"_s
                                      : u" ORDER BY created_at_ms, id"_s;
    QVariantList values = selection.values;
    // LIMIT/OFFSET are the portable spelling (SQLite and PostgreSQL); -1 is SQLite's "no limit",
    // so an unlimited read simply leaves the clause out.
    if (selection.limit >= 0 || selection.offset > 0) {
        statement += u" LIMIT ? OFFSET ?"_s;
        values << qint64(selection.limit >= 0 ? selection.limit : std::numeric_limits<qint64>::max())
               << qMax<qint64>(0, selection.offset);
    }
    auto query = sql::run(d->db, statement, values);
    if (!query)
        return fail(query.error());
    QList<Order> result;
    while (query->next())
        result.append(orderrows::fromQuery(*query));
    if (query->lastError().isValid())
        return fail(sql::storeError(query->lastError(), u"reading orders"_s));
    return result;
}

Result<QSqlQuery> OrderLog::select(const QString &statement, const QVariantList &values) const
{
    // A guard against mistakes, not a sandbox: callers are core modules with their own SQL.
    const QString head = statement.trimmed().left(6).toUpper();
    if (!head.startsWith(u"SELECT"_s) && !head.startsWith(u"WITH"_s))
        return fail(ErrorCode::InvalidArgument, u"OrderLog::select runs SELECT statements only"_s);
    return sql::run(d->db, statement, values);
}

Result<QList<NotificationRecord>> OrderLog::notificationsBetween(qint64 fromUtcMs, qint64 toUtcMs) const
{
    auto query = sql::run(d->db,
                          u"SELECT id, received_at_ms, gateway, verdict, reason, mch_order_no,"
                          " pay_order_id, remote_address, raw FROM notifications"
                          " WHERE received_at_ms >= ? AND received_at_ms < ? ORDER BY received_at_ms, id"_s,
                          {fromUtcMs, toUtcMs});
    if (!query)
        return fail(query.error());
    QList<NotificationRecord> result;
    while (query->next()) {
        NotificationRecord record;
        record.id = query->value(0).toLongLong();
        record.receivedAtMs = query->value(1).toLongLong();
        record.gateway = query->value(2).toString();
        record.verdict = query->value(3).toString();
        record.reason = query->value(4).toString();
        record.mchOrderNo = query->value(5).toString();
        record.payOrderId = query->value(6).toString();
        record.remoteAddress = query->value(7).toString();
        record.raw = query->value(8).toByteArray();
        result.append(record);
    }
    if (query->lastError().isValid())
        return fail(sql::storeError(query->lastError(), u"reading notifications"_s));
    return result;
}

Result<qint64> OrderLog::dataVersion() const
{
    const auto version = sql::scalar(d->db, u"PRAGMA data_version"_s);
    if (!version)
        return fail(version.error());
    return version->toLongLong();
}

Result<QString> OrderLog::integrityCheck() const
{
    auto query = sql::run(d->db, u"PRAGMA integrity_check"_s);
    if (!query)
        return fail(query.error());
    QStringList lines;
    while (query->next())
        lines.append(query->value(0).toString());
    if (query->lastError().isValid())
        return fail(sql::storeError(query->lastError(), u"PRAGMA integrity_check"_s));
    return lines.join(u'\n');
}

Result<void> OrderLog::checkWritable()
{
    return sql::probeWritable(d->db, d->options.busyTimeoutMs);
}

} // namespace paydesk
