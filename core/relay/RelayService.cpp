#include "RelayService.h"

#include "gateway/ionline/IOnlineGateway.h"
#include "gateway/iotpay/IotPayGateway.h"
#include "orders/OrderLog.h"
#include "orders/StorageBackend.h"
#include "relay/GatewayBridge.h"
#include "relay/OnlineReconcile.h"

#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <map>

Q_LOGGING_CATEGORY(lcRelay, "paydesk.relay")

namespace paydesk {

namespace {

std::atomic<quint64> nextServiceId{1};

// Each worker thread of the HTTP server keeps its own order-log connection (a Qt SQL connection
// belongs to the thread that opened it); the map is destroyed with the thread, in that thread.
// A connection the server dropped is opened again by the order log itself (with back-off, outside
// a transaction), so a relay holds at most one connection per worker thread: the notify
// listener's pool (HttpServerOptions::threadPoolSize, 4), plus with the back-end endpoint one per
// open API connection (OnlineApiOptions connectionLimit, 64: a thread each), plus the
// reconciler's one in the main thread when it runs (a gateway client configured, interval > 0:
// one pass at a time, one order at a time) — 4 + 64 + 1 at most, 4 + 1 without the endpoint.
// The reconciler never shares a connection or a thread with the notify path. Several relays on
// one PostgreSQL (max_connections 100 by default) should lower the API's connection limit.
thread_local std::map<quint64, std::unique_ptr<OrderLog>> t_orderLogs;

// The store whose open orders the relay reconciles (RelayOptions::storeId); empty: every store's.
QString reconcileStoreId(const RelayOptions &options)
{
    if (!options.storeId.isEmpty())
        return options.storeId;
    return options.api.enabled ? options.api.storeId : QString();
}

} // namespace

struct RelayService::Private
{
    RelayOptions options;
    const Clock &clock;
    GatewayRegistry gateways;
    std::optional<Error> registryProblem; // two gateways on one notify path
    NotifyHandler handler;
    HttpServer server;
    HttpServer apiServer;
    std::unique_ptr<GatewayBridge> bridge;
    std::unique_ptr<OnlinePaymentApi> api;
    std::unique_ptr<OnlineReconcile> reconcile;
    QString reconcileOff; // why it is not running; empty while it is
    quint64 serviceId = nextServiceId++;

    std::atomic<qint64> accepted{0};
    std::atomic<qint64> duplicate{0};
    std::atomic<qint64> rejected{0};
    std::atomic<qint64> unmatched{0};
    std::atomic<qint64> storeFailed{0};
    std::atomic<qint64> notRoutable{0};

    Private(RelayOptions o, const Clock &c) : options(std::move(o)), clock(c), handler(gateways, c)
    {
        registerGateways();
    }

    // The gateways of this relay: the one registration line of each.
    void registerGateways()
    {
        const RelayOptions &o = options;
        const IotPayNotifyConfig iotPayNotify{o.notify.mchId, o.notify.key, o.notify.notifyPath};
        std::optional<IOnlineNotifyConfig> iOnlineNotify;
        if (o.ionline.enabled)
            iOnlineNotify = o.ionline;
        // Clients for the back-end endpoint and the reconciler, the users of them here.
        const auto iotPayClient = o.api.enabled && o.api.iotpay ? o.api.iotpay : o.iotpay;
        const auto iOnlineClient = o.api.enabled ? o.api.ionline : std::nullopt;
        for (GatewayEntry entry :
             {iotPayGateway(iotPayClient, iotPayNotify), iOnlineGateway(iOnlineClient, iOnlineNotify, clock)}) {
            if (auto added = gateways.add(std::move(entry)); !added && !registryProblem)
                registryProblem = added.error();
        }
    }

    OrderLog::Options openOptions() const
    {
        OrderLog::Options o;
        o.busyTimeoutMs = options.busyTimeoutMs;
        return o;
    }

