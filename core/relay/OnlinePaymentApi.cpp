#include "OnlinePaymentApi.h"

#include "gateway/GatewayRegistry.h"
#include "gateway/WxPayParams.h"
#include "orders/OrderLog.h"
#include "payment/PaymentLifecycle.h"
#include "relay/GatewayBridge.h"
#include "relay/OnlinePaymentRequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcApi, "paydesk.relay.api")

namespace paydesk {

using namespace Qt::StringLiterals;

namespace {

const QString Actor = u"relay-api"_s;
constexpr qint64 RefWindowMs = 24 * 60 * 60 * 1000;

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse errorReply(int status, const QString &code, const QString &message, QJsonObject extra = {})
{
    extra.insert(u"error"_s, code);
    extra.insert(u"message"_s, message.left(300));
    return jsonResponse(status, extra);
}

bool isJsonContentType(const QByteArray &header)
{
    const QList<QByteArray> parts = header.toLower().split(';');
    if (parts.value(0).trimmed() != "application/json")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        if (parameter.startsWith("charset=") && parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"")
            return false;
    }
    return true;
}

OrderSource sourceFor(Channel channel)
{
    return channel == Channel::WxJsapi ? OrderSource::MiniProgram : OrderSource::App;
}

} // namespace

OnlinePaymentApi::OnlinePaymentApi(OnlineApiOptions options, const GatewayRegistry &gateways, GatewayBridge &bridge,
                                   const Clock &clock)
    : m_options(std::move(options)), m_gateways(gateways), m_bridge(bridge), m_clock(clock),
      m_limiter(m_options.rate, clock)
{}

void OnlinePaymentApi::setNotifyUrls(QHash<QString, QString> byGateway)
{
    m_notifyUrls = std::move(byGateway);
}

QStringList OnlinePaymentApi::enabledGateways() const
{
    QStringList names;
    for (const GatewayEntry &entry : m_gateways.entries()) {
        if (entry.createClient)
            names.append(entry.name);
    }
    return names;
}

OnlineApiCounters OnlinePaymentApi::counters() const
{
    return {m_created.load(),     m_badRequests.load(),   m_unauthorized.load(),
            m_rateLimited.load(), m_gatewayFailed.load(), m_gatewayUnknown.load()};
}

// Cheap checks first: the rate limit before anything else, the signature before the JSON.
std::optional<HttpResponse> OnlinePaymentApi::admit(const HttpRequest &request)
{
    qint64 retryAfterMs = 0;
    if (!m_limiter.tryAcquire(request.remoteAddress, &retryAfterMs)) {
        ++m_rateLimited;
        HttpResponse reply = errorReply(429, u"rate_limited"_s, u"too many requests from this address"_s);
        reply.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(std::max<qint64>(1, (retryAfterMs + 999) / 1000))});
        return reply;
    }
    if (request.rawPath != m_options.path)
        return errorReply(404, u"not_found"_s, u"no such path"_s);
    if (request.method != "POST") {
        HttpResponse reply = errorReply(405, u"method_not_allowed"_s, u"POST only"_s);
        reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        return reply;
    }
    if (!request.rawQuery.isEmpty() || request.rawTarget.contains('?'))
        return errorReply(400, u"bad_request"_s, u"no query string: everything goes in the signed body"_s);
    if (request.body.size() > m_options.maxBodyBytes)
        return errorReply(413, u"too_large"_s, u"request body larger than %1 bytes"_s.arg(m_options.maxBodyBytes));
    if (auto ok = ApiAuth::verify(request, m_options.secret, m_clock.nowUtcMs(), m_options.maxSkewMs); !ok) {
        ++m_unauthorized;
        qCWarning(lcApi).noquote() << "unauthorized from" << request.remoteAddress << ok.error().detail;
        return errorReply(401, u"unauthorized"_s, ok.error().detail);
    }
    // Valid until the timestamp leaves the window; a copy sent meanwhile is a replay.
    const qint64 validForMs
        = request.header(ApiAuth::TimestampHeader).toLongLong() * 1000 + m_options.maxSkewMs - m_clock.nowUtcMs();
    if (!m_replays.admit(request.header(ApiAuth::SignatureHeader), m_clock.monotonicMs(),
                         m_clock.monotonicMs() + std::max<qint64>(0, validForMs))) {
        ++m_unauthorized;
        return errorReply(401, u"unauthorized"_s, u"request replayed"_s);
    }
    if (!isJsonContentType(request.header("Content-Type")))
        return errorReply(415, u"unsupported_media_type"_s, u"Content-Type must be application/json (UTF-8)"_s);
    return std::nullopt;
}

