#include "Sale.h"

#include "gateway/iotpay/IotPayChannels.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSale, "paydesk.sale")

namespace paydesk {

namespace {

// A create outcome we cannot trust either way: the order may exist at the gateway.
bool leavesOutcomeUnknown(const Error &error)
{
    return error.isAmbiguous() || error.code == ErrorCode::BadSignature
        || error.code == ErrorCode::ResponseMismatch;
}

} // namespace

Sale::Sale(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config,
           QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_config(std::move(config))
{
    m_watchTimer.setInterval(m_config.watchIntervalMs);
    m_watchTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_watchTimer, &QTimer::timeout, this, &Sale::watchTick);
    m_queryTimer.setSingleShot(true);
    connect(&m_queryTimer, &QTimer::timeout, this, &Sale::sendQuery);
}

Sale::~Sale() = default;

qint64 Sale::remainingMs() const
{
    if (!m_started)
        return m_config.validityMs;
    return std::max<qint64>(0, m_expiryMonotonicMs - m_clock.monotonicMs());
}

Result<void> Sale::start(const Money &amount, Channel channel)
{
    if (m_started)
        return fail(ErrorCode::Duplicate, QStringLiteral("this sale has already started"));
    if (amount.minor <= 0)
        return fail(ErrorCode::AmountZero, QStringLiteral("the amount must be more than zero"));
    if (!isCounterChannel(channel))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("not a counter QR channel"));
    if (!channelAcceptsCurrency(channel, amount.currency))
        return fail(ErrorCode::CurrencyUnsupported,
                    currencyCode(amount.currency) + u" is not accepted on " + channelId(channel));

    NewOrder newOrder;
    newOrder.terminalId = m_config.terminalId;
    newOrder.cashier = m_config.cashier;
    newOrder.channel = channel;
    newOrder.amount = amount;
    newOrder.subject = m_config.subject;
    newOrder.expiresAtMs = m_clock.nowUtcMs() + m_config.validityMs;
    auto created = m_orderLog.createOrder(newOrder);
    if (!created)
        return fail(created.error());
    m_order = *created;
    m_started = true;
    m_expiryMonotonicMs = m_clock.monotonicMs() + m_config.validityMs;
    if (auto version = m_orderLog.dataVersion())
        m_lastDataVersion = *version;

    // Persist CREATING before the request leaves: a crash after this point is resolved by query.
    auto creating = m_orderLog.transition(m_order.id, OrderState::Creating, {QStringLiteral("sale"), {}, {}, {}, {}, 0, 0, {}});
    if (!creating) {
        m_lastError = creating.error();
        (void)m_orderLog.transition(m_order.id, OrderState::Failed,
                                    {QStringLiteral("sale"), QStringLiteral("store refused CREATING"), {}, {}, {}, 0, 0, describe(creating.error())});
        return fail(creating.error());
    }
    m_order.state = OrderState::Creating;

    OrderRequest request;
    request.mchOrderNo = m_order.mchOrderNo;
    request.channel = channel;
    request.amount = amount;
    request.subject = m_config.subject;
    request.body = m_config.subject;
    request.notifyUrl = m_config.notifyUrl;
    request.clientIp = m_config.clientIp;
    request.device = m_config.terminalId;
    if (channel == Channel::WxNative)
        request.extra.insert(QStringLiteral("productId"), m_config.productId);

    GatewayCall *call = m_gateway.createOrder(request);
    call->setParent(this);
    connect(call, &GatewayCall::finished, this, [this, call] { onCreateFinished(call); });
    m_watchTimer.start();
    qCInfo(lcSale).noquote() << "sale" << m_order.mchOrderNo << channelId(channel) << amount.minor
                             << currencyCode(amount.currency) << "creating";
    Q_EMIT stateChanged(m_order.state);
    return {};
}

void Sale::requestCancel()
{
    if (!m_started || isClosed() || m_closing)
        return;
    beginClose(CloseReason::Cancelled);
}

