#include "DailyReport.h"

#include <QStringList>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

using TotalsKey = std::pair<Channel, Currency>;
using SourceKey = std::pair<OrderSource, Currency>;
using PlaceKey = std::tuple<QString, QString, Currency>;

// One paid or refunded group of rows, as the aggregate queries return them.
struct Group
{
    Channel channel = Channel::Invalid;
    Currency currency = Currency::Invalid;
    OrderSource source = OrderSource::Invalid;
    int count = 0;
    qint64 sumMinor = 0;
    QString storeId;
    QString terminalId;
};

Result<void> validateDay(const ReportDay &day)
{
    if (!day.date.isValid())
        return fail(ErrorCode::InvalidArgument, u"report without a valid date"_s);
    if (!day.zone.isValid())
        return fail(ErrorCode::InvalidArgument, u"report without a valid time zone"_s);
    if (day.cutoffHour < 0 || day.cutoffHour > 23)
        return fail(ErrorCode::InvalidArgument, u"cut-off hour must be 0 to 23"_s);
    return {};
}

// Accumulates the rows of the aggregate queries into the report.
class Builder
{
public:
    explicit Builder(DailyReport &report) : m_report(report)
    {
        const QList<LocalHour> hours = localHours(report.range, report.day.zone);
        for (qsizetype i = 0; i < hours.size(); ++i) {
            m_report.hours.append(HourBucket{hours[i], {}});
            const qint64 quarters = (hours[i].toUtcMs - hours[i].fromUtcMs + QuarterHourMs - 1) / QuarterHourMs;
            for (qint64 q = 0; q < quarters; ++q)
                m_hourOfQuarter.append(int(i));
        }
    }

    void addOrders(qint64 quarter, OrderState state, bool late, const Group &group)
    {
        m_report.orderCount += group.count;
        m_stateCounts[state] += group.count;
        if (late)
            m_report.alerts.lateCount += group.count;
        if (isOpenState(state))
            m_report.alerts.openCount += group.count;
        if (state != OrderState::Paid)
            return;
        ChannelTotals &totals = totalsFor(group.channel, group.currency);
        totals.paidCount += group.count;
        totals.grossMinor += group.sumMinor;
        SourceTotals &bySource = sourceTotalsFor(group.source, group.currency);
        bySource.paidCount += group.count;
        bySource.grossMinor += group.sumMinor;
        if (quarter < 0 || quarter >= m_hourOfQuarter.size())
            return; // cannot happen for rows inside the range; never index out of bounds
        HourSales &sales = hourSalesFor(m_report.hours[m_hourOfQuarter[quarter]], group.channel, group.currency);
        sales.paidCount += group.count;
        sales.grossMinor += group.sumMinor;
    }

    void addPlace(const PlaceGroupRow &row)
    {
        for (PlaceTotals *place : {&placeTotalsFor(m_stores, row.storeId, {}, row.currency),
                                   &placeTotalsFor(m_terminals, row.storeId, row.terminalId, row.currency)}) {
            place->orderCount += row.count;
            if (row.state == OrderState::Paid) {
                place->paidCount += row.count;
                place->grossMinor += row.sumMinor;
            }
        }
    }

    void addRefunds(RefundState state, const Group &group)
    {
        if (state == RefundState::Succeeded) {
            ChannelTotals &totals = totalsFor(group.channel, group.currency);
            totals.refundCount += group.count;
            totals.refundsMinor += group.sumMinor;
            SourceTotals &bySource = sourceTotalsFor(group.source, group.currency);
            bySource.refundCount += group.count;
            bySource.refundsMinor += group.sumMinor;
            for (PlaceTotals *place : {&placeTotalsFor(m_stores, group.storeId, {}, group.currency),
                                       &placeTotalsFor(m_terminals, group.storeId, group.terminalId, group.currency)}) {
                place->refundCount += group.count;
                place->refundsMinor += group.sumMinor;
            }
        } else if (isRefundInFlight(state)) {
            m_report.alerts.unresolvedRefundCount += group.count;
        }
    }

