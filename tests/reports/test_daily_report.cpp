// The daily (Z) report: arithmetic with refunds and late payments, the business day's cut-off
// hour, daylight-saving days, alerts, the hourly chart data.

#include "ReportTestSupport.h"

#include "reports/BusinessDay.h"
#include "reports/DailyReport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone Toronto("America/Toronto");
constexpr qint64 HourMs = 60 * 60 * 1000;

const SourceTotals *findSource(const DailyReport &report, OrderSource source, Currency currency)
{
    for (const SourceTotals &totals : report.sources) {
        if (totals.source == source && totals.currency == currency)
            return &totals;
    }
    return nullptr;
}

const ChannelTotals *findTotals(const DailyReport &report, Channel channel, Currency currency)
{
    for (const ChannelTotals &totals : report.totals) {
        if (totals.channel == channel && totals.currency == currency)
            return &totals;
    }
    return nullptr;
}

int stateCount(const DailyReport &report, OrderState state)
{
    for (const StateCount &entry : report.states) {
        if (entry.state == state)
            return entry.count;
    }
    return 0;
}

qint64 hourlyGross(const DailyReport &report, Channel channel, Currency currency)
{
    qint64 sum = 0;
    for (const HourBucket &bucket : report.hours) {
        for (const HourSales &sales : bucket.sales) {
            if (sales.channel == channel && sales.currency == currency)
                sum += sales.grossMinor;
        }
    }
    return sum;
}

} // namespace

class TestDailyReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void arithmeticWithRefundsAndLatePayments();
    void cutoffHourDecidesTheDay();
    void springForwardDayHas23Hours();
    void fallBackDayHas25Hours();
    void cutoffInsideTheSpringGap();
    void emptyDay();
    void jsonCarriesTheFigures();
    void totalsBySource();
    void totalsByCashier();
    void invalidInput();

private:
    DailyReport reportFor(const QDate &date, int cutoffHour, const QTimeZone &zone = Toronto);

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    std::unique_ptr<OrderLog> m_log;
};

void TestDailyReport::init()
{
    QVERIFY(Toronto.isValid());
    m_dir = std::make_unique<QTemporaryDir>();
    auto log = OrderLog::open(m_dir->filePath(u"orders.sqlite"_s), m_clock);
    QVERIFY(log);
    m_log = std::move(*log);
}

void TestDailyReport::cleanup()
{
    m_log.reset();
    m_dir.reset();
}

DailyReport TestDailyReport::reportFor(const QDate &date, int cutoffHour, const QTimeZone &zone)
{
    const auto report = buildDailyReport(*m_log, {date, zone, cutoffHour});
    if (!report) {
        qWarning() << describe(report.error());
        return {};
    }
    return *report;
}

