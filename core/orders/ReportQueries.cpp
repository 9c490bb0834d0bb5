#include "OrderLog.h"

#include "OrderLogPrivate.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

// A read that failed half-way (I/O error, corruption) must not pass for a smaller total.
Result<void> checkRead(const sql::Connection &db, const sql::Rows &query, const QString &what)
{
    if (query.lastError().isValid())
        return fail(sql::storeError(db, query.lastError(), u"reading "_s + what));
    return {};
}

} // namespace

namespace orderrows {

QString scopeCondition(const ReportScope &scope, QVariantList &values, const QString &prefix)
{
    QString condition;
    if (!scope.storeId.isEmpty()) {
        condition += u" AND "_s + prefix + u"store_id = ?"_s;
        values.append(scope.storeId);
    }
    if (!scope.terminalId.isEmpty()) {
        condition += u" AND "_s + prefix + u"terminal_id = ?"_s;
        values.append(scope.terminalId);
    }
    return condition;
}

} // namespace orderrows

// One pass over the range's orders: positional GROUP BY and integer division are portable
// (SQLite and PostgreSQL). Sums are cast: PostgreSQL's SUM of a BIGINT is a NUMERIC, which QPSQL
// reads as a double.
Result<QList<OrderGroupRow>> OrderLog::orderGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs, qint64 bucketMs,
                                                          const ReportScope &scope) const
{
    if (bucketMs <= 0)
        return fail(ErrorCode::InvalidArgument, u"time bucket must be positive"_s);
    QVariantList values{fromUtcMs, bucketMs, fromUtcMs, toUtcMs};
    const QString scoped = orderrows::scopeCondition(scope, values, {});
    auto query
        = sql::run(d->db,
                   u"SELECT (created_at_ms - ?) / ?, state, channel, currency, late, source, COUNT(*),"
                   " CAST(SUM(amount_minor) AS BIGINT) FROM orders WHERE created_at_ms >= ? AND created_at_ms < ?"_s
                       + scoped + u" GROUP BY 1, 2, 3, 4, 5, 6"_s,
                   values);
    if (!query)
        return fail(query.error());
    QList<OrderGroupRow> rows;
    while (query->next()) {
        rows.append(OrderGroupRow{query->value(0).toLongLong(), orderStateFromName(query->value(1).toString()),
                                  channelFromId(query->value(2).toString()),
                                  currencyFromCode(query->value(3).toString()), query->value(4).toLongLong() != 0,
                                  orderSourceFromName(query->value(5).toString()), query->value(6).toInt(),
                                  query->value(7).toLongLong()});
    }
    if (auto read = checkRead(d->db, *query, u"order totals"_s); !read)
        return fail(read.error());
    return rows;
}

// A second pass rather than two more columns in the one above: grouped by quarter hour and by
// terminal, a chain's day would come back as tens of thousands of rows.
Result<QList<PlaceGroupRow>> OrderLog::placeGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs,
                                                          const ReportScope &scope) const
{
    QVariantList values{fromUtcMs, toUtcMs};
    const QString scoped = orderrows::scopeCondition(scope, values, {});
    auto query = sql::run(d->db,
                          u"SELECT store_id, terminal_id, currency, state, COUNT(*), CAST(SUM(amount_minor) AS BIGINT)"
                          " FROM orders WHERE created_at_ms >= ? AND created_at_ms < ?"_s
                              + scoped + u" GROUP BY store_id, terminal_id, currency, state"_s,
                          values);
    if (!query)
        return fail(query.error());
    QList<PlaceGroupRow> rows;
    while (query->next()) {
        rows.append(PlaceGroupRow{
            query->value(0).toString(), query->value(1).toString(), currencyFromCode(query->value(2).toString()),
            orderStateFromName(query->value(3).toString()), query->value(4).toInt(), query->value(5).toLongLong()});
    }
    if (auto read = checkRead(d->db, *query, u"store and terminal totals"_s); !read)
        return fail(read.error());
    return rows;
}

// The day's refunds (few, by their created_at index) lead and find their orders by id: SQLite
// keeps the left table of a CROSS JOIN outside (without it, a store scope led it to walk the
// store's every order, 0.5 s on 10,000,000); PostgreSQL plans it as the inner join it is.
Result<QList<RefundGroupRow>> OrderLog::refundGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs,
                                                            const ReportScope &scope) const
{
    QVariantList values{fromUtcMs, toUtcMs};
    const QString scoped = orderrows::scopeCondition(scope, values, u"o."_s);
    auto query
        = sql::run(d->db,
                   u"SELECT o.channel, r.currency, r.state, o.source, COUNT(*),"
                   " CAST(SUM(r.amount_minor) AS BIGINT), o.store_id, o.terminal_id"
                   " FROM refunds r CROSS JOIN orders o"
                   " WHERE o.id = r.order_id AND r.created_at_ms >= ? AND r.created_at_ms < ?"_s
                       + scoped + u" GROUP BY o.channel, r.currency, r.state, o.source, o.store_id, o.terminal_id"_s,
                   values);
    if (!query)
        return fail(query.error());
    QList<RefundGroupRow> rows;
    while (query->next()) {
        rows.append(
            RefundGroupRow{channelFromId(query->value(0).toString()), currencyFromCode(query->value(1).toString()),
                           refundStateFromName(query->value(2).toString()),
                           orderSourceFromName(query->value(3).toString()), query->value(4).toInt(),
                           query->value(5).toLongLong(), query->value(6).toString(), query->value(7).toString()});
    }
    if (auto read = checkRead(d->db, *query, u"refund totals"_s); !read)
        return fail(read.error());
    return rows;
}

