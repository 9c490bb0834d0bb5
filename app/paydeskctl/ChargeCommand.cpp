#include "AppSupport.h"
#include "Commands.h"

#include "common/Clock.h"
#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "qr/QrMatrix.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

namespace paydesk {

namespace {

struct ChargeServices
{
    std::unique_ptr<DemoEnvironment> demo;
    std::unique_ptr<RelayService> relay;
    std::unique_ptr<OrderLog> orderLog;
    std::unique_ptr<IotPayClient> gateway;
    SaleConfig sale;
    Currency currency = Currency::CAD;
    qint64 maxAmountMinor = DefaultMaxAmountMinor;
};

Result<ChargeServices> demoServices(const QCommandLineParser &parser, const Clock &clock, QNetworkAccessManager *network)
{
    ChargeServices services;
    DemoOptions options;
    options.autoPayAfterMs = parser.value(QStringLiteral("demo-pay-after-ms")).toLongLong();
    auto demo = DemoEnvironment::start(options, clock, network);
    if (!demo)
        return fail(demo.error());
    services.demo = std::move(*demo);
    auto log = OrderLog::open(services.demo->orderLogPath(), clock);
    if (!log)
        return fail(log.error());
    services.orderLog = std::move(*log);
    services.gateway = std::make_unique<IotPayClient>(network, services.demo->gatewayConfig());
    services.sale.terminalId = QStringLiteral("DEMO");
    services.sale.notifyUrl = services.demo->notifyUrl();
    services.sale.validityMs = options.validityMs;
    return services;
}

Result<ChargeServices> configuredServices(const QCommandLineParser &parser, const Clock &clock, QNetworkAccessManager *network)
{
    ChargeServices services;
    const auto settings = settingsFor(parser);
    if (auto migrated = settings->migrate(); !migrated)
        return fail(migrated.error());
    auto secrets = secretStoreFor(parser, settings->mchId());
    auto config = gatewayConfigFrom(*settings, *secrets);
    if (!config)
        return fail(config.error());
    if (settings->notifyUrl().isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no notify URL configured (gateway/notifyUrl)"));
    if (settings->relayMode() == RelayMode::InProcess) {
        RelayOptions relay;
        relay.http.bindAddress = settings->relayListenAddress();
        relay.http.port = quint16(settings->relayPort());
        relay.orderLogPath = settings->orderLogPath();
        relay.notify = {config->merchant.mchId, config->key, settings->relayPath().toUtf8(), QByteArrayLiteral("/health")};
        services.relay = std::make_unique<RelayService>(relay, clock);
        if (auto started = services.relay->start(); !started)
            return fail(started.error());
    }
    auto log = OrderLog::open(settings->orderLogPath(), clock);
    if (!log)
        return fail(log.error());
    services.orderLog = std::move(*log);
    services.gateway = std::make_unique<IotPayClient>(network, *config);
    services.sale.terminalId = settings->terminalId();
    services.sale.cashier = settings->cashier();
    services.sale.notifyUrl = settings->notifyUrl();
    services.sale.validityMs = qint64(settings->validitySeconds()) * 1000;
    services.sale.graceMs = settings->graceMs();
    services.sale.queryIntervalMs = settings->queryIntervalMs();
    services.currency = settings->saleCurrency();
    services.maxAmountMinor = settings->maxAmountMinor();
    return services;
}

QString countdownText(qint64 remainingMs)
{
    const qint64 seconds = (remainingMs + 999) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

int runCharge(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Takes a whole QR payment in the terminal: creates the order, draws the QR code with text\n"
        "blocks, counts down and waits until the payment is confirmed. Exit code 0 only when paid.\n"
        "With --demo, everything runs against an embedded simulator and relay on loopback, and the\n"
        "simulated customer pays after a few seconds."));
    parser.addHelpOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addPositionalArgument(QStringLiteral("AMOUNT"), QStringLiteral("Amount, e.g. 28.65"));
    parser.addOption({QStringLiteral("channel"), QStringLiteral("WX_NATIVE, ALIPAY_QR or UPI_QR."), QStringLiteral("CHANNEL")});
    parser.addOption({QStringLiteral("currency"), QStringLiteral("CAD, USD or CNY (default from settings)."), QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("demo"), QStringLiteral("Use the embedded simulator and relay (no account, no network).")});
    parser.addOption({QStringLiteral("demo-pay-after-ms"), QStringLiteral("In demo mode the customer pays after MS (-1: never)."),
                      QStringLiteral("MS"), QStringLiteral("3000")});
    parser.addOption({QStringLiteral("light-terminal"), QStringLiteral("Draw the QR for dark text on a light background.")});
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    const Channel channel = channelFromId(parser.value(QStringLiteral("channel")));
    if (positional.size() != 1 || !isCounterChannel(channel)) {
        err << "usage: paydeskctl charge AMOUNT --channel WX_NATIVE|ALIPAY_QR|UPI_QR [--demo]" << Qt::endl;
        return ExitUsage;
    }

    SystemClock clock;
    QNetworkAccessManager network;
    auto services = parser.isSet(QStringLiteral("demo")) ? demoServices(parser, clock, &network)
                                                         : configuredServices(parser, clock, &network);
    if (!services) {
        err << "paydeskctl charge: " << describe(services.error()) << Qt::endl;
        return exitCodeFor(services.error());
    }
    if (parser.isSet(QStringLiteral("currency")))
        services->currency = currencyFromCode(parser.value(QStringLiteral("currency")).toUpper());
    auto amount = parseAmount(positional.first(), QLocale(QLocale::English, QLocale::Canada), services->maxAmountMinor);
    if (!amount) {
        err << "paydeskctl charge: amount: " << amount.error().detail << Qt::endl;
        return ExitUsage;
    }

    Checkout checkout(*services->orderLog, *services->gateway, clock, services->sale);
    auto sale = checkout.charge(Money{*amount, services->currency}, channel);
    if (!sale) {
        err << "paydeskctl charge: " << describe(sale.error()) << Qt::endl;
        return exitCodeFor(sale.error());
    }
    Sale *current = *sale;
    const bool invert = !parser.isSet(QStringLiteral("light-terminal"));
    const QString amountText = formatMinorPlain(*amount) + u' ' + currencyCode(services->currency);

    QTimer countdown;
    countdown.setInterval(1000);
    QObject::connect(&countdown, &QTimer::timeout, &app, [&] {
        err << "\r  waiting for payment of " << amountText << " — " << countdownText(current->remainingMs()) << " left  ";
        err.flush();
    });
    QObject::connect(current, &Sale::qrReady, &app, [&](const QString &payload) {
        auto matrix = encodeQr(payload.toUtf8());
        out << "\n  " << amountText << "  " << channelId(channel) << "  order " << current->order().mchOrderNo << "\n\n";
        if (matrix)
            out << renderHalfBlocks(*matrix, 4, invert);
        out << "\n  " << payload << "\n" << Qt::endl;
        if (services->demo)
            out << "  (demo: the simulated customer pays in a few seconds)" << Qt::endl;
        countdown.start();
    });
    QObject::connect(current, &Sale::errorOccurred, &app, [&](const Error &error) {
        err << "\n  " << describe(error) << Qt::endl;
    });
    QObject::connect(current, &Sale::finished, &app, [&](OrderState state) {
        countdown.stop();
        out << "\n  " << orderStateName(state) << (current->order().late ? " (late payment)" : "") << "  "
            << amountText << "  order " << current->order().mchOrderNo << Qt::endl;
        app.quit();
    });
    quitOnTerminationSignals(app, [current] { current->requestCancel(); });
    if (!current->isClosed())
        app.exec();
    return current->state() == OrderState::Paid ? ExitOk : ExitFailed;
}

} // namespace paydesk