void TestDailyReport::arithmeticWithRefundsAndLatePayments()
{
    LogBuilder b(*m_log, m_clock, Toronto);
    // Business day 2026-06-10 from 04:00 to 04:00 the next morning (EDT).
    const Order yesterday = b.order(u"2026-06-10T03:59:59"_s, {Channel::WxNative, {1000, Currency::CAD}});
    const Order opening = b.order(u"2026-06-10T04:00:00"_s, {Channel::WxNative, {2865, Currency::CAD}});
    const Order tea = b.order(u"2026-06-10T12:30:00"_s, {Channel::AlipayQr, {1500, Currency::CAD}});
    QVERIFY(b.order(u"2026-06-10T12:45:00"_s, {Channel::AlipayQr, {700, Currency::CAD}, OrderState::Expired}).id);
    const Order yuan = b.order(u"2026-06-10T13:10:00"_s, {Channel::WxNative, {8800, Currency::CNY}});
    OrderSpec lateSpec{Channel::UpiQr, {1200, Currency::CAD}};
    lateSpec.late = true;
    const Order late = b.order(u"2026-06-10T14:00:00"_s, lateSpec);
    QVERIFY(late.late);
    QVERIFY(b.order(u"2026-06-10T15:00:00"_s, {Channel::AlipayQr, {400, Currency::CAD}, OrderState::Unknown}).id);
    QVERIFY(b.order(u"2026-06-10T16:00:00"_s, {Channel::WxNative, {300, Currency::CAD}, OrderState::Awaiting}).id);
    QVERIFY(b.order(u"2026-06-11T01:30:00"_s, {Channel::WxNative, {1000, Currency::CAD}}).id);
    QVERIFY(b.order(u"2026-06-11T04:00:00"_s, {Channel::WxNative, {999, Currency::CAD}}).id);

    QCOMPARE(b.refund(u"2026-06-10T13:00:00"_s, tea.id, 500, RefundState::Succeeded).state, RefundState::Succeeded);
    // Yesterday's sale refunded today: today's refunds.
    QCOMPARE(b.refund(u"2026-06-10T18:00:00"_s, yesterday.id, 250, RefundState::Succeeded).state,
             RefundState::Succeeded);
    QCOMPARE(b.refund(u"2026-06-10T19:00:00"_s, opening.id, 100, RefundState::Unknown).state, RefundState::Unknown);
    QCOMPARE(b.refund(u"2026-06-10T20:00:00"_s, yuan.id, 800, RefundState::Failed).state, RefundState::Failed);
    // Tomorrow's refund of today's sale: tomorrow's report.
    QCOMPARE(b.refund(u"2026-06-11T05:00:00"_s, opening.id, 200, RefundState::Succeeded).state, RefundState::Succeeded);

    QVERIFY(b.notification(u"2026-06-10T10:00:00"_s, u"unmatched"_s, u"NOSUCHORDER1"_s));
    QVERIFY(b.notification(u"2026-06-10T11:00:00"_s, u"rejected"_s, opening.mchOrderNo));
    QVERIFY(b.notification(u"2026-06-10T12:00:00"_s, u"accepted"_s, tea.mchOrderNo));
    QVERIFY(b.notification(u"2026-06-10T12:01:00"_s, u"duplicate"_s, tea.mchOrderNo));
    QVERIFY(b.notification(u"2026-06-10T03:00:00"_s, u"rejected"_s));

    const DailyReport report = reportFor(QDate(2026, 6, 10), 4);
    QCOMPARE(report.orderCount, 8);
    QCOMPARE(stateCount(report, OrderState::Paid), 5);
    QCOMPARE(stateCount(report, OrderState::Expired), 1);
    QCOMPARE(stateCount(report, OrderState::Unknown), 1);
    QCOMPARE(stateCount(report, OrderState::Awaiting), 1);
    QCOMPARE(report.states.size(), 4);

    QCOMPARE(report.totals.size(), 4);
    const ChannelTotals *wx = findTotals(report, Channel::WxNative, Currency::CAD);
    QVERIFY(wx);
    QCOMPARE(wx->paidCount, 2);
    QCOMPARE(wx->grossMinor, 3865);
    QCOMPARE(wx->refundCount, 1);
    QCOMPARE(wx->refundsMinor, 250);
    QCOMPARE(wx->netMinor(), 3615);
    const ChannelTotals *alipay = findTotals(report, Channel::AlipayQr, Currency::CAD);
    QVERIFY(alipay);
    QCOMPARE(alipay->paidCount, 1);
    QCOMPARE(alipay->grossMinor, 1500);
    QCOMPARE(alipay->refundsMinor, 500);
    QCOMPARE(alipay->netMinor(), 1000);
    const ChannelTotals *upi = findTotals(report, Channel::UpiQr, Currency::CAD);
    QVERIFY(upi);
    QCOMPARE(upi->paidCount, 1); // the late payment is a payment
    QCOMPARE(upi->netMinor(), 1200);
    const ChannelTotals *cny = findTotals(report, Channel::WxNative, Currency::CNY);
    QVERIFY(cny);
    QCOMPARE(cny->grossMinor, 8800);
    QCOMPARE(cny->refundCount, 0); // the failed refund gave nothing back
    QCOMPARE(cny->netMinor(), 8800);

    QCOMPARE(report.alerts.lateCount, 1);
    QCOMPARE(report.alerts.latePayments.size(), 1);
    QCOMPARE(report.alerts.latePayments.first().mchOrderNo, late.mchOrderNo);
    QCOMPARE(report.alerts.openCount, 2);
    QCOMPARE(report.alerts.openOrders.size(), 2);
    QCOMPARE(report.alerts.unresolvedRefundCount, 1);
    QCOMPARE(report.alerts.unresolvedRefunds.first().amount.minor, 100);
    QCOMPARE(report.alerts.unmatchedNotifications, 1);
    QCOMPARE(report.alerts.rejectedNotifications, 1);
    QCOMPARE(report.alerts.notifications.size(), 2);
    QVERIFY(report.alerts.notifications.first().raw.isEmpty());
    QCOMPARE(report.alerts.total(), 6);

    // The chart: 24 local hours from 04:00, each sale in the hour it was made.
    QCOMPARE(report.hours.size(), 24);
    QCOMPARE(report.hours.first().hour.hour, 4);
    QCOMPARE(report.hours.last().hour.hour, 3);
    QCOMPARE(report.hours[0].sales.size(), 1);
    QCOMPARE(report.hours[0].sales.first().grossMinor, 2865);
    QCOMPARE(report.hours[8].hour.hour, 12);
    QCOMPARE(report.hours[8].sales.first().channel, Channel::AlipayQr);
    QCOMPARE(report.hours[10].hour.hour, 14);
    QCOMPARE(report.hours[10].sales.first().channel, Channel::UpiQr);
    QCOMPARE(report.hours[21].hour.hour, 1);
    QCOMPARE(report.hours[21].sales.first().grossMinor, 1000);
    for (const ChannelTotals &totals : report.totals)
        QCOMPARE(hourlyGross(report, totals.channel, totals.currency), totals.grossMinor);

    // The next day sees its own sale and the refund made on it.
    const DailyReport next = reportFor(QDate(2026, 6, 11), 4);
    QCOMPARE(next.orderCount, 1);
    QCOMPARE(findTotals(next, Channel::WxNative, Currency::CAD)->grossMinor, 999);
    QCOMPARE(findTotals(next, Channel::WxNative, Currency::CAD)->refundsMinor, 200);
    QCOMPARE(findTotals(next, Channel::WxNative, Currency::CAD)->netMinor(), 799);
}

