#include "AppSupport.h"
#include "Commands.h"
#include "PinInput.h"

#include "CounterAssembly.h"
#include "DemoAssembly.h"

#include "common/Clock.h"
#include "payment/Checkout.h"
#include "qr/QrMatrix.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace paydesk {

namespace {

// The counter as the GUI has it: the configured one, or the demo's on loopback.
struct ChargeServices
{
    std::unique_ptr<QTemporaryDir> demoDir;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<DemoEnvironment> demo;
    std::unique_ptr<CounterAssembly> counter;
};

Result<void> prepareDemo(const QCommandLineParser &parser, const Clock &clock, QNetworkAccessManager *network,
                         ChargeServices &services)
{
    services.demoDir = std::make_unique<QTemporaryDir>();
    services.settings = std::make_unique<Settings>(services.demoDir->filePath(QStringLiteral("demo.ini")));
    DemoOptions options;
    options.autoPayAfterMs = parser.value(QStringLiteral("demo-pay-after-ms")).toLongLong();
    auto demo = startDemo(*services.settings, options, clock, network);
    if (!demo)
        return fail(demo.error());
    services.demo = std::move(*demo);
    services.secrets = demoSecrets();
    return {};
}

Result<void> prepareConfigured(const QCommandLineParser &parser, ChargeServices &services)
{
    services.settings = settingsFor(parser);
    if (auto migrated = services.settings->migrate(); !migrated)
        return fail(migrated.error());
    services.secrets = secretStoreFor(parser, services.settings->mchId());
    if (services.settings->notifyUrl().isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no notify URL configured (gateway/notifyUrl)"));
    return {};
}

Result<ChargeServices> chargeServices(const QCommandLineParser &parser, const Clock &clock,
                                      QNetworkAccessManager *network)
{
    ChargeServices services;
    auto prepared = parser.isSet(QStringLiteral("demo")) ? prepareDemo(parser, clock, network, services)
                                                         : prepareConfigured(parser, services);
    if (!prepared)
        return fail(prepared.error());
    auto counter = CounterAssembly::build(*services.settings, *services.secrets, network, clock);
    if (!counter)
        return fail(counter.error());
    services.counter = std::move(*counter);
    if (auto relay = services.counter->startRelay(); !relay)
        return fail(relay.error());
    return services;
}

QString countdownText(qint64 remainingMs)
{
    const qint64 seconds = (remainingMs + 999) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void addChargeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Takes a whole QR payment in the terminal: creates the order, draws the QR code with text\n"
                       "blocks, counts down and waits until the payment is confirmed. Exit code 0 only when paid.\n"
                       "With --demo, everything runs against an embedded simulator and relay on loopback, and the\n"
                       "simulated customer pays after a few seconds.\n"
                       "With --code, a scan-to-pay sale instead: the customer's payment code is charged at once (or\n"
                       "once the customer confirms on their phone); the code is only ever shown as ****1234."));
    parser.addHelpOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addPositionalArgument(QStringLiteral("AMOUNT"), QStringLiteral("Amount, e.g. 28.65"));
    parser.addOption(
        {QStringLiteral("channel"), QStringLiteral("WX_NATIVE, ALIPAY_QR or UPI_QR."), QStringLiteral("CHANNEL")});
    parser.addOption({QStringLiteral("currency"), QStringLiteral("CAD, USD or CNY (default from settings)."),
                      QStringLiteral("CODE")});
    parser.addOption(
        {QStringLiteral("demo"), QStringLiteral("Use the embedded simulator and relay (no account, no network).")});
    parser.addOption({QStringLiteral("demo-pay-after-ms"),
                      QStringLiteral("In demo mode the customer pays after MS (-1: never)."), QStringLiteral("MS"),
                      QStringLiteral("3000")});
    parser.addOption(
        {QStringLiteral("light-terminal"), QStringLiteral("Draw the QR for dark text on a light background.")});
    parser.addOption({QStringLiteral("code"),
                      QStringLiteral("Scan to pay: the customer's payment code (WeChat Pay, Alipay or UnionPay; the "
                                     "wallet follows from it). \"-\" reads it from standard input, which keeps it "
                                     "out of the process list. Replaces --channel."),
                      QStringLiteral("DIGITS")});
}

Result<PaymentCode> paymentCodeFrom(const QCommandLineParser &parser)
{
    const QString given = parser.value(QStringLiteral("code"));
    if (given != u"-")
        return PaymentCode::fromText(given);
    auto line = readPaymentCodeLine();
    if (!line)
        return fail(line.error());
    return PaymentCode::fromText(*line);
}

