#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "gateway/PaymentGateway.h"
#include "orders/OrderLog.h"
#include "orders/PaymentWatch.h"
#include "payment/PaymentLifecycle.h"

#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

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
    int watchIntervalMs = 50; // order-row check (PRAGMA data_version, then one read); local checks in store mode
    // Store mode (payments pushed, PaymentWatch): the row is re-read on a hint for this order and
    // after a reconnect, and this often anyway as a safety net.
    int safetyPollMs = 3'000;
    int graceMs = 5'000; // wait for the notify before querying
    int queryIntervalMs = 3'000; // query_order polling after the grace, jittered ±15 %
    int unknownRetryMs = 2'000; // resolving an UNKNOWN create outcome
    // Scan to pay (ScanSale): while the customer confirms, query this often (jittered ±20 %,
    // so every 2–3 s) until the limit, counted from the create.
    int scanQueryIntervalMs = 2'500;
    qint64 scanPendingLimitMs = 90'000;
};

// What a counter sale (Sale, QR) and a scan sale (ScanSale) share: the order they drive through
// the PaymentLifecycle, one query at a time, the close (ask the gateway once more, then EXPIRED
// or CANCELLED unless PAID got there first), re-reading the row after every step, and reporting
// errors. Each kind keeps its own create and its own timing.
class SaleBase : public QObject
{
    Q_OBJECT

public:
    ~SaleBase() override;

    // Asks the gateway once more, then CANCELLED (or PAID if the customer just paid).
    void requestCancel();

    const Order &order() const { return m_order; }
    OrderState state() const { return m_order.state; }
    bool isClosed() const { return isClosedState(m_order.state); }
    bool isClosing() const { return m_closing; }
    const Error &lastError() const { return m_lastError; }
    // Store mode: paid at the gateway, waiting for the store's relay to confirm (PaidAwaitingRelay).
    bool isPaidAtGateway() const { return m_paidAtGateway && !isClosed(); }

Q_SIGNALS:
    void stateChanged(paydesk::OrderState state);
    void errorOccurred(const paydesk::Error &error);
    void finished(paydesk::OrderState state);

protected:
    // How each kind names itself: the order events' actor ("sale"), the log lines' prefix and
    // category, and why an order it gives up on expires.
    struct Identity
    {
        QString actor;
        const char *logName = "";
        const QLoggingCategory &(*category)() = nullptr;
        QString expiryReason;
    };

    enum class CloseReason {
        Invalid = 0,
        Expired, // the QR's validity or the customer's confirmation ran out
        Cancelled
    };

    SaleBase(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, SaleConfig config, Identity identity,
             QObject *parent);

    Result<void> checkStart(const Money &amount) const; // single use, an amount
    NewOrder newOrder(Channel channel, const Money &amount, qint64 validityMs) const;
    OrderRequest orderRequest() const; // the create_order of m_order, without the kind's extras

    void sendQuery();
    virtual void onQueryFinished(GatewayCall *call) = 0;
    // sendQuery()'s answer, recorded and read by the lifecycle; nothing once the sale is closed.
    // With `quietFailure` a failed or still-open poll's error is only logged, not reported.
    std::optional<LifecycleStep> answerQuery(GatewayCall *call, bool quietFailure);
    void beginClose(CloseReason reason);
    void finishClose();
    void reportStepErrors(const LifecycleStep &step);
    void reportError(const Error &error);
    void reload();
    // A hint that this sale's order may have moved (store mode): re-read the row, trust only it.
    void onPaymentHint(const QString &mchOrderNo);
    void onReconnected();
    // Store mode: the row read again, or the close that could not be written written now.
    void catchUp();
    // From reload(), when the row's state moved, before stateChanged.
    virtual void onStateMoved(OrderState before) { (void)before; }
    virtual void stopTimers() { m_queryTimer.stop(); }

    OrderLog &m_orderLog;
    PaymentGateway &m_gateway;
    const Clock &m_clock;
    PaymentLifecycle m_lifecycle;
    SaleConfig m_config;
    Identity m_identity;

    Order m_order;
    Error m_lastError;
    bool m_started = false;
    bool m_closing = false;
    CloseReason m_closeReason = CloseReason::Invalid;
    QPointer<GatewayCall> m_pendingQuery;
    QPointer<PaymentWatch> m_watch; // store mode: payments pushed; null on a single file (polled)
    bool m_storeLost = false; // a re-read failed for want of the store: said once, until it is back
    // Store mode: the gateway said paid but this terminal may not record it (PaidAwaitingRelay):
    // the sale is never closed EXPIRED or CANCELLED on top of that; it waits for the relay.
    bool m_paidAtGateway = false;
    // The close (EXPIRED/CANCELLED) could not be written for want of the store: written again
    // after the reconnect, or at the next safety re-read.
    bool m_closePending = false;
    QTimer m_queryTimer; // single shot: sendQuery()
};

} // namespace paydesk
