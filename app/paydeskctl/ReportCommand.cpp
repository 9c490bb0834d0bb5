#include "AppSupport.h"
#include "Commands.h"

#include "common/Clock.h"
#include "manager/ZReport.h"
#include "orders/OrderLog.h"
#include "reports/BusinessDay.h"
#include "reports/Csv.h"
#include "reports/DailyReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>

#include <optional>

namespace paydesk {

namespace {

QString localTime(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(QStringLiteral("HH:mm"));
}

QString money(qint64 minor, Currency currency)
{
    return formatMinorPlain(minor) + u' ' + currencyCode(currency);
}

void printTotals(QTextStream &out, const DailyReport &report)
{
    out << "Channel     Cur   Paid          Gross        Refunds            Net\n";
    for (const ChannelTotals &totals : report.totals) {
        out << channelId(totals.channel).leftJustified(11) << ' ' << currencyCode(totals.currency) << ' '
            << QString::number(totals.paidCount).rightJustified(6) << ' '
            << formatMinorPlain(totals.grossMinor).rightJustified(14) << ' '
            << formatMinorPlain(totals.refundsMinor).rightJustified(14) << ' '
            << formatMinorPlain(totals.netMinor()).rightJustified(14) << '\n';
    }
    if (report.totals.isEmpty())
        out << "(no payments)\n";
    // Only worth a table once orders come from somewhere else than the counter.
    if (report.sources.size() > 1
        || (report.sources.size() == 1 && report.sources.first().source != OrderSource::Counter)) {
        out << "Source      Cur   Paid          Gross        Refunds            Net\n";
        for (const SourceTotals &totals : report.sources) {
            out << orderSourceName(totals.source).leftJustified(11) << ' ' << currencyCode(totals.currency) << ' '
                << QString::number(totals.paidCount).rightJustified(6) << ' '
                << formatMinorPlain(totals.grossMinor).rightJustified(14) << ' '
                << formatMinorPlain(totals.refundsMinor).rightJustified(14) << ' '
                << formatMinorPlain(totals.netMinor()).rightJustified(14) << '\n';
        }
    }
    // Per cashier once a sale recorded one (a signed-in cashier or the configured name).
    const bool anyCashier = std::any_of(report.cashiers.cbegin(), report.cashiers.cend(),
                                        [](const CashierTotals &totals) { return !totals.cashier.isEmpty(); });
    if (anyCashier) {
        out << "Cashier     Cur   Paid          Gross        Refunds            Net\n";
        for (const CashierTotals &totals : report.cashiers) {
            out << (totals.cashier.isEmpty() ? QStringLiteral("-") : totals.cashier).leftJustified(11) << ' '
                << currencyCode(totals.currency) << ' ' << QString::number(totals.paidCount).rightJustified(6) << ' '
                << formatMinorPlain(totals.grossMinor).rightJustified(14) << ' '
                << formatMinorPlain(totals.refundsMinor).rightJustified(14) << ' '
                << formatMinorPlain(totals.netMinor()).rightJustified(14) << '\n';
        }
    }
    QStringList states;
    for (const StateCount &entry : report.states)
        states.append(orderStateName(entry.state) + u' ' + QString::number(entry.count));
    out << "Orders by state: " << (states.isEmpty() ? QStringLiteral("none") : states.join(u", ")) << '\n';
}

// A store's or a chain's day, counter by counter: once there is more than one terminal or a store.
void printPlaces(QTextStream &out, const DailyReport &report)
{
    const bool single = report.terminals.size() <= 1
        && std::all_of(report.terminals.cbegin(), report.terminals.cend(),
                       [](const PlaceTotals &totals) { return totals.storeId.isEmpty(); });
    if (single)
        return;
    out << "Store    Terminal Cur Orders   Paid          Gross        Refunds            Net\n";
    const auto row = [&out](const PlaceTotals &totals, const QString &terminal) {
        out << (totals.storeId.isEmpty() ? QStringLiteral("-") : totals.storeId).leftJustified(8) << ' '
            << terminal.leftJustified(8) << ' ' << currencyCode(totals.currency) << ' '
            << QString::number(totals.orderCount).rightJustified(6) << ' '
            << QString::number(totals.paidCount).rightJustified(6) << ' '
            << formatMinorPlain(totals.grossMinor).rightJustified(14) << ' '
            << formatMinorPlain(totals.refundsMinor).rightJustified(14) << ' '
            << formatMinorPlain(totals.netMinor()).rightJustified(14) << '\n';
    };
    for (const PlaceTotals &store : report.stores) {
        for (const PlaceTotals &terminal : report.terminals) {
            if (terminal.storeId == store.storeId && terminal.currency == store.currency)
                row(terminal, terminal.terminalId);
        }
        row(store, QStringLiteral("(store)"));
    }
}

void printAlerts(QTextStream &out, const DailyReport &report)
{
    const ReportAlerts &alerts = report.alerts;
    const QTimeZone &zone = report.day.zone;
    out << "Alerts: " << alerts.total() << '\n';
    for (const Order &order : alerts.latePayments) {
        out << "  late payment    " << order.mchOrderNo << "  " << money(order.amount.minor, order.amount.currency)
            << ' ' << channelId(order.channel) << ", created " << localTime(order.createdAtMs, zone) << ", paid "
            << localTime(order.paidAtMs, zone) << " (refund or keep)\n";
    }
    for (const Order &order : alerts.openOrders) {
        out << "  not final       " << order.mchOrderNo << "  " << orderStateName(order.state) << ' '
            << money(order.amount.minor, order.amount.currency) << ", created " << localTime(order.createdAtMs, zone)
            << " (run paydeskctl reconcile)\n";
    }
    for (const Refund &refund : alerts.unresolvedRefunds) {
        out << "  refund          " << refund.mchRefundNo << "  " << refundStateName(refund.state) << ' '
            << money(refund.amount.minor, refund.amount.currency) << " by " << refund.requestedBy << '\n';
    }
    if (alerts.unmatchedNotifications + alerts.rejectedNotifications > 0) {
        out << "  notifications   " << alerts.unmatchedNotifications << " unmatched, " << alerts.rejectedNotifications
            << " rejected (see the audit view)\n";
    }
    const int listed = int(alerts.latePayments.size() + alerts.openOrders.size() + alerts.unresolvedRefunds.size());
    if (alerts.lateCount + alerts.openCount + alerts.unresolvedRefundCount > listed)
        out << "  (lists capped at " << ReportAlerts::MaxListed << " each; --json for all counts)\n";
}

void printReport(QTextStream &out, const DailyReport &report)
{
    if (!report.scope.isChain()) {
        out << "Scope: "
            << (report.scope.storeId.isEmpty() ? QString() : QStringLiteral("store ") + report.scope.storeId)
            << (report.scope.storeId.isEmpty() || report.scope.terminalId.isEmpty() ? "" : ", ")
            << (report.scope.terminalId.isEmpty() ? QString() : QStringLiteral("terminal ") + report.scope.terminalId)
            << '\n';
    }
    out << "Business day " << report.day.date.toString(Qt::ISODate) << " (" << report.day.zone.id() << ", "
        << QDateTime::fromMSecsSinceEpoch(report.range.fromUtcMs, report.day.zone).toString(Qt::ISODate) << " to "
        << QDateTime::fromMSecsSinceEpoch(report.range.toUtcMs, report.day.zone).toString(Qt::ISODate)
        << "): " << report.orderCount << " orders\n\n";
    printTotals(out, report);
    printPlaces(out, report);
    out << '\n';
    printAlerts(out, report);
}

// The day's orders, all states, oldest first; written to a temporary file and renamed, so a
// failed export never leaves half a file where the previous one was.
Result<qint64> writeCsv(const OrderLog &log, const DailyReport &report, const QString &path, bool bom,
                        const QString &cashier)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::InvalidArgument, path + u": " + file.errorString());
    CsvOptions options;
    options.zone = report.day.zone;
    options.byteOrderMark = bom;
    OrderFilter filter = OrderFilter::forRange(report.range.fromUtcMs, report.range.toUtcMs);
    filter.cashier = cashier;
    filter.storeId = report.scope.storeId;
    filter.terminalId = report.scope.terminalId;
    auto written = exportOrdersCsv(log, filter, file, options);
    if (!written)
        return written;
    if (!file.commit())
        return fail(ErrorCode::InvalidArgument, path + u": " + file.errorString());
    return written;
}

