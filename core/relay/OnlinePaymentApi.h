#pragma once

#include "common/Clock.h"
#include "gateway/ionline/IOnlinePayClient.h"
#include "gateway/iotpay/IotPayClient.h"
#include "gateway/iotpay/IotPayName.h"
#include "http/HttpServer.h"
#include "relay/ApiAuth.h"
#include "relay/RateLimiter.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <optional>

namespace paydesk {

class GatewayBridge;
class GatewayRegistry;
class OrderLog;
class PaymentLifecycle;
struct OnlinePaymentRequest;
struct Order;

// The merchant back-end endpoint (off by default): a mini program or an app — through the
// merchant's own server, which holds the shared secret — asks for a WeChat payment; the relay
// creates the order in the log and at the gateway with the merchant key it holds, and returns
// what wx.requestPayment / the app SDK needs. It listens on its own address and port, apart
// from the notify listener, so a slow gateway never holds up notifications.
struct OnlineApiOptions
{
    bool enabled = false;
    HttpServerOptions http = [] {
        HttpServerOptions o;
        o.maxBodyBytes = 8 * 1024;
        o.threadPerConnection = true; // a handler waits for the gateway: block only its connection
        o.connectionLimit = 64;
        o.perIpConnectionLimit = 16;
        return o;
    }();
    QByteArray path = QByteArrayLiteral("/api/v1/payments");
    QByteArray secret; // HMAC-SHA256 key shared with the merchant back end
    qint64 maxSkewMs = 5 * 60 * 1000;
    qsizetype maxBodyBytes = 4 * 1024;
    RateLimiter::Options rate; // per client address, before anything else
    QString terminalId = QStringLiteral("WEB"); // prefix of the minted mchOrderNo
    // The store of the orders it creates (Settings::validateStoreId; store/storeId or --store-id),
    // so that a chain's store-scoped reports count them; empty: none (a single store).
    QString storeId;
    QString notifyBaseUrl; // e.g. https://pay.example.com; empty: the notify listener
    qint64 validityMs = 2 * 60 * 60 * 1000; // WeChat's prepay id lives 2 h
    int gatewayWaitMs = 20'000; // bridge wait; above the clients' deadlineMs
    // The gateways' client configurations, registered by the relay (RelayService); the endpoint
    // itself asks the registry's entries.
    std::optional<IotPayConfig> iotpay;
    std::optional<IOnlinePayConfig> ionline;
    QString defaultGateway = iotpay::Name.toString();
};

struct OnlineApiCounters
{
    qint64 created = 0; // AWAITING, payParams returned
    qint64 badRequests = 0;
    qint64 unauthorized = 0;
    qint64 rateLimited = 0;
    qint64 gatewayFailed = 0; // definite refusal: order FAILED
    qint64 gatewayUnknown = 0; // ambiguous, or created without usable payParams: order UNKNOWN, resolved by query
};

// POST <path> with a JSON body (OnlinePaymentRequest) signed per ApiAuth. Replies JSON:
// 201 {mchOrderNo, state, gateway, channel, amount, currency, payParams, payUrl?, expiresAtMs,
// clientOrderRef?}; 400 bad_request, 401 unauthorized, 404, 405, 409 duplicate_client_order_ref,
// 413, 415, 429 rate_limited (Retry-After), 502 gateway_rejected, 503 unavailable,
// 504 gateway_outcome_unknown (also when the gateway made the order but its payParams are
// unusable: the order stays UNKNOWN for the reconciler, never FAILED on a guess). Nothing is
// created before the request is authenticated and valid. Every state move goes through the
// PaymentLifecycle.
class OnlinePaymentApi
{
public:
    // The gateways with a client in `gateways` are the enabled ones; `gateways` must outlive the endpoint.
    OnlinePaymentApi(OnlineApiOptions options, const GatewayRegistry &gateways, GatewayBridge &bridge,
                     const Clock &clock);

    // The notify URL each gateway (by name) is given; known once the notify listener has its port.
    void setNotifyUrls(QHash<QString, QString> byGateway);

    HttpResponse handle(const HttpRequest &request, OrderLog &log);
    OnlineApiCounters counters() const;
    QStringList enabledGateways() const;
    const QString &storeId() const { return m_options.storeId; }

private:
    std::optional<HttpResponse> admit(const HttpRequest &request);
    Result<OnlinePaymentRequest> parse(const QByteArray &body) const;
    HttpResponse create(const OnlinePaymentRequest &payment, OrderLog &log);
    HttpResponse callGateway(const OnlinePaymentRequest &payment, const Order &order, PaymentLifecycle &lifecycle);
    HttpResponse awaiting(const OnlinePaymentRequest &payment, const Order &order, const GatewayResponse &response);
    std::optional<HttpResponse> existingForRef(const QString &ref, OrderLog &log) const;

    OnlineApiOptions m_options;
    const GatewayRegistry &m_gateways;
    GatewayBridge &m_bridge;
    const Clock &m_clock;
    RateLimiter m_limiter;
    ReplayGuard m_replays;
    QHash<QString, QString> m_notifyUrls; // by gateway name

    std::atomic<qint64> m_created{0};
    std::atomic<qint64> m_badRequests{0};
    std::atomic<qint64> m_unauthorized{0};
    std::atomic<qint64> m_rateLimited{0};
    std::atomic<qint64> m_gatewayFailed{0};
    std::atomic<qint64> m_gatewayUnknown{0};
};

} // namespace paydesk
