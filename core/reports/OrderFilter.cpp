#include "OrderFilter.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr int MaxPageSize = 10'000;

// LIKE with an explicit escape character, so that '%' and '_' typed by the manager match
// themselves. UPPER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
QString likePattern(const QString &text)
{
    QString escaped;
    for (const QChar c : text.toUpper()) {
        if (c == u'%' || c == u'_' || c == u'!')
            escaped += u'!';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

Result<void> validate(const OrderFilter &filter)
{
    if (filter.fromUtcMs < 0 || filter.toUtcMs < 0)
        return fail(ErrorCode::InvalidArgument, u"negative time in the filter"_s);
    if (filter.fromUtcMs > 0 && filter.toUtcMs > 0 && filter.toUtcMs < filter.fromUtcMs)
        return fail(ErrorCode::InvalidArgument, u"the filter's time range ends before it starts"_s);
    if ((filter.minAmountMinor && *filter.minAmountMinor < 0) || (filter.maxAmountMinor && *filter.maxAmountMinor < 0))
        return fail(ErrorCode::InvalidArgument, u"negative amount in the filter"_s);
    if (filter.minAmountMinor && filter.maxAmountMinor && *filter.maxAmountMinor < *filter.minAmountMinor)
        return fail(ErrorCode::InvalidArgument, u"the filter's amount range is inverted"_s);
    if (filter.states.contains(OrderState::Invalid) || filter.channels.contains(Channel::Invalid))
        return fail(ErrorCode::InvalidArgument, u"invalid state or channel in the filter"_s);
    return {};
}

struct Clauses
{
    QStringList conditions;
    QVariantList values;

    void add(const QString &condition, const QVariantList &bound)
    {
        conditions.append(condition);
        values.append(bound);
    }
};

void addListClauses(const OrderFilter &filter, Clauses &clauses)
{
    if (!filter.states.isEmpty()) {
        QVariantList names;
        for (OrderState state : filter.states)
            names.append(orderStateName(state));
        // Without statistics SQLite prefers the state index to a created_at range, and for
        // "PAID on one day" that reads every paid order ever. When a time range is given, the
        // expression (portable, unlike SQLite's unary +) keeps the planner on the range.
        const bool timeRange = filter.fromUtcMs > 0 || filter.toUtcMs > 0;
        const QString column = timeRange ? u"(state || '')"_s : u"state"_s;
        clauses.add(column + u" IN ("_s + placeholders(names.size()) + u')', names);
    }
    if (!filter.channels.isEmpty()) {
        QVariantList ids;
        for (Channel channel : filter.channels)
            ids.append(channelId(channel));
        clauses.add(u"channel IN ("_s + placeholders(ids.size()) + u')', ids);
    }
}

Result<OrderSelection> selectionFor(const OrderFilter &filter, ListOrder order)
{
    if (order == ListOrder::Invalid)
        return fail(ErrorCode::InvalidArgument, u"no list order"_s);
    const auto where = filter.toSql();
    if (!where)
        return fail(where.error());
    OrderSelection selection;
    selection.condition = where->condition;
    selection.values = where->values;
    selection.descending = order == ListOrder::NewestFirst;
    return selection;
}

} // namespace

Result<OrderFilter::Sql> OrderFilter::toSql() const
{
    if (auto valid = validate(*this); !valid)
        return fail(valid.error());
    Clauses clauses;
    // The time range first: it is what the created_at index serves.
    if (fromUtcMs > 0)
        clauses.add(u"created_at_ms >= ?"_s, {fromUtcMs});
    if (toUtcMs > 0)
        clauses.add(u"created_at_ms < ?"_s, {toUtcMs});
    addListClauses(*this, clauses);
    if (currency != Currency::Invalid)
        clauses.add(u"currency = ?"_s, {currencyCode(currency)});
    if (!terminalId.isEmpty())
        clauses.add(u"terminal_id = ?"_s, {terminalId});
    if (!cashier.isEmpty())
        clauses.add(u"cashier = ?"_s, {cashier});
    if (minAmountMinor)
        clauses.add(u"amount_minor >= ?"_s, {*minAmountMinor});
    if (maxAmountMinor)
        clauses.add(u"amount_minor <= ?"_s, {*maxAmountMinor});
    const QString number = orderNumber.trimmed();
    if (!number.isEmpty()) {
        const QString pattern = likePattern(number);
        clauses.add(u"(UPPER(mch_order_no) LIKE ? ESCAPE '!' OR UPPER(COALESCE(pay_order_id, '')) LIKE ? ESCAPE '!')"_s,
                    {pattern, pattern});
    }
    if (lateOnly)
        clauses.add(u"late = 1"_s, {});
    if (refundedOnly)
        clauses.add(u"refunded_minor > 0"_s, {});
    return Sql{clauses.conditions.join(u" AND "_s), clauses.values};
}

OrderFilter OrderFilter::forRange(qint64 fromUtcMs, qint64 toUtcMs)
{
    OrderFilter filter;
    filter.fromUtcMs = fromUtcMs;
    filter.toUtcMs = toUtcMs;
    return filter;
}

Result<OrderPage> orderPage(const OrderLog &log, const OrderFilter &filter, int limit,
                            const std::optional<OrderCursor> &after, ListOrder order)
{
    if (limit < 1 || limit > MaxPageSize)
        return fail(ErrorCode::InvalidArgument, u"page size must be 1 to "_s + QString::number(MaxPageSize));
    auto selection = selectionFor(filter, order);
    if (!selection)
        return fail(selection.error());
    if (after) {
        const QString comparison = selection->descending ? u"<"_s : u">"_s;
        const QString keyset = u"(created_at_ms "_s + comparison + u" ? OR (created_at_ms = ? AND id "_s + comparison
            + u" ?))"_s;
        selection->condition = selection->condition.isEmpty() ? keyset : selection->condition + u" AND "_s + keyset;
        selection->values << after->createdAtMs << after->createdAtMs << after->id;
    }
    // One row more than asked tells whether there is a next page without a COUNT.
    selection->limit = limit + 1;
    auto orders = log.selectOrders(*selection);
    if (!orders)
        return fail(orders.error());
    OrderPage page;
    if (orders->size() > limit) {
        orders->resize(limit);
        page.next = OrderCursor{orders->last().createdAtMs, orders->last().id};
    }
    page.orders = std::move(*orders);
    return page;
}

Result<QList<Order>> orderRows(const OrderLog &log, const OrderFilter &filter, qint64 offset, int limit,
                               ListOrder order)
{
    if (limit < 1 || limit > MaxPageSize)
        return fail(ErrorCode::InvalidArgument, u"page size must be 1 to "_s + QString::number(MaxPageSize));
    if (offset < 0)
        return fail(ErrorCode::InvalidArgument, u"negative offset"_s);
    auto selection = selectionFor(filter, order);
    if (!selection)
        return fail(selection.error());
    selection->limit = limit;
    selection->offset = offset;
    return log.selectOrders(*selection);
}

Result<qint64> countOrders(const OrderLog &log, const OrderFilter &filter)
{
    const auto where = filter.toSql();
    if (!where)
        return fail(where.error());
    QString statement = u"SELECT COUNT(*) FROM orders"_s;
    if (!where->condition.isEmpty())
        statement += u" WHERE "_s + where->condition;
    auto query = log.select(statement, where->values);
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(ErrorCode::StoreFailure, u"COUNT(*) returned no row"_s);
    return query->value(0).toLongLong();
}

} // namespace paydesk