    void finish()
    {
        for (const auto &[state, count] : m_stateCounts)
            m_report.states.append({state, count});
        for (const auto &[key, totals] : m_totals)
            m_report.totals.append(totals);
        for (const auto &[key, totals] : m_sources)
            m_report.sources.append(totals);
        for (const auto &[key, totals] : m_stores)
            m_report.stores.append(totals);
        for (const auto &[key, totals] : m_terminals)
            m_report.terminals.append(totals);
        for (HourBucket &bucket : m_report.hours) {
            std::sort(bucket.sales.begin(), bucket.sales.end(), [](const HourSales &a, const HourSales &b) {
                return std::pair(a.channel, a.currency) < std::pair(b.channel, b.currency);
            });
        }
    }

private:
    ChannelTotals &totalsFor(Channel channel, Currency currency)
    {
        auto [it, inserted] = m_totals.try_emplace(TotalsKey{channel, currency});
        if (inserted) {
            it->second.channel = channel;
            it->second.currency = currency;
        }
        return it->second;
    }

    SourceTotals &sourceTotalsFor(OrderSource source, Currency currency)
    {
        auto [it, inserted] = m_sources.try_emplace(SourceKey{source, currency});
        if (inserted) {
            it->second.source = source;
            it->second.currency = currency;
        }
        return it->second;
    }

    static PlaceTotals &placeTotalsFor(std::map<PlaceKey, PlaceTotals> &places, const QString &storeId,
                                       const QString &terminalId, Currency currency)
    {
        auto [it, inserted] = places.try_emplace(PlaceKey{storeId, terminalId, currency});
        if (inserted) {
            it->second.storeId = storeId;
            it->second.terminalId = terminalId;
            it->second.currency = currency;
        }
        return it->second;
    }

    static HourSales &hourSalesFor(HourBucket &bucket, Channel channel, Currency currency)
    {
        for (HourSales &sales : bucket.sales) {
            if (sales.channel == channel && sales.currency == currency)
                return sales;
        }
        bucket.sales.append(HourSales{channel, currency, 0, 0});
        return bucket.sales.last();
    }

    DailyReport &m_report;
    QList<int> m_hourOfQuarter;
    std::map<OrderState, int> m_stateCounts;
    std::map<TotalsKey, ChannelTotals> m_totals;
    std::map<SourceKey, SourceTotals> m_sources;
    std::map<PlaceKey, PlaceTotals> m_stores;
    std::map<PlaceKey, PlaceTotals> m_terminals;
};

// One pass over the day's orders: state counts, paid totals, alert counts and the hourly
// chart all come from the same grouping, by quarter hour.
Result<void> aggregateOrders(const OrderLog &log, const BusinessDayRange &range, const ReportScope &scope,
                             Builder &builder)
{
    const auto rows = log.orderGroupsBetween(range.fromUtcMs, range.toUtcMs, QuarterHourMs, scope);
    if (!rows)
        return fail(rows.error());
    for (const OrderGroupRow &row : *rows)
        builder.addOrders(row.bucket, row.state, row.late,
                          {row.channel, row.currency, row.source, row.count, row.sumMinor, {}, {}});
    const auto places = log.placeGroupsBetween(range.fromUtcMs, range.toUtcMs, scope);
    if (!places)
        return fail(places.error());
    for (const PlaceGroupRow &row : *places)
        builder.addPlace(row);
    return {};
}

Result<void> aggregateRefunds(const OrderLog &log, const BusinessDayRange &range, const ReportScope &scope,
                              Builder &builder)
{
    const auto rows = log.refundGroupsBetween(range.fromUtcMs, range.toUtcMs, scope);
    if (!rows)
        return fail(rows.error());
    for (const RefundGroupRow &row : *rows)
        builder.addRefunds(
            row.state, {row.channel, row.currency, row.source, row.count, row.sumMinor, row.storeId, row.terminalId});
    return {};
}

Result<void> aggregateCashiers(const OrderLog &log, const BusinessDayRange &range, DailyReport &report)
{
    const auto rows = log.cashierGroupsBetween(range.fromUtcMs, range.toUtcMs, report.scope);
    if (!rows)
        return fail(rows.error());
    for (const CashierGroupRow &row : *rows) {
        report.cashiers.append(
            {row.cashier, row.currency, row.paidCount, row.grossMinor, row.refundCount, row.refundsMinor});
    }
    return {};
}

