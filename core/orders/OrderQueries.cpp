#include "OrderFilter.h"

#include "OrderLogPrivate.h"

#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

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

struct Clauses
{
    QStringList conditions;
    QVariantList values;

    void add(const QString &condition, const QVariantList &bound)
    {
        conditions.append(condition);
        values.append(bound);
    }

    QString where() const { return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s); }
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
        clauses.add(column + u" IN ("_s + sql::placeholders(names.size()) + u')', names);
    }
    if (!filter.channels.isEmpty()) {
        QVariantList ids;
        for (Channel channel : filter.channels)
            ids.append(channelId(channel));
        clauses.add(u"channel IN ("_s + sql::placeholders(ids.size()) + u')', ids);
    }
}

// The filter as a parameterised condition (portable SQL).
Result<Clauses> filterClauses(const OrderFilter &filter)
{
    if (auto valid = filter.validate(); !valid)
        return fail(valid.error());
    Clauses clauses;
    // The time range first: it is what the created_at index serves.
    if (filter.fromUtcMs > 0)
        clauses.add(u"created_at_ms >= ?"_s, {filter.fromUtcMs});
    if (filter.toUtcMs > 0)
        clauses.add(u"created_at_ms < ?"_s, {filter.toUtcMs});
    addListClauses(filter, clauses);
    if (filter.currency != Currency::Invalid)
        clauses.add(u"currency = ?"_s, {currencyCode(filter.currency)});
    if (!filter.storeId.isEmpty())
        clauses.add(u"store_id = ?"_s, {filter.storeId});
    if (!filter.terminalId.isEmpty())
        clauses.add(u"terminal_id = ?"_s, {filter.terminalId});
    if (!filter.cashier.isEmpty())
        clauses.add(u"cashier = ?"_s, {filter.cashier});
    if (filter.minAmountMinor)
        clauses.add(u"amount_minor >= ?"_s, {*filter.minAmountMinor});
    if (filter.maxAmountMinor)
        clauses.add(u"amount_minor <= ?"_s, {*filter.maxAmountMinor});
    const QString number = filter.orderNumber.trimmed();
    if (!number.isEmpty()) {
        const QString pattern = likePattern(number);
        clauses.add(u"(UPPER(mch_order_no) LIKE ? ESCAPE '!' OR UPPER(COALESCE(pay_order_id, '')) LIKE ? ESCAPE '!')"_s,
                    {pattern, pattern});
    }
    if (filter.lateOnly)
        clauses.add(u"late = 1"_s, {});
    if (filter.refundedOnly)
        clauses.add(u"refunded_minor > 0"_s, {});
    return clauses;
}

// The keyset condition and the ORDER BY / LIMIT of a slice.
Result<QString> applySlice(const OrderSlice &slice, Clauses &clauses)
{
    if (slice.order == ListOrder::Invalid)
        return fail(ErrorCode::InvalidArgument, u"no list order"_s);
    if (slice.offset < 0)
        return fail(ErrorCode::InvalidArgument, u"negative offset"_s);
    const bool descending = slice.order == ListOrder::NewestFirst;
    if (slice.after) {
        const QString comparison = descending ? u"<"_s : u">"_s;
        clauses.add(u"(created_at_ms "_s + comparison + u" ? OR (created_at_ms = ? AND id "_s + comparison + u" ?))"_s,
                    {slice.after->createdAtMs, slice.after->createdAtMs, slice.after->id});
    }
    QString tail = descending ? u" ORDER BY created_at_ms DESC, id DESC"_s : u" ORDER BY created_at_ms, id"_s;
    // LIMIT/OFFSET are the portable spelling (SQLite and PostgreSQL); -1 is SQLite's "no limit",
    // so an unlimited read simply leaves the clause out.
    if (slice.limit >= 0 || slice.offset > 0) {
        tail += u" LIMIT ? OFFSET ?"_s;
        clauses.values << qint64(slice.limit >= 0 ? slice.limit : std::numeric_limits<qint64>::max()) << slice.offset;
    }
    return tail;
}

} // namespace

Result<QList<Order>> OrderLog::filteredOrders(const OrderFilter &filter, const OrderSlice &slice) const
{
    auto clauses = filterClauses(filter);
    if (!clauses)
        return fail(clauses.error());
    const auto tail = applySlice(slice, *clauses);
    if (!tail)
        return fail(tail.error());
    return orderrows::readOrders(
        d->db, u"SELECT "_s + orderrows::columns() + u" FROM orders"_s + clauses->where() + *tail, clauses->values);
}

Result<qint64> OrderLog::countFilteredOrders(const OrderFilter &filter) const
{
    const auto clauses = filterClauses(filter);
    if (!clauses)
        return fail(clauses.error());
    const auto count = sql::scalar(d->db, u"SELECT COUNT(*) FROM orders"_s + clauses->where(), clauses->values);
    if (!count)
        return fail(count.error());
    return count->toLongLong();
}

Result<Order> OrderLog::orderByClientReference(const QString &clientReference, qint64 sinceUtcMs) const
{
    if (clientReference.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"no client reference"_s);
    const auto orders = orderrows::readOrders(d->db,
                                              u"SELECT "_s + orderrows::columns()
                                                  + u" FROM orders WHERE client_reference = ? AND created_at_ms >= ?"
                                                    " ORDER BY created_at_ms DESC, id DESC LIMIT 1"_s,
                                              {clientReference, sinceUtcMs});
    if (!orders)
        return fail(orders.error());
    if (orders->isEmpty())
        return fail(ErrorCode::NotFound, u"no order with client reference "_s + clientReference);
    return orders->first();
}

} // namespace paydesk
