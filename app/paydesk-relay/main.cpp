// paydesk-relay: the headless notification relay. Receives IOTPay's (and, with --ionline,
// iOnline Pay's) payment notifications, verifies them and commits them to the order log before
// answering `success`. With --api it also serves the merchant back-end endpoint for mini
// program and app payments.

#include "AppSupport.h"
#include "OnlineOptions.h"

#include "common/Clock.h"
#include "relay/RelayService.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstring>

#ifdef _WIN32
#include "WindowsService.h"
#endif

using namespace paydesk;

int runRelay(int argc, char *argv[]);

int runRelay(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("paydesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "PayDesk notification relay: receives IOTPay payment notifications, verifies them and "
        "records them in the order log. Options override the settings file."));
    parser.addHelpOption();
    parser.addVersionOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address to listen on (default from settings, 127.0.0.1)."), QStringLiteral("ADDRESS")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port to listen on (0 picks a free one)."), QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("path"), QStringLiteral("Notification path (default /notify/iotpay)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("health-path"), QStringLiteral("Health path (default /health)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("order-log"), QStringLiteral("Order log file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("mch-id"), QStringLiteral("IOTPay merchant id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("max-connections"), QStringLiteral("Cap on open connections (default 128)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("busy-timeout-ms"), QStringLiteral("How long a write waits for another writer's lock (default 10000)."), QStringLiteral("MS")});
    parser.addOption({QStringLiteral("reconcile-seconds"),
                      QStringLiteral("How often the open online orders are asked about at their gateway "
                                     "(relay/reconcileSeconds, default 60; 0 turns it off)."),
                      QStringLiteral("S")});
    addOnlineOptions(parser);
#ifdef _WIN32
    parser.addOption({QStringLiteral("windows-service"), QStringLiteral("Run under the Windows Service Control Manager.")});
#endif
    parser.process(app);

    QTextStream err(stderr);
    auto settings = settingsFor(parser);
    if (auto migrated = settings->migrate(); !migrated) {
        err << "paydesk-relay: settings: " << describe(migrated.error()) << Qt::endl;
        return ExitConfig;
    }

    RelayOptions options;
    options.http.bindAddress = parser.isSet(QStringLiteral("listen")) ? parser.value(QStringLiteral("listen"))
                                                                      : settings->relayListenAddress();
    bool portOk = true;
    const int port = parser.isSet(QStringLiteral("port")) ? parser.value(QStringLiteral("port")).toInt(&portOk)
                                                          : settings->relayPort();
    if (!portOk || port < 0 || port > 65535) {
        err << "paydesk-relay: --port must be a number from 0 to 65535" << Qt::endl;
        return ExitUsage;
    }
    options.http.port = quint16(port);
    if (parser.isSet(QStringLiteral("max-connections")))
        options.http.connectionLimit = std::max(1u, parser.value(QStringLiteral("max-connections")).toUInt());
    if (parser.isSet(QStringLiteral("busy-timeout-ms")))
        options.busyTimeoutMs = std::max(1, parser.value(QStringLiteral("busy-timeout-ms")).toInt());
    options.orderLogPath = parser.isSet(QStringLiteral("order-log")) ? parser.value(QStringLiteral("order-log"))
                                                                     : settings->orderLogPath();
    options.notify.mchId = parser.isSet(QStringLiteral("mch-id")) ? parser.value(QStringLiteral("mch-id"))
                                                                  : settings->mchId();
    options.notify.notifyPath = (parser.isSet(QStringLiteral("path")) ? parser.value(QStringLiteral("path"))
                                                                      : settings->relayPath()).toUtf8();
    if (parser.isSet(QStringLiteral("health-path")))
        options.notify.healthPath = parser.value(QStringLiteral("health-path")).toUtf8();
    if (options.notify.mchId.isEmpty()) {
        err << "paydesk-relay: no merchant id: pass --mch-id or set merchant/mchId in " << settings->filePath() << Qt::endl;
        return ExitConfig;
    }

    auto secrets = secretStoreFor(parser, options.notify.mchId);
    auto key = secrets->readMerchantKey();
    if (!key) {
        err << "paydesk-relay: merchant key from " << secrets->describe() << ": " << describe(key.error()) << Qt::endl;
        return ExitConfig;
    }
    options.notify.key = *key;
    if (!applyOnlineOptions(parser, *settings, options, err))
        return ExitConfig;
    int reconcileSeconds = settings->relayReconcileSeconds();
    if (parser.isSet(QStringLiteral("reconcile-seconds"))) {
        bool ok = false;
        reconcileSeconds = parser.value(QStringLiteral("reconcile-seconds")).toInt(&ok);
        if (auto valid = Settings::validateReconcileSeconds(reconcileSeconds); !ok || !valid) {
            err << "paydesk-relay: --reconcile-seconds: "
                << (ok ? valid.error().detail : QStringLiteral("not a whole number")) << Qt::endl;
            return ExitUsage;
        }
    }
    options.reconcileIntervalMs = reconcileSeconds * 1000;

    SystemClock clock;
    RelayService relay(options, clock);
    auto listening = relay.start();
    if (!listening) {
        err << "paydesk-relay: refusing to start: " << describe(listening.error()) << Qt::endl;
        return exitCodeFor(listening.error());
    }
    QTextStream(stdout) << "paydesk-relay listening on " << options.http.bindAddress << ':' << *listening
                        << QString::fromUtf8(options.notify.notifyPath) << Qt::endl;
    if (options.ionline.enabled)
        QTextStream(stdout) << "paydesk-relay iOnline notify path " << QString::fromUtf8(options.ionline.notifyPath) << Qt::endl;
    if (options.api.enabled)
        QTextStream(stdout) << "paydesk-relay back-end endpoint on " << options.api.http.bindAddress << ':'
                            << relay.apiPort() << QString::fromUtf8(options.api.path) << Qt::endl;
    if (relay.onlineReconcile())
        QTextStream(stdout) << "paydesk-relay asks about open online orders every " << reconcileSeconds << " s"
                            << Qt::endl;

    quitOnTerminationSignals(app);
    const int code = app.exec();
    relay.stop();
    return code;
}

int main(int argc, char *argv[])
{
#ifdef _WIN32
    // Started by the Service Control Manager (install-relay-service.ps1 passes this flag).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--windows-service") == 0)
            return runAsWindowsService(argc, argv, &runRelay);
    }
#endif
    return runRelay(argc, argv);
}
