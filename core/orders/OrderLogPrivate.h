#pragma once

// Internal to core/orders: the state OrderLog's implementation files share.

#include "OrderLog.h"
#include "PaymentWatch.h"
#include "SqlSupport.h"
#include "StorageBackend.h"

#include <memory>

namespace paydesk {

struct OrderLog::Private
{
    QString path;
    const Clock *clock = nullptr;
    Options options;
    QString connectionName;
    std::unique_ptr<StorageBackend> backend;
    sql::Connection db; // on `backend`
    sql::Keeper keeper; // db.keeper: brings a lost server connection back
    sql::StatementCache statements; // db.statements
    int schemaVersion = 0;
    std::unique_ptr<PaymentWatch> watch;

    Private() = default;
    ~Private();
    Private(const Private &) = delete;
    Private &operator=(const Private &) = delete;

    qint64 now() const { return clock->nowUtcMs(); }
    sql::WriteTransaction writeTransaction() const { return sql::WriteTransaction(db); }

    // Runs `body` (one write transaction, begin to commit) again when it failed on a
    // serialization failure or a deadlock (PostgreSQL 40001, 40P01: the server rolled it back and
    // a second run may pass), a bounded number of times; any other outcome is returned as it is.
    template<typename Body> auto retryingConflicts(Body &&body) const -> decltype(body())
    {
        constexpr int MaxAttempts = 4;
        for (int attempt = 1;; ++attempt) {
            const int conflicts = sql::conflictsOnThisThread();
            auto result = body();
            if (result || attempt >= MaxAttempts || sql::conflictsOnThisThread() == conflicts)
                return result;
        }
    }
};

namespace orderrows {

// " AND <prefix>store_id = ? AND <prefix>terminal_id = ?" for the non-empty fields of `scope`,
// their values appended to `values`.
QString scopeCondition(const ReportScope &scope, QVariantList &values, const QString &prefix);

// The names of the open states (NEW, CREATING, UNKNOWN, AWAITING).
QStringList openStateNames();

// The column list every order read selects, in the order fromQuery() expects.
QString columns();
Order fromQuery(const sql::Rows &query);

// Reads one order by a single-column condition ("id = ?", "mch_order_no = ?"): NotFound when
// there is none.
Result<Order> readOne(const sql::Connection &db, const QString &condition, const QVariant &value);
// Runs a SELECT of columns() and reads every row.
Result<QList<Order>> readOrders(const sql::Connection &db, const QString &statement, const QVariantList &values);
Result<QList<Order>> readMany(const sql::Connection &db, const QString &condition, const QVariantList &values);

struct EventRow
{
    qint64 orderId = 0;
    qint64 atMs = 0;
    QString kind;
    OrderState fromState = OrderState::Invalid;
    OrderState toState = OrderState::Invalid;
    QString actor;
    QString detail;
};
Result<qint64> insertEvent(const sql::Connection &db, const EventRow &event);

// The columns of a notification without its raw body, in the order notificationFromQuery()
// expects.
QString notificationColumns();
NotificationRecord notificationFromQuery(const sql::Rows &query);

// The audit row; the caller has decided the verdict. `raw` is capped here.
Result<qint64> insertNotification(const sql::Connection &db, const NotificationRecord &record,
                                  qint64 fallbackReceivedAtMs);

// Moves the row from `current.state` to `to` (already checked against the transition table)
// with a conditional UPDATE, sets the non-empty details and writes the event. Returns whether
// this is a late payment; `after`, when given, gets the row as written (UPDATE ... RETURNING: no
// read after it). Runs inside the caller's write transaction.
Result<bool> moveState(const sql::Connection &db, const Order &current, OrderState to, const TransitionDetails &details,
                       qint64 nowMs, Order *after = nullptr);

} // namespace orderrows

} // namespace paydesk