void Sale::onCreateFinished(GatewayCall *call)
{
    call->deleteLater();
    recordCall(call, QStringLiteral("create_order"));
    if (isClosed())
        return;

    const Result<GatewayResponse> &result = call->result();
    if (result) {
        TransitionDetails details{QStringLiteral("sale"), {}, result->payOrderId, result->qrPayload, {}, 0, 0, {}};
        if (result->qrPayload.isEmpty()) {
            // A success without anything to show: the order exists, so it is not ours to re-create.
            details.error = QStringLiteral("gateway reply carries no QR payload");
            moveTo(OrderState::Unknown, details);
            reportError(Error{ErrorCode::Unparseable, details.error, {}, 0});
            scheduleNextQuery(m_config.unknownRetryMs);
            return;
        }
        moveTo(OrderState::Awaiting, details);
        if (m_order.state == OrderState::Awaiting) {
            m_awaitingSinceMonotonicMs = m_clock.monotonicMs();
            Q_EMIT qrReady(m_order.qrPayload);
            if (m_closing)
                sendQuery();
            else
                scheduleNextQuery(m_config.graceMs);
        }
        return;
    }

    const Error &error = result.error();
    if (leavesOutcomeUnknown(error)) {
        moveTo(OrderState::Unknown, {QStringLiteral("sale"), QStringLiteral("create outcome unknown"), {}, {}, {}, 0, 0, describe(error)});
        reportError(error);
        sendQuery();   // resolve before anything else
        return;
    }
    // The error first, so whoever reacts to FAILED can already say why.
    reportError(error);
    moveTo(OrderState::Failed, {QStringLiteral("sale"), QStringLiteral("create_order failed"), {}, {}, {}, 0, 0, describe(error)});
}

void Sale::sendQuery()
{
    if (isClosed() || m_pendingQuery || m_order.state == OrderState::Creating)
        return;
    GatewayCall *call = m_gateway.queryOrder({m_order.mchOrderNo, {}});
    call->setParent(this);
    m_pendingQuery = call;
    connect(call, &GatewayCall::finished, this, [this, call] { onQueryFinished(call); });
}

void Sale::scheduleNextQuery(int delayMs)
{
    if (isClosed())
        return;
    m_queryTimer.start(std::max(0, delayMs));
}

void Sale::onQueryFinished(GatewayCall *call)
{
    call->deleteLater();
    m_pendingQuery.clear();
    recordCall(call, QStringLiteral("query_order"));
    if (isClosed())
        return;

    const Result<GatewayResponse> &result = call->result();
    if (result) {
        if (isPaid(result->status)) {
            applyRemotePayment(*result, m_closing ? QStringLiteral("query-before-close") : QStringLiteral("query"));
            if (isClosed())
                return;
        } else if (paydesk::isClosed(result->status)) {
            moveTo(OrderState::Expired, {QStringLiteral("query"), QStringLiteral("closed by the gateway"), {}, {}, {}, 0, 0, {}});
            return;
        } else if (m_order.state == OrderState::Unknown && !result->qrPayload.isEmpty()) {
            // The order we could not confirm does exist: adopt it rather than create another.
            moveTo(OrderState::Awaiting, {QStringLiteral("query"), QStringLiteral("create confirmed by query"),
                                          result->payOrderId, result->qrPayload, {}, 0, 0, {}});
            if (m_order.state == OrderState::Awaiting) {
                m_awaitingSinceMonotonicMs = m_clock.monotonicMs();
                Q_EMIT qrReady(m_order.qrPayload);
            }
        }
    } else if (result.error().code == ErrorCode::NoSuchOrder && m_order.state == OrderState::Unknown) {
        // Known absent: the gateway never made the order, so nothing can be charged on it.
        reportError(Error{ErrorCode::NoSuchOrder, QStringLiteral("the gateway never received the order; nothing was charged"),
                          result.error().gatewayCode, 0});
        moveTo(OrderState::Failed, {QStringLiteral("query"), QStringLiteral("gateway has no such order"),
                                    {}, {}, {}, 0, 0, describe(result.error())});
        return;
    } else if (m_order.state == OrderState::Unknown) {
        reportError(result.error());
    } else {
        qCInfo(lcSale).noquote() << "query failed for" << m_order.mchOrderNo << describe(result.error());
    }

    if (m_closing) {
        finishClose();
        return;
    }
    if (m_order.state == OrderState::Unknown) {
        scheduleNextQuery(m_config.unknownRetryMs);
    } else {
        const int jitter = std::max(1, m_config.queryIntervalMs * 15 / 100);
        scheduleNextQuery(m_config.queryIntervalMs - jitter + int(QRandomGenerator::global()->bounded(2 * jitter)));
    }
}