    void count(NotifyVerdictKind kind)
    {
        switch (kind) {
        case NotifyVerdictKind::Accepted:
            ++accepted;
            break;
        case NotifyVerdictKind::Duplicate:
            ++duplicate;
            break;
        case NotifyVerdictKind::Rejected:
            ++rejected;
            break;
        case NotifyVerdictKind::Unmatched:
            ++unmatched;
            break;
        case NotifyVerdictKind::StoreFailed:
            ++storeFailed;
            break;
        case NotifyVerdictKind::NotRoutable:
            ++notRoutable;
            break;
        case NotifyVerdictKind::Invalid:
            break;
        }
    }
};

RelayService::RelayService(RelayOptions options, const Clock &clock)
    : d(std::make_unique<Private>(std::move(options), clock))
{}

RelayService::~RelayService()
{
    stop();
}

Result<void> RelayService::checkOptions() const
{
    const RelayOptions &o = d->options;
    if (o.notify.key.isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no merchant key configured"));
    if (o.notify.mchId.isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no merchant id configured"));
    if (const std::optional<Error> problem = d->registryProblem)
        return fail(*problem);
    for (const GatewayEntry &entry : d->gateways.entries()) {
        if (!entry.checkConfig)
            continue;
        if (auto ok = entry.checkConfig(); !ok)
            return ok;
    }
    if (auto store = checkStoreId(o.storeId); !store)
        return store;
    if (!o.api.enabled)
        return {};
    if (o.api.secret.size() < ApiAuth::MinSecretBytes)
        return fail(ErrorCode::ConfigMissing,
                    QStringLiteral("the back-end endpoint needs a secret of at least 16 bytes"));
    const QList<GatewayEntry> &entries = d->gateways.entries();
    if (std::none_of(entries.cbegin(), entries.cend(),
                     [](const GatewayEntry &entry) { return bool(entry.createClient); }))
        return fail(ErrorCode::ConfigMissing, QStringLiteral("the back-end endpoint has no gateway configured"));
    return {};
}

Result<void> RelayService::startApi(quint16 notifyPort)
{
    const RelayOptions &o = d->options;
    d->bridge = std::make_unique<GatewayBridge>();
    for (const GatewayEntry &entry : d->gateways.entries()) {
        if (entry.createClient)
            d->bridge->addGateway(entry.name, entry.createClient);
    }
    if (auto started = d->bridge->start(); !started)
        return started;
    d->api = std::make_unique<OnlinePaymentApi>(o.api, d->gateways, *d->bridge, d->clock);
    // Where the gateways deliver: the public base URL when configured, else the notify listener.
    const QString base = !o.api.notifyBaseUrl.isEmpty()
        ? (o.api.notifyBaseUrl.endsWith(u'/') ? o.api.notifyBaseUrl.chopped(1) : o.api.notifyBaseUrl)
        : u"http://" + o.http.bindAddress + u':' + QString::number(notifyPort);
    QHash<QString, QString> notifyUrls;
    for (const GatewayEntry &entry : d->gateways.entries()) {
        if (entry.notify)
            notifyUrls.insert(entry.name, base + QString::fromUtf8(entry.notify->path()));
    }
    d->api->setNotifyUrls(std::move(notifyUrls));
    auto port = d->apiServer.start(o.api.http, [this](const HttpRequest &request) { return routeApi(request); });
    if (!port)
        return fail(port.error());
    qCInfo(lcRelay).noquote() << "back-end endpoint on" << o.api.http.bindAddress << *port
                              << QString::fromUtf8(o.api.path) << "gateways" << d->api->enabledGateways().join(u',');
    return {};
}

Result<void> RelayService::startReconcile()
{
    const RelayOptions &o = d->options;
    OnlineReconcileOptions reconcile;
    reconcile.orderLogPath = o.orderLogPath;
    reconcile.busyTimeoutMs = o.busyTimeoutMs;
    reconcile.intervalMs = o.reconcileIntervalMs;
    reconcile.minimumAgeMs = o.reconcileMinimumAgeMs;
    reconcile.counterMinimumAgeMs = o.reconcileMinimumAgeMs;
    reconcile.storeId = reconcileStoreId(o);
    reconcile.sources.clear(); // online orders only with the endpoint; counters' with options.iotpay
    if (o.api.enabled)
        reconcile.sources << OrderSource::MiniProgram << OrderSource::App;
    // Counter orders only on a store's database: a single counter's SQLite file is the terminal's
    // own, which confirms its payments itself and reconciles them at start.
    const auto location = storeLocationFor(o.orderLogPath);
    const bool storeDatabase = location && location->backend->reconnects();
    if (o.iotpay && storeDatabase)
        reconcile.sources << OrderSource::Counter;
    for (const GatewayEntry &entry : d->gateways.entries()) {
        if (entry.createClient)
            reconcile.gateways.append(entry.createClient);
    }
    if (o.reconcileIntervalMs <= 0)
        d->reconcileOff = QStringLiteral("turned off (relay/reconcileSeconds 0)");
    else if (reconcile.gateways.isEmpty() || reconcile.sources.isEmpty())
        d->reconcileOff = !o.reconcileOffReason.isEmpty() ? o.reconcileOffReason
            : o.iotpay && !storeDatabase
            ? QStringLiteral("a single counter's order log: the terminal reconciles its own orders")
            : QStringLiteral("no gateway client configured");
    if (!d->reconcileOff.isEmpty()) {
        // Said once, at start; /health repeats it.
        if (o.reconcileOffReason.isEmpty() || !storeDatabase)
            qCInfo(lcRelay).noquote() << "not reconciling open orders:" << d->reconcileOff;
        else
            qCWarning(lcRelay).noquote() << "not reconciling open orders:" << d->reconcileOff;
        return {};
    }
    d->reconcile = std::make_unique<OnlineReconcile>(reconcile, d->clock);
    if (auto started = d->reconcile->start(); !started) {
        d->reconcile.reset();
        return started;
    }
    qCInfo(lcRelay).noquote() << "reconciling open orders every" << o.reconcileIntervalMs / 1000 << "s, older than"
                              << o.reconcileMinimumAgeMs / 1000 << "s"
                              << (reconcile.sources.contains(OrderSource::Counter) ? "(counter and online orders"
                                                                                   : "(online orders")
                              << (reconcile.storeId.isEmpty() ? QStringLiteral("of every store)")
                                                              : QStringLiteral("of store ") + reconcile.storeId + u')');
    return {};
}

Result<quint16> RelayService::start()
{
    if (auto ok = checkOptions(); !ok)
        return fail(ok.error());

    // Prove the store is usable before listening: never acknowledge without a writable store.
    {
        auto log = OrderLog::open(d->options.orderLogPath, d->clock, d->openOptions());
        if (!log)
            return fail(log.error());
        auto integrity = (*log)->integrityCheck();
        if (!integrity)
            return fail(integrity.error());
        if (*integrity != u"ok")
            return fail(ErrorCode::StoreCorrupt, u"integrity check: " + integrity->left(200));
        if (auto writable = (*log)->checkWritable(); !writable)
            return fail(writable.error());
    }

    auto port = d->server.start(d->options.http, [this](const HttpRequest &request) { return route(request); });
    if (!port)
        return port;
    if (d->options.api.enabled) {
        if (auto api = startApi(*port); !api) {
            stop();
            return fail(api.error());
        }
    }
    if (auto reconcile = startReconcile(); !reconcile) {
        stop();
        return fail(reconcile.error());
    }
    qCInfo(lcRelay).noquote() << "listening on" << d->options.http.bindAddress << *port << "path"
                              << QString::fromUtf8(d->options.notify.notifyPath) << "order log"
                              << d->options.orderLogPath;
    return port;
}

void RelayService::stop()
{
    // Waiting API handlers are released first, so the listeners can stop at once.
    if (d->bridge)
        d->bridge->stop();
    d->apiServer.stop();
    d->server.stop();
    d->reconcile.reset(); // after the listeners: the health page reads its totals
    d->api.reset();
    d->bridge.reset();
}

OnlineReconcile *RelayService::onlineReconcile() const
{
    return d->reconcile.get();
}

QString RelayService::reconcileOffReason() const
{
    return d->reconcileOff;
}

quint16 RelayService::apiPort() const
{
    return d->apiServer.port();
}

quint16 RelayService::port() const
{
    return d->server.port();
}

RelayCounters RelayService::counters() const
{
    return {d->accepted.load(),  d->duplicate.load(),   d->rejected.load(),
            d->unmatched.load(), d->storeFailed.load(), d->notRoutable.load()};
}

OrderLog *RelayService::threadOrderLog(QString *error)
{
    auto &slot = t_orderLogs[d->serviceId];
    if (!slot) {
        auto log = OrderLog::open(d->options.orderLogPath, d->clock, d->openOptions());
        if (!log) {
            *error = describe(log.error());
            t_orderLogs.erase(d->serviceId);
            return nullptr;
        }
        slot = std::move(*log);
    }
    return slot.get();
}

QJsonObject RelayService::health()
{
    QJsonObject report;
    QString error;
    OrderLog *log = threadOrderLog(&error);
    if (log) {
        if (auto writable = log->checkWritable(); !writable)
            error = describe(writable.error());
    }
    report.insert(QStringLiteral("status"), error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("error"));
    report.insert(QStringLiteral("store"), error.isEmpty() ? QStringLiteral("writable") : error);
    // The connection itself (store mode: the database server), apart from why it cannot write.
    report.insert(QStringLiteral("database"),
                  log && log->isConnected() ? QStringLiteral("ok") : QStringLiteral("unavailable"));
    const RelayCounters c = counters();
    report.insert(QStringLiteral("accepted"), c.accepted);
    report.insert(QStringLiteral("duplicate"), c.duplicate);
    report.insert(QStringLiteral("rejected"), c.rejected);
    report.insert(QStringLiteral("unmatched"), c.unmatched);
    report.insert(QStringLiteral("storeFailed"), c.storeFailed);
    if (d->api) {
        const OnlineApiCounters api = d->api->counters();
        report.insert(QStringLiteral("api"),
                      QJsonObject{{QStringLiteral("created"), api.created},
                                  {QStringLiteral("badRequests"), api.badRequests},
                                  {QStringLiteral("unauthorized"), api.unauthorized},
                                  {QStringLiteral("rateLimited"), api.rateLimited},
                                  {QStringLiteral("gatewayFailed"), api.gatewayFailed},
                                  {QStringLiteral("gatewayUnknown"), api.gatewayUnknown},
                                  {QStringLiteral("storeId"), d->api->storeId()}});
    }
    if (!d->reconcile) {
        // Not a failure: the notify path is whole; the open orders wait for a notify or a hand.
        report.insert(QStringLiteral("reconcile"),
                      QJsonObject{{QStringLiteral("enabled"), false}, {QStringLiteral("reason"), d->reconcileOff}});
    } else {
        const OnlineReconcileTotals r = d->reconcile->totals();
        report.insert(QStringLiteral("reconcile"),
                      QJsonObject{{QStringLiteral("enabled"), true},
                                  {QStringLiteral("passes"), r.passes},
                                  {QStringLiteral("examined"), r.examined},
                                  {QStringLiteral("changed"), r.changed},
                                  {QStringLiteral("errors"), r.errors},
                                  {QStringLiteral("lastPassUtcMs"), r.lastPassUtcMs},
                                  {QStringLiteral("storeId"), reconcileStoreId(d->options)}});
    }
    return report;
}

HttpResponse RelayService::routeApi(const HttpRequest &request)
{
    QString error;
    OrderLog *log = threadOrderLog(&error);
    if (!log || !d->api) {
        qCWarning(lcRelay).noquote() << "api: store unavailable" << error;
        return HttpResponse::json(
            503, QByteArrayLiteral("{\"error\":\"unavailable\",\"message\":\"order log unavailable\"}"));
    }
    return d->api->handle(request, *log);
}

HttpResponse RelayService::route(const HttpRequest &request)
{
    if (request.rawPath == d->options.notify.healthPath && request.method == "GET") {
        const QJsonObject report = health();
        const bool ok = report.value(QStringLiteral("status")).toString() == u"ok";
        return HttpResponse::json(ok ? 200 : 503, QJsonDocument(report).toJson(QJsonDocument::Compact));
    }

    QString error;
    OrderLog *log = threadOrderLog(&error);
    if (!log) {
        ++d->storeFailed;
        qCWarning(lcRelay).noquote() << "store-failed" << error;
        return HttpResponse::text(503, QByteArrayLiteral("store unavailable, retry later"));
    }

    const NotifyVerdict verdict = d->handler.handle(request, *log);
    d->count(verdict.kind);
    // One line per verdict; values are ours or length-capped, never the key.
    const QString line = notifyVerdictName(verdict.kind) + u" order=" + verdict.mchOrderNo.left(40) + u" from="
        + request.remoteAddress
        + (verdict.reason.isEmpty() ? QString() : u" reason=\"" + verdict.reason.left(200) + u'"');
    if (verdict.kind == NotifyVerdictKind::Accepted || verdict.kind == NotifyVerdictKind::Duplicate)
        qCInfo(lcRelay).noquote() << line;
    else
        qCWarning(lcRelay).noquote() << line;
    return verdict.reply;
}

} // namespace paydesk