// The configured zone and cut-off; the day from --date, or the business day it is now.
std::optional<ReportDay> reportDayFrom(const QCommandLineParser &parser, const Settings &settings)
{
    ReportDay day{{}, settings.reportTimeZone(), settings.reportCutoffHour()};
    day.date = businessDayOf(SystemClock().nowUtcMs(), day.zone, day.cutoffHour);
    if (parser.isSet(QStringLiteral("date")))
        day.date = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
    if (!day.date.isValid())
        return std::nullopt;
    return day;
}

void addReportOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "The end-of-day (Z) report of one business day from the order log: per channel and currency the\n"
        "paid count, gross, refunds and net; orders by state; alerts (late payments, orders not final,\n"
        "refunds of unknown outcome, unmatched and rejected notifications). --csv also exports the\n"
        "day's orders (RFC 4180, UTF-8); --pdf writes the Z report as the manager view prints it."));
    parser.addHelpOption();
    addConfigOption(parser);
    parser.addOption(
        {QStringLiteral("date"), QStringLiteral("The business day (default: today)."), QStringLiteral("YYYY-MM-DD")});
    parser.addOption(
        {QStringLiteral("csv"), QStringLiteral("Write the day's orders as CSV to FILE."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("bom"), QStringLiteral("Start the CSV with a UTF-8 byte order mark (for Excel).")});
    parser.addOption(
        {QStringLiteral("pdf"), QStringLiteral("Write the Z report as PDF to FILE."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    parser.addOption({QStringLiteral("cashier"),
                      QStringLiteral("Only this cashier: their row of the per-cashier totals, and only their orders "
                                     "in the CSV."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("store"),
                      QStringLiteral("Only this store's orders (a store's or chain's database), in the report and "
                                     "the CSV."),
                      QStringLiteral("STORE")});
    parser.addOption({QStringLiteral("terminal"),
                      QStringLiteral("Only this terminal's orders, in the report and the CSV."),
                      QStringLiteral("TERMINAL")});
    parser.addOption({QStringLiteral("order-log"),
                      QStringLiteral("Order log file (or store URL) instead of the configured one."),
                      QStringLiteral("FILE")});
}

// --csv and --pdf; ExitOk or ExitFailed with the reason on `err`.
int writeExports(const QCommandLineParser &parser, const OrderLog &log, const DailyReport &report,
                 const Settings &settings, const Clock &clock, QTextStream &err)
{
    if (parser.isSet(QStringLiteral("csv"))) {
        const QString csvPath = parser.value(QStringLiteral("csv"));
        const auto written = writeCsv(log, report, csvPath, parser.isSet(QStringLiteral("bom")),
                                      parser.value(QStringLiteral("cashier")));
        if (!written) {
            err << "paydeskctl report: CSV not written: " << describe(written.error()) << Qt::endl;
            return ExitFailed;
        }
        err << "wrote " << *written << " orders to " << csvPath << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("pdf"))) {
        const QString pdfPath = parser.value(QStringLiteral("pdf"));
        const ZReportInfo info{settings.merchantName(), settings.terminalId(), clock.nowUtcMs()};
        if (auto written = writeZReportPdf(pdfPath, report, info); !written) {
            err << "paydeskctl report: PDF not written: " << describe(written.error()) << Qt::endl;
            return ExitFailed;
        }
        err << "wrote the Z report to " << pdfPath << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runReport(QCoreApplication &, const QStringList &arguments)
{
    QCommandLineParser parser;
    addReportOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto settings = settingsFor(parser);
    const std::optional<ReportDay> day = reportDayFrom(parser, *settings);
    if (!day) {
        err << "paydeskctl report: --date must be YYYY-MM-DD" << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("bom")) && !parser.isSet(QStringLiteral("csv"))) {
        err << "paydeskctl report: --bom goes with --csv FILE" << Qt::endl;
        return ExitUsage;
    }
    const QString path = parser.isSet(QStringLiteral("order-log")) ? parser.value(QStringLiteral("order-log"))
                                                                   : settings->orderLogPath();
    OrderLog::Options options;
    options.readOnly = true;
    options.create = false;
    SystemClock clock;
    auto log = OrderLog::open(path, clock, options);
    if (!log) {
        err << "paydeskctl report: " << path << ": " << describe(log.error()) << Qt::endl;
        return ExitStore;
    }
    const ReportScope scope{parser.value(QStringLiteral("store")), parser.value(QStringLiteral("terminal"))};
    if (auto valid = checkStoreId(scope.storeId); !valid) {
        err << "paydeskctl report: --store: " << describe(valid.error()) << Qt::endl;
        return ExitUsage;
    }
    const auto report = buildDailyReport(**log, *day, scope);
    if (!report) {
        err << "paydeskctl report: " << describe(report.error()) << Qt::endl;
        return exitCodeFor(report.error());
    }
    DailyReport shown = *report;
    if (parser.isSet(QStringLiteral("cashier"))) {
        const QString cashier = parser.value(QStringLiteral("cashier"));
        shown.cashiers.removeIf([&cashier](const CashierTotals &totals) { return totals.cashier != cashier; });
        if (shown.cashiers.isEmpty())
            err << "paydeskctl report: no paid sale or refund by cashier " << cashier << " in this day" << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(dailyReportToJson(shown)).toJson(QJsonDocument::Indented);
    else
        printReport(out, shown);
    out.flush();
    return writeExports(parser, **log, *report, *settings, clock, err);
}

} // namespace paydesk
