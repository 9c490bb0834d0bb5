#include "OrderLog.h"

#include "OrderLogPrivate.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace paydesk {

// For the manager's alerts (core/reports): the events of given kinds on the orders of a
// business day, through the orders' created_at and the events' order_id indexes.
Result<QList<OrderNotice>> OrderLog::noticesForOrdersCreatedBetween(const QStringList &kinds, qint64 fromUtcMs,
                                                                    qint64 toUtcMs, const ReportScope &scope) const
{
    if (kinds.isEmpty())
        return QList<OrderNotice>();
    QVariantList values{fromUtcMs, toUtcMs};
    const QString scoped = orderrows::scopeCondition(scope, values, u"o."_s);
    QStringList marks;
    for (const QString &kind : kinds) {
        marks.append(u"?"_s);
        values.append(kind);
    }
    auto query = sql::run(d->db,
                          u"SELECT e.id, e.order_id, e.at_ms, e.kind, e.actor, e.detail, o.mch_order_no FROM events e"
                          " JOIN orders o ON o.id = e.order_id WHERE o.created_at_ms >= ? AND o.created_at_ms < ?"_s
                              + scoped + u" AND e.kind IN ("_s + marks.join(u", "_s) + u") ORDER BY e.at_ms, e.id"_s,
                          values);
    if (!query)
        return fail(query.error());
    QList<OrderNotice> result;
    while (query->next()) {
        const OrderEvent event{query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toLongLong(),
                               query->value(3).toString(),   OrderState::Invalid,          OrderState::Invalid,
                               query->value(4).toString(),   query->value(5).toString()};
        result.append({query->value(6).toString(), event});
    }
    if (query->lastError().isValid())
        return fail(sql::storeError(d->db, query->lastError(), u"reading events"_s));
    return result;
}

} // namespace paydesk
