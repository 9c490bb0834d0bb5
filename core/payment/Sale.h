#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "gateway/PaymentGateway.h"
#include "orders/OrderLog.h"
#include "payment/PaymentLifecycle.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace paydesk {

struct SaleConfig
{
    QString terminalId = QStringLiteral("POS01");
    QString cashier;
    QString notifyUrl;
    QString subject = QStringLiteral("PayDesk sale");
    QString productId = QStringLiteral("POS");
    QString clientIp = QStringLiteral("127.0.0.1");
    qint64 validityMs = 5 * 60 * 1000; // the QR is offered this long
    int watchIntervalMs = 50; // order-row check (PRAGMA data_version, then one read)
    int graceMs = 5'000; // wait for the notify before querying
    int queryIntervalMs = 3'000; // query_order polling after the grace, jittered ±15 %
    int unknownRetryMs = 2'000; // resolving an UNKNOWN create outcome
    // Scan to pay (ScanSale): while the customer confirms, query this often (jittered ±20 %,
    // so every 2–3 s) until the limit, counted from the create.
    int scanQueryIntervalMs = 2'500;
    qint64 scanPendingLimitMs = 90'000;
};

// One sale = one order = at most one gateway order (design.md "A sale, step by step"), driving
// the PaymentLifecycle, which owns every state move and rule; this class owns the timing.
// Persists before the network, watches its order row, falls back to query_order after a grace,
// queries once more before expiring or cancelling, and resolves an UNKNOWN create outcome by
// query before anything else. PAID, from the relay or a query, always wins.
class Sale : public QObject
{
    Q_OBJECT

public:
    Sale(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, QObject *parent = nullptr);
    ~Sale() override;

    // Single use: a second call fails with Duplicate. Errors before anything is persisted
    // (bad amount, channel or currency; store unavailable) are returned and nothing is charged.
    Result<void> start(const Money &amount, Channel channel);

    // Asks the gateway once more, then CANCELLED (or PAID if the customer just paid).
    void requestCancel();

    const Order &order() const { return m_order; }
    OrderState state() const { return m_order.state; }
    bool isClosed() const { return isClosedState(m_order.state); }
    bool isClosing() const { return m_closing; }
    qint64 remainingMs() const;
    QString qrPayload() const { return m_order.qrPayload; }
    const Error &lastError() const { return m_lastError; }

Q_SIGNALS:
    void stateChanged(paydesk::OrderState state);
    void qrReady(const QString &payload);
    void errorOccurred(const paydesk::Error &error);
    void finished(paydesk::OrderState state);

private:
    enum class CloseReason {
        Invalid = 0,
        Expired,
        Cancelled
    };

    void onCreateFinished(GatewayCall *call);
    void onQueryFinished(GatewayCall *call);
    void watchTick();
    void sendQuery();
    void scheduleNextQuery(int delayMs);
    void beginClose(CloseReason reason);
    void finishClose();
    void applyStep(const LifecycleStep &step);
    void reportError(const Error &error);
    void stopTimers();
    void reload();

    OrderLog &m_orderLog;
    PaymentGateway &m_gateway;
    const Clock &m_clock;
    PaymentLifecycle m_lifecycle;
    SaleConfig m_config;

    Order m_order;
    Error m_lastError;
    bool m_started = false;
    bool m_closing = false;
    CloseReason m_closeReason = CloseReason::Invalid;
    qint64 m_expiryMonotonicMs = 0;
    qint64 m_awaitingSinceMonotonicMs = 0;
    qint64 m_lastDataVersion = -1;
    QPointer<GatewayCall> m_pendingQuery;
    QTimer m_watchTimer;
    QTimer m_queryTimer;
};

} // namespace paydesk
