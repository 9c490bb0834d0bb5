#include "RelayService.h"

#include "orders/OrderLog.h"

#include <QJsonDocument>
#include <QLoggingCategory>

#include <map>

Q_LOGGING_CATEGORY(lcRelay, "paydesk.relay")

namespace paydesk {

namespace {

std::atomic<quint64> nextServiceId{1};

// Each worker thread of the HTTP server keeps its own order-log connection (a Qt SQL connection
// belongs to the thread that opened it); the map is destroyed with the thread, in that thread.
thread_local std::map<quint64, std::unique_ptr<OrderLog>> t_orderLogs;

} // namespace

struct RelayService::Private
{
    RelayOptions options;
    const Clock &clock;
    NotifyHandler handler;
    HttpServer server;
    quint64 serviceId = nextServiceId++;

    std::atomic<qint64> accepted{0};
    std::atomic<qint64> duplicate{0};
    std::atomic<qint64> rejected{0};
    std::atomic<qint64> unmatched{0};
    std::atomic<qint64> storeFailed{0};
    std::atomic<qint64> notRoutable{0};

    Private(RelayOptions o, const Clock &c)
        : options(std::move(o)), clock(c), handler(options.notify, c)
    {
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
        case NotifyVerdictKind::Accepted: ++accepted; break;
        case NotifyVerdictKind::Duplicate: ++duplicate; break;
        case NotifyVerdictKind::Rejected: ++rejected; break;
        case NotifyVerdictKind::Unmatched: ++unmatched; break;
        case NotifyVerdictKind::StoreFailed: ++storeFailed; break;
        case NotifyVerdictKind::NotRoutable: ++notRoutable; break;
        case NotifyVerdictKind::Invalid: break;
        }
    }
};

RelayService::RelayService(RelayOptions options, const Clock &clock)
    : d(std::make_unique<Private>(std::move(options), clock))
{
}

RelayService::~RelayService()
{
    stop();
}

Result<quint16> RelayService::start()
{
    if (d->options.notify.key.isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no merchant key configured"));
    if (d->options.notify.mchId.isEmpty())
        return fail(ErrorCode::ConfigMissing, QStringLiteral("no merchant id configured"));

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
    qCInfo(lcRelay).noquote() << "listening on" << d->options.http.bindAddress << *port << "path"
                              << QString::fromUtf8(d->options.notify.notifyPath) << "order log"
                              << d->options.orderLogPath;
    return port;
}

void RelayService::stop()
{
    d->server.stop();
}

quint16 RelayService::port() const
{
    return d->server.port();
}

RelayCounters RelayService::counters() const
{
    return {d->accepted.load(), d->duplicate.load(), d->rejected.load(),
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
    const RelayCounters c = counters();
    report.insert(QStringLiteral("accepted"), c.accepted);
    report.insert(QStringLiteral("duplicate"), c.duplicate);
    report.insert(QStringLiteral("rejected"), c.rejected);
    report.insert(QStringLiteral("unmatched"), c.unmatched);
    report.insert(QStringLiteral("storeFailed"), c.storeFailed);
    return report;
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
    const QString line = notifyVerdictName(verdict.kind) + u" order=" + verdict.mchOrderNo.left(40)
        + u" from=" + request.remoteAddress
        + (verdict.reason.isEmpty() ? QString() : u" reason=\"" + verdict.reason.left(200) + u'"');
    if (verdict.kind == NotifyVerdictKind::Accepted || verdict.kind == NotifyVerdictKind::Duplicate)
        qCInfo(lcRelay).noquote() << line;
    else
        qCWarning(lcRelay).noquote() << line;
    return verdict.reply;
}

} // namespace paydesk
