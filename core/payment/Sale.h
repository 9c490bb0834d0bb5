#pragma once

#include "payment/SaleBase.h"

#include <QTimer>

namespace paydesk {

// One sale = one order = at most one gateway order (design.md "A sale, step by step"), driving
// the PaymentLifecycle, which owns every state move and rule; this class owns the timing.
// Persists before the network, watches its order row, falls back to query_order after a grace,
// queries once more before expiring or cancelling, and resolves an UNKNOWN create outcome by
// query before anything else. PAID, from the relay or a query, always wins.
class Sale : public SaleBase
{
    Q_OBJECT

public:
    Sale(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, QObject *parent = nullptr);
    ~Sale() override;

    // Single use: a second call fails with Duplicate. Errors before anything is persisted
    // (bad amount, channel or currency; store unavailable) are returned and nothing is charged.
    Result<void> start(const Money &amount, Channel channel);

    qint64 remainingMs() const;
    QString qrPayload() const { return m_order.qrPayload; }

Q_SIGNALS:
    void qrReady(const QString &payload);

private:
    void onCreateFinished(GatewayCall *call);
    void onQueryFinished(GatewayCall *call) override;
    void watchTick();
    void scheduleNextQuery(int delayMs);
    void applyStep(const LifecycleStep &step);
    void onStateMoved(OrderState before) override;
    void stopTimers() override;

    qint64 m_expiryMonotonicMs = 0;
    qint64 m_awaitingSinceMonotonicMs = 0;
    qint64 m_lastDataVersion = -1;
    qint64 m_nextSafetyReadMonotonicMs = 0; // store mode
    QTimer m_watchTimer;
};

} // namespace paydesk