// Prints the sale's errors and outcome, cancels it on SIGTERM / Ctrl+C; returns once it closed
// with the exit code (0 only when paid). `onFinished` runs first when it closes.
template<typename SaleType, typename OnFinished>
int untilClosed(QCoreApplication &app, SaleType *current, const QString &amountText, OnFinished onFinished)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QObject::connect(current, &SaleType::errorOccurred, &app,
                     [&](const Error &error) { err << "\n  " << describe(error) << Qt::endl; });
    QObject::connect(current, &SaleType::finished, &app, [&](OrderState state) {
        onFinished();
        out << "\n  " << orderStateName(state) << (current->order().late ? " (late payment)" : "") << "  " << amountText
            << "  order " << current->order().mchOrderNo << Qt::endl;
        app.quit();
    });
    quitOnTerminationSignals(app, [current] { current->requestCancel(); });
    if (!current->isClosed())
        app.exec();
    return current->state() == OrderState::Paid ? ExitOk : ExitFailed;
}

// Prints the scan sale's progress (the code only as ****1234); returns once it closed.
int followScan(QCoreApplication &app, ScanSale *current, const QString &amountText)
{
    QTextStream out(stdout);
    out << "\n  " << amountText << "  " << channelId(current->order().channel) << "  code " << current->maskedCode()
        << "  order " << current->order().mchOrderNo << Qt::endl;
    QObject::connect(current, &ScanSale::customerConfirming, &app,
                     [&] { out << "  the customer is confirming the payment on their phone…" << Qt::endl; });
    return untilClosed(app, current, amountText, [] {});
}

// Draws the QR when it is ready, counts down, prints the outcome; returns once the sale closed.
int followSale(QCoreApplication &app, Sale *current, Channel channel, const QString &amountText, bool invert, bool demo)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTimer countdown;
    countdown.setInterval(1000);
    QObject::connect(&countdown, &QTimer::timeout, &app, [&] {
        err << "\r  waiting for payment of " << amountText << " — " << countdownText(current->remainingMs())
            << " left  ";
        err.flush();
    });
    QObject::connect(current, &Sale::qrReady, &app, [&](const QString &payload) {
        auto matrix = encodeQr(payload.toUtf8());
        out << "\n  " << amountText << "  " << channelId(channel) << "  order " << current->order().mchOrderNo
            << "\n\n";
        if (matrix)
            out << renderHalfBlocks(*matrix, 4, invert);
        out << "\n  " << payload << "\n" << Qt::endl;
        if (demo)
            out << "  (demo: the simulated customer pays in a few seconds)" << Qt::endl;
        countdown.start();
    });
    return untilClosed(app, current, amountText, [&] { countdown.stop(); });
}

} // namespace

int runCharge(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    addChargeOptions(parser);
    parser.process(arguments);

    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    const Channel channel = channelFromId(parser.value(QStringLiteral("channel")));
    const bool scan = parser.isSet(QStringLiteral("code"));
    if (positional.size() != 1 || (scan ? parser.isSet(QStringLiteral("channel")) : !isCounterChannel(channel))) {
        err << "usage: paydeskctl charge AMOUNT --channel WX_NATIVE|ALIPAY_QR|UPI_QR [--demo]\n"
               "       paydeskctl charge AMOUNT --code DIGITS|- [--demo]"
            << Qt::endl;
        return ExitUsage;
    }
    std::optional<PaymentCode> code;
    if (scan) {
        auto read = paymentCodeFrom(parser);
        if (!read) {
            err << "paydeskctl charge: " << describe(read.error()) << Qt::endl;
            return ExitUsage;
        }
        code = *read;
    }

    SystemClock clock;
    QNetworkAccessManager network;
    auto services = chargeServices(parser, clock, &network);
    if (!services) {
        err << "paydeskctl charge: " << describe(services.error()) << Qt::endl;
        return exitCodeFor(services.error());
    }
    const Currency currency = parser.isSet(QStringLiteral("currency"))
        ? currencyFromCode(parser.value(QStringLiteral("currency")).toUpper())
        : services->settings->saleCurrency();
    auto amount = parseAmount(positional.first(), QLocale(QLocale::English, QLocale::Canada),
                              services->settings->maxAmountMinor());
    if (!amount) {
        err << "paydeskctl charge: amount: " << amount.error().detail << Qt::endl;
        return ExitUsage;
    }
    const QString amountText = formatMinorPlain(*amount) + u' ' + currencyCode(currency);
    if (code) {
        auto scanSale = services->counter->checkout().scan(Money{*amount, currency}, *code);
        if (!scanSale) {
            err << "paydeskctl charge: " << describe(scanSale.error()) << Qt::endl;
            return scanSale.error().code == ErrorCode::PaymentCodeUnrecognised ? ExitUsage
                                                                               : exitCodeFor(scanSale.error());
        }
        return followScan(app, *scanSale, amountText);
    }
    auto sale = services->counter->checkout().charge(Money{*amount, currency}, channel);
    if (!sale) {
        err << "paydeskctl charge: " << describe(sale.error()) << Qt::endl;
        return exitCodeFor(sale.error());
    }
    return followSale(app, *sale, channel, amountText, !parser.isSet(QStringLiteral("light-terminal")),
                      services->demo != nullptr);
}

} // namespace paydesk