void TestDailyReport::cutoffHourDecidesTheDay()
{
    LogBuilder b(*m_log, m_clock, Toronto);
    QVERIFY(b.order(u"2026-06-10T02:30:00"_s, {Channel::WxNative, {100, Currency::CAD}}).id);
    QVERIFY(b.order(u"2026-06-10T23:30:00"_s, {Channel::WxNative, {200, Currency::CAD}}).id);
    QVERIFY(b.order(u"2026-06-11T02:30:00"_s, {Channel::WxNative, {400, Currency::CAD}}).id);

    const auto gross = [&](QDate date, int cutoff) {
        const DailyReport report = reportFor(date, cutoff);
        const ChannelTotals *totals = findTotals(report, Channel::WxNative, Currency::CAD);
        return totals ? totals->grossMinor : 0;
    };
    // Midnight cut-off: calendar days.
    QCOMPARE(gross(QDate(2026, 6, 10), 0), 300);
    QCOMPARE(gross(QDate(2026, 6, 11), 0), 400);
    // A bar open until 3: the night's sales belong to the evening before.
    QCOMPARE(gross(QDate(2026, 6, 9), 3), 100);
    QCOMPARE(gross(QDate(2026, 6, 10), 3), 600);
    QCOMPARE(gross(QDate(2026, 6, 11), 3), 0);
    QCOMPARE(businessDayOf(b.utcMs(u"2026-06-11T02:30:00"_s), Toronto, 3), QDate(2026, 6, 10));
    QCOMPARE(businessDayOf(b.utcMs(u"2026-06-11T03:00:00"_s), Toronto, 3), QDate(2026, 6, 11));
    // Reported in another zone the same instants fall on other days.
    const QTimeZone shanghai("Asia/Shanghai");
    const auto report = buildDailyReport(*m_log, {QDate(2026, 6, 11), shanghai, 0});
    QVERIFY(report);
    // 23:30 on the 10th and 02:30 on the 11th in Toronto are 11:30 and 14:30 on the 11th there.
    QCOMPARE(report->orderCount, 2);
}

