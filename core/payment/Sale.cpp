#include "Sale.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSale, "paydesk.sale")

namespace paydesk {

Sale::Sale(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, QObject *parent)
    : SaleBase(orderLog, gateway, clock, std::move(config),
               {QStringLiteral("sale"), "sale", &lcSale, QStringLiteral("validity window ended")}, parent)
{
    m_watchTimer.setInterval(m_config.watchIntervalMs);
    m_watchTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_watchTimer, &QTimer::timeout, this, &Sale::watchTick);
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
    if (auto startable = checkStart(amount); !startable)
        return startable;
    if (!isCounterChannel(channel))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("not a counter QR channel"));
    if (!m_gateway.accepts(channel, amount.currency))
        return fail(ErrorCode::CurrencyUnsupported,
                    currencyCode(amount.currency) + u" is not accepted on " + channelId(channel));

    auto created = m_lifecycle.open(newOrder(channel, amount, m_config.validityMs));
    if (!created)
        return fail(created.error());
    m_order = *created;
    m_started = true;
    m_expiryMonotonicMs = m_clock.monotonicMs() + m_config.validityMs;
    if (m_watch)
        m_nextSafetyReadMonotonicMs = m_clock.monotonicMs() + m_config.safetyPollMs;
    else if (auto version = m_orderLog.dataVersion())
        m_lastDataVersion = *version;

    // Persist CREATING before the request leaves: a crash after this point is resolved by query.
    auto creating = m_lifecycle.beginCreate(m_order, QStringLiteral("sale"));
    if (!creating) {
        m_lastError = creating.error();
        return fail(creating.error());
    }
    m_order = *creating;

    OrderRequest request = orderRequest();
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
    reportStepErrors(step);
    const bool wasAwaiting = m_order.state == OrderState::Awaiting;
    reload();
    if (m_order.state == OrderState::Awaiting && !wasAwaiting) {
        m_awaitingSinceMonotonicMs = m_clock.monotonicMs();
        Q_EMIT qrReady(m_order.qrPayload);
    }
}

void Sale::scheduleNextQuery(int delayMs)
{
    if (isClosed())
        return;
    m_queryTimer.start(std::max(0, delayMs));
}

void Sale::onQueryFinished(GatewayCall *call)
{
    // Only an unresolved create makes a failed query the cashier's business.
    const auto step = answerQuery(call, m_order.state != OrderState::Unknown);
    if (!step)
        return;
    applyStep(*step);
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
    if (m_watch) {
        // Store mode: pushed (onPaymentHint); the row read here only as a slow safety net.
        if (m_clock.monotonicMs() >= m_nextSafetyReadMonotonicMs) {
            m_nextSafetyReadMonotonicMs = m_clock.monotonicMs() + m_config.safetyPollMs;
            catchUp();
            if (isClosed())
                return;
        }
    } else if (auto version = m_orderLog.dataVersion(); version && *version != m_lastDataVersion) {
        m_lastDataVersion = *version;
        reload();
        if (isClosed())
            return;
    }
    const bool waiting = m_order.state == OrderState::Awaiting || m_order.state == OrderState::Unknown;
    if (waiting && !m_closing && m_clock.monotonicMs() >= m_expiryMonotonicMs)
        beginClose(CloseReason::Expired);
}

// The row moved to AWAITING behind this sale's back (the relay or another reader): the QR's
// time starts when it is there.
void Sale::onStateMoved(OrderState before)
{
    if (m_order.state == OrderState::Awaiting && before != OrderState::Awaiting && !m_order.qrPayload.isEmpty()
        && m_awaitingSinceMonotonicMs == 0) {
        m_awaitingSinceMonotonicMs = m_clock.monotonicMs();
    }
}

void Sale::stopTimers()
{
    m_watchTimer.stop();
    m_queryTimer.stop();
}

} // namespace paydesk
