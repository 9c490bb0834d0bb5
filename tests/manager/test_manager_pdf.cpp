// The Z report and receipts as PDF, read back with pdftotext (poppler-utils; the test fails
// without it): the business day, zone, totals, alerts and hours on the page; page breaks on a
// long day; receipts with their amounts and numbers; `paydeskctl report --pdf` unattended.

#include "PdfText.h"
#include "ReportTestSupport.h"

#include "config/Settings.h"
#include "reports/DailyReport.h"
#include "ui/Language.h"
#include "ui/manager/ReceiptPainter.h"
#include "ui/manager/ZReport.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;
using namespace paydesk::testing;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone Toronto("America/Toronto");
const QDate Day(2026, 6, 10);

} // namespace

class TestManagerPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void zReportShowsTheDay();
    void zReportInChinese();
    void longDayTakesSeveralPages();
    void emptyDay();
    void zReportShowsSources();
    void saleAndRefundReceipts();
    void unwritablePathIsAnError();
    void paydeskctlWritesThePdf();
    void paydeskctlTotalsAndFiltersByCashier();

private:
    // A log with a known day: two paid sales, a partial refund, a late payment, an order still
    // open, an unmatched notification, and an order of the next business day (after 04:00).
    void buildDay(OrderLog &log, ManualClock &clock);
    DailyReport report(const OrderLog &log);

    QTemporaryDir m_dir;
};

void TestManagerPdf::initTestCase()
{
    QVERIFY2(!pdfToTextProgram().isEmpty(), "pdftotext (poppler-utils) is required: apt-get install poppler-utils");
    QVERIFY(m_dir.isValid());
}

void TestManagerPdf::buildDay(OrderLog &log, ManualClock &clock)
{
    LogBuilder day(log, clock, Toronto);
    const Order coffee = day.order(u"2026-06-10T09:15:00"_s, {Channel::WxNative, {2865, Currency::CAD}});
    day.order(u"2026-06-10T12:40:00"_s, {Channel::AlipayQr, {1000, Currency::CAD}});
    day.refund(u"2026-06-10T13:00:00"_s, coffee.id, 500, RefundState::Succeeded);
    OrderSpec late{Channel::UpiQr, {750, Currency::CAD}};
    late.late = true;
    day.order(u"2026-06-10T18:05:00"_s, late);
    OrderSpec open{Channel::WxNative, {1234, Currency::CAD}};
    open.state = OrderState::Awaiting;
    day.order(u"2026-06-10T20:30:00"_s, open);
    day.notification(u"2026-06-10T21:00:00"_s, u"unmatched"_s, u"NOSUCHORDER1"_s);
    day.order(u"2026-06-11T05:00:00"_s, {Channel::WxNative, {9999, Currency::CAD}});
}

DailyReport TestManagerPdf::report(const OrderLog &log)
{
    const auto built = buildDailyReport(log, {Day, Toronto, 4});
    return built ? *built : DailyReport{};
}

void TestManagerPdf::zReportShowsTheDay()
{
    ManualClock clock;
    auto log = OrderLog::open(m_dir.filePath(u"day.sqlite"_s), clock);
    QVERIFY(log);
    buildDay(**log, clock);
    const DailyReport day = report(**log);
    QCOMPARE(day.orderCount, 4);
    const QString path = m_dir.filePath(u"z.pdf"_s);
    const ZReportInfo info{u"Café Lumière"_s, u"POS01"_s, clock.nowUtcMs()};
    QVERIFY(writeZReportPdf(path, day, info));
    QVERIFY(QFile(path).size() > 1000);

    const QString text = pdfToText(path);
    QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
    for (const QString &expected : {u"End-of-day report (Z)"_s,
                                    u"Café Lumière"_s,
                                    u"Business day 2026-06-10"_s,
                                    u"America/Toronto"_s,
                                    u"Terminal POS01"_s,
                                    u"Orders created in the day: 4"_s,
                                    u"WeChat Pay"_s,
                                    u"Alipay"_s,
                                    u"UnionPay"_s,
                                    u"28.65 CAD"_s,
                                    u"23.65 CAD"_s,
                                    u"10.00 CAD"_s,
                                    u"7.50 CAD"_s,
                                    u"46.15 CAD"_s,
                                    u"41.15 CAD"_s,
                                    u"Late payments (refund or keep): 1"_s,
                                    u"Orders not final (check open orders): 1"_s,
                                    u"1 for no known order"_s,
                                    u"Sales by hour"_s,
                                    u"09:00–10:00"_s}) {
        QVERIFY2(text.contains(expected), qPrintable(u"missing \""_s + expected + u"\" in:\n"_s + text));
    }
    // The next business day's sale is not in this one.
    QVERIFY(!text.contains(u"99.99"_s));
    // The total row per currency: 3 sales, gross 46.15, one refund of 5.00, net 41.15.
    const QStringList lines = text.split(u'\n');
    const auto total = std::find_if(lines.begin(), lines.end(), [](const QString &line) {
        return line.trimmed().startsWith(u"Total"_s) && line.contains(u"CAD"_s);
    });
    QVERIFY(total != lines.end());
    QVERIFY2(total->simplified() == u"Total CAD 3 46.15 CAD 1 5.00 CAD 41.15 CAD"_s, qPrintable(*total));
}

