// paydesk: the counter GUI. Assembles the counter (app/common) and hands it to the window.

#include "AppSupport.h"
#include "CounterAssembly.h"
#include "DemoAssembly.h"
#include "GatewayFactory.h"

#include "payment/Checkout.h"
#include "payment/Reconciler.h"
#include "payment/RefundService.h"
#include "staff/StaffService.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QScreen>
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
    std::unique_ptr<CounterAssembly> counter;
};

int fatal(const QString &title, const QString &text)
{
    QTextStream(stderr) << "paydesk: " << text << Qt::endl;
    QMessageBox::critical(nullptr, title, text);
    return ExitConfig;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("PayDesk: WeChat Pay, Alipay and UnionPay QR payments at the counter."));
    parser.addHelpOption();
    parser.addVersionOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addOption({QStringLiteral("demo"),
                      QStringLiteral("Demo mode: embedded simulator and relay, throw-away order log, no real money.")});
    parser.addOption({QStringLiteral("demo-auto-pay-ms"),
                      QStringLiteral("In demo mode the customer pays by itself after MS."), QStringLiteral("MS"),
                      QStringLiteral("-1")});
    parser.addOption({QStringLiteral("language"), QStringLiteral("en, fr_CA or zh_CN (default: from settings)."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("customer-display"), QStringLiteral("Open the customer display window.")});
    parser.addOption({QStringLiteral("fullscreen"),
                      QStringLiteral("Fill the screen without a window frame (kiosk), as the ui/kiosk setting does.")});
}

// A demo never touches the real configuration or order log.
int prepareDemo(const QCommandLineParser &parser, const Clock &clock, QNetworkAccessManager *network,
                Services &services)
{
    services.demoSettingsDir = std::make_unique<QTemporaryDir>();
    services.settings = std::make_unique<Settings>(services.demoSettingsDir->filePath(QStringLiteral("demo.ini")));
    DemoOptions options;
    options.autoPayAfterMs = parser.value(QStringLiteral("demo-auto-pay-ms")).toLongLong();
    auto environment = startDemo(*services.settings, options, clock, network);
    if (!environment)
        return fatal(QObject::tr("PayDesk demo"), describe(environment.error()));
    services.demo = std::move(*environment);
    services.secrets = demoSecrets();
    return ExitOk;
}

int prepareSettings(const QCommandLineParser &parser, Services &services)
{
    services.settings = settingsFor(parser);
    if (auto migrated = services.settings->migrate(); !migrated)
        return fatal(QObject::tr("PayDesk settings"), describe(migrated.error()));
    services.secrets = secretStoreFor(parser, services.settings->mchId());
    return ExitOk;
}

// The first run (or a configuration without merchant, key or notify URL) opens the set-up.
bool configured(Services &services, QNetworkAccessManager *network, LanguageSwitcher &language)
{
    const Settings &settings = *services.settings;
    if (!settings.mchId().isEmpty() && !settings.notifyUrl().isEmpty() && services.secrets->readMerchantKey())
        return true;
    SettingsDialog setup(*services.settings, *services.secrets, connectionTestGateways(network), true);
    QObject::connect(&setup, &SettingsDialog::languageSelected, &language, &LanguageSwitcher::setLanguage);
    return setup.exec() == QDialog::Accepted;
}

int assemble(Services &services, QNetworkAccessManager *network, const Clock &clock)
{
    auto counter = CounterAssembly::build(*services.settings, *services.secrets, network, clock);
    if (!counter) {
        const Error &error = counter.error();
        if (error.code == ErrorCode::TerminalTaken)
            return fatal(QObject::tr("PayDesk"),
                         QObject::tr("This counter's terminal id %1 is already used by another PayDesk in the store's "
                                     "database, so it cannot take sales. Choose another terminal id in the settings, "
                                     "or ask your installer to release it (paydeskctl store release-terminal %1).")
                             .arg(services.settings->terminalId()));
        if (exitCodeFor(error) == ExitStore)
            return fatal(QObject::tr("PayDesk"),
                         QObject::tr("The order log cannot be opened: %1").arg(describe(error)));
        return fatal(services.demo ? QObject::tr("PayDesk demo") : QObject::tr("PayDesk"), describe(error));
    }
    services.counter = std::move(*counter);
    if (auto started = services.counter->startRelay(); !started)
        return fatal(QObject::tr("PayDesk"),
                     QObject::tr("The notification relay cannot start: %1").arg(describe(started.error())));
    services.counter->followSettings();
    return ExitOk;
}

CounterServices counterServices(const Services &services, QNetworkAccessManager *network, const Clock &clock,
                                LanguageSwitcher *language)
{
    CounterServices counter;
    counter.checkout = &services.counter->checkout();
    counter.orderLog = &services.counter->orderLog();
    counter.settings = services.settings.get();
    counter.secrets = services.secrets.get();
    counter.network = network;
    counter.clock = &clock;
    counter.language = language;
    counter.demo = services.demo.get();
    counter.refunds = &services.counter->refunds();
    counter.reconciler = &services.counter->reconciler();
    counter.testGateway = connectionTestGateways(network);
    counter.staff = &services.counter->staff();
    return counter;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!displayAvailable(argc, argv)) {
        std::fputs("paydesk: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                   "To see a whole payment in the terminal instead, run:\n"
                   "  paydeskctl charge 28.65 --channel WX_NATIVE --demo\n",
                   stderr);
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
    addOptions(parser);
    parser.process(app);

    SystemClock clock;
    QNetworkAccessManager network;
    Services services;
    const bool demo = parser.isSet(QStringLiteral("demo"));
    if (const int prepared = demo ? prepareDemo(parser, clock, &network, services) : prepareSettings(parser, services))
        return prepared;
    LanguageSwitcher language;
    const QString code = parser.isSet(QStringLiteral("language")) ? parser.value(QStringLiteral("language"))
                                                                  : services.settings->uiLanguage();
    if (!language.setLanguage(code))
        language.setLanguage(QStringLiteral("en"));
    if (!demo && !configured(services, &network, language))
        return ExitConfig;
    if (const int assembled = assemble(services, &network, clock))
        return assembled;
    if (!demo)
        services.counter->reconciler().run(); // resolve what a crash or power cut left open

    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * MainWindow::fontScaleFor(screen->availableGeometry().size()));
        QApplication::setFont(font);
    }
    MainWindow window(counterServices(services, &network, clock, &language));
    QObject::connect(
        services.counter.get(), &CounterAssembly::applyFailed, &window, [&window](const QString &, const Error &error) {
            QMessageBox::warning(&window, QObject::tr("PayDesk"),
                                 QObject::tr("A changed setting could not be applied: %1").arg(describe(error)));
        });
    QObject::connect(&window, &MainWindow::merchantKeyChanged, services.counter.get(),
                     &CounterAssembly::applyMerchantKey);
    window.setFullScreenRequested(parser.isSet(QStringLiteral("fullscreen")));
    window.showCounter();
    if (parser.isSet(QStringLiteral("customer-display")))
        window.setCustomerDisplayVisible(true);
    const int exitCode = app.exec();
    services.counter->stopRelay();
    return exitCode;
}
