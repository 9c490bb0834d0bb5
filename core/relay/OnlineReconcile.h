#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "gateway/GatewayRegistry.h"
#include "gateway/PaymentGateway.h"
#include "payment/Reconciler.h"

#include "orders/OrderLog.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace paydesk {

struct OnlineReconcileOptions
{
    QString orderLogPath;
    int busyTimeoutMs = 10'000;
    int intervalMs = 60'000; // between passes; the first runs at start()
    qint64 windowMs = 48LL * 60 * 60 * 1000; // orders created this recently are examined
    qint64 minimumAgeMs = 60'000; // above the endpoint's gateway wait: never race a live create
    // Whose orders: the online ones the endpoint created, and (store mode) the counters' too.
    QList<OrderSource> sources{OrderSource::MiniProgram, OrderSource::App};
    qint64 counterMinimumAgeMs = 60'000; // above a counter's gateway deadline: never race a live sale
    // The relay's store in a chain: only its orders are asked about (another store's may be under
    // another merchant account, unknown to this one's). Empty: every store's (a single store).
    QString storeId;
    QList<GatewayEntry::ClientFactory> gateways; // each makes one gateway's client, in start()'s thread
};

struct OnlineReconcileTotals
{
    qint64 passes = 0; // completed passes, all gateways together
    qint64 examined = 0;
    qint64 changed = 0;
    qint64 errors = 0;
    qint64 lastPassUtcMs = 0; // 0 before the first pass completes
};

// The relay's own reconciliation of open orders, at each gateway of the relay's registry that
// has a client: the online orders it created (mini program and app) and, with Counter among the
// sources, the counters' orders older than a grace period — on a PostgreSQL store only the
// relay's role may mark an order PAID, so a payment whose notifications all went by while the
// relays were down is confirmed here. An order whose create ended UNKNOWN, or that is still open
// past its validity, is resolved by asking its gateway, exactly as the terminal's Reconciler
// does. Each order is claimed (OrderLog::tryClaimOrder) so that two relays never settle it twice.
// Created and started in one thread (the relay's main thread), which must run an event loop; it
// has its own order-log connection, so the notify path's worker threads never wait for it.
class OnlineReconcile : public QObject
{
    Q_OBJECT

public:
    OnlineReconcile(OnlineReconcileOptions options, const Clock &clock, QObject *parent = nullptr);

    Result<void> start(); // opens its own order-log connection, runs a pass, then every interval
    void runPass(); // now, unless a pass is running
    bool isRunning() const;
    OnlineReconcileTotals totals() const; // any thread

Q_SIGNALS:
    void passFinished(const paydesk::ReconcileReport &report); // all gateways of one pass together

private:
    void onGatewayFinished(const ReconcileReport &report);

    // Declared so that they are destroyed in the safe order: the reconcilers (and their calls)
    // first, then the gateways, the network manager, and last the order log they write to.
    OnlineReconcileOptions m_options;
    const Clock &m_clock;
    std::unique_ptr<OrderLog> m_orderLog;
    QNetworkAccessManager m_network;
    std::vector<std::unique_ptr<PaymentGateway>> m_gateways;
    std::vector<std::unique_ptr<Reconciler>> m_reconcilers; // one per gateway
    QTimer m_timer;
    int m_pending = 0;
    ReconcileReport m_pass;
    std::atomic<qint64> m_passes{0};
    std::atomic<qint64> m_examined{0};
    std::atomic<qint64> m_changed{0};
    std::atomic<qint64> m_errors{0};
    std::atomic<qint64> m_lastPassUtcMs{0};
};

} // namespace paydesk