HttpResponse OnlinePaymentApi::handle(const HttpRequest &request, OrderLog &log)
{
    if (auto refused = admit(request))
        return *refused;
    auto payment = parse(request.body);
    if (!payment) {
        ++m_badRequests;
        return errorReply(400, u"bad_request"_s, payment.error().detail);
    }
    if (payment->clientIp.isEmpty())
        payment->clientIp = request.remoteAddress;
    return create(*payment, log);
}

// The request, and whether its gateway takes its currency on its channel.
Result<OnlinePaymentRequest> OnlinePaymentApi::parse(const QByteArray &body) const
{
    auto payment = parseOnlinePaymentRequest(body, enabledGateways(), m_options.defaultGateway);
    if (!payment)
        return payment;
    const GatewayEntry *entry = m_gateways.find(payment->gateway);
    if (entry && entry->refusal) {
        if (const QString refused = entry->refusal(payment->channel, payment->amount.currency); !refused.isEmpty())
            return fail(ErrorCode::InvalidArgument, refused);
    }
    return payment;
}

std::optional<HttpResponse> OnlinePaymentApi::existingForRef(const QString &ref, OrderLog &log) const
{
    const auto existing = log.orderByClientReference(ref, m_clock.nowUtcMs() - RefWindowMs);
    if (!existing && existing.error().code == ErrorCode::NotFound)
        return std::nullopt;
    if (!existing)
        return errorReply(503, u"unavailable"_s, u"order log unavailable, retry later"_s);
    return errorReply(409, u"duplicate_client_order_ref"_s, u"an order already exists for this clientOrderRef"_s,
                      {{u"mchOrderNo"_s, existing->mchOrderNo}, {u"state"_s, orderStateName(existing->state)}});
}

HttpResponse OnlinePaymentApi::create(const OnlinePaymentRequest &payment, OrderLog &log)
{
    NewOrder newOrder;
    newOrder.terminalId = m_options.terminalId;
    newOrder.cashier = Actor;
    newOrder.channel = payment.channel;
    newOrder.amount = payment.amount;
    newOrder.source = sourceFor(payment.channel);
    newOrder.gateway = payment.gateway;
    newOrder.subject = payment.subject;
    newOrder.expiresAtMs = m_clock.nowUtcMs() + m_options.validityMs;
    newOrder.clientReference = payment.clientOrderRef;
    newOrder.clientReferenceSinceUtcMs = m_clock.nowUtcMs() - RefWindowMs;
    newOrder.storeId = m_options.storeId;

    PaymentLifecycle lifecycle(log, m_clock);
    // One order per clientOrderRef across every relay on the store: the order log looks it up and
    // creates under a database lock, never a lock of this process; a repeat comes back Duplicate.
    Result<Order> order = lifecycle.open(newOrder);
    if (!order && order.error().code == ErrorCode::Duplicate && !payment.clientOrderRef.isEmpty()) {
        if (auto existing = existingForRef(payment.clientOrderRef, log))
            return *existing;
    }
    if (order && !payment.clientOrderRef.isEmpty())
        (void)log.recordEvent(order->id, u"client-ref"_s, Actor, payment.clientOrderRef);
    if (!order) {
        qCWarning(lcApi).noquote() << "order not created:" << describe(order.error());
        return errorReply(503, u"unavailable"_s, u"order log unavailable, retry later"_s);
    }
    auto creating = lifecycle.beginCreate(*order, Actor);
    if (!creating)
        return errorReply(503, u"unavailable"_s, u"order log unavailable, retry later"_s);
    return callGateway(payment, *creating, lifecycle);
}

