#include "DailyReport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <map>
#include <utility>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

using TotalsKey = std::pair<Channel, Currency>;
using SourceKey = std::pair<OrderSource, Currency>;

// One paid or refunded group of rows, as the aggregate queries return them.
struct Group
{
    Channel channel = Channel::Invalid;
    Currency currency = Currency::Invalid;
    OrderSource source = OrderSource::Invalid;
    int count = 0;
    qint64 sumMinor = 0;
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

// A read that failed half-way (I/O error, corruption) must not pass for a smaller total.
Result<void> checkRead(const QSqlQuery &query, const QString &what)
{
    if (query.lastError().isValid())
        return fail(ErrorCode::StoreFailure, u"reading "_s + what + u": "_s + query.lastError().text());
    return {};
}

QString openStatePlaceholders(QVariantList &values)
{
    QStringList marks;
    for (OrderState state : {OrderState::New, OrderState::Creating, OrderState::Unknown, OrderState::Awaiting}) {
        values.append(orderStateName(state));
        marks.append(u"?"_s);
    }
    return marks.join(u", "_s);
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
            return;   // cannot happen for rows inside the range; never index out of bounds
        HourSales &sales = hourSalesFor(m_report.hours[m_hourOfQuarter[quarter]], group.channel, group.currency);
        sales.paidCount += group.count;
        sales.grossMinor += group.sumMinor;
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
};

// One pass over the day's orders: state counts, paid totals, alert counts and the hourly
// chart all come from the same GROUP BY. Positional GROUP BY and integer division are portable
// (SQLite and PostgreSQL).
Result<void> aggregateOrders(const OrderLog &log, const BusinessDayRange &range, Builder &builder)
{
    auto query = log.select(u"SELECT (created_at_ms - ?) / ?, state, channel, currency, late, source, COUNT(*),"
                            " SUM(amount_minor) FROM orders WHERE created_at_ms >= ? AND created_at_ms < ?"
                            " GROUP BY 1, 2, 3, 4, 5, 6"_s,
                            {range.fromUtcMs, QuarterHourMs, range.fromUtcMs, range.toUtcMs});
    if (!query)
        return fail(query.error());
    while (query->next()) {
        const Group group{channelFromId(query->value(2).toString()), currencyFromCode(query->value(3).toString()),
                          orderSourceFromName(query->value(5).toString()), query->value(6).toInt(),
                          query->value(7).toLongLong()};
        builder.addOrders(query->value(0).toLongLong(), orderStateFromName(query->value(1).toString()),
                          query->value(4).toLongLong() != 0, group);
    }
    return checkRead(*query, u"order totals"_s);
}

Result<void> aggregateRefunds(const OrderLog &log, const BusinessDayRange &range, Builder &builder)
{
    auto query = log.select(u"SELECT o.channel, r.currency, r.state, o.source, COUNT(*), SUM(r.amount_minor)"
                            " FROM refunds r JOIN orders o ON o.id = r.order_id"
                            " WHERE r.created_at_ms >= ? AND r.created_at_ms < ?"
                            " GROUP BY o.channel, r.currency, r.state, o.source"_s,
                            {range.fromUtcMs, range.toUtcMs});
    if (!query)
        return fail(query.error());
    while (query->next()) {
        const Group group{channelFromId(query->value(0).toString()), currencyFromCode(query->value(1).toString()),
                          orderSourceFromName(query->value(3).toString()), query->value(4).toInt(),
                          query->value(5).toLongLong()};
        builder.addRefunds(refundStateFromName(query->value(2).toString()), group);
    }
    return checkRead(*query, u"refund totals"_s);
}

// Only when the aggregate found some: the orders behind the late and open counts. One query
// with OR, so that the planner keeps to the created_at range (late has no index).
Result<void> listAlertOrders(const OrderLog &log, const BusinessDayRange &range, ReportAlerts &alerts)
{
    if (alerts.lateCount == 0 && alerts.openCount == 0)
        return {};
    OrderSelection selection;
    selection.values = {range.fromUtcMs, range.toUtcMs};
    selection.condition = u"created_at_ms >= ? AND created_at_ms < ? AND (late = 1 OR state IN ("_s
        + openStatePlaceholders(selection.values) + u"))"_s;
    const auto orders = log.selectOrders(selection);
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

Result<void> listUnresolvedRefunds(const OrderLog &log, const BusinessDayRange &range, ReportAlerts &alerts)
{
    if (alerts.unresolvedRefundCount == 0)
        return {};
    const auto refunds = log.unresolvedRefunds();
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
    const QString window = u" FROM notifications WHERE received_at_ms >= ? AND received_at_ms < ?"_s;
    auto counts = log.select(u"SELECT verdict, COUNT(*)"_s + window + u" GROUP BY verdict"_s,
                             {range.fromUtcMs, range.toUtcMs});
    if (!counts)
        return fail(counts.error());
    while (counts->next()) {
        const QString verdict = counts->value(0).toString();
        if (verdict == u"unmatched")
            alerts.unmatchedNotifications = counts->value(1).toInt();
        else if (verdict == u"rejected")
            alerts.rejectedNotifications = counts->value(1).toInt();
    }
    if (auto read = checkRead(*counts, u"notification counts"_s); !read)
        return read;
    if (alerts.unmatchedNotifications + alerts.rejectedNotifications == 0)
        return {};
    auto rows = log.select(u"SELECT id, received_at_ms, gateway, verdict, reason, mch_order_no, pay_order_id,"
                           " remote_address"_s
                               + window + u" AND verdict IN ('unmatched', 'rejected') ORDER BY received_at_ms, id LIMIT ?"_s,
                           {range.fromUtcMs, range.toUtcMs, ReportAlerts::MaxListed});
    if (!rows)
        return fail(rows.error());
    while (rows->next()) {
        NotificationRecord record;
        record.id = rows->value(0).toLongLong();
        record.receivedAtMs = rows->value(1).toLongLong();
        record.gateway = rows->value(2).toString();
        record.verdict = rows->value(3).toString();
        record.reason = rows->value(4).toString();
        record.mchOrderNo = rows->value(5).toString();
        record.payOrderId = rows->value(6).toString();
        record.remoteAddress = rows->value(7).toString();
        alerts.notifications.append(record);
    }
    return checkRead(*rows, u"notifications"_s);
}

// Gateway facts that contradict the log on the day's orders: the events of kind
// PaymentLifecycle::contradictionEventKind() (core/payment, which this module does not link).
Result<void> contradictionAlerts(const OrderLog &log, const BusinessDayRange &range, ReportAlerts &alerts)
{
    auto notices = log.noticesForOrdersCreatedBetween({u"contradiction"_s}, range.fromUtcMs, range.toUtcMs);
    if (!notices)
        return fail(notices.error());
    alerts.contradictionCount = int(notices->size());
    alerts.contradictions = notices->mid(0, ReportAlerts::MaxListed);
    return {};
}

} // namespace

Result<DailyReport> buildDailyReport(const OrderLog &log, const ReportDay &day)
{
    if (auto valid = validateDay(day); !valid)
        return fail(valid.error());
    DailyReport report;
    report.day = day;
    report.range = businessDayRange(day.date, day.zone, day.cutoffHour);
    Builder builder(report);
    if (auto done = aggregateOrders(log, report.range, builder); !done)
        return fail(done.error());
    if (auto done = aggregateRefunds(log, report.range, builder); !done)
        return fail(done.error());
    builder.finish();
    if (auto done = listAlertOrders(log, report.range, report.alerts); !done)
        return fail(done.error());
    if (auto done = listUnresolvedRefunds(log, report.range, report.alerts); !done)
        return fail(done.error());
    if (auto done = notificationAlerts(log, report.range, report.alerts); !done)
        return fail(done.error());
    if (auto done = contradictionAlerts(log, report.range, report.alerts); !done)
        return fail(done.error());
    return report;
}

} // namespace paydesk
