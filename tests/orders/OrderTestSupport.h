#pragma once

// Helpers shared by the order log tests: a raw Qt SQL connection to poke at the file the way
// another process (or an older PayDesk) would, and shortcuts to put orders into a state.

#include "TestStore.h"
#include "orders/OrderLog.h"
#include "orders/PostgresBackend.h"
#include "orders/SqlSupport.h"
#include "orders/SqliteBackend.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <memory>

namespace paydesk::testing {

// A second connection to the same store, independent of any OrderLog: a raw QSQLITE connection
// to a file path (with `connectOptions`), or one opened by the PostgreSQL backend for a
// postgresql:// URL.
class RawConnection
{
public:
    explicit RawConnection(const QString &url, const QString &connectOptions = {})
        : m_name(QStringLiteral("orders-test-raw-") + QString::number(++counter()))
    {
        if (url.startsWith(QStringLiteral("postgresql:"))) {
            m_backend = std::make_unique<PostgresBackend>();
            m_db = QSqlDatabase::addDatabase(m_backend->driverName(), m_name);
            m_opened = bool(m_backend->open(m_db, url, StoreOptions{}));
            return;
        }
        m_backend = std::make_unique<SqliteBackend>();
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(url);
        m_db.setConnectOptions(connectOptions);
        m_opened = m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isOpen() const { return m_opened; }
    QSqlDatabase &db() { return m_db; }
    // For the order log's internals (schema migrations) on this connection.
    sql::Connection connection(int busyTimeoutMs = 1000) const { return {m_db, m_backend.get(), busyTimeoutMs}; }

    // Executes and returns the error text, empty on success.
    QString exec(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery query(m_db);
        if (!execute(query, statement, values))
            return query.lastError().text() + QStringLiteral(" [") + query.lastError().nativeErrorCode() + u']';
        return {};
    }

    // First column of the first row; an invalid QVariant when there is none or on error.
    QVariant scalar(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery query(m_db);
        if (!execute(query, statement, values) || !query.next())
            return {};
        return query.value(0);
    }

    // Without values executed directly (QPSQL cannot prepare DDL), else prepared and bound.
    static bool execute(QSqlQuery &query, const QString &statement, const QVariantList &values)
    {
        if (values.isEmpty())
            return query.exec(statement);
        if (!query.prepare(statement))
            return false;
        for (const QVariant &value : values)
            query.addBindValue(value);
        return query.exec();
    }

private:
    static std::atomic<int> &counter()
    {
        static std::atomic<int> value{0};
        return value;
    }

    QString m_name;
    std::unique_ptr<StorageBackend> m_backend;
    QSqlDatabase m_db;
    bool m_opened = false;
};

// The error code of a result, Invalid when it succeeded: comparisons never touch error() of a
// success.
template<typename T> ErrorCode errorCodeOf(const Result<T> &result)
{
    return result ? ErrorCode::Invalid : result.error().code;
}

inline NewOrder sampleOrder(const QString &terminalId = QStringLiteral("T1"), qint64 amountMinor = 2865,
                            Currency currency = Currency::CAD, Channel channel = Channel::WxNative)
{
    NewOrder order;
    order.terminalId = terminalId;
    order.cashier = QStringLiteral("alice");
    order.channel = channel;
    order.amount = Money{amountMinor, currency};
    order.subject = QStringLiteral("Coffee");
    return order;
}

// The forward path that leads a NEW order to `state`.
inline QList<OrderState> pathTo(OrderState state)
{
    switch (state) {
    case OrderState::New:
        return {};
    case OrderState::Creating:
        return {OrderState::Creating};
    case OrderState::Unknown:
        return {OrderState::Creating, OrderState::Unknown};
    case OrderState::Awaiting:
        return {OrderState::Creating, OrderState::Awaiting};
    case OrderState::Expired:
        return {OrderState::Creating, OrderState::Awaiting, OrderState::Expired};
    case OrderState::Cancelled:
        return {OrderState::Cancelled};
    case OrderState::Failed:
        return {OrderState::Failed};
    case OrderState::Paid:
        return {OrderState::Paid};
    case OrderState::Invalid:
        break;
    }
    return {};
}

// Creates an order and drives it to `state`; the order id, or 0 on any failure.
inline qint64 orderIn(OrderLog &log, OrderState state, const NewOrder &order = sampleOrder())
{
    const auto created = log.createOrder(order);
    if (!created)
        return 0;
    for (OrderState step : pathTo(state)) {
        TransitionDetails details;
        details.actor = QStringLiteral("test");
        if (!log.transition(created->id, step, details))
            return 0;
    }
    return created->id;
}

inline const QList<OrderState> &allStates()
{
    static const QList<OrderState> states{
        OrderState::New,     OrderState::Creating,  OrderState::Unknown, OrderState::Awaiting,
        OrderState::Expired, OrderState::Cancelled, OrderState::Failed,  OrderState::Paid,
    };
    return states;
}

} // namespace paydesk::testing

Q_DECLARE_METATYPE(paydesk::OrderState)
Q_DECLARE_METATYPE(paydesk::NewOrder)
