// paydesk-relay: the headless notification relay. Receives IOTPay's (and, with --ionline,
// iOnline Pay's) payment notifications, verifies them and commits them to the order log before
// answering `success`. With --api it also serves the merchant back-end endpoint for mini
// program and app payments.

#include "AppSupport.h"
#include "OnlineOptions.h"
#include "RelayAssembly.h"

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

namespace {

void addRelayOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("PayDesk notification relay: receives IOTPay payment notifications, verifies them and "
                       "records them in the order log. Options override the settings file."));
    parser.addHelpOption();
    parser.addVersionOption();
    addConfigOption(parser);
    addSecretOptions(parser);
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address to listen on (default from settings, 127.0.0.1)."),
                      QStringLiteral("ADDRESS")});
    parser.addOption(
        {QStringLiteral("port"), QStringLiteral("Port to listen on (0 picks a free one)."), QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("path"), QStringLiteral("Notification path (default /notify/iotpay)."),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("health-path"), QStringLiteral("Health path (default /health)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("order-log"), QStringLiteral("Order log file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("mch-id"), QStringLiteral("IOTPay merchant id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("max-connections"), QStringLiteral("Cap on open connections (default 128)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("busy-timeout-ms"),
                      QStringLiteral("How long a write waits for another writer's lock (default 10000)."),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("reconcile-seconds"),
                      QStringLiteral("How often the open orders are asked about at their gateway "
                                     "(relay/reconcileSeconds, default 60; 0 turns it off)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("reconcile-min-age-seconds"),
                      QStringLiteral("How old an open order must be before it is asked about "
                                     "(relay/reconcileMinAgeSeconds, default 60)."),
                      QStringLiteral("S")});
    addOnlineOptions(parser);
#ifdef _WIN32
    parser.addOption(
        {QStringLiteral("windows-service"), QStringLiteral("Run under the Windows Service Control Manager.")});
#endif
}

QString pick(const QCommandLineParser &parser, const QString &name, const QString &fromSettings)
{
    return parser.isSet(name) ? parser.value(name) : fromSettings;
}

// The listener and notify flags over the settings' relay options (RelayAssembly). ExitOk or
// the exit code, with what is wrong written to `err`.
int applyListenerFlags(const QCommandLineParser &parser, RelayOptions &options, QTextStream &err)
{
    options.http.bindAddress = pick(parser, QStringLiteral("listen"), options.http.bindAddress);
    if (parser.isSet(QStringLiteral("port"))) {
        bool portOk = false;
        const int port = parser.value(QStringLiteral("port")).toInt(&portOk);
        if (!portOk || port < 0 || port > 65535) {
            err << "paydesk-relay: --port must be a number from 0 to 65535" << Qt::endl;
            return ExitUsage;
        }
        options.http.port = quint16(port);
    }
    if (parser.isSet(QStringLiteral("max-connections")))
        options.http.connectionLimit = std::max(1u, parser.value(QStringLiteral("max-connections")).toUInt());
    if (parser.isSet(QStringLiteral("busy-timeout-ms")))
        options.busyTimeoutMs = std::max(1, parser.value(QStringLiteral("busy-timeout-ms")).toInt());
    options.orderLogPath = pick(parser, QStringLiteral("order-log"), options.orderLogPath);
    options.notify.mchId = pick(parser, QStringLiteral("mch-id"), options.notify.mchId);
    options.notify.notifyPath
        = pick(parser, QStringLiteral("path"), QString::fromUtf8(options.notify.notifyPath)).toUtf8();
    if (parser.isSet(QStringLiteral("health-path")))
        options.notify.healthPath = parser.value(QStringLiteral("health-path")).toUtf8();
    if (parser.isSet(QStringLiteral("reconcile-seconds"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("reconcile-seconds")).toInt(&ok);
        if (auto valid = Settings::validateReconcileSeconds(seconds); !ok || !valid) {
            err << "paydesk-relay: --reconcile-seconds: "
                << (ok ? valid.error().detail : QStringLiteral("not a whole number")) << Qt::endl;
            return ExitUsage;
        }
        options.reconcileIntervalMs = seconds * 1000;
    }
    if (parser.isSet(QStringLiteral("reconcile-min-age-seconds"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("reconcile-min-age-seconds")).toInt(&ok);
        if (auto valid = Settings::validateReconcileMinAgeSeconds(seconds); !ok || !valid) {
            err << "paydesk-relay: --reconcile-min-age-seconds: "
                << (ok ? valid.error().detail : QStringLiteral("not a whole number")) << Qt::endl;
            return ExitUsage;
        }
        options.reconcileMinimumAgeMs = qint64(seconds) * 1000;
    }
    return ExitOk;
}

// The IOTPay client the relay reconciles the counters' open orders with: the gateway URL and the
// merchant login name of the settings (or --gateway-url, --job-no), the merchant key it verifies
// notifications with. Incomplete: reconciling is off, and the reason is said once and on /health.
void applyReconcileGateway(const QCommandLineParser &parser, const Settings &settings, RelayOptions &options)
{
    const QString url = pick(parser, QStringLiteral("gateway-url"), settings.gatewayBaseUrl());
    const QString jobNo = pick(parser, QStringLiteral("job-no"), settings.jobNo());
    if (jobNo.isEmpty()) {
        options.reconcileOffReason = QStringLiteral(
            "no IOTPay login name (merchant/jobNo or --job-no): the relay cannot ask the gateway about open orders");
        return;
    }
    if (auto valid = Settings::validateGatewayBaseUrl(url); !valid) {
        options.reconcileOffReason
            = u"the IOTPay gateway URL (gateway/baseUrl or --gateway-url) " + valid.error().detail;
        return;
    }
    IotPayConfig iotpay;
    iotpay.baseUrl = QUrl(url);
    iotpay.merchant = {options.notify.mchId, jobNo};
    iotpay.key = options.notify.key;
    iotpay.deadlineMs = settings.gatewayDeadlineMs();
    options.iotpay = iotpay;
}

// The relay's options: the settings (as the GUI's in-process relay has them), then the flags,
// then the merchant key of the (possibly overridden) merchant id and the online features.
int relayOptions(const QCommandLineParser &parser, const Settings &settings, RelayOptions &options, QTextStream &err)
{
    options = relayOptionsFrom(settings, MerchantKey());
    if (const int flags = applyListenerFlags(parser, options, err); flags != ExitOk)
        return flags;
    // The relay's store in a chain: the store of the online orders it makes, and the only store
    // whose open orders it reconciles. (The counter's in-process relay, which reconciles nothing,
    // has none.)
    options.storeId = pick(parser, QStringLiteral("store-id"), settings.value(SettingKeys::StoreId));
    if (auto valid = Settings::validateStoreId(options.storeId); !valid) {
        err << "paydesk-relay: --store-id (or store/storeId): " << valid.error().detail << Qt::endl;
        return ExitConfig;
    }
    if (options.notify.mchId.isEmpty()) {
        err << "paydesk-relay: no merchant id: pass --mch-id or set merchant/mchId in " << settings.filePath()
            << Qt::endl;
        return ExitConfig;
    }
    auto secrets = secretStoreFor(parser, options.notify.mchId);
    auto key = secrets->readMerchantKey();
    if (!key) {
        err << "paydesk-relay: merchant key from " << secrets->describe() << ": " << describe(key.error()) << Qt::endl;
        return ExitConfig;
    }
    options.notify.key = *key;
    applyReconcileGateway(parser, settings, options);
    return applyOnlineOptions(parser, settings, options, err) ? ExitOk : ExitConfig;
}

void announce(const RelayOptions &options, RelayService &relay, quint16 port)
{
    QTextStream out(stdout);
    out << "paydesk-relay listening on " << options.http.bindAddress << ':' << port
        << QString::fromUtf8(options.notify.notifyPath) << Qt::endl;
    if (options.ionline.enabled)
        out << "paydesk-relay iOnline notify path " << QString::fromUtf8(options.ionline.notifyPath) << Qt::endl;
    if (options.api.enabled)
        out << "paydesk-relay back-end endpoint on " << options.api.http.bindAddress << ':' << relay.apiPort()
            << QString::fromUtf8(options.api.path)
            << (options.api.storeId.isEmpty() ? QString()
                                              : QStringLiteral(" (orders of store ") + options.api.storeId + u')')
            << Qt::endl;
    if (relay.onlineReconcile())
        out << "paydesk-relay asks about open orders every " << options.reconcileIntervalMs / 1000 << " s" << Qt::endl;
    else
        out << "paydesk-relay not reconciling: " << relay.reconcileOffReason() << Qt::endl;
}

} // namespace

int runRelay(int argc, char *argv[]);

int runRelay(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PayDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("paydesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYDESK_VERSION));
    QCommandLineParser parser;
    addRelayOptions(parser);
    parser.process(app);

    QTextStream err(stderr);
    auto settings = settingsFor(parser);
    if (auto migrated = settings->migrate(); !migrated) {
        err << "paydesk-relay: settings: " << describe(migrated.error()) << Qt::endl;
        return ExitConfig;
    }
    RelayOptions options;
    if (const int code = relayOptions(parser, *settings, options, err); code != ExitOk)
        return code;
    SystemClock clock;
    RelayService relay(options, clock);
    auto listening = relay.start();
    if (!listening) {
        err << "paydesk-relay: refusing to start: " << describe(listening.error()) << Qt::endl;
        return exitCodeFor(listening.error());
    }
    announce(options, relay, *listening);
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