void TestManagerPdf::zReportInChinese()
{
    LanguageSwitcher language;
    QVERIFY(language.setLanguage(u"zh_CN"_s));
    ManualClock clock;
    auto log = OrderLog::open(m_dir.filePath(u"day-zh.sqlite"_s), clock);
    QVERIFY(log);
    buildDay(**log, clock);
    const QString path = m_dir.filePath(u"z-zh.pdf"_s);
    QVERIFY(writeZReportPdf(path, report(**log), {u"光明咖啡"_s, u"POS01"_s, 0}));
    const QString text = pdfToText(path);
    QVERIFY2(text.contains(u"光明咖啡"_s), qPrintable(text));
    QVERIFY2(text.contains(u"微信支付"_s), qPrintable(text));
    QVERIFY(text.contains(u"2026-06-10"_s));
    QVERIFY(text.contains(u"28.65 CAD"_s));
    QVERIFY(language.setLanguage(u"en"_s));
}

// A day with mini-program and app sales (one in HKD through iOnline Pay) gets a section per
// source; a counter-only day (zReportShowsTheDay) does not repeat its totals.
void TestManagerPdf::zReportShowsSources()
{
    ManualClock clock;
    auto log = OrderLog::open(m_dir.filePath(u"day-sources.sqlite"_s), clock);
    QVERIFY(log);
    LogBuilder day(**log, clock, Toronto);
    day.order(u"2026-06-10T09:15:00"_s, {Channel::WxNative, {2865, Currency::CAD}});
    OrderSpec mini{Channel::WxJsapi, {1200, Currency::CAD}};
    mini.source = OrderSource::MiniProgram;
    mini.terminalId = u"WEB"_s;
    day.order(u"2026-06-10T10:00:00"_s, mini);
    day.order(u"2026-06-10T10:30:00"_s, mini);
    OrderSpec app{Channel::WxApp, {8800, Currency::HKD}};
    app.source = OrderSource::App;
    app.gateway = u"ionline"_s;
    app.terminalId = u"WEB"_s;
    day.order(u"2026-06-10T11:00:00"_s, app);
    const QString path = m_dir.filePath(u"z-sources.pdf"_s);
    QVERIFY(writeZReportPdf(path, report(**log), {}));
    const QString text = pdfToText(path);
    QVERIFY2(text.contains(u"Totals per source and currency"_s), qPrintable(text));
    const QStringList lines = text.split(u'\n');
    const auto rowOf = [&lines](const QString &start) {
        for (const QString &line : lines) {
            if (line.simplified().startsWith(start))
                return line.simplified();
        }
        return QString();
    };
    QCOMPARE(rowOf(u"Counter CAD"_s), u"Counter CAD 1 28.65 CAD 0 0.00 CAD 28.65 CAD"_s);
    QCOMPARE(rowOf(u"Mini program CAD"_s), u"Mini program CAD 2 24.00 CAD 0 0.00 CAD 24.00 CAD"_s);
    QCOMPARE(rowOf(u"App HKD"_s), u"App HKD 1 88.00 HKD 0 0.00 HKD 88.00 HKD"_s);
    QCOMPARE(rowOf(u"WeChat Pay (mini program)"_s),
             u"WeChat Pay (mini program) CAD 2 24.00 CAD 0 0.00 CAD 24.00 CAD"_s);
    QCOMPARE(rowOf(u"WeChat Pay (app)"_s), u"WeChat Pay (app) HKD 1 88.00 HKD 0 0.00 HKD 88.00 HKD"_s);
    // Dollars of two countries are never added together.
    QCOMPARE(rowOf(u"Total CAD"_s), u"Total CAD 3 52.65 CAD 0 0.00 CAD 52.65 CAD"_s);
    QCOMPARE(rowOf(u"Total HKD"_s), u"Total HKD 1 88.00 HKD 0 0.00 HKD 88.00 HKD"_s);

    // The counter-only day has no source section.
    auto counterLog = OrderLog::open(m_dir.filePath(u"day-counter.sqlite"_s), clock);
    QVERIFY(counterLog);
    buildDay(**counterLog, clock);
    const QString counterPath = m_dir.filePath(u"z-counter.pdf"_s);
    QVERIFY(writeZReportPdf(counterPath, report(**counterLog), {}));
    QVERIFY(!pdfToText(counterPath).contains(u"Totals per source"_s));
}