HttpResponse OnlinePaymentApi::callGateway(const OnlinePaymentRequest &payment, const Order &order,
                                           PaymentLifecycle &lifecycle)
{
    const QString notifyUrl = m_notifyUrls.value(payment.gateway);
    const OrderRequest request = toOrderRequest(payment, order.mchOrderNo, notifyUrl, m_options.terminalId);
    const GatewayBridge::Outcome outcome = m_bridge.createOrder(payment.gateway, request, m_options.gatewayWaitMs);
    const GatewayEntry *entry = m_gateways.find(payment.gateway);
    const QString endpoint = entry && entry->createEndpoint ? entry->createEndpoint(payment.channel) : payment.gateway;
    lifecycle.recordExchange(order.id, endpoint, outcome.requestJson, outcome.result);

    CreateReply reply{outcome.result, {}, {}};
    if (reply.result) {
        reply.payload = reply.result->payUrl;
        // WeChat's client-side shape, whichever gateway made the order.
        if (auto payParams = checkWxPayParams(payment.channel, reply.result->payParams); payParams)
            reply.result->payParams = *payParams;
        else
            reply.unusable = u"unusable payParams: "_s + payParams.error().detail;
    }
    const LifecycleStep step = lifecycle.createAnswered(order, reply, Actor);
    if (step.storeError)
        qCWarning(lcApi).noquote() << order.mchOrderNo << "not recorded:" << describe(*step.storeError);
    if (step.kind == LifecycleStep::Kind::Awaiting)
        return awaiting(payment, order, *reply.result);
    const Error error = step.error.value_or(Error{ErrorCode::Invalid, u"no outcome"_s, {}, 0});
    qCWarning(lcApi).noquote() << order.mchOrderNo << payment.gateway << describe(error);
    QJsonObject identity{{u"mchOrderNo"_s, order.mchOrderNo}, {u"gateway"_s, payment.gateway}};
    if (step.kind != LifecycleStep::Kind::Failed) {
        ++m_gatewayUnknown;
        const QString why = reply.result
            ? u"the gateway created the order but its reply cannot be used ("_s + reply.unusable.left(200) + u"); "_s
            : u"the gateway did not answer clearly; "_s;
        return errorReply(504, u"gateway_outcome_unknown"_s,
                          why + u"the order is checked by query — do not retry under a new order"_s, identity);
    }
    ++m_gatewayFailed;
    if (error.code == ErrorCode::RequestInvalid)
        return errorReply(400, u"bad_request"_s, error.detail, identity);
    identity.insert(u"gatewayCode"_s, error.gatewayCode);
    return errorReply(502, u"gateway_rejected"_s, error.detail, identity);
}

HttpResponse OnlinePaymentApi::awaiting(const OnlinePaymentRequest &payment, const Order &order,
                                        const GatewayResponse &response)
{
    ++m_created;
    QJsonObject reply{{u"mchOrderNo"_s, order.mchOrderNo},
                      {u"gateway"_s, payment.gateway},
                      {u"state"_s, orderStateName(OrderState::Awaiting)},
                      {u"channel"_s, channelId(payment.channel)},
                      {u"amount"_s, payment.amount.minor},
                      {u"currency"_s, currencyCode(payment.amount.currency)},
                      {u"payParams"_s, response.payParams},
                      {u"expiresAtMs"_s, order.expiresAtMs}};
    if (!response.payUrl.isEmpty())
        reply.insert(u"payUrl"_s, response.payUrl);
    if (!payment.clientOrderRef.isEmpty())
        reply.insert(u"clientOrderRef"_s, payment.clientOrderRef);
    qCInfo(lcApi).noquote() << "created" << order.mchOrderNo << payment.gateway << channelId(payment.channel);
    return jsonResponse(201, reply);
}

} // namespace paydesk
