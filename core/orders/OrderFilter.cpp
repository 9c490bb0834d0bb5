#include "OrderFilter.h"

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

constexpr int MaxPageSize = 10'000;

Result<void> checkPageSize(int limit)
{
    if (limit < 1 || limit > MaxPageSize)
        return fail(ErrorCode::InvalidArgument, u"page size must be 1 to "_s + QString::number(MaxPageSize));
    return {};
}

} // namespace

Result<void> OrderFilter::validate() const
{
    if (fromUtcMs < 0 || toUtcMs < 0)
        return fail(ErrorCode::InvalidArgument, u"negative time in the filter"_s);
    if (fromUtcMs > 0 && toUtcMs > 0 && toUtcMs < fromUtcMs)
        return fail(ErrorCode::InvalidArgument, u"the filter's time range ends before it starts"_s);
    if ((minAmountMinor && *minAmountMinor < 0) || (maxAmountMinor && *maxAmountMinor < 0))
        return fail(ErrorCode::InvalidArgument, u"negative amount in the filter"_s);
    if (minAmountMinor && maxAmountMinor && *maxAmountMinor < *minAmountMinor)
        return fail(ErrorCode::InvalidArgument, u"the filter's amount range is inverted"_s);
    if (states.contains(OrderState::Invalid) || channels.contains(Channel::Invalid))
        return fail(ErrorCode::InvalidArgument, u"invalid state or channel in the filter"_s);
    return {};
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
    if (auto valid = checkPageSize(limit); !valid)
        return fail(valid.error());
    // One row more than asked tells whether there is a next page without a COUNT.
    auto orders = log.filteredOrders(filter, OrderSlice{order, limit + 1, 0, after});
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
    if (auto valid = checkPageSize(limit); !valid)
        return fail(valid.error());
    if (offset < 0)
        return fail(ErrorCode::InvalidArgument, u"negative offset"_s);
    return log.filteredOrders(filter, OrderSlice{order, limit, offset, std::nullopt});
}

Result<qint64> countOrders(const OrderLog &log, const OrderFilter &filter)
{
    return log.countFilteredOrders(filter);
}

} // namespace paydesk
