#include "Sale.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSale, "paydesk.sale")

namespace paydesk {

Sale::Sale(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_lifecycle(orderLog, clock),
      m_config(std::move(config))
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
    if (!m_gateway.accepts(channel, amount.currency))
        return fail(ErrorCode::CurrencyUnsupported,
                    currencyCode(amount.currency) + u" is not accepted on " + channelId(channel));

    NewOrder newOrder;
    newOrder.terminalId = m_config.terminalId;
    newOrder.cashier = m_config.cashier;
    newOrder.channel = channel;
    newOrder.amount = amount;
    newOrder.gateway = m_gateway.name();
    newOrder.subject = m_config.subject;
    newOrder.expiresAtMs = m_clock.nowUtcMs() + m_config.validityMs;
    auto created = m_lifecycle.open(newOrder);
    if (!created)
        return fail(created.error());
    m_order = *created;
    m_started = true;
    m_expiryMonotonicMs = m_clock.monotonicMs() + m_config.validityMs;
    if (auto version = m_orderLog.dataVersion())
        m_lastDataVersion = *version;

    // Persist CREATING before the request leaves: a crash after this point is resolved by query.
    auto creating = m_lifecycle.beginCreate(m_order, QStringLiteral("sale"));
    if (!creating) {
        m_lastError = creating.error();
        return fail(creating.error());
    }
    m_order = *creating;

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
    m_lifecycle.recordExchange(m_order.id, QStringLiteral("create_order"), call->requestJson(), call->result());
    if (isClosed())
        return;

    const Result<GatewayResponse> &result = call->result();
    CreateReply reply{result, {}, {}};
    if (result) {
        reply.payload = result->qrPayload;
        if (reply.payload.isEmpty())
            reply.unusable = QStringLiteral("gateway reply carries no QR payload");
    }
    const LifecycleStep step = m_lifecycle.createAnswered(m_order, reply, QStringLiteral("sale"));
    // The error first, so whoever reacts to the new state can already say why.
    applyStep(step);
    if (m_order.state == OrderState::Awaiting) {
        if (m_closing)
            sendQuery();
        else
            scheduleNextQuery(m_config.graceMs);
    } else if (m_order.state == OrderState::Unknown) {
        // A success without anything to show: the order exists, ask again later; an unclear
        // outcome: resolve it before anything else.
        if (result)
            scheduleNextQuery(m_config.unknownRetryMs);
        else
            sendQuery();
    }
}

void Sale::applyStep(const LifecycleStep &step)
{
    if (step.error)
        reportError(*step.error);
    if (step.storeError)
        reportError(*step.storeError);
    const bool wasAwaiting = m_order.state == OrderState::Awaiting;
    reload();
    if (m_order.state == OrderState::Awaiting && !wasAwaiting) {
        m_awaitingSinceMonotonicMs = m_clock.monotonicMs();
        Q_EMIT qrReady(m_order.qrPayload);
    }
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
    m_lifecycle.recordExchange(m_order.id, QStringLiteral("query_order"), call->requestJson(), call->result());
    if (isClosed())
        return;

    const OrderState before = m_order.state;
    LifecycleStep step = m_lifecycle.queryAnswered(
        m_order, call->result(), m_gateway, m_closing ? QStringLiteral("query-before-close") : QStringLiteral("query"));
    if (step.error && before != OrderState::Unknown
        && (step.kind == LifecycleStep::Kind::QueryFailed || step.kind == LifecycleStep::Kind::StillOpen)) {
        // Only an unresolved create makes a failed query the cashier's business.
        qCInfo(lcSale).noquote() << "query failed for" << m_order.mchOrderNo << describe(*step.error);
        step.error.reset();
    }
    applyStep(step);
    if (isClosed())
        return;
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
        return; // onCreateFinished continues the close once the create outcome is known
    if (!m_pendingQuery)
        sendQuery(); // the customer may have just paid: ask once more
}

void Sale::finishClose()
{
    if (isClosed())
        return;
    const bool expired = m_closeReason == CloseReason::Expired;
    auto closed = m_lifecycle.close(m_order, expired ? OrderState::Expired : OrderState::Cancelled,
                                    expired ? QStringLiteral("validity window ended")
                                            : QStringLiteral("cancelled by the cashier"),
                                    QStringLiteral("sale"));
    if (!closed && closed.error().code != ErrorCode::TransitionRejected)
        reportError(closed.error());
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

void Sale::stopTimers()
{
    m_watchTimer.stop();
    m_queryTimer.stop();
}

} // namespace paydesk