Result<QList<CashierGroupRow>> OrderLog::cashierGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs,
                                                              const ReportScope &scope) const
{
    QVariantList values{fromUtcMs, toUtcMs, orderStateName(OrderState::Paid)};
    const QString ordersScope = orderrows::scopeCondition(scope, values, {});
    values << fromUtcMs << toUtcMs << refundStateName(RefundState::Succeeded);
    const QString refundsScope = orderrows::scopeCondition(scope, values, u"o."_s);
    auto query
        = sql::run(d->db,
                   u"SELECT cashier, currency, CAST(SUM(paid) AS BIGINT), CAST(SUM(gross) AS BIGINT),"
                   " CAST(SUM(refunded) AS BIGINT), CAST(SUM(refunds) AS BIGINT) FROM ("
                   " SELECT cashier, currency, COUNT(*) AS paid, SUM(amount_minor) AS gross, 0 AS refunded,"
                   " 0 AS refunds FROM orders WHERE created_at_ms >= ? AND created_at_ms < ? AND state = ?"_s
                       + ordersScope
                       + u" GROUP BY cashier, currency"
                         " UNION ALL SELECT o.cashier, r.currency, 0, 0, COUNT(*), SUM(r.amount_minor)"
                         " FROM refunds r CROSS JOIN orders o"
                         " WHERE o.id = r.order_id AND r.created_at_ms >= ? AND r.created_at_ms < ? AND r.state = ?"_s
                       + refundsScope
                       + u" GROUP BY o.cashier, r.currency) t GROUP BY cashier, currency"
                         " ORDER BY cashier, currency"_s,
                   values);
    if (!query)
        return fail(query.error());
    QList<CashierGroupRow> rows;
    while (query->next()) {
        rows.append(CashierGroupRow{query->value(0).toString(), currencyFromCode(query->value(1).toString()),
                                    query->value(2).toInt(), query->value(3).toLongLong(), query->value(4).toInt(),
                                    query->value(5).toLongLong()});
    }
    if (auto read = checkRead(d->db, *query, u"cashier totals"_s); !read)
        return fail(read.error());
    return rows;
}

// One query with OR, so that the planner keeps to the created_at range (late has no index).
Result<QList<Order>> OrderLog::lateOrOpenOrdersBetween(qint64 fromUtcMs, qint64 toUtcMs, const ReportScope &scope) const
{
    QVariantList values{fromUtcMs, toUtcMs};
    QString condition = u"created_at_ms >= ? AND created_at_ms < ? AND (late = 1 OR state IN ("_s
        + sql::bindList(values, orderrows::openStateNames()) + u"))"_s;
    condition += orderrows::scopeCondition(scope, values, {});
    return orderrows::readMany(d->db, condition, values);
}

Result<QList<VerdictCount>> OrderLog::notificationVerdictCounts(qint64 fromUtcMs, qint64 toUtcMs) const
{
    auto query
        = sql::run(d->db,
                   u"SELECT verdict, COUNT(*) FROM notifications WHERE received_at_ms >= ? AND received_at_ms < ?"
                   " GROUP BY verdict"_s,
                   {fromUtcMs, toUtcMs});
    if (!query)
        return fail(query.error());
    QList<VerdictCount> counts;
    while (query->next())
        counts.append(VerdictCount{query->value(0).toString(), query->value(1).toInt()});
    if (auto read = checkRead(d->db, *query, u"notification counts"_s); !read)
        return fail(read.error());
    return counts;
}

Result<QList<NotificationRecord>> OrderLog::notificationsWithVerdicts(qint64 fromUtcMs, qint64 toUtcMs,
                                                                      const QStringList &verdicts, int limit) const
{
    if (verdicts.isEmpty() || limit < 1)
        return fail(ErrorCode::InvalidArgument, u"notification read without verdicts or a positive limit"_s);
    QVariantList values{fromUtcMs, toUtcMs};
    const QString statement = u"SELECT "_s + orderrows::notificationColumns()
        + u" FROM notifications WHERE received_at_ms >= ? AND received_at_ms < ? AND verdict IN ("_s
        + sql::bindList(values, verdicts) + u") ORDER BY received_at_ms, id LIMIT ?"_s;
    values.append(limit);
    auto query = sql::run(d->db, statement, values);
    if (!query)
        return fail(query.error());
    QList<NotificationRecord> records;
    while (query->next())
        records.append(orderrows::notificationFromQuery(*query));
    if (auto read = checkRead(d->db, *query, u"notifications"_s); !read)
        return fail(read.error());
    return records;
}

} // namespace paydesk