void TestManagerPdf::longDayTakesSeveralPages()
{
    ManualClock clock;
    auto log = OrderLog::open(m_dir.filePath(u"long.sqlite"_s), clock);
    QVERIFY(log);
    LogBuilder day(**log, clock, Toronto);
    OrderSpec late{Channel::AlipayQr, {1500, Currency::CAD}};
    late.late = true;
    for (int i = 0; i < 60; ++i)
        day.order(QStringLiteral("2026-06-10T10:%1:00").arg(i, 2, 10, QLatin1Char('0')), late);
    const DailyReport longDay = report(**log);
    QCOMPARE(longDay.alerts.lateCount, 60);
    const QString path = m_dir.filePath(u"long.pdf"_s);
    QVERIFY(writeZReportPdf(path, longDay, {}));
    const QString text = pdfToText(path);
    QVERIFY2(text.count(u'\f') >= 2, "expected at least two pages");
    QVERIFY(text.contains(u"Late payments (refund or keep): 60"_s));
    QVERIFY(text.contains(u"Sales by hour"_s)); // after the page break, not lost
    QVERIFY(text.contains(u"900.00 CAD"_s));
}

void TestManagerPdf::emptyDay()
{
    ManualClock clock;
    auto log = OrderLog::open(m_dir.filePath(u"empty.sqlite"_s), clock);
    QVERIFY(log);
    const QString path = m_dir.filePath(u"empty.pdf"_s);
    QVERIFY(writeZReportPdf(path, report(**log), {}));
    const QString text = pdfToText(path);
    QVERIFY(text.contains(u"No payments in this business day."_s));
    QVERIFY(text.contains(u"Nothing to check before closing the day."_s));
}

void TestManagerPdf::saleAndRefundReceipts()
{
    Order order;
    order.id = 7;
    order.mchOrderNo = u"POS01260610131500000007"_s;
    order.payOrderId = u"P0120260610131500123"_s;
    order.terminalId = u"POS01"_s;
    order.cashier = u"Zoé"_s;
    order.channel = Channel::UpiQr;
    order.amount = {2865, Currency::CAD};
    order.state = OrderState::Paid;
    order.paidAtMs = QDateTime(Day, QTime(13, 15, 2), Toronto).toMSecsSinceEpoch();
    ReceiptData sale = saleReceiptFor(order, u"Café Lumière"_s);
    sale.footer = {u"Merci !"_s};
    const QString salePath = m_dir.filePath(u"sale.pdf"_s);
    QVERIFY(writeReceiptPdf(salePath, sale, translatedReceiptLabels(), Toronto));
    const QString saleText = pdfToText(salePath);
    for (const QString &expected :
         {u"Café Lumière"_s, u"PAYMENT RECEIPT"_s, u"28.65 CAD"_s, u"UnionPay"_s, u"2026-06-10 13:15:02"_s,
          order.mchOrderNo, order.payOrderId, u"Zoé"_s, u"Merci !"_s}) {
        QVERIFY2(saleText.contains(expected), qPrintable(u"missing \""_s + expected + u"\" in:\n"_s + saleText));
    }

    Refund refund;
    refund.mchRefundNo = u"R" + order.mchOrderNo.left(26) + u"01";
    refund.amount = {500, Currency::CAD};
    refund.reason = u"broken cup"_s;
    refund.requestedBy = u"manager@POS01"_s;
    refund.createdAtMs = order.paidAtMs + 3'600'000;
    refund.state = RefundState::Succeeded;
    const QString refundPath = m_dir.filePath(u"refund.pdf"_s);
    QVERIFY(writeReceiptPdf(refundPath, refundReceiptFor(order, refund, u"Café Lumière"_s), translatedReceiptLabels(),
                            Toronto));
    const QString refundText = pdfToText(refundPath);
    for (const QString &expected : {u"REFUND RECEIPT"_s, u"5.00 CAD"_s, u"28.65 CAD"_s, refund.mchRefundNo,
                                    u"broken cup"_s, u"2026-06-10 14:15:02"_s}) {
        QVERIFY2(refundText.contains(expected), qPrintable(u"missing \""_s + expected + u"\" in:\n"_s + refundText));
    }
}

void TestManagerPdf::unwritablePathIsAnError()
{
    const DailyReport empty;
    const auto written = writeZReportPdf(u"/proc/paydesk-nowhere/z.pdf"_s, empty, {});
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::InvalidArgument);
}