void Sale::applyRemotePayment(const GatewayResponse &response, const QString &actor)
{
    if (!response.amount || response.currencyCode.isEmpty()) {
        reportError(Error{ErrorCode::ResponseMismatch, QStringLiteral("paid status without amount or currency"), {}, 0});
        return;
    }
    PaymentConfirmation confirmation;
    confirmation.mchOrderNo = m_order.mchOrderNo;
    confirmation.payOrderId = response.payOrderId;
    confirmation.amount = *response.amount;
    confirmation.channelOrderNo = response.channelOrderNo;
    confirmation.paidAtMs = response.paySuccTimeMs > 0 ? response.paySuccTimeMs : m_clock.nowUtcMs();
    confirmation.actor = actor;
    auto outcome = m_orderLog.confirmPayment(confirmation);
    if (!outcome) {
        reportError(outcome.error());
        return;
    }
    if (outcome->verdict == ConfirmVerdict::AmountMismatch || outcome->verdict == ConfirmVerdict::CurrencyMismatch) {
        reportError(Error{ErrorCode::ResponseMismatch,
                          u"gateway reports a payment of " + formatMinorPlain(confirmation.amount.minor) + u' '
                              + response.currencyCode + u" for this order",
                          {}, 0});
        return;
    }
    reload();
}

void Sale::watchTick()
{
    if (isClosed()) {
        stopTimers();
        return;
    }
    auto version = m_orderLog.dataVersion();
    if (version && *version != m_lastDataVersion) {
        m_lastDataVersion = *version;
        reload();
        if (isClosed())
            return;
    }
    const bool waiting = m_order.state == OrderState::Awaiting || m_order.state == OrderState::Unknown;
    if (waiting && !m_closing && m_clock.monotonicMs() >= m_expiryMonotonicMs)
        beginClose(CloseReason::Expired);
}

void Sale::beginClose(CloseReason reason)
{
    m_closing = true;
    m_closeReason = reason;
    m_queryTimer.stop();
    if (m_order.state == OrderState::Creating)
        return;   // onCreateFinished continues the close once the create outcome is known
    if (!m_pendingQuery)
        sendQuery();   // the customer may have just paid: ask once more
}

void Sale::finishClose()
{
    if (isClosed())
        return;
    const bool expired = m_closeReason == CloseReason::Expired;
    moveTo(expired ? OrderState::Expired : OrderState::Cancelled,
           {QStringLiteral("sale"), expired ? QStringLiteral("validity window ended") : QStringLiteral("cancelled by the cashier"),
            {}, {}, {}, 0, 0, {}});
}

void Sale::moveTo(OrderState to, TransitionDetails details)
{
    auto outcome = m_orderLog.transition(m_order.id, to, details);
    if (!outcome && outcome.error().code != ErrorCode::TransitionRejected)
        reportError(outcome.error());
    // Re-read in every case: a rejected move means another writer (the relay) got there first.
    reload();
}

void Sale::reload()
{
    auto fresh = m_orderLog.orderById(m_order.id);
    if (!fresh) {
        reportError(fresh.error());
        return;
    }
    const OrderState before = m_order.state;
    m_order = *fresh;
    if (m_order.state == before)
        return;
    qCInfo(lcSale).noquote() << "sale" << m_order.mchOrderNo << orderStateName(before) << "->"
                             << orderStateName(m_order.state) << (m_order.late ? "(late)" : "");
    if (m_order.state == OrderState::Awaiting && before != OrderState::Awaiting && !m_order.qrPayload.isEmpty()
        && m_awaitingSinceMonotonicMs == 0) {
        m_awaitingSinceMonotonicMs = m_clock.monotonicMs();
    }
    Q_EMIT stateChanged(m_order.state);
    if (isClosed()) {
        stopTimers();
        Q_EMIT finished(m_order.state);
    }
}

void Sale::reportError(const Error &error)
{
    m_lastError = error;
    qCWarning(lcSale).noquote() << "sale" << m_order.mchOrderNo << describe(error);
    Q_EMIT errorOccurred(error);
}

void Sale::recordCall(GatewayCall *call, const QString &endpoint)
{
    (void)m_orderLog.recordGatewayMessage(m_order.id, endpoint, QStringLiteral("request"), call->requestJson());
    const Result<GatewayResponse> &result = call->result();
    const QByteArray response = result ? result->raw : describe(result.error()).toUtf8();
    (void)m_orderLog.recordGatewayMessage(m_order.id, endpoint, QStringLiteral("response"), response);
}

void Sale::stopTimers()
{
    m_watchTimer.stop();
    m_queryTimer.stop();
}

} // namespace paydesk