// Only when the aggregate found some: the orders behind the late and open counts.
Result<void> listAlertOrders(const OrderLog &log, const BusinessDayRange &range, const ReportScope &scope,
                             ReportAlerts &alerts)
{
    if (alerts.lateCount == 0 && alerts.openCount == 0)
        return {};
    const auto orders = log.lateOrOpenOrdersBetween(range.fromUtcMs, range.toUtcMs, scope);
    if (!orders)
        return fail(orders.error());
    for (const Order &order : *orders) {
        if (order.late && alerts.latePayments.size() < ReportAlerts::MaxListed)
            alerts.latePayments.append(order);
        if (isOpenState(order.state) && alerts.openOrders.size() < ReportAlerts::MaxListed)
            alerts.openOrders.append(order);
    }
    return {};
}

Result<void> listUnresolvedRefunds(const OrderLog &log, const BusinessDayRange &range, const ReportScope &scope,
                                   ReportAlerts &alerts)
{
    if (alerts.unresolvedRefundCount == 0)
        return {};
    const auto refunds = log.unresolvedRefunds(scope);
    if (!refunds)
        return fail(refunds.error());
    for (const Refund &refund : *refunds) {
        if (refund.createdAtMs >= range.fromUtcMs && refund.createdAtMs < range.toUtcMs
            && alerts.unresolvedRefunds.size() < ReportAlerts::MaxListed) {
            alerts.unresolvedRefunds.append(refund);
        }
    }
    return {};
}

Result<void> notificationAlerts(const OrderLog &log, const BusinessDayRange &range, ReportAlerts &alerts)
{
    const auto counts = log.notificationVerdictCounts(range.fromUtcMs, range.toUtcMs);
    if (!counts)
        return fail(counts.error());
    for (const VerdictCount &count : *counts) {
        if (count.verdict == u"unmatched")
            alerts.unmatchedNotifications = count.count;
        else if (count.verdict == u"rejected")
            alerts.rejectedNotifications = count.count;
    }
    if (alerts.unmatchedNotifications + alerts.rejectedNotifications == 0)
        return {};
    const auto records = log.notificationsWithVerdicts(range.fromUtcMs, range.toUtcMs, {u"unmatched"_s, u"rejected"_s},
                                                       ReportAlerts::MaxListed);
    if (!records)
        return fail(records.error());
    alerts.notifications = *records;
    return {};
}

// Gateway facts that contradict the log on the day's orders: the events of kind
// PaymentLifecycle::contradictionEventKind() (core/payment, which this module does not link).
Result<void> contradictionAlerts(const OrderLog &log, const BusinessDayRange &range, const ReportScope &scope,
                                 ReportAlerts &alerts)
{
    auto notices = log.noticesForOrdersCreatedBetween({u"contradiction"_s}, range.fromUtcMs, range.toUtcMs, scope);
    if (!notices)
        return fail(notices.error());
    alerts.contradictionCount = int(notices->size());
    alerts.contradictions = notices->mid(0, ReportAlerts::MaxListed);
    return {};
}

} // namespace

Result<DailyReport> buildDailyReport(const OrderLog &log, const ReportDay &day, const ReportScope &scope)
{
    if (auto valid = validateDay(day); !valid)
        return fail(valid.error());
    DailyReport report;
    report.day = day;
    report.scope = scope;
    report.range = businessDayRange(day.date, day.zone, day.cutoffHour);
    Builder builder(report);
    if (auto done = aggregateOrders(log, report.range, scope, builder); !done)
        return fail(done.error());
    if (auto done = aggregateRefunds(log, report.range, scope, builder); !done)
        return fail(done.error());
    builder.finish();
    if (auto done = aggregateCashiers(log, report.range, report); !done)
        return fail(done.error());
    if (auto done = listAlertOrders(log, report.range, scope, report.alerts); !done)
        return fail(done.error());
    if (auto done = listUnresolvedRefunds(log, report.range, scope, report.alerts); !done)
        return fail(done.error());
    if (auto done = notificationAlerts(log, report.range, report.alerts); !done)
        return fail(done.error());
    if (auto done = contradictionAlerts(log, report.range, scope, report.alerts); !done)
        return fail(done.error());
    return report;
}

} // namespace paydesk