void TestManagerPdf::paydeskctlWritesThePdf()
{
    ManualClock clock;
    const QString logPath = m_dir.filePath(u"ctl.sqlite"_s);
    {
        auto log = OrderLog::open(logPath, clock);
        QVERIFY(log);
        buildDay(**log, clock);
    }
    const QString config = m_dir.filePath(u"ctl.ini"_s);
    {
        Settings settings(config);
        QVERIFY(settings.setReportTimeZoneId("America/Toronto"));
        QVERIFY(settings.setReportCutoffHour(4));
        QVERIFY(settings.setMerchantName(u"Night Owl Café"_s));
        QVERIFY(settings.sync());
    }
    const QString pdf = m_dir.filePath(u"ctl.pdf"_s);
    QProcess ctl;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Unattended: no display, no platform chosen — paydeskctl picks "offscreen" itself.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    ctl.setProcessEnvironment(environment);
    ctl.start(
        QStringLiteral(PAYDESKCTL),
        {u"report"_s, u"--config"_s, config, u"--order-log"_s, logPath, u"--date"_s, u"2026-06-10"_s, u"--pdf"_s, pdf});
    QVERIFY(ctl.waitForFinished(60'000));
    const QString errors = QString::fromUtf8(ctl.readAllStandardError());
    QVERIFY2(ctl.exitCode() == 0, qPrintable(errors));
    QVERIFY(errors.contains(u"wrote the Z report to"_s));
    const QString text = pdfToText(pdf);
    QVERIFY2(text.contains(u"Night Owl Café"_s), qPrintable(text));
    QVERIFY(text.contains(u"Business day 2026-06-10"_s));
    QVERIFY(text.contains(u"41.15 CAD"_s));
    // The text report still goes to stdout.
    QVERIFY(QString::fromUtf8(ctl.readAllStandardOutput()).contains(u"Business day 2026-06-10"_s));
}

// `paydeskctl report --cashier`: that cashier's row of the per-cashier totals, and their orders
// only in the CSV; the Z report has every cashier's.
void TestManagerPdf::paydeskctlTotalsAndFiltersByCashier()
{
    ManualClock clock;
    const QString logPath = m_dir.filePath(u"cashiers.sqlite"_s);
    QString bobsOrder;
    {
        auto log = OrderLog::open(logPath, clock);
        QVERIFY(log);
        buildDay(**log, clock);
        LogBuilder day(**log, clock, Toronto);
        OrderSpec byBob{Channel::AlipayQr, {4200, Currency::CAD}};
        byBob.cashier = u"bob"_s;
        bobsOrder = day.order(u"2026-06-10T15:00:00"_s, byBob).mchOrderNo;
    }
    const QString config = m_dir.filePath(u"cashiers.ini"_s);
    {
        Settings settings(config);
        QVERIFY(settings.setReportTimeZoneId("America/Toronto"));
        QVERIFY(settings.setReportCutoffHour(4));
        QVERIFY(settings.sync());
    }
    const QString csv = m_dir.filePath(u"bob.csv"_s);
    const QString pdf = m_dir.filePath(u"cashiers.pdf"_s);
    QProcess ctl;
    ctl.start(QStringLiteral(PAYDESKCTL),
              {u"report"_s, u"--config"_s, config, u"--order-log"_s, logPath, u"--date"_s, u"2026-06-10"_s,
               u"--cashier"_s, u"bob"_s, u"--csv"_s, csv, u"--pdf"_s, pdf});
    QVERIFY(ctl.waitForFinished(60'000));
    QVERIFY2(ctl.exitCode() == 0, ctl.readAllStandardError().constData());
    const QStringList out = QString::fromUtf8(ctl.readAllStandardOutput()).split(u'\n');
    const qsizetype header = out.indexOf(QRegularExpression(u"Cashier\\s+Cur.*"_s));
    QVERIFY2(header >= 0, qPrintable(out.join(u'\n')));
    QCOMPARE(out.value(header + 1).simplified(), u"bob CAD 1 42.00 0.00 42.00"_s);
    QVERIFY(out.filter(QRegularExpression(u"^alice\\s"_s)).isEmpty());

    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = file.readAll().split('\n');
    QCOMPARE(rows.size(), 3); // header, bob's order, the empty rest
    QVERIFY(rows[1].startsWith(QByteArray(bobsOrder.toUtf8() + ',')));

    const QStringList zLines = pdfToText(pdf).split(u'\n');
    QVERIFY(!zLines.filter(u"Totals per cashier and currency"_s).isEmpty());
    QCOMPARE(zLines.filter(QRegularExpression(u"^\\s*alice\\s"_s)).value(0).simplified(),
             u"alice CAD 3 46.15 CAD 1 5.00 CAD 41.15 CAD"_s);
    QCOMPARE(zLines.filter(QRegularExpression(u"^\\s*bob\\s"_s)).value(0).simplified(),
             u"bob CAD 1 42.00 CAD 0 0.00 CAD 42.00 CAD"_s);
}

QTEST_MAIN(TestManagerPdf)
#include "test_manager_pdf.moc"
