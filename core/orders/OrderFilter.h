#pragma once

#include "orders/OrderLog.h"

#include <QList>
#include <QString>

#include <optional>

namespace paydesk {

// The manager list's filters: criteria only; OrderLog turns them into a parameterised query
// (values bound, never spliced). Every field narrows; an empty field does not filter.
struct OrderFilter
{
    qint64 fromUtcMs = 0; // created at or after (0: no lower bound)
    qint64 toUtcMs = 0; // created before (0: no upper bound)
    QList<OrderState> states; // any of
    QList<Channel> channels; // any of
    Currency currency = Currency::Invalid; // Invalid: any
    QString storeId; // exact
    QString terminalId; // exact
    QString cashier; // exact
    std::optional<qint64> minAmountMinor; // amount >= min
    std::optional<qint64> maxAmountMinor; // amount <= max
    QString orderNumber; // substring of mchOrderNo or payOrderId, any case
    bool lateOnly = false;
    bool refundedOnly = false; // orders with some money refunded

    // InvalidArgument for an inverted time or amount range, a negative amount bound or an
    // Invalid state/channel in the lists.
    Result<void> validate() const;

    // The business day's orders (design.md): the range of businessDayRange().
    static OrderFilter forRange(qint64 fromUtcMs, qint64 toUtcMs);
};

// Keyset paging for a list that stays fast on a million orders: the next page starts after the
// last row shown, whatever was inserted meanwhile; no OFFSET scan.
struct OrderCursor
{
    qint64 createdAtMs = 0;
    qint64 id = 0;
};

struct OrderPage
{
    QList<Order> orders;
    std::optional<OrderCursor> next; // empty on the last page
};

enum class ListOrder {
    Invalid = 0,
    OldestFirst,
    NewestFirst
};

// Which of the filtered orders to read, by (created_at, id) in `order`.
struct OrderSlice
{
    ListOrder order = ListOrder::NewestFirst;
    int limit = -1; // < 0: no limit
    qint64 offset = 0;
    std::optional<OrderCursor> after; // keyset: only the rows after this one
};

// A page of at most `limit` (1..10000) orders after `after` (from the start when empty).
Result<OrderPage> orderPage(const OrderLog &log, const OrderFilter &filter, int limit,
                            const std::optional<OrderCursor> &after = std::nullopt,
                            ListOrder order = ListOrder::NewestFirst);

// OFFSET paging for a table model that fetches rows by position (fine for the few thousand
// orders of a day; use orderPage() for open-ended lists).
Result<QList<Order>> orderRows(const OrderLog &log, const OrderFilter &filter, qint64 offset, int limit,
                               ListOrder order = ListOrder::NewestFirst);

Result<qint64> countOrders(const OrderLog &log, const OrderFilter &filter);

} // namespace paydesk
