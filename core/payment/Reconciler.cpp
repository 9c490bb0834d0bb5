#include "Reconciler.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcReconcile, "paydesk.reconcile")

namespace paydesk {

Reconciler::Reconciler(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock)
{
}

void Reconciler::run(qint64 windowMs, const QSet<qint64> &skipOrderIds)
{
    if (m_running)
        return;
    m_running = true;
    m_report = ReconcileReport();
    m_queue.clear();
    auto open = m_orderLog.openOrdersSince(m_clock.nowUtcMs() - windowMs);
    if (!open) {
        m_report.errors = 1;
        m_report.errorDetails.append(describe(open.error()));
    } else {
        const qint64 youngestOnline = m_clock.nowUtcMs() - m_onlineMinimumAgeMs;
        for (const Order &order : *open) {
            const bool beingCreated = order.source != OrderSource::Counter && order.createdAtMs > youngestOnline;
            if (!skipOrderIds.contains(order.id) && order.gateway == m_gateway.name()
                && (m_sources.isEmpty() || m_sources.contains(order.source)) && !beingCreated)
                m_queue.append(order);
        }
    }
    QMetaObject::invokeMethod(this, &Reconciler::next, Qt::QueuedConnection);
}

void Reconciler::next()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        // A pass with nothing to do (the relay runs one a minute) is not worth a log line.
        if (m_report.examined > 0 || m_report.errors > 0) {
            qCInfo(lcReconcile) << "examined" << m_report.examined << "changed" << m_report.changed
                                << "still open" << m_report.stillOpen << "errors" << m_report.errors;
        }
        Q_EMIT finished(m_report);
        return;
    }
    const Order order = m_queue.takeFirst();
    ++m_report.examined;
    if (order.state == OrderState::New) {
        // Persisted but CREATING was never written: the request was never sent.
        settle(order, OrderState::Failed, QStringLiteral("never sent to the gateway"));
        QMetaObject::invokeMethod(this, &Reconciler::next, Qt::QueuedConnection);
        return;
    }
    GatewayCall *call = m_gateway.queryOrder({order.mchOrderNo, {}});
    call->setParent(this);
    connect(call, &GatewayCall::finished, this, [this, call, order] {
        call->deleteLater();
        onQueryFinished(call, order);
        next();
    });
}

void Reconciler::onQueryFinished(GatewayCall *call, const Order &order)
{
    (void)m_orderLog.recordGatewayMessage(order.id, QStringLiteral("query_order"), QStringLiteral("request"),
                                          call->requestJson());
    const Result<GatewayResponse> &result = call->result();
    if (!result) {
        if (m_gateway.isNoSuchOrder(result.error())) {
            settle(order, OrderState::Failed, QStringLiteral("the gateway has no such order"));
            return;
        }
        ++m_report.errors;
        m_report.errorDetails.append(order.mchOrderNo + u": " + describe(result.error()));
        return;
    }
    (void)m_orderLog.recordGatewayMessage(order.id, QStringLiteral("query_order"), QStringLiteral("response"), result->raw);
    if (isPaid(result->status)) {
        PaymentConfirmation confirmation{order.mchOrderNo, result->payOrderId,
                                         Money{result->amount ? result->amount->minor : -1, currencyFromCode(result->currencyCode)},
                                         result->channelOrderNo,
                                         result->paySuccTimeMs > 0 ? result->paySuccTimeMs : m_clock.nowUtcMs(),
                                         QStringLiteral("reconciler")};
        auto outcome = m_orderLog.confirmPayment(confirmation);
        if (!outcome || (outcome->verdict != ConfirmVerdict::Applied && outcome->verdict != ConfirmVerdict::AlreadyPaid)) {
            ++m_report.errors;
            m_report.errorDetails.append(order.mchOrderNo + u": paid at the gateway but not applied ("
                                         + (outcome ? confirmVerdictName(outcome->verdict) : describe(outcome.error())) + u')');
            return;
        }
        noteChange(order);
        return;
    }
    if (isClosed(result->status)) {
        settle(order, OrderState::Expired, QStringLiteral("closed by the gateway"));
        return;
    }
    if (order.expiresAtMs > 0 && m_clock.nowUtcMs() > order.expiresAtMs) {
        settle(order, OrderState::Expired, QStringLiteral("validity window ended"));
        return;
    }
    if (order.state == OrderState::Creating || order.state == OrderState::Unknown)
        adoptLiveOrder(order, *result);
    ++m_report.stillOpen;
}

// The gateway has the order and it is still open, so whether it was created is no longer in
// doubt. No sale is creating it any more (the one that did is gone), so CREATING would stay
// a false statement until the next run: record what the query says instead, as a sale does.
void Reconciler::adoptLiveOrder(const Order &order, const GatewayResponse &response)
{
    TransitionDetails details{QStringLiteral("reconciler"), {}, response.payOrderId, response.qrPayload, {}, 0, 0, {}};
    OrderState to = OrderState::Awaiting;
    details.reason = QStringLiteral("create confirmed by query");
    if (response.qrPayload.isEmpty()) {
        if (order.state != OrderState::Creating)
            return;
        // The order exists but the query does not carry its QR: known to exist, not showable.
        to = OrderState::Unknown;
        details.reason = QStringLiteral("outcome unknown after restart");
    }
    if (auto moved = m_orderLog.transition(order.id, to, details); !moved) {
        ++m_report.errors;
        m_report.errorDetails.append(order.mchOrderNo + u": " + describe(moved.error()));
        return;
    }
    noteChange(order);
}

void Reconciler::settle(const Order &order, OrderState to, const QString &note)
{
    // CREATING cannot jump to a closed state directly: it first becomes UNKNOWN (restart).
    if (order.state == OrderState::Creating && to != OrderState::Failed)
        (void)m_orderLog.transition(order.id, OrderState::Unknown,
                                    {QStringLiteral("reconciler"), QStringLiteral("outcome unknown after restart"), {}, {}, {}, 0, 0, {}});
    auto outcome = m_orderLog.transition(order.id, to, {QStringLiteral("reconciler"), note, {}, {}, {}, 0, 0, {}});
    if (!outcome) {
        ++m_report.errors;
        m_report.errorDetails.append(order.mchOrderNo + u": " + describe(outcome.error()));
        return;
    }
    noteChange(order);
}

void Reconciler::noteChange(const Order &before)
{
    auto after = m_orderLog.orderById(before.id);
    if (!after || after->state == before.state)
        return;
    ++m_report.changed;
    m_report.changes.append({before.mchOrderNo, before.state, after->state,
                             after->late ? QStringLiteral("late payment") : QString()});
}

} // namespace paydesk
