#pragma once

#include "common/Clock.h"
#include "gateway/PaymentGateway.h"
#include "orders/OrderLog.h"
#include "payment/PaymentLifecycle.h"

#include <QObject>
#include <QSet>
#include <QStringList>

namespace paydesk {

struct ReconcileChange
{
    QString mchOrderNo;
    OrderState before = OrderState::Invalid;
    OrderState after = OrderState::Invalid;
    QString note;
};

struct ReconcileReport
{
    int examined = 0;
    int changed = 0;
    int stillOpen = 0;
    int errors = 0;
    int claimedElsewhere = 0; // being reconciled by another process (store mode): left to it
    int settledElsewhere = 0; // closed between the listing and the claim (another relay, a notify)
    QList<ReconcileChange> changes;
    QStringList errorDetails;
};

// Resolves every open order (NEW, CREATING, UNKNOWN, AWAITING) of a window by asking the
// gateway, one at a time, through the PaymentLifecycle's rules: paid -> PAID, closed -> EXPIRED,
// never made at the gateway -> FAILED, still open but past its validity -> EXPIRED, otherwise
// left open (CREATING/UNKNOWN become AWAITING with the QR from the query, or UNKNOWN when the
// query carries none).
// Runs on start-up and on demand.
class Reconciler : public QObject
{
    Q_OBJECT

public:
    Reconciler(OrderLog &orderLog, PaymentGateway &gateway, const Clock &clock, QObject *parent = nullptr);

    // Only orders of `gateway` (PaymentGateway::name()) are asked about: the order log also
    // holds orders the relay created at another gateway, e.g. iOnline Pay.
    // Only orders from these sources (all when empty): the relay asks about the online orders
    // it created and leaves counter orders to the terminal whose sale may still be live.
    void setSources(QList<OrderSource> sources) { m_sources = std::move(sources); }
    // Online orders (mini program, app) created less than this long ago are left alone: the
    // relay's endpoint may be creating them right now (it waits up to its gateway deadline).
    // Counter orders are not affected (a live sale here is skipped by id). Default 60 s.
    void setOnlineMinimumAgeMs(qint64 ms) { m_onlineMinimumAgeMs = ms; }
    // Counter orders created less than this long ago are left alone (default 0: the terminal's
    // own reconciler skips its live sale by id). The store's relay, which cannot see another
    // process's live sale, waits past the counter's gateway deadline before asking.
    void setCounterMinimumAgeMs(qint64 ms) { m_counterMinimumAgeMs = ms; }
    // Only the orders of this store (all when empty): in a chain each store's relay may use its
    // own merchant account, and another store's orders are unknown to it at the gateway.
    void setStoreId(const QString &storeId) { m_storeId = storeId; }

    // Orders a live Sale in this process is handling are skipped.
    void run(qint64 windowMs = 24LL * 60 * 60 * 1000, const QSet<qint64> &skipOrderIds = {});
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const paydesk::ReconcileReport &report);

private:
    void next();
    void onQueryFinished(GatewayCall *call, const Order &order);
    void settle(const Order &order, OrderState to, const QString &note);
    void noteError(const Order &order, const QString &detail);
    void noteChange(const Order &before);

    OrderLog &m_orderLog;
    PaymentGateway &m_gateway;
    const Clock &m_clock;
    PaymentLifecycle m_lifecycle;
    QList<Order> m_queue;
    ReconcileReport m_report;
    bool m_running = false;
    QList<OrderSource> m_sources;
    qint64 m_onlineMinimumAgeMs = 60'000;
    qint64 m_counterMinimumAgeMs = 0;
    QString m_storeId;
};

} // namespace paydesk

Q_DECLARE_METATYPE(paydesk::ReconcileReport)
