#include "AppSupport.h"
#include "Commands.h"
#include "GatewayFactory.h"

#include "common/Clock.h"
#include "orders/OrderLog.h"
#include "reports/BusinessDay.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace paydesk {

namespace {

QJsonObject responseJson(const GatewayResponse &response)
{
    QJsonObject json{{QStringLiteral("retCode"), response.retCode},
                     {QStringLiteral("resCode"), response.resCode},
                     {QStringLiteral("payOrderId"), response.payOrderId},
                     {QStringLiteral("mchOrderNo"), response.mchOrderNo},
                     {QStringLiteral("currency"), response.currencyCode},
                     {QStringLiteral("channelId"), response.channelId},
                     {QStringLiteral("channelOrderNo"), response.channelOrderNo},
                     {QStringLiteral("signed"), response.signaturePresent}};
    if (response.amount)
        json.insert(QStringLiteral("amount"), response.amount->minor);
    const int statusCodes[] = {-1, 0, 1, 2, 3, 4, 9};
    json.insert(QStringLiteral("status"), statusCodes[int(response.status)]);
    if (response.paySuccTimeMs > 0)
        json.insert(
            QStringLiteral("paySuccTime"),
            QDateTime::fromMSecsSinceEpoch(response.paySuccTimeMs, QTimeZone::utc()).toString(Qt::ISODateWithMs));
    return json;
}

QJsonObject orderJson(const Order &order, const QTimeZone &zone)
{
    return {
        {QStringLiteral("mchOrderNo"), order.mchOrderNo},
        {QStringLiteral("createdAt"), QDateTime::fromMSecsSinceEpoch(order.createdAtMs, zone).toString(Qt::ISODate)},
        {QStringLiteral("channel"), channelId(order.channel)},
        {QStringLiteral("amount"), order.amount.minor},
        {QStringLiteral("currency"), currencyCode(order.amount.currency)},
        {QStringLiteral("state"), orderStateName(order.state)},
        {QStringLiteral("late"), order.late},
        {QStringLiteral("terminal"), order.terminalId},
        {QStringLiteral("cashier"), order.cashier},
        {QStringLiteral("payOrderId"), order.payOrderId},
        {QStringLiteral("refunded"), order.refundedMinor}};
}

void printOrders(QTextStream &out, const QList<Order> &orders, QDate date, const QTimeZone &zone, int cutoff)
{
    out << "Business day " << date.toString(Qt::ISODate) << " (" << zone.id() << ", from "
        << QString::number(cutoff).rightJustified(2, u'0') << ":00): " << orders.size() << " orders\n";
    for (const Order &order : orders) {
        out << QDateTime::fromMSecsSinceEpoch(order.createdAtMs, zone).toString(QStringLiteral("HH:mm:ss")) << "  "
            << order.mchOrderNo.leftJustified(30) << ' ' << channelId(order.channel).leftJustified(10) << ' '
            << formatMinorPlain(order.amount.minor).rightJustified(12) << ' ' << currencyCode(order.amount.currency)
            << "  " << orderStateName(order.state) << (order.late ? " (late)" : "") << '\n';
    }
}

} // namespace

int runQuery(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Asks the configured gateway about one order (signed query_order) and prints its answer as JSON."));
    parser.addHelpOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addOption(
        {QStringLiteral("pay-order-id"), QStringLiteral("ORDER is IOTPay's payOrderId, not our mchOrderNo.")});
    parser.addOption({QStringLiteral("gateway"), QStringLiteral("Gateway base URL instead of the configured one."),
                      QStringLiteral("URL")});
    parser.addPositionalArgument(QStringLiteral("ORDER"), QStringLiteral("The merchant order number (mchOrderNo)."));
    parser.process(arguments);

    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << "usage: paydeskctl query ORDER [--pay-order-id]" << Qt::endl;
        return ExitUsage;
    }
    const auto settings = settingsFor(parser);
    auto secrets = secretStoreFor(parser, settings->mchId());
    QNetworkAccessManager network;
    auto client
        = makeGateway(*settings, *secrets, &network,
                      parser.isSet(QStringLiteral("gateway")) ? QUrl(parser.value(QStringLiteral("gateway"))) : QUrl());
    if (!client) {
        err << "paydeskctl query: " << describe(client.error()) << Qt::endl;
        return ExitConfig;
    }
    OrderLookup lookup;
    if (parser.isSet(QStringLiteral("pay-order-id")))
        lookup.payOrderId = positional.first();
    else
        lookup.mchOrderNo = positional.first();
    GatewayCall *call = (*client)->queryOrder(lookup);
    QObject::connect(call, &GatewayCall::finished, &app, &QCoreApplication::quit);
    app.exec();

    const Result<GatewayResponse> &result = call->result();
    if (!result) {
        err << "paydeskctl query: " << describe(result.error()) << Qt::endl;
        return exitCodeFor(result.error());
    }
    QTextStream(stdout) << QJsonDocument(responseJson(*result)).toJson(QJsonDocument::Indented);
    return ExitOk;
}

int runOrders(QCoreApplication &, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists the orders of one business day from the order log (the day starts at the configured\n"
                       "cut-off hour in the configured time zone)."));
    parser.addHelpOption();
    addConfigOption(parser);
    parser.addOption(
        {QStringLiteral("date"), QStringLiteral("The business day (default: today)."), QStringLiteral("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("order-log"), QStringLiteral("Order log file instead of the configured one."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")});
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto settings = settingsFor(parser);
    const QTimeZone zone = settings->reportTimeZone();
    const int cutoff = settings->reportCutoffHour();
    SystemClock clock;
    QDate date = businessDayOf(clock.nowUtcMs(), zone, cutoff);
    if (parser.isSet(QStringLiteral("date"))) {
        date = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
        if (!date.isValid()) {
            err << "paydeskctl orders: --date must be YYYY-MM-DD" << Qt::endl;
            return ExitUsage;
        }
    }
    const QString path = parser.isSet(QStringLiteral("order-log")) ? parser.value(QStringLiteral("order-log"))
                                                                   : settings->orderLogPath();
    OrderLog::Options options;
    options.readOnly = true;
    options.create = false;
    auto log = OrderLog::open(path, clock, options);
    if (!log) {
        err << "paydeskctl orders: " << path << ": " << describe(log.error()) << Qt::endl;
        return ExitStore;
    }
    const BusinessDayRange range = businessDayRange(date, zone, cutoff);
    auto orders = (*log)->ordersBetween(range.fromUtcMs, range.toUtcMs);
    if (!orders) {
        err << "paydeskctl orders: " << describe(orders.error()) << Qt::endl;
        return ExitStore;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Order &order : *orders)
            list.append(orderJson(order, zone));
        out << QJsonDocument(
                   QJsonObject{{QStringLiteral("date"), date.toString(Qt::ISODate)}, {QStringLiteral("orders"), list}})
                   .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    printOrders(out, *orders, date, zone, cutoff);
    out.flush();
    return ExitOk;
}

} // namespace paydesk