void TestDailyReport::springForwardDayHas23Hours()
{
    // 2026-03-08 in Toronto: 02:00 EST becomes 03:00 EDT.
    const BusinessDayRange range = businessDayRange(QDate(2026, 3, 8), Toronto, 0);
    QCOMPARE(range.toUtcMs - range.fromUtcMs, 23 * HourMs);
    LogBuilder b(*m_log, m_clock, Toronto);
    QVERIFY(b.order(u"2026-03-08T01:59:00"_s, {Channel::WxNative, {100, Currency::CAD}}).id);
    QVERIFY(b.order(u"2026-03-08T03:30:00"_s, {Channel::WxNative, {200, Currency::CAD}}).id);
    QVERIFY(b.order(u"2026-03-08T23:59:59"_s, {Channel::WxNative, {400, Currency::CAD}}).id);
    QVERIFY(b.order(u"2026-03-09T00:00:00"_s, {Channel::WxNative, {800, Currency::CAD}}).id);

    const DailyReport report = reportFor(QDate(2026, 3, 8), 0);
    QCOMPARE(report.hours.size(), 23);
    QList<int> hours;
    for (const HourBucket &bucket : report.hours)
        hours.append(bucket.hour.hour);
    QCOMPARE(hours.mid(0, 4), (QList<int>{0, 1, 3, 4}));
    QCOMPARE(hours.last(), 23);
    QCOMPARE(report.hours[1].sales.first().grossMinor, 100);
    QCOMPARE(report.hours[2].sales.first().grossMinor, 200);
    QCOMPARE(report.hours[2].hour.toUtcMs - report.hours[2].hour.fromUtcMs, HourMs);
    QCOMPARE(report.hours[1].hour.utcOffsetSeconds, -5 * 3600);
    QCOMPARE(report.hours[2].hour.utcOffsetSeconds, -4 * 3600);
    QCOMPARE(findTotals(report, Channel::WxNative, Currency::CAD)->grossMinor, 700);
}

