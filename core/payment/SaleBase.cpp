#include "SaleBase.h"

namespace paydesk {

using namespace Qt::StringLiterals;

SaleBase::SaleBase(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config,
                   Identity identity, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_lifecycle(orderLog, clock),
      m_config(std::move(config)), m_identity(std::move(identity))
{
    m_queryTimer.setSingleShot(true);
    connect(&m_queryTimer, &QTimer::timeout, this, &SaleBase::sendQuery);
    m_watch = m_orderLog.watchPayments();
    if (m_watch) {
        connect(m_watch, &PaymentWatch::hint, this, &SaleBase::onPaymentHint);
        connect(m_watch, &PaymentWatch::reconnected, this, &SaleBase::onReconnected);
    }
}

SaleBase::~SaleBase() = default;

Result<void> SaleBase::checkStart(const Money &amount) const
{
    if (m_started)
        return fail(ErrorCode::Duplicate, u"this sale has already started"_s);
    if (amount.minor <= 0)
        return fail(ErrorCode::AmountZero, u"the amount must be more than zero"_s);
    return {};
}

NewOrder SaleBase::newOrder(Channel channel, const Money &amount, qint64 validityMs) const
{
    NewOrder order;
    order.terminalId = m_config.terminalId;
    order.cashier = m_config.cashier;
    order.channel = channel;
    order.amount = amount;
    order.gateway = m_gateway.name();
    order.subject = m_config.subject;
    order.expiresAtMs = m_clock.nowUtcMs() + validityMs;
    return order;
}

OrderRequest SaleBase::orderRequest() const
{
    OrderRequest request;
    request.mchOrderNo = m_order.mchOrderNo;
    request.channel = m_order.channel;
    request.amount = m_order.amount;
    request.subject = m_config.subject;
    request.body = m_config.subject;
    request.notifyUrl = m_config.notifyUrl;
    request.clientIp = m_config.clientIp;
    request.device = m_config.terminalId;
    return request;
}

void SaleBase::requestCancel()
{
    if (!m_started || isClosed() || m_closing)
        return;
    beginClose(CloseReason::Cancelled);
}

void SaleBase::sendQuery()
{
    if (isClosed() || m_pendingQuery || m_order.state == OrderState::Creating)
        return;
    GatewayCall *call = m_gateway.queryOrder({m_order.mchOrderNo, {}});
    call->setParent(this);
    m_pendingQuery = call;
    connect(call, &GatewayCall::finished, this, [this, call] { onQueryFinished(call); });
}

std::optional<LifecycleStep> SaleBase::answerQuery(GatewayCall *call, bool quietFailure)
{
    call->deleteLater();
    m_pendingQuery.clear();
    m_lifecycle.recordExchange(m_order.id, u"query_order"_s, call->requestJson(), call->result());
    if (isClosed())
        return std::nullopt;
    LifecycleStep step = m_lifecycle.queryAnswered(m_order, call->result(), m_gateway,
                                                   m_closing ? u"query-before-close"_s : u"query"_s);
    if (step.error && quietFailure
        && (step.kind == LifecycleStep::Kind::QueryFailed || step.kind == LifecycleStep::Kind::StillOpen)) {
        qCInfo(m_identity.category).noquote() << "query failed for" << m_order.mchOrderNo << describe(*step.error);
        step.error.reset();
    }
    return step;
}

void SaleBase::beginClose(CloseReason reason)
{
    m_closing = true;
    m_closeReason = reason;
    m_queryTimer.stop();
    if (m_order.state == OrderState::Creating)
        return; // the create's answer continues the close once its outcome is known
    if (!m_pendingQuery)
        sendQuery(); // the customer may have just paid: ask once more
}

void SaleBase::finishClose()
{
    if (isClosed())
        return;
    if (m_paidAtGateway) {
        // Paid: never EXPIRED or CANCELLED on top of it. The relay's confirmation shows as PAID
        // (pushed, or the safety re-read).
        reload();
        return;
    }
    const bool expired = m_closeReason == CloseReason::Expired;
    auto closed
        = m_lifecycle.close(m_order, expired ? OrderState::Expired : OrderState::Cancelled,
                            expired ? m_identity.expiryReason : u"cancelled by the cashier"_s, m_identity.actor);
    m_closePending = !closed && closed.error().code == ErrorCode::StoreUnavailable;
    if (!closed && closed.error().code != ErrorCode::TransitionRejected && !(m_closePending && m_storeLost))
        reportError(closed.error());
    if (m_closePending)
        m_storeLost = true; // said once
    // Re-read in every case: a rejected move means another writer (the relay) got there first.
    reload();
}

void SaleBase::reportStepErrors(const LifecycleStep &step)
{
    if (step.error && step.error->code == ErrorCode::PaidAwaitingRelay) {
        if (!m_paidAtGateway) // said once: the queries that follow say the same
            reportError(*step.error);
        m_paidAtGateway = true;
    } else if (step.error) {
        reportError(*step.error);
    }
    if (step.storeError)
        reportError(*step.storeError);
}

void SaleBase::onPaymentHint(const QString &mchOrderNo)
{
    if (m_started && !isClosed() && mchOrderNo == m_order.mchOrderNo)
        reload();
}

void SaleBase::onReconnected()
{
    // An announcement may have gone by while the connection was down; a close may be waiting.
    if (!m_started || isClosed())
        return;
    catchUp();
}

void SaleBase::catchUp()
{
    if (m_closePending)
        finishClose();
    else
        reload();
}

void SaleBase::reload()
{
    auto fresh = m_orderLog.orderById(m_order.id);
    if (!fresh) {
        // The store out of reach: said once; the sale goes on (queries, close) and its outcome is
        // written when the store is back.
        const bool lost = fresh.error().code == ErrorCode::StoreUnavailable;
        if (!lost || !m_storeLost)
            reportError(fresh.error());
        m_storeLost = lost;
        return;
    }
    m_storeLost = false;
    const OrderState before = m_order.state;
    m_order = *fresh;
    if (m_order.state == before)
        return;
    qCInfo(m_identity.category).noquote() << m_identity.logName << m_order.mchOrderNo << orderStateName(before) << "->"
                                          << orderStateName(m_order.state) << (m_order.late ? "(late)" : "");
    onStateMoved(before);
    Q_EMIT stateChanged(m_order.state);
    if (isClosed()) {
        stopTimers();
        Q_EMIT finished(m_order.state);
    }
}

void SaleBase::reportError(const Error &error)
{
    m_lastError = error;
    qCWarning(m_identity.category).noquote() << m_identity.logName << m_order.mchOrderNo << describe(error);
    Q_EMIT errorOccurred(error);
}

} // namespace paydesk
