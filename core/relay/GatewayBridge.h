#pragma once

#include "common/Error.h"
#include "gateway/GatewayTypes.h"

#include <QHash>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <mutex>

class QNetworkAccessManager;

namespace paydesk {

class GatewayCall;
class PaymentGateway;

// Lets the relay's HTTP handlers — plain libmicrohttpd threads without a Qt event loop — call
// the Qt gateway clients. One QThread runs an event loop that owns a QNetworkAccessManager and
// one PaymentGateway per name, all created (and destroyed) in that thread. A handler posts the
// call into that thread and blocks on a condition variable until the call finishes or its own
// deadline passes, whichever comes first. Finished results are copied into shared state, so a
// handler that gave up never touches objects of the gateway thread again.
class GatewayBridge
{
public:
    // Builds one gateway in the bridge thread; the network manager lives there too.
    using Factory = std::function<std::unique_ptr<PaymentGateway>(QNetworkAccessManager &network)>;

    struct Outcome
    {
        Result<GatewayResponse> result = fail(ErrorCode::Invalid, QStringLiteral("not called"));
        QByteArray requestJson; // the request as sent (with `sign`, never the key), if sent
    };

    GatewayBridge();
    ~GatewayBridge();

    GatewayBridge(const GatewayBridge &) = delete;
    GatewayBridge &operator=(const GatewayBridge &) = delete;

    void addGateway(const QString &name, const Factory &factory); // before start()
    Result<void> start();
    // Fails every waiting call with Timeout at once (they may still complete at the gateway),
    // then stops the thread. Safe to call twice.
    void stop();

    bool hasGateway(const QString &name) const { return m_factories.contains(name); }

    // Blocking; never call from the bridge thread. `waitMs` bounds the wait: set it above the
    // client's own deadline so the client's Timeout is what normally reports a slow gateway.
    // Timeout (ambiguous) when the bridge gives up first or is stopping.
    Outcome createOrder(const QString &gateway, const OrderRequest &request, int waitMs);
    Outcome queryOrder(const QString &gateway, const OrderLookup &lookup, int waitMs);

private:
    struct Pending;
    using Starter = std::function<GatewayCall *(PaymentGateway &)>;
    Outcome call(const QString &gateway, Starter starter, int waitMs);

    QHash<QString, Factory> m_factories;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
    std::mutex m_mutex; // guards the three below
    QHash<QString, PaymentGateway *> m_gateways; // children of m_context
    QList<std::shared_ptr<Pending>> m_pending;
    bool m_stopping = false;
};

} // namespace paydesk
