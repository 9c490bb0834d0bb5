// paydesk: the counter GUI. Builds the services and hands them to the window.

#include "AppSupport.h"

#include "config/FileSecretStore.h"
#include "demo/DemoEnvironment.h"
#include "payment/Checkout.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <cstring>

using namespace paydesk;

namespace {

// Qt aborts when it cannot reach a display; say something useful instead.
bool displayAvailable(int argc, char *argv[])
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0)
            return true;
    }
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
#else
    Q_UNUSED(argc)
    Q_UNUSED(argv)
    return true;
#endif
}

struct Services
{
    std::unique_ptr<QTemporaryDir> demoSettingsDir;
    std::unique_ptr<Settings> settings;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<DemoEnvironment> demo;
    std::unique_ptr<RelayService> relay;
    std::unique_ptr<OrderLog> orderLog;
    std::unique_ptr<IotPayClient> gateway;
};

SaleConfig saleConfigFrom(const Settings &settings)
{
    SaleConfig sale;
    sale.terminalId = settings.terminalId();
    sale.cashier = settings.cashier();
    sale.notifyUrl = settings.notifyUrl();
    sale.validityMs = qint64(settings.validitySeconds()) * 1000;
    sale.graceMs = settings.graceMs();
    sale.queryIntervalMs = settings.queryIntervalMs();
    return sale;
}

int fatal(const QString &title, const QString &text)
{
    QTextStream(stderr) << "paydesk: " << text << Qt::endl;
    QMessageBox::critical(nullptr, title, text);
    return ExitConfig;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!displayAvailable(argc, argv)) {
        std::fputs("paydesk: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                   "To see a whole payment in the terminal instead, run:\n"
                   "  paydeskctl charge 28.65 --channel WX_NATIVE --demo\n", stderr);
        return ExitConfig;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QApplication::setApplicationName(QStringLiteral("paydesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("PayDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/paydesk-256.png")));
    QApplication::setDesktopFileName(QStringLiteral("paydesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PayDesk: WeChat Pay, Alipay and UnionPay QR payments at the counter."));
    parser.addHelpOption();
    parser.addVersionOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addOption({QStringLiteral("demo"), QStringLiteral("Demo mode: embedded simulator and relay, throw-away order log, no real money.")});
    parser.addOption({QStringLiteral("demo-auto-pay-ms"), QStringLiteral("In demo mode the customer pays by itself after MS."), QStringLiteral("MS"), QStringLiteral("-1")});
    parser.addOption({QStringLiteral("language"), QStringLiteral("en, fr_CA or zh_CN (default: from settings)."), QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("customer-display"), QStringLiteral("Open the customer display window.")});
    parser.process(app);

    SystemClock clock;
    QNetworkAccessManager network;
    Services services;
    const bool demo = parser.isSet(QStringLiteral("demo"));
    if (demo) {
        // A demo never touches the real configuration or order log.
        services.demoSettingsDir = std::make_unique<QTemporaryDir>();
        services.settings = std::make_unique<Settings>(services.demoSettingsDir->filePath(QStringLiteral("demo.ini")));
        DemoOptions options;
        options.autoPayAfterMs = parser.value(QStringLiteral("demo-auto-pay-ms")).toLongLong();
        auto environment = DemoEnvironment::start(options, clock, &network);
        if (!environment)
            return fatal(QObject::tr("PayDesk demo"), describe(environment.error()));
        services.demo = std::move(*environment);
        services.secrets = std::make_unique<MemorySecretStore>(MerchantKey(QByteArray(DemoEnvironment::DemoKey)));
        (void)services.settings->setMchId(QString::fromLatin1(DemoEnvironment::MerchantId));
        (void)services.settings->setTerminalId(QStringLiteral("DEMO"));
        (void)services.settings->setNotifyUrl(services.demo->notifyUrl());
        (void)services.settings->setValiditySeconds(int(DemoOptions().validityMs / 1000));
    } else {
        services.settings = settingsFor(parser);
        if (auto migrated = services.settings->migrate(); !migrated)
            return fatal(QObject::tr("PayDesk settings"), describe(migrated.error()));
        services.secrets = secretStoreFor(parser, services.settings->mchId());
    }

    LanguageSwitcher language;
    const QString code = parser.isSet(QStringLiteral("language")) ? parser.value(QStringLiteral("language"))
                                                                  : services.settings->uiLanguage();
    if (!language.setLanguage(code))
        language.setLanguage(QStringLiteral("en"));

    if (!demo) {
        auto config = gatewayConfigFrom(*services.settings, *services.secrets);
        if (!config || services.settings->notifyUrl().isEmpty()) {
            SettingsDialog setup(*services.settings, *services.secrets, &network, true);
            QObject::connect(&setup, &SettingsDialog::languageSelected, &language, &LanguageSwitcher::setLanguage);
            if (setup.exec() != QDialog::Accepted)
                return ExitConfig;
            config = gatewayConfigFrom(*services.settings, *services.secrets);
            if (!config)
                return fatal(QObject::tr("PayDesk"), describe(config.error()));
        }
        auto log = OrderLog::open(services.settings->orderLogPath(), clock);
        if (!log)
            return fatal(QObject::tr("PayDesk"), QObject::tr("The order log cannot be opened: %1").arg(describe(log.error())));
        services.orderLog = std::move(*log);
        if (services.settings->relayMode() == RelayMode::InProcess) {
            RelayOptions relay;
            relay.http.bindAddress = services.settings->relayListenAddress();
            relay.http.port = quint16(services.settings->relayPort());
            relay.orderLogPath = services.settings->orderLogPath();
            relay.notify = {config->merchant.mchId, config->key, services.settings->relayPath().toUtf8(), QByteArrayLiteral("/health")};
            services.relay = std::make_unique<RelayService>(relay, clock);
            if (auto started = services.relay->start(); !started)
                return fatal(QObject::tr("PayDesk"), QObject::tr("The notification relay cannot start: %1").arg(describe(started.error())));
        }
        services.gateway = std::make_unique<IotPayClient>(&network, *config);
    } else {
        auto log = OrderLog::open(services.demo->orderLogPath(), clock);
        if (!log)
            return fatal(QObject::tr("PayDesk demo"), describe(log.error()));
        services.orderLog = std::move(*log);
        services.gateway = std::make_unique<IotPayClient>(&network, services.demo->gatewayConfig());
    }

    Checkout checkout(*services.orderLog, *services.gateway, clock, saleConfigFrom(*services.settings));
    Reconciler reconciler(*services.orderLog, *services.gateway, clock);
    RefundService refunds(*services.orderLog, *services.gateway, clock);
    if (!demo)
        reconciler.run();   // resolve what a crash or power cut left open

    CounterServices counter;
    counter.checkout = &checkout;
    counter.orderLog = services.orderLog.get();
    counter.settings = services.settings.get();
    counter.secrets = services.secrets.get();
    counter.network = &network;
    counter.clock = &clock;
    counter.language = &language;
    counter.demo = services.demo.get();
    counter.refunds = &refunds;
    counter.reconciler = &reconciler;
    MainWindow window(counter);
    window.show();
    if (parser.isSet(QStringLiteral("customer-display")))
        window.setCustomerDisplayVisible(true);
    const int exitCode = app.exec();
    if (services.relay)
        services.relay->stop();
    return exitCode;
}
