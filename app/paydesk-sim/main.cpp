// paydesk-sim: an IOTPay v1 simulator (and, with --ionline, an iOnline Pay one) on loopback, for
// demo mode and tests. Never real money.

#include "AppSupport.h"

#include "common/Clock.h"
#include "sim/GatewaySimulator.h"
#include "sim/IOnlineSimulator.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QUrlQuery>

#include <memory>

using namespace paydesk;

namespace {

// `paydesk-sim pay ORDER --port N`: the "customer pays" trigger of a running simulator.
int triggerPayment(QCoreApplication &app, const QString &mchOrderNo, int port)
{
    QNetworkAccessManager network;
    QUrl url(u"http://127.0.0.1:" + QString::number(port) + u"/control/pay");
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("mchOrderNo"), mchOrderNo);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    QNetworkReply *reply = network.post(request, QByteArray());
    int code = ExitFailed;
    QObject::connect(reply, &QNetworkReply::finished, &app, [&] {
        const QByteArray body = reply->readAll();
        QTextStream out(reply->error() == QNetworkReply::NoError ? stdout : stderr);
        out << (body.isEmpty() ? reply->errorString().toUtf8() : body) << Qt::endl;
        code = reply->error() == QNetworkReply::NoError ? ExitOk : ExitFailed;
        app.quit();
    });
    app.exec();
    return code;
}

void addSimOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("IOTPay v1 simulator for PayDesk demo mode and tests. Never used against real money.\n"
                       "  paydesk-sim [options]              run the simulator\n"
                       "  paydesk-sim pay ORDER --port N     the customer pays order ORDER"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional: pay ORDER"));
    addSecretOptions(parser);
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port (0 picks a free one)."), QStringLiteral("PORT"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("mch-id"), QStringLiteral("Merchant id accepted."), QStringLiteral("ID"),
                      QStringLiteral("10000701")});
    parser.addOption({QStringLiteral("validity-seconds"), QStringLiteral("Unpaid orders close after this."),
                      QStringLiteral("S"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("notify-scale"), QStringLiteral("Multiply the notify retry schedule (1..5 min)."),
                      QStringLiteral("X"), QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("notify-form"), QStringLiteral("Send notifies as a form body instead of in the URL.")});
    parser.addOption({QStringLiteral("auto-pay-ms"), QStringLiteral("The customer pays by itself after MS."),
                      QStringLiteral("MS"), QStringLiteral("-1")});
    parser.addOption({QStringLiteral("micropay-confirm-ms"),
                      QStringLiteral("Scan to pay: a payment code ending 0001 is status 1 (the customer types the "
                                     "password) this long, then paid. Endings 0002 insufficient funds, 0003 code "
                                     "expired or used, 0004 risk control, 0005 no reply; any other: paid at once."),
                      QStringLiteral("MS"), QStringLiteral("5000")});
    parser.addOption(
        {QStringLiteral("ionline"),
         QStringLiteral("Also run an iOnline Pay simulator (same key): jspay, inapp, query, XML notify.")});
    parser.addOption({QStringLiteral("ionline-port"),
                      QStringLiteral("Port of the iOnline Pay simulator (0 picks a free one)."), QStringLiteral("PORT"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("ionline-mch-id"), QStringLiteral("iOnline merchant id accepted."),
                      QStringLiteral("ID"), QStringLiteral("10085200000000")});
    parser.addOption({QStringLiteral("ionline-fee-type"),
                      QStringLiteral("fee_type sent by the iOnline simulator (empty: none)."), QStringLiteral("CUR"),
                      QStringLiteral("CAD")});
}

// The iOnline Pay simulator next to IOTPay's (--ionline), with the same key.
Result<std::unique_ptr<IOnlineSimulator>> startIOnline(const QCommandLineParser &parser, const SimOptions &iotpay,
                                                       const Clock &clock, QNetworkAccessManager *network)
{
    IOnlineSimOptions options;
    options.http.port = quint16(parser.value(QStringLiteral("ionline-port")).toUInt());
    options.mchId = parser.value(QStringLiteral("ionline-mch-id"));
    options.key = iotpay.key;
    options.feeType = parser.value(QStringLiteral("ionline-fee-type"));
    options.notifyScheduleScale = iotpay.notifyScheduleScale;
    auto ionline = std::make_unique<IOnlineSimulator>(options, clock, network);
    if (auto port = ionline->start(); !port)
        return fail(port.error());
    QTextStream(stdout) << "paydesk-sim ionline gateway " << ionline->gatewayUrl().toString() << " control "
                        << ionline->controlUrl().toString() << Qt::endl;
    return ionline;
}

SimOptions simOptionsFrom(const QCommandLineParser &parser)
{
    SimOptions options;
    options.http.port = quint16(parser.value(QStringLiteral("port")).toUInt());
    options.mchId = parser.value(QStringLiteral("mch-id"));
    options.validityMs = parser.value(QStringLiteral("validity-seconds")).toLongLong() * 1000;
    options.notifyScheduleScale = parser.value(QStringLiteral("notify-scale")).toDouble();
    options.notifyMode
        = parser.isSet(QStringLiteral("notify-form")) ? SimNotifyMode::FormBody : SimNotifyMode::QueryString;
    options.autoPayAfterMs = parser.value(QStringLiteral("auto-pay-ms")).toLongLong();
    options.micropayConfirmMs = parser.value(QStringLiteral("micropay-confirm-ms")).toLongLong();
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("paydesk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));
    QCommandLineParser parser;
    addSimOptions(parser);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    QTextStream err(stderr);
    if (!positional.isEmpty()) {
        if (positional.value(0) != u"pay" || positional.size() != 2 || !parser.isSet(QStringLiteral("port"))) {
            err << "usage: paydesk-sim pay ORDER --port N" << Qt::endl;
            return ExitUsage;
        }
        return triggerPayment(app, positional.value(1), parser.value(QStringLiteral("port")).toInt());
    }

    SimOptions options = simOptionsFrom(parser);
    auto secrets = secretStoreFor(parser, options.mchId);
    auto key = secrets->readMerchantKey();
    if (!key) {
        err << "paydesk-sim: merchant key from " << secrets->describe() << ": " << describe(key.error()) << Qt::endl;
        return ExitConfig;
    }
    options.key = *key;

    SystemClock clock;
    QNetworkAccessManager network;
    GatewaySimulator simulator(options, clock, &network);
    auto port = simulator.start();
    if (!port) {
        err << "paydesk-sim: " << describe(port.error()) << Qt::endl;
        return ExitNetwork;
    }
    QTextStream(stdout) << "paydesk-sim gateway " << simulator.baseUrl().toString() << " control "
                        << simulator.controlUrl().toString() << Qt::endl;
    std::unique_ptr<IOnlineSimulator> ionline;
    if (parser.isSet(QStringLiteral("ionline"))) {
        auto started = startIOnline(parser, options, clock, &network);
        if (!started) {
            err << "paydesk-sim: iOnline: " << describe(started.error()) << Qt::endl;
            return ExitNetwork;
        }
        ionline = std::move(*started);
    }
    quitOnTerminationSignals(app);
    return app.exec();
}
