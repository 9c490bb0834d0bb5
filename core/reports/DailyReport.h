#pragma once

#include "orders/OrderLog.h"
#include "reports/BusinessDay.h"

#include <QJsonObject>
#include <QList>
#include <QTimeZone>

namespace paydesk {

struct ReportDay
{
    QDate date;
    QTimeZone zone;
    int cutoffHour = 0; // 0..23
};

// Totals of one channel in one currency. Sales are the PAID orders created in the business
// day (late payments included: they are paid); refunds are the refunds that SUCCEEDED and were
// requested in the business day, whatever day their order was from — the day the money went
// back, as an end-of-day (Z) report counts it. Net may therefore be negative.
struct ChannelTotals
{
    Channel channel = Channel::Invalid;
    Currency currency = Currency::Invalid;
    int paidCount = 0;
    qint64 grossMinor = 0;
    int refundCount = 0;
    qint64 refundsMinor = 0;

    qint64 netMinor() const { return grossMinor - refundsMinor; }
};

// The same figures by where the order came from (counter, mini program, app) and currency.
struct SourceTotals
{
    OrderSource source = OrderSource::Invalid;
    Currency currency = Currency::Invalid;
    int paidCount = 0;
    qint64 grossMinor = 0;
    int refundCount = 0;
    qint64 refundsMinor = 0;

    qint64 netMinor() const { return grossMinor - refundsMinor; }
};

// The same figures by the cashier who made the sale (Order::cashier) and currency; a refund
// counts against the cashier of the order it refunds.
struct CashierTotals
{
    QString cashier; // empty for orders made without one
    Currency currency = Currency::Invalid;
    int paidCount = 0;
    qint64 grossMinor = 0;
    int refundCount = 0;
    qint64 refundsMinor = 0;

    qint64 netMinor() const { return grossMinor - refundsMinor; }
};

// The same figures for one store (terminalId empty) or one terminal of a store, and currency:
// a store's day and a chain's, counter by counter. orderCount is every order created.
struct PlaceTotals
{
    QString storeId; // empty: orders of no store (a single counter)
    QString terminalId; // empty in DailyReport::stores
    Currency currency = Currency::Invalid;
    int orderCount = 0;
    int paidCount = 0;
    qint64 grossMinor = 0;
    int refundCount = 0;
    qint64 refundsMinor = 0;

    qint64 netMinor() const { return grossMinor - refundsMinor; }
};

struct StateCount
{
    OrderState state = OrderState::Invalid;
    int count = 0;
};

// What a manager must look at before closing the day.
struct ReportAlerts
{
    static constexpr int MaxListed = 50; // per list; the counts are exact

    int lateCount = 0;
    QList<Order> latePayments; // paid after expiry/cancel: refund or keep
    int openCount = 0;
    QList<Order> openOrders; // NEW, CREATING, UNKNOWN, AWAITING: check them
    int unresolvedRefundCount = 0;
    QList<Refund> unresolvedRefunds; // PENDING or UNKNOWN, requested this day
    int unmatchedNotifications = 0; // correctly signed, for no known order
    int rejectedNotifications = 0; // failed verification
    QList<NotificationRecord> notifications; // those two kinds, without the raw body
    int contradictionCount = 0;
    QList<OrderNotice> contradictions; // gateway facts that contradict the order log

    int total() const
    {
        return lateCount + openCount + unresolvedRefundCount + unmatchedNotifications + rejectedNotifications
            + contradictionCount;
    }
};

struct HourSales
{
    Channel channel = Channel::Invalid;
    Currency currency = Currency::Invalid;
    int paidCount = 0;
    qint64 grossMinor = 0;
};

// Paid sales in one local hour (for the chart); every hour of the day is present, empty ones too.
struct HourBucket
{
    LocalHour hour;
    QList<HourSales> sales;
};

struct DailyReport
{
    ReportDay day;
    ReportScope scope; // the chain, a store, a terminal

    BusinessDayRange range;
    int orderCount = 0; // every order created in the day
    QList<StateCount> states; // in OrderState order, zero counts left out
    QList<ChannelTotals> totals; // by channel, then currency
    QList<SourceTotals> sources; // by source, then currency
    QList<CashierTotals> cashiers; // by cashier, then currency
    QList<PlaceTotals> stores; // by store, then currency
    QList<PlaceTotals> terminals; // by store, terminal, then currency
    ReportAlerts alerts;
    QList<HourBucket> hours;
};

// Computed with a handful of aggregate queries over the indexed created_at_ms (orders),
// created_at_ms (refunds) and received_at_ms (notifications) ranges: the cost follows the
// day's volume, not the size of the log. InvalidArgument for an invalid date, zone or cut-off.
// Only the orders of `scope` (and their refunds, and events) are counted; notifications are the
// database's whatever the scope (an unmatched one belongs to no order).
Result<DailyReport> buildDailyReport(const OrderLog &log, const ReportDay &day, const ReportScope &scope = {});

// For `paydeskctl report --json` and the benchmark: amounts as plain decimals with their
// currency, times ISO 8601 in the report's zone.
QJsonObject dailyReportToJson(const DailyReport &report);

} // namespace paydesk
