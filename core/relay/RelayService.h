#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "gateway/ionline/IOnlineNotify.h"
#include "http/HttpServer.h"
#include "relay/NotifyHandler.h"
#include "relay/OnlinePaymentApi.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <memory>

namespace paydesk {

struct RelayOptions
{
    HttpServerOptions http;
    QString orderLogPath;
    NotifyConfig notify;
    IOnlineNotifyConfig ionline; // enabled: iOnline Pay's XML notify path answers too
    OnlineApiOptions api; // enabled: the merchant back-end endpoint on its own listener
    int busyTimeoutMs = 10'000; // how long a write waits for another writer's lock
    // How often the open orders are asked about at their gateway (0: never), and how old an order
    // must be before it is (a younger one may still be being created, or a counter's sale live).
    // Online orders are, with the endpoint on; counter orders too when `iotpay` is set.
    int reconcileIntervalMs = 60'000;
    qint64 reconcileMinimumAgeMs = 60'000;
    // The relay's store in a chain (store/storeId, --store-id): it reconciles only that store's
    // open orders, online and counter (another store's relay may use another merchant account).
    // Empty: api.storeId when the endpoint is on, else none: every store's open orders.
    QString storeId;
    // The IOTPay client the relay reconciles the counters' orders with on a store's database
    // (paydesk-relay: from the settings). Unset, or a single counter's SQLite file: the counters'
    // orders are left to their terminals, and `reconcileOffReason`, when given, says why in the
    // log and /health.
    std::optional<IotPayConfig> iotpay;
    QString reconcileOffReason;
};

struct RelayCounters
{
    qint64 accepted = 0;
    qint64 duplicate = 0;
    qint64 rejected = 0;
    qint64 unmatched = 0;
    qint64 storeFailed = 0;
    qint64 notRoutable = 0;
};

// The notification relay: the notify handler, routing each gateway's notify path through the
// gateway registry (IOTPay; iOnline Pay when enabled), bound to an HTTP server, one order-log connection per worker thread. Refuses to start without a writable
// order log and says why. With options.api enabled it also serves the merchant back-end
// endpoint on a second listener, its gateway calls made through a GatewayBridge. With a gateway
// client (the endpoint's, or options.iotpay) it resolves the orders left open (OnlineReconcile:
// online orders, and the counters' with options.iotpay) — which needs an event loop in the
// thread that calls start().
class OnlineReconcile;

class RelayService
{
public:
    RelayService(RelayOptions options, const Clock &clock);
    ~RelayService();

    RelayService(const RelayService &) = delete;
    RelayService &operator=(const RelayService &) = delete;

    Result<quint16> start();
    void stop();
    quint16 port() const;
    quint16 apiPort() const; // 0 unless the back-end endpoint is listening

    RelayCounters counters() const;
    // The open orders' reconciliation; null when it is off (interval 0, or no gateway client).
    OnlineReconcile *onlineReconcile() const;
    QString reconcileOffReason() const; // empty while reconciling
    QJsonObject health(); // what the health path reports

private:
    HttpResponse route(const HttpRequest &request);
    HttpResponse routeApi(const HttpRequest &request);
    Result<void> checkOptions() const;
    Result<void> startApi(quint16 notifyPort);
    Result<void> startReconcile();
    OrderLog *threadOrderLog(QString *error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace paydesk
