#include "DailyReport.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace paydesk {

namespace {

QString isoTime(qint64 utcMs, const QTimeZone &zone)
{
    if (utcMs == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(Qt::ISODate);
}

QJsonObject orderJson(const Order &order, const QTimeZone &zone)
{
    return {{u"mchOrderNo"_s, order.mchOrderNo},
            {u"payOrderId"_s, order.payOrderId},
            {u"state"_s, orderStateName(order.state)},
            {u"late"_s, order.late},
            {u"channel"_s, channelId(order.channel)},
            {u"amount"_s, formatMinorPlain(order.amount.minor)},
            {u"currency"_s, currencyCode(order.amount.currency)},
            {u"createdAt"_s, isoTime(order.createdAtMs, zone)},
            {u"paidAt"_s, isoTime(order.paidAtMs, zone)}};
}

QJsonObject refundJson(const Refund &refund, const QTimeZone &zone)
{
    return {{u"mchRefundNo"_s, refund.mchRefundNo},
            {u"state"_s, refundStateName(refund.state)},
            {u"amount"_s, formatMinorPlain(refund.amount.minor)},
            {u"currency"_s, currencyCode(refund.amount.currency)},
            {u"requestedBy"_s, refund.requestedBy},
            {u"reason"_s, refund.reason},
            {u"createdAt"_s, isoTime(refund.createdAtMs, zone)}};
}

QJsonObject notificationJson(const NotificationRecord &record, const QTimeZone &zone)
{
    return {{u"receivedAt"_s, isoTime(record.receivedAtMs, zone)},
            {u"verdict"_s, record.verdict},
            {u"reason"_s, record.reason},
            {u"mchOrderNo"_s, record.mchOrderNo},
            {u"remoteAddress"_s, record.remoteAddress}};
}

QJsonObject cashierTotalsJson(const CashierTotals &totals)
{
    return {{u"cashier"_s, totals.cashier},
            {u"currency"_s, currencyCode(totals.currency)},
            {u"paidCount"_s, totals.paidCount},
            {u"gross"_s, formatMinorPlain(totals.grossMinor)},
            {u"refundCount"_s, totals.refundCount},
            {u"refunds"_s, formatMinorPlain(totals.refundsMinor)},
            {u"net"_s, formatMinorPlain(totals.netMinor())}};
}

QJsonObject sourceTotalsJson(const SourceTotals &totals)
{
    return {{u"source"_s, orderSourceName(totals.source)},
            {u"currency"_s, currencyCode(totals.currency)},
            {u"paidCount"_s, totals.paidCount},
            {u"gross"_s, formatMinorPlain(totals.grossMinor)},
            {u"refundCount"_s, totals.refundCount},
            {u"refunds"_s, formatMinorPlain(totals.refundsMinor)},
            {u"net"_s, formatMinorPlain(totals.netMinor())}};
}

QJsonObject placeTotalsJson(const PlaceTotals &totals, bool withTerminal)
{
    QJsonObject json{{u"store"_s, totals.storeId},
                     {u"currency"_s, currencyCode(totals.currency)},
                     {u"orderCount"_s, totals.orderCount},
                     {u"paidCount"_s, totals.paidCount},
                     {u"gross"_s, formatMinorPlain(totals.grossMinor)},
                     {u"refundCount"_s, totals.refundCount},
                     {u"refunds"_s, formatMinorPlain(totals.refundsMinor)},
                     {u"net"_s, formatMinorPlain(totals.netMinor())}};
    if (withTerminal)
        json.insert(u"terminal"_s, totals.terminalId);
    return json;
}

QJsonObject totalsJson(const ChannelTotals &totals)
{
    return {{u"channel"_s, channelId(totals.channel)},
            {u"currency"_s, currencyCode(totals.currency)},
            {u"paidCount"_s, totals.paidCount},
            {u"gross"_s, formatMinorPlain(totals.grossMinor)},
            {u"refundCount"_s, totals.refundCount},
            {u"refunds"_s, formatMinorPlain(totals.refundsMinor)},
            {u"net"_s, formatMinorPlain(totals.netMinor())}};
}

QJsonObject alertsJson(const ReportAlerts &alerts, const QTimeZone &zone)
{
    QJsonArray late;
    for (const Order &order : alerts.latePayments)
        late.append(orderJson(order, zone));
    QJsonArray open;
    for (const Order &order : alerts.openOrders)
        open.append(orderJson(order, zone));
    QJsonArray refunds;
    for (const Refund &refund : alerts.unresolvedRefunds)
        refunds.append(refundJson(refund, zone));
    QJsonArray notifications;
    for (const NotificationRecord &record : alerts.notifications)
        notifications.append(notificationJson(record, zone));
    QJsonArray contradictions;
    for (const OrderNotice &notice : alerts.contradictions) {
        contradictions.append(QJsonObject{{u"mchOrderNo"_s, notice.mchOrderNo},
                                          {u"at"_s, isoTime(notice.event.atMs, zone)},
                                          {u"kind"_s, notice.event.kind},
                                          {u"detail"_s, notice.event.detail}});
    }
    return {{u"total"_s, alerts.total()},
            {u"latePayments"_s, QJsonObject{{u"count"_s, alerts.lateCount}, {u"orders"_s, late}}},
            {u"openOrders"_s, QJsonObject{{u"count"_s, alerts.openCount}, {u"orders"_s, open}}},
            {u"unresolvedRefunds"_s, QJsonObject{{u"count"_s, alerts.unresolvedRefundCount}, {u"refunds"_s, refunds}}},
            {u"unmatchedNotifications"_s, alerts.unmatchedNotifications},
            {u"rejectedNotifications"_s, alerts.rejectedNotifications},
            {u"notifications"_s, notifications},
            {u"contradictions"_s, QJsonObject{{u"count"_s, alerts.contradictionCount}, {u"events"_s, contradictions}}}};
}

QJsonArray hoursJson(const QList<HourBucket> &hours, const QTimeZone &zone)
{
    QJsonArray result;
    for (const HourBucket &bucket : hours) {
        QJsonArray sales;
        for (const HourSales &entry : bucket.sales) {
            sales.append(QJsonObject{{u"channel"_s, channelId(entry.channel)},
                                     {u"currency"_s, currencyCode(entry.currency)},
                                     {u"paidCount"_s, entry.paidCount},
                                     {u"gross"_s, formatMinorPlain(entry.grossMinor)}});
        }
        result.append(QJsonObject{
            {u"from"_s, isoTime(bucket.hour.fromUtcMs, zone)}, {u"hour"_s, bucket.hour.hour}, {u"sales"_s, sales}});
    }
    return result;
}

} // namespace

QJsonObject dailyReportToJson(const DailyReport &report)
{
    const QTimeZone &zone = report.day.zone;
    QJsonObject states;
    for (const StateCount &entry : report.states)
        states.insert(orderStateName(entry.state), entry.count);
    QJsonArray totals;
    for (const ChannelTotals &entry : report.totals)
        totals.append(totalsJson(entry));
    QJsonArray sources;
    for (const SourceTotals &entry : report.sources)
        sources.append(sourceTotalsJson(entry));
    QJsonArray cashiers;
    for (const CashierTotals &entry : report.cashiers)
        cashiers.append(cashierTotalsJson(entry));
    QJsonArray stores;
    for (const PlaceTotals &entry : report.stores)
        stores.append(placeTotalsJson(entry, false));
    QJsonArray terminals;
    for (const PlaceTotals &entry : report.terminals)
        terminals.append(placeTotalsJson(entry, true));
    const QJsonObject scope{{u"store"_s, report.scope.storeId}, {u"terminal"_s, report.scope.terminalId}};
    return {{u"date"_s, report.day.date.toString(Qt::ISODate)},
            {u"timeZone"_s, QString::fromUtf8(report.day.zone.id())},
            {u"cutoffHour"_s, report.day.cutoffHour},
            {u"from"_s, isoTime(report.range.fromUtcMs, zone)},
            {u"to"_s, isoTime(report.range.toUtcMs, zone)},
            {u"orderCount"_s, report.orderCount},
            {u"states"_s, states},
            {u"totals"_s, totals},
            {u"sources"_s, sources},
            {u"cashiers"_s, cashiers},
            {u"scope"_s, scope},
            {u"stores"_s, stores},
            {u"terminals"_s, terminals},
            {u"alerts"_s, alertsJson(report.alerts, zone)},
            {u"hourly"_s, hoursJson(report.hours, zone)}};
}

} // namespace paydesk