void TestDailyReport::fallBackDayHas25Hours()
{
    // 2026-11-01 in Toronto: 02:00 EDT becomes 01:00 EST; 01:xx happens twice.
    const BusinessDayRange range = businessDayRange(QDate(2026, 11, 1), Toronto, 0);
    QCOMPARE(range.toUtcMs - range.fromUtcMs, 25 * HourMs);
    LogBuilder b(*m_log, m_clock, Toronto);
    const qint64 firstOneThirty = QDateTime(QDate(2026, 11, 1), QTime(5, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    QVERIFY(b.orderAtUtc(firstOneThirty, {Channel::AlipayQr, {100, Currency::CAD}}).id);
    QVERIFY(b.orderAtUtc(firstOneThirty + HourMs, {Channel::AlipayQr, {200, Currency::CAD}}).id);
    QVERIFY(b.order(u"2026-11-01T23:30:00"_s, {Channel::AlipayQr, {400, Currency::CAD}}).id);

    const DailyReport report = reportFor(QDate(2026, 11, 1), 0);
    QCOMPARE(report.hours.size(), 25);
    QCOMPARE(report.hours[1].hour.hour, 1);
    QCOMPARE(report.hours[2].hour.hour, 1);
    QCOMPARE(report.hours[3].hour.hour, 2);
    QCOMPARE(report.hours[1].hour.utcOffsetSeconds, -4 * 3600);
    QCOMPARE(report.hours[2].hour.utcOffsetSeconds, -5 * 3600);
    QCOMPARE(report.hours[1].sales.first().grossMinor, 100);
    QCOMPARE(report.hours[2].sales.first().grossMinor, 200);
    QCOMPARE(report.hours.last().hour.hour, 23);
    QCOMPARE(report.hours.last().sales.first().grossMinor, 400);
    QCOMPARE(findTotals(report, Channel::AlipayQr, Currency::CAD)->grossMinor, 700);
}

void TestDailyReport::cutoffInsideTheSpringGap()
{
    // 02:00 does not exist on 2026-03-08: the day starts at the first instant after the gap
    // and consecutive days still tile time without a hole or an overlap.
    const BusinessDayRange before = businessDayRange(QDate(2026, 3, 7), Toronto, 2);
    const BusinessDayRange gap = businessDayRange(QDate(2026, 3, 8), Toronto, 2);
    const BusinessDayRange after = businessDayRange(QDate(2026, 3, 9), Toronto, 2);
    QCOMPARE(before.toUtcMs, gap.fromUtcMs);
    QCOMPARE(gap.toUtcMs, after.fromUtcMs);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(gap.fromUtcMs, Toronto).time(), QTime(3, 0));
    QCOMPARE((before.toUtcMs - before.fromUtcMs) + (gap.toUtcMs - gap.fromUtcMs), 47 * HourMs);
    const QList<LocalHour> hours = localHours(gap, Toronto);
    QCOMPARE(hours.first().hour, 3);
    QCOMPARE(hours.first().fromUtcMs, gap.fromUtcMs);
    QCOMPARE(hours.last().toUtcMs, gap.toUtcMs);
    for (qsizetype i = 1; i < hours.size(); ++i)
        QCOMPARE(hours[i].fromUtcMs, hours[i - 1].toUtcMs);
}

void TestDailyReport::emptyDay()
{
    const DailyReport report = reportFor(QDate(2026, 6, 10), 4);
    QCOMPARE(report.orderCount, 0);
    QVERIFY(report.totals.isEmpty());
    QVERIFY(report.states.isEmpty());
    QCOMPARE(report.alerts.total(), 0);
    QCOMPARE(report.hours.size(), 24);
    for (const HourBucket &bucket : report.hours)
        QVERIFY(bucket.sales.isEmpty());
}

void TestDailyReport::jsonCarriesTheFigures()
{
    LogBuilder b(*m_log, m_clock, Toronto);
    const Order tea = b.order(u"2026-06-10T12:30:00"_s, {Channel::AlipayQr, {2865, Currency::CAD}});
    QVERIFY(b.refund(u"2026-06-10T13:00:00"_s, tea.id, 865, RefundState::Succeeded).id);
    const QJsonObject json = dailyReportToJson(reportFor(QDate(2026, 6, 10), 4));
    QCOMPARE(json.value(u"date"_s).toString(), u"2026-06-10"_s);
    QCOMPARE(json.value(u"timeZone"_s).toString(), u"America/Toronto"_s);
    QCOMPARE(json.value(u"from"_s).toString(), u"2026-06-10T04:00:00-04:00"_s);
    const QJsonObject totals = json.value(u"totals"_s).toArray().first().toObject();
    QCOMPARE(totals.value(u"channel"_s).toString(), u"ALIPAY_QR"_s);
    QCOMPARE(totals.value(u"gross"_s).toString(), u"28.65"_s);
    QCOMPARE(totals.value(u"refunds"_s).toString(), u"8.65"_s);
    QCOMPARE(totals.value(u"net"_s).toString(), u"20.00"_s);
    QCOMPARE(json.value(u"states"_s).toObject().value(u"PAID"_s).toInt(), 1);
    QCOMPARE(json.value(u"hourly"_s).toArray().size(), 24);
}

void TestDailyReport::totalsBySource()
{
    LogBuilder b(*m_log, m_clock, Toronto);
    QVERIFY(b.order(u"2026-06-10T09:00:00"_s, {Channel::WxNative, {1000, Currency::CAD}}).id);
    OrderSpec mini{Channel::WxJsapi, {2500, Currency::CAD}};
    mini.source = OrderSource::MiniProgram;
    const Order miniPaid = b.order(u"2026-06-10T10:00:00"_s, mini);
    QVERIFY(miniPaid.id);
    mini.gateway = u"ionline"_s;
    QVERIFY(b.order(u"2026-06-10T10:30:00"_s, mini).id);
    mini.state = OrderState::Awaiting; // not paid: counted as open, not in the totals
    QVERIFY(b.order(u"2026-06-10T10:45:00"_s, mini).id);
    OrderSpec app{Channel::WxApp, {700, Currency::USD}};
    app.source = OrderSource::App;
    QVERIFY(b.order(u"2026-06-10T11:00:00"_s, app).id);
    QCOMPARE(b.refund(u"2026-06-10T12:00:00"_s, miniPaid.id, 300, RefundState::Succeeded).state,
             RefundState::Succeeded);

    const DailyReport report = reportFor(QDate(2026, 6, 10), 4);
    QCOMPARE(report.sources.size(), 3);
    const SourceTotals *counter = findSource(report, OrderSource::Counter, Currency::CAD);
    QVERIFY(counter);
    QCOMPARE(counter->paidCount, 1);
    QCOMPARE(counter->grossMinor, 1000);
    const SourceTotals *miniTotals = findSource(report, OrderSource::MiniProgram, Currency::CAD);
    QVERIFY(miniTotals);
    QCOMPARE(miniTotals->paidCount, 2);
    QCOMPARE(miniTotals->grossMinor, 5000);
    QCOMPARE(miniTotals->refundCount, 1);
    QCOMPARE(miniTotals->netMinor(), 4700);
    const SourceTotals *appTotals = findSource(report, OrderSource::App, Currency::USD);
    QVERIFY(appTotals);
    QCOMPARE(appTotals->grossMinor, 700);
    QCOMPARE(report.alerts.openCount, 1);
    // The channel totals still add up to the same money.
    const ChannelTotals *jsapi = findTotals(report, Channel::WxJsapi, Currency::CAD);
    QVERIFY(jsapi);
    QCOMPARE(jsapi->grossMinor, 5000);

    const QJsonArray sources = dailyReportToJson(report).value(u"sources"_s).toArray();
    QCOMPARE(sources.size(), 3);
    bool sawMini = false;
    for (const QJsonValue &entry : sources) {
        if (entry[u"source"_s].toString() == u"miniprogram") {
            sawMini = true;
            QCOMPARE(entry[u"gross"_s].toString(), u"50.00"_s);
            QCOMPARE(entry[u"net"_s].toString(), u"47.00"_s);
        }
    }
    QVERIFY(sawMini);
}

void TestDailyReport::totalsByCashier()
{
    LogBuilder b(*m_log, m_clock, Toronto);
    OrderSpec alice{Channel::WxNative, {1000, Currency::CAD}};
    const Order first = b.order(u"2026-06-10T09:00:00"_s, alice);
    QVERIFY(first.id);
    QVERIFY(b.order(u"2026-06-10T09:30:00"_s, alice).id);
    alice.state = OrderState::Expired; // not paid: not in the cashier's totals
    QVERIFY(b.order(u"2026-06-10T09:45:00"_s, alice).id);
    OrderSpec bob{Channel::AlipayQr, {450, Currency::CAD}};
    bob.cashier = u"bob"_s;
    const Order bobs = b.order(u"2026-06-10T10:00:00"_s, bob);
    QVERIFY(bobs.id);
    bob.amount = {300, Currency::USD};
    QVERIFY(b.order(u"2026-06-10T10:10:00"_s, bob).id);
    // Refunds count against the cashier of the sale; one that failed counts for nobody.
    QCOMPARE(b.refund(u"2026-06-10T12:00:00"_s, first.id, 250, RefundState::Succeeded).state, RefundState::Succeeded);
    QCOMPARE(b.refund(u"2026-06-10T12:10:00"_s, bobs.id, 100, RefundState::Failed).state, RefundState::Failed);
    // Another day's sale by a third cashier stays out.
    OrderSpec carol{Channel::WxNative, {999, Currency::CAD}};
    carol.cashier = u"carol"_s;
    QVERIFY(b.order(u"2026-06-11T10:00:00"_s, carol).id);

    const DailyReport report = reportFor(QDate(2026, 6, 10), 4);
    QCOMPARE(report.cashiers.size(), 3);
    const CashierTotals &a = report.cashiers.at(0);
    QCOMPARE(a.cashier, u"alice"_s);
    QCOMPARE(a.currency, Currency::CAD);
    QCOMPARE(a.paidCount, 2);
    QCOMPARE(a.grossMinor, 2000);
    QCOMPARE(a.refundCount, 1);
    QCOMPARE(a.netMinor(), 1750);
    QCOMPARE(report.cashiers.at(1).cashier, u"bob"_s);
    QCOMPARE(report.cashiers.at(1).currency, Currency::CAD);
    QCOMPARE(report.cashiers.at(1).grossMinor, 450);
    QCOMPARE(report.cashiers.at(1).refundCount, 0);
    QCOMPARE(report.cashiers.at(2).currency, Currency::USD);
    QCOMPARE(report.cashiers.at(2).paidCount, 1);

    const QJsonArray cashiers = dailyReportToJson(report).value(u"cashiers"_s).toArray();
    QCOMPARE(cashiers.size(), 3);
    QCOMPARE(cashiers.at(0)[u"cashier"_s].toString(), u"alice"_s);
    QCOMPARE(cashiers.at(0)[u"net"_s].toString(), u"17.50"_s);
}

void TestDailyReport::invalidInput()
{
    const auto code = [&](const ReportDay &day) {
        const auto report = buildDailyReport(*m_log, day);
        return report ? ErrorCode::Invalid : report.error().code;
    };
    QCOMPARE(code({QDate(), Toronto, 0}), ErrorCode::InvalidArgument);
    QCOMPARE(code({QDate(2026, 6, 10), QTimeZone("Nowhere/Land"), 0}), ErrorCode::InvalidArgument);
    QCOMPARE(code({QDate(2026, 6, 10), Toronto, 24}), ErrorCode::InvalidArgument);
    QCOMPARE(code({QDate(2026, 6, 10), Toronto, -1}), ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestDailyReport)
#include "test_daily_report.moc"
