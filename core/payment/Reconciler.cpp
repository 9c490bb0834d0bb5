#include "Reconciler.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcReconcile, "paydesk.reconcile")

namespace paydesk {

using namespace Qt::StringLiterals;

Reconciler::Reconciler(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, QObject *parent)
    : QObject(parent), m_orderLog(orderLog), m_gateway(gateway), m_clock(clock), m_lifecycle(orderLog, clock)
{}

void Reconciler::run(qint64 windowMs, const QSet<qint64> &skipOrderIds)
{
    if (m_running)
        return;
    m_running = true;
    m_report = ReconcileReport();
    m_queue.clear();
    auto open = m_orderLog.openOrdersSince(m_clock.nowUtcMs() - windowMs, m_storeId);
    if (!open) {
        m_report.errors = 1;
        m_report.errorDetails.append(describe(open.error()));
    } else {
        const qint64 youngestOnline = m_clock.nowUtcMs() - m_onlineMinimumAgeMs;
        const qint64 youngestCounter = m_clock.nowUtcMs() - m_counterMinimumAgeMs;
        for (const Order &order : *open) {
            const bool beingCreated = order.source == OrderSource::Counter ? order.createdAtMs > youngestCounter
                                                                           : order.createdAtMs > youngestOnline;
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
            qCInfo(lcReconcile) << "examined" << m_report.examined << "changed" << m_report.changed << "still open"
                                << m_report.stillOpen << "errors" << m_report.errors;
        }
        Q_EMIT finished(m_report);
        return;
    }
    const Order listed = m_queue.takeFirst();
    ++m_report.examined;
    // Only one reconciler at a time asks about (or settles) an order (store mode: several relays
    // on one database; the claim is a session advisory lock, held across processes); another
    // holding it is settling it now.
    const auto claimed = m_orderLog.tryClaimOrder(listed.id);
    if (!claimed || !*claimed) {
        if (!claimed)
            noteError(listed, describe(claimed.error()));
        else
            ++m_report.claimedElsewhere;
        QMetaObject::invokeMethod(this, &Reconciler::next, Qt::QueuedConnection);
        return;
    }
    // Read again under the claim: another reconciler (or a notify) may have settled it since the
    // list was read, and its claim is gone once it finished — asking again would only repeat it.
    const auto fresh = m_orderLog.orderById(listed.id);
    if (!fresh || !isOpenState(fresh->state)) {
        if (!fresh)
            noteError(listed, describe(fresh.error()));
        else
            ++m_report.settledElsewhere;
        m_orderLog.releaseOrder(listed.id);
        QMetaObject::invokeMethod(this, &Reconciler::next, Qt::QueuedConnection);
        return;
    }
    const Order &order = *fresh;
    if (order.state == OrderState::New) {
        // Persisted but CREATING was never written: the request was never sent.
        settle(order, OrderState::Failed, QStringLiteral("never sent to the gateway"));
        m_orderLog.releaseOrder(order.id);
        QMetaObject::invokeMethod(this, &Reconciler::next, Qt::QueuedConnection);
        return;
    }
    GatewayCall *call = m_gateway.queryOrder({order.mchOrderNo, {}});
    call->setParent(this);
    connect(call, &GatewayCall::finished, this, [this, call, order] {
        call->deleteLater();
        onQueryFinished(call, order);
        m_orderLog.releaseOrder(order.id);
        next();
    });
}

void Reconciler::onQueryFinished(GatewayCall *call, const Order &order)
{
    m_lifecycle.recordExchange(order.id, QStringLiteral("query_order"), call->requestJson(), call->result());
    const LifecycleStep step
        = m_lifecycle.queryAnswered(order, call->result(), m_gateway, QStringLiteral("reconciler"));
    if (step.storeError) {
        noteError(order, describe(*step.storeError));
        return;
    }
    switch (step.kind) {
    case LifecycleStep::Kind::QueryFailed:
        noteError(order, describe(step.error.value_or(Error{})));
        return;
    case LifecycleStep::Kind::Refused:
        noteError(order, u"paid at the gateway but not applied ("_s + describe(step.error.value_or(Error{})) + u')');
        return;
    case LifecycleStep::Kind::Awaiting:
    case LifecycleStep::Kind::Unknown:
    case LifecycleStep::Kind::StillOpen:
        if (step.order && m_lifecycle.isPastValidity(*step.order)) {
            auto expired = m_lifecycle.close(*step.order, OrderState::Expired, QStringLiteral("validity window ended"),
                                             QStringLiteral("reconciler"));
            if (!expired) {
                noteError(order, describe(expired.error()));
                return;
            }
        } else {
            ++m_report.stillOpen;
        }
        break;
    case LifecycleStep::Kind::Failed:
    case LifecycleStep::Kind::Paid:
    case LifecycleStep::Kind::Closed:
    case LifecycleStep::Kind::Invalid:
        break;
    }
    noteChange(order);
}

void Reconciler::settle(const Order &order, OrderState to, const QString &note)
{
    if (auto outcome = m_lifecycle.close(order, to, note, QStringLiteral("reconciler")); !outcome) {
        noteError(order, describe(outcome.error()));
        return;
    }
    noteChange(order);
}

void Reconciler::noteError(const Order &order, const QString &detail)
{
    ++m_report.errors;
    m_report.errorDetails.append(order.mchOrderNo + u": "_s + detail);
}

void Reconciler::noteChange(const Order &before)
{
    auto after = m_orderLog.orderById(before.id);
    if (!after || after->state == before.state)
        return;
    ++m_report.changed;
    m_report.changes.append(
        {before.mchOrderNo, before.state, after->state, after->late ? QStringLiteral("late payment") : QString()});
}

} // namespace paydesk
