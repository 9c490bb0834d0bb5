#include "OrderLog.h"

#include "OrderLogPrivate.h"
#include "Schema.h"

#include <QDebug>
#include <QSqlDriver>
#include <QSqlQuery>

#include <atomic>

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

StoreOptions storeOptions(const OrderLog::Options &options)
{
    return {options.readOnly, options.busyTimeoutMs, options.create};
}

// Brings the schema to the version of this build (read-write) or checks that it is there.
Result<int> prepareSchema(const sql::Connection &db, const OrderLog::Options &options)
{
    if (!options.readOnly) {
        // Proves the file is writable before anything relies on it: SQLite silently opens a
        // read-only file read-only and only fails at the first write.
        if (auto writable = sql::probeWritable(db); !writable)
            return fail(writable.error());
        if (auto migrated = schema::applyMigrations(db, schema::latestVersion()); !migrated)
            return fail(migrated.error());
    }
    const auto version = schema::storedVersion(db);
    if (!version)
        return fail(version.error());
    if (*version > schema::latestVersion()) {
        return fail(ErrorCode::StoreFailure,
                    u"order log created by a newer PayDesk (schema version "_s + QString::number(*version) + u')');
    }
    if (*version != schema::latestVersion()) {
        return fail(ErrorCode::StoreFailure,
                    u"order log has schema version "_s + QString::number(*version)
                        + u" and needs a read-write open to migrate"_s);
    }
    return *version;
}

} // namespace

OrderLog::Private::~Private()
{
    watch.reset(); // before the connection whose notifications it hears
    if (connectionName.isEmpty())
        return;
    // removeDatabase() warns and leaks unless no QSqlDatabase handle is left.
    statements.clear();
    db.db.close();
    db.db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
}

OrderLog::OrderLog(std::unique_ptr<Private> p) : d(std::move(p))
{}

OrderLog::~OrderLog() = default;

Result<std::unique_ptr<OrderLog>> OrderLog::open(const QString &path, const Clock &clock)
{
    return open(path, clock, Options{});
}

Result<std::unique_ptr<OrderLog>> OrderLog::open(const QString &path, const Clock &clock, const Options &options)
{
    auto store = storeLocationFor(path);
    if (!store)
        return fail(store.error());
    if (options.busyTimeoutMs < 0)
        return fail(ErrorCode::InvalidArgument, u"negative busy timeout"_s);
    if ((!options.create || options.readOnly) && !store->backend->exists(store->location))
        return fail(ErrorCode::StoreUnavailable,
                    u"no order log at "_s + store->backend->displayLocation(store->location));

    auto p = std::make_unique<Private>();
    p->path = store->backend->displayLocation(store->location);
    p->clock = &clock;
    p->options = options;
    p->connectionName = nextConnectionName();
    p->backend = std::move(store->backend);
    p->db = sql::Connection{QSqlDatabase::addDatabase(p->backend->driverName(), p->connectionName), p->backend.get(),
                            options.busyTimeoutMs};
    if (auto opened = p->backend->open(p->db.db, store->location, storeOptions(options)); !opened)
        return fail(opened.error());
    p->keeper.location = store->location;
    p->keeper.options = storeOptions(options);
    p->db.keeper = &p->keeper;
    p->db.statements = &p->statements;
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

bool OrderLog::isSharedStore() const
{
    return d->backend->name() == u"postgresql";
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
        return fail(sql::storeError(d->db, query->lastError(), u"reading events"_s));
    return result;
}

Result<QList<Order>> OrderLog::openOrdersSince(qint64 sinceUtcMs, const QString &storeId) const
{
    QVariantList values;
    const QString states = sql::bindList(values, orderrows::openStateNames());
    values.append(sinceUtcMs);
    QString where = u"state IN ("_s + states + u") AND created_at_ms >= ?"_s;
    if (!storeId.isEmpty()) {
        where += u" AND store_id = ?"_s;
        values.append(storeId);
    }
    return orderrows::readMany(d->db, where, values);
}

Result<QList<Order>> OrderLog::ordersBetween(qint64 fromUtcMs, qint64 toUtcMs) const
{
    return orderrows::readMany(d->db, u"created_at_ms >= ? AND created_at_ms < ?"_s, {fromUtcMs, toUtcMs});
}

Result<QList<NotificationRecord>> OrderLog::notificationsBetween(qint64 fromUtcMs, qint64 toUtcMs) const
{
    auto query = sql::run(d->db,
                          u"SELECT "_s + orderrows::notificationColumns()
                              + u", raw FROM notifications"
                                " WHERE received_at_ms >= ? AND received_at_ms < ? ORDER BY received_at_ms, id"_s,
                          {fromUtcMs, toUtcMs});
    if (!query)
        return fail(query.error());
    QList<NotificationRecord> result;
    while (query->next()) {
        NotificationRecord record = orderrows::notificationFromQuery(*query);
        record.raw = query->value(8).toByteArray();
        result.append(record);
    }
    if (query->lastError().isValid())
        return fail(sql::storeError(d->db, query->lastError(), u"reading notifications"_s));
    return result;
}

Result<qint64> OrderLog::dataVersion() const
{
    const auto version = sql::scalar(d->db, d->backend->dataVersionStatement());
    if (!version)
        return fail(version.error());
    return version->toLongLong();
}

PaymentWatch *OrderLog::watchPayments()
{
    if (d->watch)
        return d->watch.get();
    const QString channel = d->backend->paymentChannel();
    if (channel.isEmpty())
        return nullptr;
    if (auto usable = sql::restore(d->db); !usable)
        qWarning().noquote() << "order log: not connected while subscribing:" << describe(usable.error());
    d->keeper.channels.append(channel);
    d->statements.clear(); // a listening connection keeps none (sql::run)
    if (d->db.db.isOpen() && !d->db.db.driver()->subscribeToNotification(channel))
        qWarning().noquote() << "order log: LISTEN" << channel << "failed:" << d->db.db.driver()->lastError().text();
    Private *p = d.get();
    d->watch = std::make_unique<PaymentWatch>([p] { return sql::restore(p->db).has_value(); },
                                              [p] { return p->keeper.reconnects; });
    // The driver object stays the same across reconnects: this connection outlives them.
    QObject::connect(d->db.db.driver(), &QSqlDriver::notification, d->watch.get(),
                     [p, channel](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                         if (name == channel && p->watch)
                             p->watch->announce(payload.toString());
                     });
    return d->watch.get();
}

bool OrderLog::isConnected()
{
    return sql::restore(d->db).has_value();
}

Result<bool> OrderLog::tryClaimOrder(qint64 orderId)
{
    const QString statement = d->backend->orderClaimStatement();
    if (statement.isEmpty())
        return true;
    const auto taken = sql::scalar(d->db, statement, {QString::number(orderId)});
    if (!taken)
        return fail(taken.error());
    return taken->toBool();
}

void OrderLog::releaseOrder(qint64 orderId)
{
    const QString statement = d->backend->orderReleaseStatement();
    if (!statement.isEmpty())
        (void)sql::scalar(d->db, statement, {QString::number(orderId)});
}

Result<QString> OrderLog::integrityCheck() const
{
    const QString statement = d->backend->integrityCheckStatement();
    auto query = sql::run(d->db, statement);
    if (!query)
        return fail(query.error());
    QStringList lines;
    while (query->next())
        lines.append(query->value(0).toString());
    if (query->lastError().isValid())
        return fail(sql::storeError(d->db, query->lastError(), statement));
    return lines.join(u'\n');
}

Result<void> OrderLog::checkWritable()
{
    return sql::probeWritable(d->db);
}

} // namespace paydesk
